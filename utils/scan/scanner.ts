// The content-side engine: watches the feed, reads each post once per identity + text, and
// mounts or removes its badge row. Reads for a whole batch come before any write, and a large
// batch is spread over frames so an endless feed never freezes the page.
//
// The page's own changes are answered in the mutation callback, before the page renders them: a
// post and its row appear in the same frame, so the page lays out, paints and composites once per
// batch rather than once for the posts and again for their rows (on a long feed each such frame
// is the page's most expensive work; npm run bench:feed).
import type { PostSnapshot, SiteAdapter } from '../sites/types';
import { textFingerprint } from './fingerprint';

/** What render returns for a post whose work is not finished yet: the scanner asks again next frame. */
export const RENDER_LATER = Symbol('render later');

export interface ScannerOptions {
  adapter: SiteAdapter;
  doc: Document;
  /**
   * Builds the badge row for a post, or returns null when the post names no model. A post too
   * long to finish before `deadline` returns RENDER_LATER and is given the same snapshot again in
   * the next frame.
   */
  render(snapshot: PostSnapshot, deadline: number): Element | null | typeof RENDER_LATER;
  /** The tag of the badge row host, so our own insertions are never mistaken for page changes. */
  hostTag: string;
  /** Called after each write phase with the rows it inserted (to decorate them asynchronously). */
  onRendered?(hosts: Element[]): void;
  /** Timer for the re-checks after navigation (tests pass a fake). */
  later?: (callback: () => void, ms: number) => void;
  /** Per-frame work budget in ms; the rest of a batch waits for the next frame. */
  budgetMs?: number;
  schedule?: (callback: () => void) => void;
  now?: () => number;
}

interface Read {
  post: Element;
  snapshot: PostSnapshot | null;
  fingerprint: string;
}

interface PostState {
  fingerprint: string;
  /** Our row for this post, wherever the adapter put it (some sites' rows sit after the post). */
  host: Element | null;
  /** The refresh this row was rendered in: an older one is rendered again. */
  generation: number;
}

export interface Scanner {
  start(): void;
  stop(): void;
  /** Forget what was rendered and render every post again, in place (new dataset or settings). */
  refresh(): void;
  /** After a single-page-app navigation: observe the new feed root if it changed, scan what is new. */
  retarget(): void;
}

const RECHECK_AFTER_NAVIGATION_MS = [250, 1_000, 3_000];

export function createScanner(options: ScannerOptions): Scanner {
  const { adapter, doc, hostTag } = options;
  const upperTag = hostTag.toUpperCase();
  const budgetMs = options.budgetMs ?? 8;
  const schedule = options.schedule ?? ((cb) => requestAnimationFrame(() => cb()));
  const now = options.now ?? (() => performance.now());
  const later = options.later ?? ((cb, ms) => void setTimeout(cb, ms));

  let states = new WeakMap<Element, PostState>();
  let generation = 0;
  const queue = new Set<Element>();
  /** Posts whose render asked for more time, with the snapshot it is working on. */
  const unfinished = new Map<Element, Read>();
  let scheduled = false;
  let observer: MutationObserver | null = null;
  let observedRoot: Element | null = null;

  const isOurs = (node: Node) => node.nodeName === upperTag;
  /** A record of our own rows going in (indexed, not spread: this runs for every page mutation). */
  const onlyOursAdded = ({ addedNodes, removedNodes }: MutationRecord) => {
    if (addedNodes.length === 0) return false;
    for (let i = 0; i < addedNodes.length; i++) if (!isOurs(addedNodes[i]!)) return false;
    for (let i = 0; i < removedNodes.length; i++) if (!isOurs(removedNodes[i]!)) return false;
    return true;
  };

  function flushLater() {
    if (!scheduled) {
      scheduled = true;
      schedule(flush);
    }
  }

  function enqueueWithin(node: Element) {
    for (const post of adapter.posts(node)) queue.add(post);
  }

  function onMutations(records: MutationRecord[]) {
    for (const record of records) {
      if (record.type === 'childList') {
        if (onlyOursAdded(record)) continue;
        for (const node of record.addedNodes)
          if (node.nodeType === Node.ELEMENT_NODE && !isOurs(node)) enqueueWithin(node as Element);
      }
      const target =
        record.target.nodeType === Node.ELEMENT_NODE
          ? (record.target as Element)
          : record.target.parentElement;
      const post = target ? adapter.closestPost(target) : null;
      if (post) queue.add(post);
    }
    // A single-page app can swap the whole feed container; follow it.
    const root = adapter.root(doc);
    if (root && root !== observedRoot) observe(root);
    // Work already waiting for a frame takes this batch along; otherwise answer it now.
    if (queue.size > 0 && !scheduled) flush();
  }

  function observe(root: Element) {
    observer?.disconnect();
    observedRoot = root;
    observer = new MutationObserver(onMutations);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    enqueueWithin(root);
    flushLater();
  }

  function flush() {
    scheduled = false;
    if (!observer) return;
    // Reading and writing share the frame's budget: reads stop at half of it, leaving the rest
    // for the writes of what was read (a row costs about what a read does).
    const frameStart = now();
    const readDeadline = frameStart + budgetMs / 2;
    // Posts still being worked on go first, with the snapshot their work started from.
    const reads = new Map(unfinished);
    unfinished.clear();
    // Read phase: no DOM writes until every post in this slice has been read.
    for (const post of queue) {
      queue.delete(post);
      if (!post.isConnected) {
        reads.delete(post);
        continue;
      }
      const snapshot = adapter.read(post);
      const fingerprint = snapshot ? `${snapshot.key}\u0000${textFingerprint(snapshot.text)}` : '';
      const state = states.get(post);
      const unchanged =
        (state &&
          state.generation === generation &&
          state.fingerprint === fingerprint &&
          (!state.host || state.host.isConnected)) ||
        reads.get(post)?.fingerprint === fingerprint;
      if (!unchanged) reads.set(post, { post, snapshot, fingerprint });
      if (now() > readDeadline) break;
    }
    // Write phase.
    const deadline = frameStart + budgetMs;
    const inserted: Element[] = [];
    for (const read of reads.values()) {
      const { post, snapshot, fingerprint } = read;
      if (!post.isConnected) continue;
      states.get(post)?.host?.remove();
      const rendered = snapshot ? options.render(snapshot, deadline) : null;
      let host: Element | null = null;
      if (rendered !== null && rendered !== RENDER_LATER) {
        const anchor = adapter.anchor(post);
        if (anchor) {
          host = rendered;
          anchor.parent.insertBefore(host, anchor.before);
          inserted.push(host);
        }
      }
      // Stray rows from an earlier identity of a recycled node go too: never two rows in a post.
      for (const stray of post.querySelectorAll(hostTag)) if (stray !== host) stray.remove();
      if (rendered === RENDER_LATER) {
        states.delete(post);
        unfinished.set(post, read);
      } else states.set(post, { fingerprint, host, generation });
    }
    if (inserted.length) options.onRendered?.(inserted);
    if (queue.size > 0 || unfinished.size > 0) flushLater();
  }

  function removeAllRows() {
    for (const host of doc.querySelectorAll(hostTag)) host.remove();
  }

  return {
    start() {
      if (observer) return;
      const root = adapter.root(doc);
      if (root) observe(root);
    },
    stop() {
      observer?.disconnect();
      observer = null;
      observedRoot = null;
      queue.clear();
      unfinished.clear();
      states = new WeakMap();
      removeAllRows();
    },
    retarget() {
      if (!observer) return;
      const check = () => {
        if (!observer) return;
        const root = adapter.root(doc);
        if (root && root !== observedRoot) observe(root);
        else if (observedRoot) {
          enqueueWithin(observedRoot);
          flushLater();
        }
      };
      check();
      // The address can change before the app swaps in the new page's feed, and mutations inside
      // a detached root never arrive: look again while the new page settles.
      for (const ms of RECHECK_AFTER_NAVIGATION_MS) later(check, ms);
    },
    refresh() {
      if (!observer || !observedRoot) return;
      // Old rows stay until each post's new one replaces them, found through the post's state
      // (a row outside its post is no stray the write phase could see): a new dataset or setting
      // never blanks the feed for a frame, and never leaves a post two rows.
      generation++;
      unfinished.clear();
      enqueueWithin(observedRoot);
      flushLater();
    },
  };
}
