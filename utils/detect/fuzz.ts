// Test helper: deterministic inputs for the detector's golden test (golden.test.ts). Corpus posts
// as written, glued together, cut at random places, re-cased, with their spaces swapped for
// look-alikes, and made-up posts of dataset words (aliases, versions, context words, vetoes,
// joiners, units) with random punctuation, CJK, emoji and full-width forms in between. Nothing
// here ships in the extension.
import type { Detection } from '../dataset/schema';

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILLER = [
  ' ',
  ' ',
  ' ',
  ' ',
  '\n',
  '\t',
  ', ',
  '. ',
  '! ',
  '? ',
  ': ',
  '; ',
  ' - ',
  ' — ',
  '(',
  ')',
  '[',
  ']',
  '"',
  "'",
  '’',
  '‘',
  '“',
  '”',
  '«',
  '»',
  '#',
  '＃',
  '@',
  '/',
  '.',
  ':',
  '%',
  '$',
  '€',
  '_',
  '-',
  '‐',
  '–',
  '\u00a0',
  '\u3000',
  '\u2009',
  '\u202f',
  'の',
  'で',
  'は',
  '、',
  '。',
  '的',
  '用',
  '视频',
  '動画',
  '영상',
  '으로',
  '🔥',
  '😾',
  '🎬',
  '👉',
  'é',
  'ß',
  'Ω',
  'ж',
  'x',
  'a',
  'the',
  'and',
  'with',
  'is',
  'my',
  'new',
  'vs',
  'than',
  'in',
  'of',
  '0',
  '1',
  '2',
  '3',
  '5',
  '9',
  '10',
  '24',
  '1080p',
  'v',
  'V',
  'q',
  'o',
  'Gen',
  'pro',
  'turbo',
  'fast',
  'lite',
  'max',
  '.0',
  '.1',
  '.5',
  '2.1',
  'ｖ',
  '２',
  '．',
  '５',
  'Ａ',
  'ｉ',
  '\ud83d',
  '\ude00',
];

const VERSIONS = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '1.0',
  '1.5',
  '1.6',
  '2.0',
  '2.1',
  '2.2',
  '2.5',
  '2.6',
  '3.0',
  '3.1',
  '22',
  '31',
  'v1',
  'V5',
  'v2.1',
  'v4.5',
  '1-5',
  '2_1',
  'o1',
  'O3',
  'gen-4',
  'Gen 4',
  'Gen-3',
  'Gen4',
  'gen-4.5',
  'ray2',
  'Ray 3',
  '1:0',
  'v1:0',
  '3.0-generate-001',
  '２．１',
  'ｖ５',
  'omni',
  'Omni',
  '2 pro',
  '2-pro',
  'Pro',
  'Turbo',
  'Master',
  '2.5 Turbo',
  'S2V',
  'I2V',
  'T2V',
  '14B',
];

function vocabulary(d: Detection): string[] {
  const words = new Set<string>();
  const add = (w: string | undefined) => {
    if (!w || w === '{number}') return;
    words.add(w.replace(/\*$/, ''));
  };
  for (const a of d.aliases) add(a.text);
  for (const a of d.aliases) for (const n of a.negativeContext ?? []) add(n);
  for (const list of Object.values(d.contextWords)) for (const w of list) add(w);
  for (const list of Object.values(d.videoWords ?? {})) for (const w of list) add(w);
  for (const w of d.negativeContext) add(w);
  for (const g of d.groups ?? [])
    for (const w of [
      ...(g.context ?? []),
      ...(g.negative ?? []),
      ...(g.before ?? []),
      ...(g.after ?? []),
      ...(g.use ?? []),
    ])
      add(w);
  const settings = d.settings ?? {};
  for (const w of [
    ...(settings.tierWords ?? []),
    ...(settings.versionVetoWords ?? []),
    ...(settings.personTitles ?? []),
  ])
    add(w);
  for (const list of Object.values(d.versions ?? {}))
    for (const e of list) for (const f of [e.v, ...(e.forms ?? [])]) add(f);
  for (const j of d.settings?.versionJoiners ?? []) add(j);
  for (const u of d.settings?.unitWords ?? []) add(u);
  return [...words].sort();
}

const SPACES = ['\u00a0', '\u3000', '\u2009', '\u202f', '  ', '\n', '-', '_', ''];

function recase(s: string, r: () => number): string {
  const k = r();
  if (k < 0.3) return s.toUpperCase();
  if (k < 0.6) return s.toLowerCase();
  if (k < 0.8) return s.charAt(0).toUpperCase() + s.slice(1);
  let out = '';
  for (const ch of s) out += r() < 0.5 ? ch.toUpperCase() : ch.toLowerCase();
  return out;
}

function fullWidth(s: string, r: () => number): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c >= 0x21 && c <= 0x7e && r() < 0.5 ? String.fromCharCode(c + 0xfee0) : ch;
  }
  return out;
}

/** Deterministic detector inputs from a corpus and the detection section they are scored with. */
export function fuzzInputs(corpus: string[], d: Detection, count = 4000, seed = 7): string[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const vocab = vocabulary(d);
  const out: string[] = [...corpus];
  const word = (): string => {
    const k = r();
    if (k < 0.45) return pick(vocab);
    if (k < 0.6) return pick(VERSIONS);
    return pick(FILLER);
  };
  for (let n = 0; n < count; n++) {
    const kind = n % 8;
    let s: string;
    if (kind === 0) {
      // Several posts glued together.
      const parts: string[] = [];
      for (let k = 1 + Math.floor(r() * 4); k >= 0; k--) parts.push(pick(corpus));
      s = parts.join(pick(['', ' ', '\n', ' | ', '#', '、']));
    } else if (kind === 1) {
      // A piece of a post, cut anywhere (even inside a surrogate pair or a name).
      const t = pick(corpus);
      const a = Math.floor(r() * t.length);
      s = t.slice(a, a + 1 + Math.floor(r() * (t.length - a)));
    } else if (kind === 2) {
      const t = pick(corpus);
      s = recase(t, r);
    } else if (kind === 3) {
      const t = pick(corpus);
      s = t.replace(/ /g, () => (r() < 0.3 ? pick(SPACES) : ' '));
      if (r() < 0.3) s = fullWidth(s, r);
    } else if (kind === 4) {
      // A post with dataset words spliced in.
      const t = pick(corpus);
      let cur = t;
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) {
        const at = Math.floor(r() * (cur.length + 1));
        let w = pick(vocab);
        if (r() < 0.5) w += pick(['', ' ', '-', '_', '/', 'の', "'s "]) + pick(VERSIONS);
        cur = cur.slice(0, at) + pick(FILLER) + recase(w, r) + pick(FILLER) + cur.slice(at);
      }
      s = cur;
    } else {
      // A made-up post of dataset words, versions and filler.
      const parts: string[] = [];
      const len = 1 + Math.floor(r() * (kind === 7 ? 60 : 14));
      for (let k = 0; k < len; k++) {
        let w = word();
        if (r() < 0.3) w = recase(w, r);
        if (r() < 0.05) w = fullWidth(w, r);
        parts.push(w);
        const sep = r();
        if (sep < 0.6) parts.push(' ');
        else if (sep < 0.75) parts.push(pick(FILLER));
        else if (sep < 0.85) parts.push(pick(SPACES));
      }
      s = parts.join('');
    }
    out.push(s);
  }
  // Long posts: many mentions, context words past the scanner's span buffers, back-references.
  for (let n = 0; n < 12; n++) {
    const parts: string[] = [];
    for (let k = 0; k < 40 + n * 20; k++) parts.push(pick(corpus));
    out.push(parts.join(pick(['\n', ' ', ''])));
  }
  return out;
}
