// Shows which badged posts are saved. The page lists the saved keys once (keys only, no values),
// then keeps that set current from storage.onChanged when any tab saves or unsaves: marking a
// batch of new rows is a lookup, not a storage call per batch. Only the background writes saved
// posts.
import { BADGE_TAG } from '@/components/badgeRow';
import { SAVED_PREFIX } from '@/utils/saved/keys';

// Compared as data, not spliced into a selector: post keys come from the page.
const hostFor = (doc: Document, postKey: string) =>
  Array.from(doc.querySelectorAll<HTMLElement>(BADGE_TAG)).find(
    (h) => h.getAttribute('data-ff-key') === postKey,
  ) ?? null;

function setSaved(host: Element | null, saved: boolean): void {
  if (saved) host?.setAttribute('data-saved', '');
  else host?.removeAttribute('data-saved');
}

/** Post keys of every saved post: getKeys where the browser has it, all of storage otherwise. */
async function savedPostKeys(): Promise<string[]> {
  const local = browser.storage.local as typeof browser.storage.local & {
    getKeys?: () => Promise<string[]>;
  };
  const keys = local.getKeys
    ? await local.getKeys()
    : Object.keys(await browser.storage.local.get(null));
  return keys.filter((k) => k.startsWith(SAVED_PREFIX)).map((k) => k.slice(SAVED_PREFIX.length));
}

export function trackSavedMarks(doc: Document) {
  let saved: Set<string> | null = null;
  /** Saves and unsaves seen before the listing arrived: newer than what it may say. */
  const early = new Map<string, boolean>();
  let waiting: Element[] = [];

  const markNow = (hosts: Element[], keys: Set<string>) => {
    for (const host of hosts)
      if (keys.has(host.getAttribute('data-ff-key') ?? '')) setSaved(host, true);
  };

  // A removal arrives without newValue (browsers) or with null (fake-browser): both mean unsaved.
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    for (const [key, change] of Object.entries(changes)) {
      if (!key.startsWith(SAVED_PREFIX)) continue;
      const postKey = key.slice(SAVED_PREFIX.length);
      const isSaved = change.newValue != null;
      if (!saved) early.set(postKey, isSaved);
      else if (isSaved) saved.add(postKey);
      else saved.delete(postKey);
      setSaved(hostFor(doc, postKey), isSaved);
    }
  };
  browser.storage.onChanged.addListener(listener);

  void savedPostKeys()
    .catch(() => [])
    .then((keys) => {
      const known = new Set(keys);
      for (const [postKey, isSaved] of early)
        if (isSaved) known.add(postKey);
        else known.delete(postKey);
      early.clear();
      saved = known;
      markNow(waiting, known);
      waiting = [];
    });

  return {
    /** New rows start unmarked: only the saved ones get a write. */
    mark(hosts: Element[]) {
      if (saved) markNow(hosts, saved);
      else waiting.push(...hosts);
    },
    stop: () => browser.storage.onChanged.removeListener(listener),
  };
}
