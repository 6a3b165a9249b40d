// Character tables shared by the compiler and the scanner. Offsets stay UTF-16 indices into the
// original text: instead of normalising the text (which can change its length), every code unit
// is mapped through these tables.

/** A capital A-Z. */
export const isUpperAscii = (c: number) => c >= 0x41 && c <= 0x5a;
/** A-Z to a-z; every other code unit as it is. */
export const toLowerAscii = (c: number) => (c >= 0x41 && c <= 0x5a ? c | 0x20 : c);

/** Letters and digits of alphabetic scripts: a Latin alias must not touch one on either side. */
export const WORD = 1;
/** CJK, kana and Hangul: no spaces between words, so a pattern may start at any of them. */
export const CJK = 2;

let flagsTable: Uint8Array | null = null;

/** Per UTF-16 code unit: WORD | CJK bits. Built once per page; the same for every dataset. */
export function charFlags(): Uint8Array {
  if (flagsTable) return flagsTable;
  const f = new Uint8Array(65536);
  // The WORD and CJK ranges never overlap, so filling a range sets exactly its bit.
  const mark = (from: number, to: number, bit: number) => f.fill(bit, from, to + 1);
  mark(0x30, 0x39, WORD);
  mark(0x41, 0x5a, WORD);
  mark(0x61, 0x7a, WORD);
  f[0xaa] = f[0xb5] = f[0xba] = WORD;
  mark(0xc0, 0x2af, WORD); // Latin-1 letters, Latin Extended, IPA
  f[0xd7] = f[0xf7] = 0; // × ÷
  mark(0x300, 0x36f, WORD); // combining accents belong to the word they sit on
  mark(0x370, 0x52f, WORD); // Greek, Cyrillic
  mark(0x1e00, 0x1eff, WORD); // Latin Extended Additional (Vietnamese)
  mark(0x660, 0x669, WORD); // Arabic-Indic digits ("سورا ٢")
  mark(0x6f0, 0x6f9, WORD); // Eastern Arabic-Indic (Persian, Urdu)
  mark(0xff10, 0xff19, WORD); // full-width digits and letters
  mark(0xff21, 0xff3a, WORD);
  mark(0xff41, 0xff5a, WORD);
  mark(0x1100, 0x11ff, CJK); // Hangul Jamo
  mark(0x3040, 0x30ff, CJK); // kana
  mark(0x3130, 0x318f, CJK); // Hangul compatibility Jamo
  mark(0x3400, 0x4dbf, CJK);
  mark(0x4e00, 0x9fff, CJK);
  mark(0xac00, 0xd7af, CJK); // Hangul syllables
  mark(0xf900, 0xfaff, CJK);
  mark(0xff66, 0xff9f, CJK); // half-width kana
  flagsTable = f;
  return f;
}

/** Code units that match a pattern character besides its own case variants. */
const EQUIVALENTS: Record<string, number[]> = {
  "'": [0x2018, 0x2019, 0x02bc, 0xff07],
  '-': [0x2010, 0x2011, 0x2012, 0x2013, 0xff0d],
  ' ': [0xa0, 0x2009, 0x202f, 0x3000],
  '#': [0xff03],
  '.': [0xff0e],
};

/** How a pattern is written before matching: NFKC, lower case, one kind of apostrophe and dash. */
export function normalizePattern(s: string): string {
  // Printable ASCII with single inner spaces (most patterns) only changes case.
  let plain = s.length > 0;
  for (let i = 0; i < s.length && plain; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) plain = false;
    else if (c === 0x20 && (i === 0 || i === s.length - 1 || s.charCodeAt(i - 1) === 0x20))
      plain = false;
  }
  if (plain) return s.toLowerCase();
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2013]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Assigns a class to every code unit that can appear in a pattern, folding case, full-width
 * forms and the equivalents above; everything else is class 0. Returns the number of classes and
 * appends every code unit it gave a class to `assigned`.
 */
export function assignClasses(
  chars: Iterable<string>,
  cls: Uint16Array,
  assigned: number[],
): number {
  let next = 1;
  const set = (code: number, id: number) => {
    if (cls[code]) return;
    cls[code] = id;
    assigned.push(code);
  };
  for (const ch of chars) {
    const code = ch.charCodeAt(0);
    if (cls[code]) continue;
    const id = next++;
    set(code, id);
    const upper = ch.toUpperCase();
    if (upper.length === 1) set(upper.charCodeAt(0), id);
    if (code >= 0x21 && code <= 0x7e) {
      set(code + 0xfee0, id); // full-width form
      if (upper.length === 1) set(upper.charCodeAt(0) + 0xfee0, id);
    }
    for (const eq of EQUIVALENTS[ch] ?? []) set(eq, id);
  }
  return next;
}
