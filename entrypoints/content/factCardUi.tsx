// Mounts the React fact card once per page, the first time a pill is opened.
import { createRoot } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { FactCard } from '@/components/FactCard';

let mounted: Promise<void> | null = null;

export function ensureFactCardUi(ctx: ContentScriptContext): Promise<void> {
  mounted ??= createShadowRootUi(ctx, {
    name: 'frame-facts-card',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      const root = createRoot(container);
      root.render(<FactCard />);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  }).then((ui) => ui.mount());
  return mounted;
}
