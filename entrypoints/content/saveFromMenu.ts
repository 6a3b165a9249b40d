// "Save post to Frame Facts" from the context menu: remembers what the pointer was on when the
// menu opened, and saves the post around it through the background.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { showToast } from '@/components/toast';
import type { Mention } from '@/utils/detect/types';
import { onMessage, sendMessage } from '@/utils/messaging';
import type { SaveResult, SavePostInput } from '@/utils/saved/types';
import type { SiteAdapter } from '@/utils/sites/types';

type Detect = (text: string) => { mentions: Mention[]; datasetVersion: number | null };

/** Saves the post containing `target`; returns whether it was saved and what to tell the user. */
export async function savePostAt(
  target: Element | null,
  adapter: SiteAdapter,
  detect: Detect,
  save: (input: SavePostInput) => Promise<SaveResult>,
): Promise<{ ok: boolean; message: string }> {
  const post = target ? adapter.closestPost(target) : null;
  const snapshot = post ? adapter.read(post) : null;
  if (!snapshot) return { ok: false, message: browser.i18n.getMessage('toastNoPost') };
  const { mentions, datasetVersion } = detect(snapshot.text);
  const result = await save({
    site: adapter.id,
    post: snapshot,
    mentions: mentions.map(({ family, modelId, version }) => ({ family, modelId, version })),
    datasetVersion,
  }).catch(() => null);
  if (result?.ok) return { ok: true, message: browser.i18n.getMessage('toastSaved') };
  const full = result?.error === 'storage-full';
  return {
    ok: false,
    message: browser.i18n.getMessage(full ? 'errorStorageFull' : 'errorGeneric'),
  };
}

export function handleSaveFromMenu(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  detect: Detect,
): () => void {
  let target: Element | null = null;
  ctx.addEventListener(
    document,
    'contextmenu',
    (event) => {
      const el = event.composedPath()[0];
      target = el instanceof Element ? el : null;
    },
    { capture: true },
  );
  return onMessage('savePostUnderPointer', async () => {
    const { ok, message } = await savePostAt(target, adapter, detect, (input) =>
      sendMessage('savePost', input),
    );
    showToast(document, message);
    return ok;
  });
}
