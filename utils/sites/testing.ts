// Test helpers for the adapter unit tests: load a fixture page into happy-dom's document.
// Imported by *.test.ts only; never by the extension.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PostSnapshot, SiteAdapter } from './types';

// Vitest runs from the repository root.
const FIXTURES = resolve(process.cwd(), 'tests/fixtures');

/** Parses `tests/fixtures/<path>` into the global document, at address `url`. */
export function loadFixture(path: string, url: string): Document {
  const html = readFileSync(resolve(FIXTURES, path), 'utf8');
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(
    ...Array.from(parsed.body.childNodes, (n) => document.importNode(n, true)),
  );
  return document;
}

/** All posts under the adapter's root, read. */
export function readAll(adapter: SiteAdapter, doc: Document = document): PostSnapshot[] {
  const root = adapter.root(doc) ?? doc.body;
  return Array.from(adapter.posts(root), (p) => adapter.read(p)).filter(
    (s): s is PostSnapshot => s !== null,
  );
}

/** The text of the element right before the anchor point (what the badge row follows). */
export function anchoredAfter(adapter: SiteAdapter, post: Element): Element | null {
  const a = adapter.anchor(post);
  if (!a) return null;
  const prev = a.before ? a.before.previousSibling : a.parent.lastChild;
  let n: Node | null = prev;
  while (n && n.nodeType !== 1) n = n.previousSibling;
  return (n as Element | null) ?? null;
}
