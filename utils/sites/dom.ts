// DOM helpers shared by the site adapters. No site knowledge here: selectors stay in each site file.

/** True for Elements from any window (content scripts and tests can see nodes from other realms). */
export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

/** The outermost element matching `selector` that contains (or is) `node`. */
export function outermost(node: Element, selector: string): Element | null {
  let found = node.closest(selector);
  for (
    let up = found?.parentElement?.closest(selector);
    up;
    up = up.parentElement?.closest(selector)
  ) {
    found = up;
  }
  return found;
}

/**
 * Posts matching `selector` inside `root`, and `root` itself when it matches. With `nested:
 * 'outer'`, a post nested in another (a YouTube lockup inside a grid item) counts as the outer one,
 * so one card never gets two badges.
 */
export function findPosts(
  root: ParentNode,
  selector: string,
  nested: 'all' | 'outer' = 'all',
): Element[] {
  const found: Element[] = [];
  if (isElement(root) && root.matches(selector)) found.push(root);
  found.push(...Array.from(root.querySelectorAll(selector)));
  if (nested === 'all') return found;
  const seen = new Set<Element>();
  for (const el of found) {
    const outer = outermost(el, selector);
    if (outer) seen.add(outer);
  }
  return [...seen];
}

/**
 * Posts under `root`, and `root` itself, for a site whose posts never hold another post (X): the
 * walk stops at each post, where querySelectorAll would visit every one of its hundreds of nodes,
 * and a root inside a post holds none.
 */
export function findFlatPosts(root: ParentNode, selector: string): Element[] {
  if (isElement(root)) {
    if (root.matches(selector)) return [root];
    if (root.parentElement?.closest(selector)) return [];
  }
  const found: Element[] = [];
  let el = root.firstElementChild;
  while (el) {
    let next: Element | null = null;
    if (el.matches(selector)) found.push(el);
    else next = el.firstElementChild;
    // Then the next sibling, else the next sibling of the nearest ancestor below root that has one.
    for (let up: Element | null = el; !next && up && up !== root; up = up.parentElement)
      next = up.nextElementSibling;
    el = next;
  }
  return found;
}

/** Address of the page the element lives in. */
export function pageUrl(el: Element): string {
  return el.ownerDocument.URL || el.baseURI;
}

/** `href` made absolute against the element's page, or null when it is missing or unparsable. */
export function absUrl(href: string | null | undefined, el: Element): URL | null {
  if (!href) return null;
  try {
    return new URL(href, el.baseURI || pageUrl(el));
  } catch {
    return null;
  }
}

/** The first element under `root` matching one of the selectors, tried in order (preferred first). */
export function firstOf(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = root.querySelector(s);
    if (el) return el;
  }
  return null;
}

/**
 * A short label element under `post` whose whole text matches `pattern` (platform AI labels such as
 * "AI-generated" have no stable hook, only their wording). Returns the label's text.
 */
export function findLabel(
  post: Element,
  candidates: string,
  pattern: RegExp,
  exclude?: string,
): string | null {
  for (const el of post.querySelectorAll(candidates)) {
    // Never the post's own words: "my AI-generated clip" in a caption is not the platform's label.
    if (exclude && el.closest(exclude)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length > 0 && text.length <= 80 && pattern.test(text)) return text;
  }
  return null;
}

/** Anchor just after `el`, inside its parent. */
export function after(
  el: Element | null | undefined,
): { parent: Element; before: Node | null } | null {
  if (!el?.parentElement) return null;
  return { parent: el.parentElement, before: el.nextSibling };
}

/** Short stable hash (FNV-1a, base 36) for keys of posts that expose no id at all. */
export function hashKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Elements under `root` matching `selector` that are not inside another post than `post`. */
export function ownMatches(post: Element, selector: string, postSelector: string): Element[] {
  return Array.from(post.querySelectorAll(selector)).filter(
    (el) => el.parentElement?.closest(postSelector) === post,
  );
}
