// Badges follow the page's own theme (X has light, dim and dark of its own, independent of the
// system): when the page restyles its root, existing rows are re-themed in place, no re-render.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BADGE_TAG } from '@/components/badgeRow';
import { pageTheme } from '@/utils/scan/pageTheme';

export function followPageTheme(
  ctx: ContentScriptContext,
  onChange: (theme: 'light' | 'dark') => void,
) {
  let theme = pageTheme(document);
  const update = () => {
    const next = pageTheme(document);
    if (next === theme) return;
    theme = next;
    for (const row of document.querySelectorAll<HTMLElement>(BADGE_TAG)) row.dataset.theme = next;
    onChange(next);
  };
  const observer = new MutationObserver(update);
  for (const el of [document.documentElement, document.body])
    if (el)
      observer.observe(el, { attributes: true, attributeFilter: ['style', 'class', 'data-theme'] });
  const media = matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', update);
  ctx.onInvalidated(() => {
    observer.disconnect();
    media.removeEventListener('change', update);
  });
  return () => theme;
}
