// Small word sets the scanner tests words against (veto words, titles, tier words): a cheap test
// of length and first letter, then the few listed words of that shape compared in place, since
// most words are in no list and a lower-cased copy of each word cost more than the whole test.
import { normalizePattern, toLowerAscii as lower } from './chars';

export interface WordList {
  /** Lower-case words. */
  words: Set<string>;
  /** 1 at each length an ASCII-only text word may have to be listed. */
  lens: Uint8Array;
  /** 1 at each lower-case ASCII first letter of a listed word. */
  firsts: Uint8Array;
  /**
   * The ASCII words bucketed by shape (shapeOf): bucket b holds ascii[at[b], at[b + 1]). A text
   * word made of ASCII can only equal one of these.
   */
  at: Int32Array;
  ascii: string[];
  mask: number;
}

const isAscii = (w: string) => {
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) >= 0x80) return false;
  return true;
};

/** A bucket from a word's length and its first and last code units (lower case). */
const shapeOf = (len: number, first: number, last: number, mask: number) =>
  ((len * 7) ^ first ^ (last << 2)) & mask;

/** `normalized`: the words are already normalizePattern's output (the collision groups' are). */
export function wordList(list: readonly string[], normalized = false): WordList {
  const words = new Set(normalized ? list : list.map((w) => normalizePattern(w)));
  let maxLen = 0;
  const ascii: string[] = [];
  for (const w of words) {
    maxLen = Math.max(maxLen, w.length);
    if (w.length !== 0 && isAscii(w)) ascii.push(w);
  }
  const lens = new Uint8Array(maxLen + 1);
  const firsts = new Uint8Array(128);
  for (const w of words) {
    lens[w.length] = 1;
    const c = w.charCodeAt(0);
    if (c < 128) firsts[c] = 1;
  }
  let size = 1;
  while (size < ascii.length * 2) size *= 2;
  const mask = size - 1;
  const shape = (w: string) => shapeOf(w.length, w.charCodeAt(0), w.charCodeAt(w.length - 1), mask);
  // Counting sort by bucket: at[b + 1] first counts bucket b, then becomes where it ends.
  const at = new Int32Array(size + 1);
  for (const w of ascii) at[shape(w) + 1]!++;
  for (let b = 0; b < size; b++) at[b + 1]! += at[b]!;
  const fill = at.slice(0, size);
  const sorted: string[] = new Array<string>(ascii.length);
  for (const w of ascii) sorted[fill[shape(w)]!++] = w;
  return { words, lens, firsts, at, ascii: sorted, mask };
}

/** Is text[s, e) lower-cased one of the list's words? */
export function isListed(text: string, s: number, e: number, list: WordList): boolean {
  const len = e - s;
  for (let i = s; i < e; i++)
    if (text.charCodeAt(i) >= 0x80) return list.words.has(text.slice(s, e).toLowerCase());
  if (len === 0 || len >= list.lens.length || list.lens[len] === 0) return false;
  const first = lower(text.charCodeAt(s));
  if (list.firsts[first] === 0) return false;
  const b = shapeOf(len, first, lower(text.charCodeAt(e - 1)), list.mask);
  const ascii = list.ascii;
  for (let x = list.at[b]!, end = list.at[b + 1]!; x < end; x++) {
    const w = ascii[x]!;
    if (w.length !== len) continue;
    let i = 0;
    while (i < len && lower(text.charCodeAt(s + i)) === w.charCodeAt(i)) i++;
    if (i === len) return true;
  }
  return false;
}
