// Version tokens after a model name: "Kling 2.1 Master", "Veo3", "Sora-2-pro", "Runway's Gen-4",
// "HappyHorseの1.1", "veo-3.0-generate-001", "amazon.nova-reel-v1:0". Only versions the dataset
// lists for the family count; everything about the spelling of a version is normalised away.
import type { VersionEntry } from '../dataset/schema';

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

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
  /**
   * ASCII code units (lower case) a later part of a version can start with ("Gen-4", "3-1"):
   * any a key holds after its first, and "0" and "." (a trailing ".0" is dropped). A part
   * starting otherwise ("Veo 3 is") can be in no version, so the parser reads no further.
   */
  next: Uint8Array;
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
  const next = new Uint8Array(128);
  next[0x30] = next[0x2e] = 1;
  for (const e of entries) {
    const info = { v: e.v, model: e.model ?? null };
    for (const form of [e.v, ...(e.forms ?? [])]) {
      const c = form.toLowerCase().charCodeAt(0);
      if (c < 128) first[c] = 1;
      if (c >= 0x30 && c <= 0x39) first[0x76] = 1; // a number may be written with a "v"
      const k = versionKey(form);
      for (let i = 1; i < k.length; i++) if (k.charCodeAt(i) < 128) next[k.charCodeAt(i)] = 1;
      if (!keys.has(k)) keys.set(k, info);
      if (/^\d+(\.\d+)+$/.test(k)) {
        const u = k.replaceAll('.', '');
        if (!undotted.has(u)) undotted.set(u, info);
      }
    }
  }
  const [keysByLen, infoByLen] = byLength(keys);
  const [undottedByLen, undottedInfoByLen] = byLength(undotted);
  return { keys, undotted, first, next, keysByLen, infoByLen, undottedByLen, undottedInfoByLen };
}
