// Shared by adapters: read what a reader sees, including emoji drawn as <img alt>.
const MAX_POST_TEXT = 1_000_000;

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
