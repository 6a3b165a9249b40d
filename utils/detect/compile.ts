// Compiles the dataset's detection section into two tries: the aliases, and every evidence pattern
// (context words, vetoes), each walked as a DFA (walk.ts). Most posts need only the first: the
// second is built and walked only when an ambiguous alias waits for evidence. Walks start only
// where a word can start.
import type { Alias, CollisionGroup, Detection } from '../dataset/schema';
import { assignClasses, charFlags, normalizePattern, WORD } from './chars';
import { buildVersionTable, type VersionInfo, type VersionTable } from './versions';
import { buildWalk, type Walk } from './walk';
import { wordList, type WordList } from './wordList';

export const K_ALIAS = 0;
export const K_CONTEXT = 1;
export const K_VIDEO = 2;
export const K_GROUP_POS = 3;
export const K_GROUP_NEG = 4;
export const K_NEG = 5;
export const K_ALIAS_NEG = 6;

/** Pattern flags. */
export const F_PREFIX = 1; // "generat*": any word ending
export const F_HASHTAG = 2; // "#ai*": only right after "#"
export const F_END_WORD = 4; // ends with a letter/digit: the next character must not be one
export const F_EXACT = 8; // "KI": only in this case (patExact)

export interface CompiledAlias {
  text: string;
  family: string;
  /** Index of the family among the dataset's families (Matcher.families of them). */
  fam: number;
  model: string | null;
  version: string | null;
  ambiguous: boolean;
  needsVersion: boolean;
  /** Exact spellings allowed (caseSensitive aliases), else null. */
  exact: Set<string> | null;
  capitalized: boolean;
  /** Index into Matcher.groups, or -1. */
  group: number;
  /** Ends with a letter or digit, so the next one (unless a glued version) breaks the match. */
  endsWord: boolean;
  /** Names a version only ("Gen-4", "Aleph"): not a name that corroborates another alias. */
  versionOnly: boolean;
  /** Same for all spellings of one alias: "Dream Machine" and "dreammachine". */
  key: string;
  hasNegatives: boolean;
  /** The fixed version as a lookup result, and the family's version table. */
  fixed: VersionInfo | null;
  table: VersionTable | null;
}

export interface CompiledGroup {
  id: string;
  needsVideo: boolean;
  /** Generic context words do not decide it: another model named in the post does. */
  needsCoMention: boolean;
  coMention: boolean;
  /** "before"/"after" vetoes: one or two lower-case words, or CJK phrases matched as written. */
  beforeWords: WordList;
  beforeCjk: string[];
  afterWords: WordList;
  afterCjk: string[];
  afterNumber: boolean;
  /** Some "before" entry has two words. */
  beforeTwoWords: boolean;
  afterTwoWords: boolean;
  /** Before-words veto only the name in lower case (the verb in "si veo", not "si Veo 3"). */
  beforeLowerOnly: boolean;
  /** After-words veto the capitalised name only at a sentence's start ("a Veo un clip" is not). */
  afterLowerOrInitialOnly: boolean;
  /** Words right before the capitalised name that show it used as a tool ("in Runway"). */
  useWords: WordList;
}

/** A walk with the patterns it reports: per trie node, the patterns ending there. */
export interface PatternWalk extends Walk {
  /** Class per code unit, for walks deeper than their DFA's states (walk.ts). */
  cls: Uint16Array;
  /** Patterns ending at each trie node (by node number). */
  outStart: Int32Array;
  outList: Int32Array;
  patKind: Uint8Array;
  patRef: Int32Array;
  patFlags: Uint8Array;
  /** The spelling of an F_EXACT pattern, case kept; null for the others. */
  patExact: (string | null)[];
}

export interface Matcher {
  flags: Uint8Array;
  /** The alias trie, walked as a DFA. */
  aliasWalk: PatternWalk;
  /**
   * The evidence walk (context words, vetoes), its patterns, classes and trie included, built
   * when a post first needs evidence (evidenceWalk(m)): many pages never do, and it was most of
   * the cost of a cold compile beyond the aliases.
   */
  evidence: PatternWalk | null;
  buildEvidence: (() => PatternWalk) | null;
  aliases: CompiledAlias[];
  groups: CompiledGroup[];
  versions: Map<string, VersionTable>;
  joiners: string[];
  /** Code unit -> 1 if a joiner starts with it. */
  joinerFirst: Uint8Array;
  families: number;
  backrefWindow: number;
  unitWords: Set<string>;
  /** Tier words that may be glued to a version ("Kling2.5Turbo"), lower case. */
  tierWords: WordList;
  /** Words right after a number that make it no version ("year": "Mochi 1 year old"), lower case. */
  versionVetoWords: WordList;
  /** Titles before a person's name ("Dr", "Herr"), lower case. */
  personTitles: WordList;
  /** How near a video word must be to decide a bare name; -1: anywhere (settings.mediaWindow). */
  mediaWindow: number;
  /** Words before the name / glued after it that make it the tool ("with Kling", "Klingで"). */
  instrumentBefore: WordList;
  instrumentBeforeCjk: string[];
  instrumentAfter: WordList;
  instrumentAfterCjk: string[];
}

/**
 * Trie levels that become DFA states (walk.ts), for patterns that start with a CJK character or
 * not; walks deeper than that are followed outside the DFA. Every level as states made 4 MB of
 * tables, built cold on every page load; these cuts keep 0.75 MB and half the build, for ~5-8%
 * of throughput on the dev corpus, whose posts name models all the time (walks run deep there).
 */
export const DEFAULT_CUTS: Cuts = { alias: 6, evidence: 4, cjk: 1 };

export interface Cuts {
  alias: number;
  evidence: number;
  cjk: number;
}

interface Pattern {
  key: string;
  kind: number;
  ref: number;
  flags: number;
  exact?: string;
}

const SEPARATED = /[ \-_]/;

/** The matcher's evidence walk, built on first use. */
export function evidenceWalk(m: Matcher): PatternWalk {
  if (m.evidence === null) {
    m.evidence = m.buildEvidence!();
    m.buildEvidence = null;
  }
  return m.evidence;
}

/**
 * Spellings of an alias: "Dream Machine" is also written "dream-machine", "dream_machine",
 * "dreammachine"; a multi-word alias may carry a possessive ("OpenAI's Sora").
 */
export function aliasVariants(text: string): string[] {
  const base = normalizePattern(text);
  const out = new Set([base]);
  if (SEPARATED.test(base)) {
    for (const sep of [' ', '-', '_', '']) out.add(base.replace(/[ \-_]/g, sep));
  }
  const words = base.split(' ');
  if (words.length > 1 && /^[a-z0-9]+$/.test(words[0]!)) {
    out.add(`${words[0]}'s ${words.slice(1).join(' ')}`);
  }
  return [...out];
}

function patternFlags(key: string, flags: Uint8Array): { key: string; flags: number } {
  let f = 0;
  let k = key;
  if (k.length > 1 && k.startsWith('#')) {
    f |= F_HASHTAG;
    k = k.slice(1);
  }
  if (k.length > 1 && k.endsWith('*')) {
    f |= F_PREFIX;
    k = k.slice(0, -1);
  }
  if (flags[k.charCodeAt(k.length - 1)]! & WORD) f |= F_END_WORD;
  return { key: k, flags: f };
}

function splitVetoes(list: string[], flags: Uint8Array) {
  const latin: string[] = [];
  const cjk: string[] = [];
  let number = false;
  for (const raw of list) {
    if (raw === '{number}') {
      number = true;
      continue;
    }
    const p = normalizePattern(raw);
    if (flags[p.charCodeAt(0)]! & WORD) latin.push(p);
    else cjk.push(p);
  }
  const two = latin.some((w) => w.includes(' '));
  return { words: wordList(latin, true), cjk, number, two };
}

function aliasOrder(a: Alias): number {
  if (a.caseSensitive || a.capitalized) return 0;
  return a.ambiguous ? 2 : 1;
}

/** Classes, trie and DFA for one set of patterns (the aliases, or the evidence words). */
function buildPatternWalk(
  patterns: Pattern[],
  flags: Uint8Array,
  bareStarts: boolean,
  cut: number,
  cjkCut: number,
): PatternWalk {
  // Classes: every code unit used by a pattern, case-folded. An astral character (an emoji) is
  // two units, each with a class of its own, walked like any other two characters.
  const cls = new Uint16Array(65536);
  const seen = new Uint8Array(65536);
  const units: number[] = [];
  let keyUnits = 0;
  let longest = 0;
  for (const p of patterns) {
    const k = p.key;
    keyUnits += k.length;
    if (k.length > longest) longest = k.length;
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      if (seen[c] === 0) {
        seen[c] = 1;
        units.push(c);
      }
    }
  }
  const chars = units.sort((x, y) => x - y).map((c) => String.fromCharCode(c));
  const assigned: number[] = [];
  const classes = assignClasses(chars, cls, assigned);

  // The trie: one transition map (node * classes + class -> child), nodes numbered as created
  // (node 0 the root).
  const maxNodes = keyUnits + 1;
  const parent = new Int32Array(maxNodes);
  const viaCls = new Int32Array(maxNodes);
  const childCount = new Int32Array(maxNodes);
  const endNode = new Int32Array(patterns.length);
  // Open addressing over node * classes + class (a Map of this size is slower to fill).
  let bits = 4;
  while (1 << bits < maxNodes * 2) bits++;
  const mask = (1 << bits) - 1;
  const transKey = new Int32Array(1 << bits).fill(-1);
  const transNode = new Int32Array(1 << bits);
  let nodes = 1;
  for (let pi = 0; pi < patterns.length; pi++) {
    const k = patterns[pi]!.key;
    let node = 0;
    for (let i = 0; i < k.length; i++) {
      const c = cls[k.charCodeAt(i)]!;
      const t = node * classes + c;
      let h = Math.imul(t, 0x9e3779b1) >>> (32 - bits);
      while (transKey[h] !== -1 && transKey[h] !== t) h = (h + 1) & mask;
      if (transKey[h] === -1) {
        const next = nodes++;
        transKey[h] = t;
        transNode[h] = next;
        parent[next] = node;
        viaCls[next] = c;
        childCount[node]!++;
      }
      node = transNode[h]!;
    }
    endNode[pi] = node;
  }
  // Children of every node, grouped.
  const edgeStart = new Int32Array(nodes + 1);
  let edges = 0;
  for (let n = 0; n < nodes; n++) {
    edgeStart[n] = edges;
    edges += childCount[n]!;
  }
  edgeStart[nodes] = edges;
  const edgeCls = new Int32Array(edges);
  const edgeNode = new Int32Array(edges);
  const fill = new Int32Array(nodes);
  for (let n = 1; n < nodes; n++) {
    const p = parent[n]!;
    const e = edgeStart[p]! + fill[p]!++;
    edgeCls[e] = viaCls[n]!;
    edgeNode[e] = n;
  }
  // Outputs per node, in pattern order.
  const outStart = new Int32Array(nodes + 1);
  for (let pi = 0; pi < patterns.length; pi++) outStart[endNode[pi]! + 1]!++;
  for (let n = 0; n < nodes; n++) outStart[n + 1]! += outStart[n]!;
  const outList = new Int32Array(patterns.length);
  fill.fill(0);
  for (let pi = 0; pi < patterns.length; pi++) {
    const n = endNode[pi]!;
    outList[outStart[n]! + fill[n]!++] = pi;
  }

  const trie = { root: 0, nodes, edgeStart, edgeCls, edgeNode, outStart, longest };
  const walk = buildWalk(trie, cls, classes, assigned, flags, bareStarts, cut, cjkCut);

  const patKind = new Uint8Array(patterns.length);
  const patRef = new Int32Array(patterns.length);
  const patFlags = new Uint8Array(patterns.length);
  const patExact: (string | null)[] = [];
  for (let pi = 0; pi < patterns.length; pi++) {
    const p = patterns[pi]!;
    patKind[pi] = p.kind;
    patRef[pi] = p.ref;
    patFlags[pi] = p.flags;
    patExact.push(p.exact ?? null);
  }
  return { ...walk, cls, outStart, outList, patKind, patRef, patFlags, patExact };
}

export function compileMatcher(detection: Detection, cuts = DEFAULT_CUTS): Matcher {
  const flags = charFlags();
  const groupsIn: CollisionGroup[] = detection.groups ?? [];
  const groupIndex = new Map(groupsIn.map((g, i) => [g.id, i]));
  const groups: CompiledGroup[] = groupsIn.map((g) => {
    const before = splitVetoes(g.before ?? [], flags);
    const after = splitVetoes(g.after ?? [], flags);
    return {
      id: g.id,
      needsVideo: g.needs === 'video',
      needsCoMention: g.needs === 'co-mention',
      coMention: g.coMention ?? true,
      beforeWords: before.words,
      beforeCjk: before.cjk,
      afterWords: after.words,
      afterCjk: after.cjk,
      afterNumber: after.number,
      beforeTwoWords: before.two,
      afterTwoWords: after.two,
      beforeLowerOnly: g.beforeLowerOnly ?? false,
      afterLowerOrInitialOnly: g.afterLowerOrInitialOnly ?? false,
      useWords: wordList(g.use ?? []),
    };
  });

  const patterns: Pattern[] = [];
  /** Alias negatives, by alias index: evidence patterns, added when the evidence walk is built. */
  const aliasNegatives: { words: string[]; index: number }[] = [];

  const sorted = detection.aliases
    .map((a, i) => ({ a, i }))
    .sort((x, y) => aliasOrder(x.a) - aliasOrder(y.a) || x.i - y.i)
    .map((x) => x.a);
  const aliases: CompiledAlias[] = [];
  const familyIndex = new Map<string, number>();
  for (const a of sorted) {
    let fam = familyIndex.get(a.family);
    if (fam === undefined) familyIndex.set(a.family, (fam = familyIndex.size));
    const variants = aliasVariants(a.text);
    const index = aliases.length;
    const base = variants[0]!;
    aliases.push({
      text: a.text,
      family: a.family,
      fam,
      model: a.model ?? null,
      version: a.version ?? null,
      ambiguous: a.ambiguous,
      needsVersion: a.needsVersion ?? false,
      exact: null,
      capitalized: a.capitalized ?? false,
      group: a.group ? (groupIndex.get(a.group) ?? -1) : -1,
      endsWord: (flags[base.charCodeAt(base.length - 1)]! & WORD) !== 0,
      versionOnly: a.version !== undefined,
      key: `${a.family}:${base.replace(/[ \-_']/g, '')}`,
      hasNegatives: (a.negativeContext?.length ?? 0) > 0,
      fixed: a.version !== undefined ? { v: a.version, model: a.model ?? null } : null,
      table: null,
    });
    if (a.caseSensitive) {
      // Case-sensitive spellings keep their case in `exact`; the trie itself folds case.
      const exact = new Set<string>([a.text]);
      const raw = a.text.normalize('NFKC');
      if (SEPARATED.test(raw))
        for (const sep of [' ', '-', '_', '']) exact.add(raw.replace(/[ \-_]/g, sep));
      aliases[index]!.exact = exact;
    }
    for (const v of variants) patterns.push({ key: v, kind: K_ALIAS, ref: index, flags: 0 });
    if (a.negativeContext?.length) aliasNegatives.push({ words: a.negativeContext, index });
  }
  const aliasWalk = buildPatternWalk(patterns, flags, true, cuts.alias, cuts.cjk);
  const exactCase = new Set(detection.settings?.exactCase ?? []);
  const buildEvidence = () => {
    const evidence: Pattern[] = [];
    const add = (raw: string, kind: number, ref: number) => {
      const norm = normalizePattern(raw);
      if (!norm) return;
      const { key, flags: f } = patternFlags(norm, flags);
      if (!key) return;
      if (!exactCase.has(raw)) evidence.push({ key, kind, ref, flags: f });
      else {
        // The spelling as written, without a leading "#" or a trailing "*", which patternFlags took.
        const start = f & F_HASHTAG ? 1 : 0;
        const exact = raw.normalize('NFKC').slice(start, start + key.length);
        evidence.push({ key, kind, ref, flags: f | F_EXACT, exact });
      }
    };
    for (const { words, index } of aliasNegatives)
      for (const n of words) add(n, K_ALIAS_NEG, index);
    for (const words of Object.values(detection.contextWords))
      for (const w of words) add(w, K_CONTEXT, -1);
    for (const words of Object.values(detection.videoWords ?? {}))
      for (const w of words) add(w, K_VIDEO, -1);
    for (const w of detection.negativeContext) add(w, K_NEG, -1);
    groupsIn.forEach((g, gi) => {
      for (const w of g.context ?? []) add(w, K_GROUP_POS, gi);
      for (const w of g.negative ?? []) add(w, K_GROUP_NEG, gi);
    });
    return buildPatternWalk(evidence, flags, false, cuts.evidence, cuts.cjk);
  };

  const versions = new Map<string, VersionTable>();
  for (const [family, entries] of Object.entries(detection.versions ?? {}))
    versions.set(family, buildVersionTable(entries));

  for (const a of aliases) a.table = versions.get(a.family) ?? null;
  const settings = detection.settings ?? {};
  const joiners = [...(settings.versionJoiners ?? [' ', '-', '_'])].sort(
    (a, b) => b.length - a.length,
  );
  const joinerFirst = new Uint8Array(65536);
  for (const j of joiners) if (j) joinerFirst[j.charCodeAt(0)] = 1;
  const instrumentBefore = splitVetoes(settings.instrumentBefore ?? [], flags);
  const instrumentAfter = splitVetoes(settings.instrumentAfter ?? [], flags);
  return {
    flags,
    aliasWalk,
    evidence: null,
    buildEvidence,
    aliases,
    groups,
    versions,
    joiners,
    joinerFirst,
    families: familyIndex.size,
    backrefWindow: settings.backrefWindow ?? 0,
    unitWords: new Set((settings.unitWords ?? []).map((w) => w.toLowerCase())),
    tierWords: wordList(settings.tierWords ?? []),
    versionVetoWords: wordList(settings.versionVetoWords ?? []),
    personTitles: wordList(settings.personTitles ?? []),
    mediaWindow: settings.mediaWindow ?? -1,
    instrumentBefore: instrumentBefore.words,
    instrumentBeforeCjk: instrumentBefore.cjk,
    instrumentAfter: instrumentAfter.words,
    instrumentAfterCjk: instrumentAfter.cjk,
  };
}
