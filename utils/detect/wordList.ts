// Small word sets the scanner tests words against (veto words, titles, tier words): a cheap test
// of length and first letter before any substring is built, since most words are in no list.
import { normalizePattern } from './chars';

export interface WordList {
  /** Lower-case words. */
  words: Set<string>;
  /** 1 at each length an ASCII-only text word may have to be listed. */
  lens: Uint8Array;
  /** 1 at each lower-case ASCII first letter of a listed word. */
  firsts: Uint8Array;
}

/** `normalized`: the words are already normalizePattern's output (the collision groups' are). */
export function wordList(list: readonly string[], normalized = false): WordList {
  const words = new Set(normalized ? list : list.map((w) => normalizePattern(w)));
  let maxLen = 0;
  for (const w of words) maxLen = Math.max(maxLen, w.length);
  const lens = new Uint8Array(maxLen + 1);
  const firsts = new Uint8Array(128);
  for (const w of words) {
    lens[w.length] = 1;
    const c = w.charCodeAt(0);
    if (c < 128) firsts[c] = 1;
  }
  return { words, lens, firsts };
}

/** Is text[s, e) lower-cased one of the list's words? */
export function isListed(
  text: string,
  s: number,
  e: number,
  words: Set<string>,
  lens: Uint8Array,
  firsts: Uint8Array,
): boolean {
  const len = e - s;
  let ascii = true;
  for (let i = s; i < e; i++)
    if (text.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii && (len >= lens.length || lens[len] === 0 || firsts[text.charCodeAt(s) | 0x20] === 0))
    return false;
  return words.has(text.slice(s, e).toLowerCase());
}
