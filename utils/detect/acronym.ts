// An all-caps name spelled out in brackets next to it is somebody's acronym, not the model:
// "VEO (Vendor Engagement Office)", "Wide Area Network (WAN)", "SVD (singular value
// decomposition)". Pure code, no dataset words: it holds for any name in any group.
import { isUpperAscii } from './chars';

/** How far a bracketed expansion may run; a definition is a few words, not a sentence. */
const SPAN = 80;
/** Short joining words an acronym usually leaves out ("Department of Transport" is DOT or DT). */
const JOINERS = new Set([
  'a',
  'an',
  'and',
  'de',
  'del',
  'der',
  'des',
  'di',
  'du',
  'e',
  'et',
  'for',
  'für',
  'in',
  'la',
  'of',
  'on',
  'the',
  'to',
  'und',
  'y',
]);

/** Is text[start, end) two to six capitals, spelled out in brackets right after or before it? */
export function definesAcronym(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (len < 2 || len > 6) return false;
  for (let i = start; i < end; i++) if (!isUpperAscii(text.charCodeAt(i))) return false;
  const letters = text.slice(start, end).toLowerCase();
  // "VEO (Vendor Engagement Office)"
  let p = end;
  while (p < text.length && text.charCodeAt(p) === 0x20) p++;
  if (text.charCodeAt(p) === 0x28) {
    const close = text.indexOf(')', p + 1);
    if (close > p && close - p <= SPAN && spells(words(text.slice(p + 1, close)), letters))
      return true;
  }
  // "Vendor Engagement Office (VEO)"
  let q = start;
  while (q > 0 && text.charCodeAt(q - 1) === 0x20) q--;
  if (q > 0 && text.charCodeAt(q - 1) === 0x28 && text.charCodeAt(end) === 0x29) {
    return spells(words(text.slice(Math.max(0, q - 1 - SPAN), q - 1)), letters, true);
  }
  return false;
}

function words(s: string): string[] {
  return s.split(/[\s\-–/]+/u).filter((w) => /^\p{L}/u.test(w));
}

/**
 * Do the words' initials give the letters, with or without their joining words? `trailing`:
 * only the last words count (the expansion ends where the bracket opens).
 */
function spells(list: string[], letters: string, trailing = false): boolean {
  const initials = (ws: string[]) => ws.map((w) => w[0]!.toLowerCase()).join('');
  const full = initials(list);
  const content = initials(list.filter((w) => !JOINERS.has(w.toLowerCase())));
  if (!trailing) return full === letters || content === letters;
  return full.endsWith(letters) || content.endsWith(letters);
}
