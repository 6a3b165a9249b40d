// Version tokens after a model name: "Kling 2.1 Master", "Veo3", "Sora-2-pro", "Runway's Gen-4",
// "HappyHorseの1.1", "veo-3.0-generate-001", "amazon.nova-reel-v1:0". Only versions the dataset
// lists for the family count; everything about the spelling of a version is normalised away.
import type { VersionEntry } from '../dataset/schema';
import { WORD } from './chars';

export interface VersionInfo {
  v: string;
  model: string | null;
}

export interface VersionTable {
  keys: Map<string, VersionInfo>;
  /** "22" -> 2.2, only for versions glued to the name ("#wan22", "Veo31"). */
  undotted: Map<string, VersionInfo>;
  /** ASCII code units (lower case) a version can start with: a cheap first test. */
  first: Uint8Array;
  /** The keys of `keys` and `undotted` by length, with their versions, for lookups in place. */
  keysByLen: string[][];
  infoByLen: VersionInfo[][];
  undottedByLen: string[][];
  undottedInfoByLen: VersionInfo[][];
}

function byLength(map: Map<string, VersionInfo>): [string[][], VersionInfo[][]] {
  const keys: string[][] = [];
  const infos: VersionInfo[][] = [];
  for (const [k, info] of map) {
    while (keys.length <= k.length) {
      keys.push([]);
      infos.push([]);
    }
    keys[k.length]!.push(k);
    infos[k.length]!.push(info);
  }
  return [keys, infos];
}

/**
 * The lookup key of a version spelling: lower case, no separators, ":" as ".", no leading "v"
 * before a digit, no trailing ".0" ("V5" -> "5", "Gen-4" -> "gen4", "3.0" -> "3", "v1:0" -> "1").
 */
export function versionKey(s: string): string {
  let k = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width forms
    if (c === 0x20 || c === 0x2d || c === 0x5f || c === 0x09) continue;
    if (c === 0x3a) c = 0x2e;
    else if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    else if (c >= 0x80) {
      k += s[i]!.toLowerCase();
      continue;
    }
    k += String.fromCharCode(c);
  }
  if (k.length > 1 && k.charCodeAt(0) === 0x76 && isDigit(k.charCodeAt(1))) k = k.slice(1);
  while (k.length > 2 && k.endsWith('.0') && isDigit(k.charCodeAt(k.length - 3)))
    k = k.slice(0, -2);
  return k;
}

export function buildVersionTable(entries: VersionEntry[]): VersionTable {
  const keys = new Map<string, VersionInfo>();
  const undotted = new Map<string, VersionInfo>();
  const first = new Uint8Array(128);
  for (const e of entries) {
    const info = { v: e.v, model: e.model ?? null };
    for (const form of [e.v, ...(e.forms ?? [])]) {
      const c = form.toLowerCase().charCodeAt(0);
      if (c < 128) first[c] = 1;
      if (c >= 0x30 && c <= 0x39) first[0x76] = 1; // a number may be written with a "v"
      const k = versionKey(form);
      if (!keys.has(k)) keys.set(k, info);
      if (/^\d+(\.\d+)+$/.test(k)) {
        const u = k.replaceAll('.', '');
        if (!undotted.has(u)) undotted.set(u, info);
      }
    }
  }
  const [keysByLen, infoByLen] = byLength(keys);
  const [undottedByLen, undottedInfoByLen] = byLength(undotted);
  return { keys, undotted, first, keysByLen, infoByLen, undottedByLen, undottedInfoByLen };
}

export interface ParsedVersion {
  info: VersionInfo;
  end: number;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const NUMERIC = /^[\d.:]+$/;

/**
 * Reads a version of a family's table starting right after a name that ends at `p`. `glued` means
 * the name is directly followed by a letter or digit ("Veo3"): then nothing may sit between.
 */
export function parseVersion(
  text: string,
  p: number,
  table: VersionTable,
  joiners: string[],
  flags: Uint8Array,
): ParsedVersion | null {
  const n = text.length;
  if (p >= n) return null;
  const glued = (flags[text.charCodeAt(p)]! & WORD) !== 0;
  let q = p;
  if (!glued) {
    let found = false;
    for (const j of joiners) {
      if (text.charCodeAt(p) === j.charCodeAt(0) && text.startsWith(j, p)) {
        const r = p + j.length;
        if (r < n && flags[text.charCodeAt(r)]! & WORD) {
          q = r;
          found = true;
          break;
        }
      }
    }
    if (!found) return null;
  }
  let c0 = text.charCodeAt(q);
  if (c0 >= 0xff01 && c0 <= 0xff5e) c0 -= 0xfee0; // full-width forms
  c0 |= 0x20; // ASCII lower case
  if (c0 >= 128 || !table.first[c0]) return null;
  // Up to three parts: runs of letters/digits (with "." or ":" between digits), joined by one of
  // " ", "-", "_".
  const parts: string[] = [];
  const ends: number[] = [];
  const seps: string[] = [];
  let i = q;
  while (parts.length < 3 && i - q < 32) {
    const s = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (flags[c]! & WORD) i++;
      else if (
        (c === 0x2e || c === 0x3a) &&
        i > s &&
        isDigit(text.charCodeAt(i - 1)) &&
        i + 1 < n &&
        isDigit(text.charCodeAt(i + 1))
      )
        i++;
      else break;
    }
    if (i === s) break;
    parts.push(text.slice(s, i));
    ends.push(i);
    const c = text[i];
    if (
      (c === ' ' || c === '-' || c === '_') &&
      i + 1 < n &&
      flags[text.charCodeAt(i + 1)]! & WORD
    ) {
      seps.push(c);
      i++;
    } else break;
  }
  for (let k = parts.length; k >= 1; k--) {
    // Join the first k parts: numbers split by "-"/"_" are dotted ("1-5" -> "1.5"), a word and a
    // number are concatenated ("Gen 4" -> "gen4"), two numbers split by a space are not a version.
    let key = parts[0]!;
    let ok = true;
    for (let m = 1; m < k; m++) {
      const part = parts[m]!;
      if (NUMERIC.test(parts[m - 1]!) && NUMERIC.test(part)) {
        if (seps[m - 1] === ' ') {
          ok = false;
          break;
        }
        key += '.';
      }
      key += part;
    }
    if (!ok) continue;
    const info =
      table.keys.get(versionKey(key)) ??
      (glued && k === 1 ? table.undotted.get(key.toLowerCase()) : undefined);
    if (info) return { info, end: ends[k - 1]! };
  }
  return null;
}
