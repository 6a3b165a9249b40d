// "Dr. Anna Kling", "Prof. Wan", "Herr Kling": a name after a person's title is somebody's
// name, whatever the post is about. The titles are data (settings.personTitles).
import { charFlags, WORD } from './chars';

/** Is the bare name at `start` the title's word, or a capitalised given name after one? */
export function afterPersonTitle(text: string, start: number, titles: Set<string>): boolean {
  if (titles.size === 0) return false;
  const flags = charFlags();
  let p = skipBack(text, start);
  for (let words = 0; words < 2 && p > 0; words++) {
    let s = p;
    while (s > 0 && flags[text.charCodeAt(s - 1)]! & WORD) s--;
    if (s === p) return false;
    if (titles.has(text.slice(s, p).toLowerCase())) return true;
    // Only a capitalised given name may stand between the title and the name.
    const c = text.charCodeAt(s);
    if (!(c >= 0x41 && c <= 0x5a) && !(c >= 0xc0 && c <= 0xde)) return false;
    p = skipBack(text, s);
  }
  return false;
}

/** Back over the spaces (and one title dot) before `p`. */
function skipBack(text: string, p: number): number {
  let q = p;
  while (q > 0 && text.charCodeAt(q - 1) === 0x20) q--;
  if (q > 0 && text.charCodeAt(q - 1) === 0x2e) q--;
  return q;
}
