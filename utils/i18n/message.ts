// Runs wherever UI text is built many times over (badge rows in a long feed). Each getMessage is a
// call into the browser, about 20 µs from a content script, and a page's locale never changes:
// each string is asked for once.
const cache = new Map<string, string>();

type MessageName = Parameters<typeof browser.i18n.getMessage>[0];

export function message(name: MessageName, substitution?: string): string {
  const key = substitution === undefined ? name : `${name}\u0000${substitution}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = browser.i18n.getMessage(name, substitution);
    // Page text (labels) reaches the substitutions: never let them grow without bound.
    if (cache.size >= 500) cache.clear();
    cache.set(key, text);
  }
  return text;
}
