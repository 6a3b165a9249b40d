// "Dr. Anna Kling", "Prof. Wan", "Herr Kling": a name after a person's title is somebody's
// name, whatever the post is about. The titles are data (settings.personTitles).
import { WORD } from './chars';
import { isListed, type WordList } from './wordList';

const isUpper = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde);

/** Is the bare name at `start` the title's word, or a capitalised given name after one? */
export function afterPersonTitle(
  text: string,
  start: number,
  titles: WordList,
  flags: Uint8Array,
): boolean {
  if (titles.words.size === 0) return false;
  let p = skipBack(text, start);
  for (let words = 0; words < 2 && p > 0; words++) {
    let s = p;
    while (s > 0 && flags[text.charCodeAt(s - 1)]! & WORD) s--;
    // Titles and given names are capitalised; most words before a name are not.
    if (s === p || !isUpper(text.charCodeAt(s))) return false;
    if (isListed(text, s, p, titles)) return true;
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
