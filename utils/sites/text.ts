// Shared by adapters: read what a reader sees, including emoji drawn as <img alt>.
const MAX_POST_TEXT = 1_000_000;

// Elements that start a new line when rendered; their text must not run into the previous block
// ("…with Veo 3</p><p>Pricing…" is two lines, not "Veo 3Pricing").
const BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'PRE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TR',
  'TABLE',
  'SECTION',
  'ARTICLE',
  'FIGCAPTION',
]);
// Never text a reader sees.
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

/** Text of `el`, with image alt text (X draws emoji as images), capped so a hostile post cannot stall us. */
export function visibleText(el: Element): string {
  if (!el.querySelector('img[alt]')) return (el.textContent ?? '').slice(0, MAX_POST_TEXT);
  let out = '';
  const walker = el.ownerDocument.createTreeWalker(
    el,
    NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
  );
  for (let n = walker.nextNode(); n && out.length < MAX_POST_TEXT; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) out += n.nodeValue ?? '';
    else if ((n as Element).tagName === 'IMG') out += (n as HTMLImageElement).alt;
  }
  return out.slice(0, MAX_POST_TEXT);
}

/**
 * Like visibleText, but block elements and <br> become line breaks, and `exclude` (a selector)
 * prunes subtrees such as nested posts, buttons or "Show more" links.
 */
export function blockText(el: Element, exclude?: string): string {
  let out = '';
  const visit = (node: Node): void => {
    if (out.length >= MAX_POST_TEXT) return;
    if (node.nodeType === Node.TEXT_NODE) {
      out += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const e = node as Element;
    const tag = e.tagName.toUpperCase();
    if (SKIP.has(tag) || e.getAttribute('hidden') !== null) return;
    if (exclude && e !== el && e.matches(exclude)) return;
    if (tag === 'BR') {
      out += '\n';
      return;
    }
    if (tag === 'IMG') {
      out += (e as HTMLImageElement).alt ?? '';
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) out += '\n';
    for (let c = e.firstChild; c; c = c.nextSibling) visit(c);
    if (block) out += '\n';
  };
  visit(el);
  return out.slice(0, MAX_POST_TEXT);
}

// Exactly what cleanText would change: a run it collapses, a line break it tidies, an end it trims.
const NEEDS_CLEANING = /[\t\f\v\r\u00a0]| {2}| \n|\n[ \n]|^\s|\s$/;

/** Collapses layout whitespace (indentation, runs of blank lines) and trims; keeps line breaks. */
export function cleanText(text: string): string {
  // Most posts need none of it: one test is cheaper than two replacements and a trim.
  if (!NEEDS_CLEANING.test(text)) return text;
  return text
    .replace(/[ \t\f\v\r\u00a0]+/g, ' ')
    .replace(/ ?\n[ \n]*/g, '\n')
    .trim();
}

/** Joins the non-empty parts (title, body, …) of a post with "\n". */
export function joinText(...parts: (string | null | undefined)[]): string {
  return parts
    .map((p) => cleanText(p ?? ''))
    .filter(Boolean)
    .join('\n');
}
