// A pass over a post walks the alias trie from every place a word can start and keeps the longest
// valid alias (with the version after it). Only if an ambiguous alias then needs evidence does a
// second pass walk the evidence trie and note every context word and veto; the ambiguous aliases
// are decided from that, following the guidelines' rules 2-4.
//
// Speed: this runs on every post the page shows, so the hot paths allocate nothing but the
// mentions they return. Hits live in module-level typed scratch arrays, versions and vetoes are
// read in place (char codes, not substrings), and nothing in a loop reads an imported binding
// (some loaders turn those into getter calls).
import { definesAcronym } from './acronym';
import { isUpperAscii as upperAscii, toLowerAscii as lowerAscii } from './chars';
import { afterPersonTitle } from './personTitle';
import { isListed as listedIn, type WordList } from './wordList';
import {
  evidenceWalk,
  type CompiledAlias,
  type CompiledGroup,
  type Matcher,
  type PatternWalk,
} from './compile';
import type { Mention } from './types';
import { versionKey, type VersionInfo, type VersionTable } from './versions';

const WORD = 1;
const K_CONTEXT = 1;
const K_VIDEO = 2;
const K_GROUP_POS = 3;
const K_GROUP_NEG = 4;
const K_NEG = 5;
const K_ALIAS_NEG = 6;
const F_PREFIX = 1;
const F_HASHTAG = 2;
const F_END_WORD = 4;
const F_EXACT = 8;

/** Read once: local bindings, not imports, in the hot path. */
const vKey = versionKey;
const buildEvidence = evidenceWalk;
const isAcronym = definesAcronym;
const afterTitle = afterPersonTitle;
const isListed = listedIn;
const isUpperAscii = upperAscii;
const toLowerAscii = lowerAscii;
const isLowerAscii = (c: number) => c >= 0x61 && c <= 0x7a;

/**
 * What the walk saw besides aliases, kept in module-level scratch (detectMentions never re-enters
 * itself): context and video spans as [start, end] pairs (the first few of either kind, the
 * context words alone, and every video word, in start order, for the ones near a name), and per
 * group / alias the call number that last saw a positive word or a veto, so nothing needs clearing.
 */
const MAX_SPANS = 64;
let ctxSpans = new Int32Array(MAX_SPANS);
let aiSpans = new Int32Array(MAX_SPANS);
let vidSpans = new Int32Array(MAX_SPANS);
let ctxCount = 0;
let aiCount = 0;
let vidCount = 0;
let negSeen = false;
/** Whether this call's evidence pass has run (a long post scanned in slices runs it per slice). */
let evidenceDone = false;
let call = 0;
let stampPos = new Int32Array(0);
let posStart = new Int32Array(0);
let posEnd = new Int32Array(0);
let stampNeg = new Int32Array(0);
let stampAliasNeg = new Int32Array(0);
let stampFamily = new Int32Array(0);
let familyHit = new Int32Array(0);

/**
 * Alias candidates (start, end, pattern) in the order the walk reports them (by end), and
 * evidence patterns found (start, end, trie node): both are sorted by start before use, since
 * a walk from an earlier start is decided (or counted) first.
 */
let candStart = new Int32Array(64);
let candEnd = new Int32Array(64);
let candPat = new Int32Array(64);
let candCount = 0;
let evStart = new Int32Array(64);
let evEnd = new Int32Array(64);
let evNode = new Int32Array(64);
let evCount = 0;
/** The DFA states where the walks stand between two slices of a long post. */
let aliasState = 0;
let evidenceState = 0;

const grow = (a: Int32Array<ArrayBuffer>) => {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
};

/**
 * The hits of one call, in text order (they never overlap): alias index, span, the version and
 * whether it was read after the name, then the decision (H_*) and its evidence.
 */
let cap = 64;
let hitAi = new Int32Array(cap);
let hitStart = new Int32Array(cap);
let hitEnd = new Int32Array(cap);
let hitParsed = new Uint8Array(cap);
let hitState = new Uint8Array(cap);
let hitVer: (VersionInfo | null)[] = [];
let hitEvidence: (string | null)[] = [];
const H_REJECTED = 0;
const H_ACCEPTED = 1;
const H_PENDING = 2;
const H_LATE = 3; // accepted from pending (rule 3)
let hitCount = 0;

function growHits() {
  cap *= 2;
  const grow32 = (a: Int32Array) => {
    const b = new Int32Array(cap);
    b.set(a);
    return b;
  };
  hitAi = grow32(hitAi);
  hitStart = grow32(hitStart);
  hitEnd = grow32(hitEnd);
  const p = new Uint8Array(cap);
  p.set(hitParsed);
  hitParsed = p;
  hitState = new Uint8Array(cap);
}

/** Word starts with a digit, or a v, q or o and a digit, in order: where back-references may start. */
let bareAt = new Int32Array(256);
let bareCount = 0;
/** The next bareAt entry addBackrefs looks at (its calls come in text order). */
let barePos = 0;

/** Result of readVersion besides the version itself: where it ends. */
let verEnd = 0;

const isHash = (c: number) => c === 0x23 || c === 0xff03;

function prepareScratch(m: Matcher) {
  const g = m.groups.length;
  if (stampPos.length < g) {
    stampPos = new Int32Array(g);
    posStart = new Int32Array(g);
    posEnd = new Int32Array(g);
    stampNeg = new Int32Array(g);
  }
  if (stampAliasNeg.length < m.aliases.length) stampAliasNeg = new Int32Array(m.aliases.length);
  if (stampFamily.length < m.families) {
    stampFamily = new Int32Array(m.families);
    familyHit = new Int32Array(m.families);
  }
  if (++call > 0x7ffffff0) {
    call = 1;
    stampPos.fill(0);
    stampNeg.fill(0);
    stampAliasNeg.fill(0);
    stampFamily.fill(0);
  }
  ctxCount = 0;
  aiCount = 0;
  vidCount = 0;
  negSeen = false;
  evidenceDone = false;
  hitCount = 0;
  bareCount = 0;
  barePos = 0;
  candCount = 0;
  evCount = 0;
  walkCovered = 0;
}

export function detectMentions(text: string, m: Matcher): Mention[] {
  prepareScratch(m);
  scanAliases(text, m, 0, text.length);
  return hitCount !== 0 ? decide(text, m) : [];
}

/** Where the alias walk stands between two calls of scanAliases (a long post scanned in slices). */
let walkCovered = 0;

/**
 * Candidates whose start is below `limit` are complete: the walk from there has read as far as
 * the longest pattern. The end of the text completes them all.
 */
const completeBelow = (text: string, w: PatternWalk, to: number) =>
  to >= text.length ? text.length : to - w.maxDepth + 1;

/** The alias walk over text[from, to): aliases may run past `to`, the next slice starts there. */
function scanAliases(text: string, m: Matcher, from: number, to: number): void {
  const w = m.aliasWalk;
  aliasState = walk(text, m, w, from === 0 ? w.start : aliasState, from, to, true);
  if (candCount !== 0) pickAliases(text, m, completeBelow(text, w, to));
}

/**
 * One DFA over text[from, to) from state `st`, chunk by chunk; returns the state it ends in.
 * Both walks share it: the `alias` test runs only where a pattern ends.
 */
function walk(
  text: string,
  m: Matcher,
  w: PatternWalk,
  st: number,
  from: number,
  to: number,
  alias: boolean,
): number {
  const next = w.next;
  const sym = w.sym;
  for (let at = from; at < to; at += CHUNK) {
    const end = Math.min(to, at + CHUNK);
    for (let i = at; i < end; i++) {
      i = run(text, next, sym, st, i, end);
      if (i === end) break;
      st = ~runState;
      if (alias) aliasOutputs(w, st, i);
      else evidenceOutputs(w, st, i);
    }
    st = runState < 0 ? ~runState : runState;
    if (deepCount !== 0) followBelowCut(text, w, alias);
  }
  return st;
}

/** The state run() stopped in. */
let runState = 0;

/**
 * The DFA's steps from state `st` over text[i, end) until a state that reports: returns where
 * (or `end`), the state in runState. A loop of its own, without the outputs' code inlined into it.
 */
function run(
  text: string,
  next: Int32Array,
  sym: Uint8Array | Uint16Array,
  st: number,
  i: number,
  end: number,
): number {
  for (; i < end; i++) {
    st = next[st + sym[text.charCodeAt(i)]!]!;
    if (st < 0) break;
  }
  runState = st;
  return i;
}

/** What the alias walk reports after reading text[i]: a bare version's start, candidates. */
function aliasOutputs(w: PatternWalk, st: number, i: number): void {
  const s = (st * w.inv + 0.5) | 0;
  const b = w.bare[s]!;
  if (b !== 0) {
    if (bareCount === bareAt.length) bareAt = grow(bareAt);
    bareAt[bareCount++] = i + 1 - b;
  }
  for (let q = w.firstOut[s]!; q >= 0; q = w.nextOut[q]!) {
    addCandidates(w, w.node[q]!, i + 1 - w.depth[q]!, i + 1);
    if (w.belowAt[q]! >= 0) noteBelowCut(w.belowAt[q]!, i + 1 - w.depth[q]!, i + 1);
  }
}

/**
 * Walks past the DFA's cut (walk.ts), as (record in `below`, start, end of the prefix), followed
 * after each chunk of the DFA's loop, which stays free of the trie's branchy steps. A chunk, not
 * the slice: candidates are insertion-sorted by start, so they must come nearly in order, and a
 * 1 MB post is one slice. A start's candidates still come in end order (the DFA reports its ends
 * up to the cut, the walk below the rest).
 */
const CHUNK = 256;
let deepRec = new Int32Array(64);
let deepStart = new Int32Array(64);
let deepEnd = new Int32Array(64);
let deepCount = 0;

function noteBelowCut(rec: number, start: number, end: number): void {
  if (deepCount === deepRec.length) {
    deepRec = grow(deepRec);
    deepStart = grow(deepStart);
    deepEnd = grow(deepEnd);
  }
  deepRec[deepCount] = rec;
  deepStart[deepCount] = start;
  deepEnd[deepCount++] = end;
}

function followBelowCut(text: string, w: PatternWalk, alias: boolean): void {
  const below = w.below;
  const cls = w.cls;
  for (let d = 0; d < deepCount; d++) {
    let r = deepRec[d]!;
    const start = deepStart[d]!;
    // Only while the text spells a pattern: a few characters.
    for (let i = deepEnd[d]!; i < text.length; i++) {
      const k = cls[text.charCodeAt(i)]!;
      let e = r + 2;
      const end = e + 2 * below[r + 1]!;
      while (e < end && below[e] !== k) e += 2;
      if (e === end) break;
      r = below[e + 1]!;
      const node = below[r]!;
      if (node >= 0) continue;
      if (alias) addCandidates(w, ~node, start, i + 1);
      else noteEvidence(start, i + 1, ~node);
    }
  }
  deepCount = 0;
}

function addCandidates(w: PatternWalk, node: number, start: number, end: number) {
  const outList = w.outList;
  for (let o = w.outStart[node]!, oe = w.outStart[node + 1]!; o < oe; o++) {
    if (candCount === candStart.length) {
      candStart = grow(candStart);
      candEnd = grow(candEnd);
      candPat = grow(candPat);
    }
    candStart[candCount] = start;
    candEnd[candCount] = end;
    candPat[candCount++] = outList[o]!;
  }
}

/**
 * Sorts the first `count` (start, end, value) triples of three parallel arrays by start, keeping
 * the order of equal starts (an insertion sort: walks report matches nearly in start order).
 */
function sortByStart(
  starts: Int32Array,
  ends: Int32Array,
  values: Int32Array,
  count: number,
): void {
  for (let k = 1; k < count; k++) {
    const s = starts[k]!;
    if (starts[k - 1]! <= s) continue;
    const e = ends[k]!;
    const v = values[k]!;
    let j = k;
    for (; j > 0 && starts[j - 1]! > s; j--) {
      starts[j] = starts[j - 1]!;
      ends[j] = ends[j - 1]!;
      values[j] = values[j - 1]!;
    }
    starts[j] = s;
    ends[j] = e;
    values[j] = v;
  }
}

/** Drops the first `done` of `count` triples, keeping the rest for the next slice; the new count. */
function dropFirst(
  starts: Int32Array,
  ends: Int32Array,
  values: Int32Array,
  done: number,
  count: number,
): number {
  if (done !== 0 && done !== count) {
    starts.copyWithin(0, done, count);
    ends.copyWithin(0, done, count);
    values.copyWithin(0, done, count);
  }
  return count - done;
}

/** Decides the complete candidates, from the first start on; keeps the others for later. */
function pickAliases(text: string, m: Matcher, limit: number): void {
  // Reported by end, wanted by start (then by end, then in dataset order).
  sortByStart(candStart, candEnd, candPat, candCount);
  let covered = walkCovered;
  let k = 0;
  while (k < candCount) {
    const start = candStart[k]!;
    if (start >= limit) break;
    let e = k + 1;
    while (e < candCount && candStart[e] === start) e++;
    // Inside an alias already kept no other one may start.
    if (start >= covered && bestAlias(text, start, k, Math.min(e, k + 256), m))
      covered = hitEnd[hitCount - 1]!;
    k = e;
  }
  walkCovered = covered;
  candCount = dropFirst(candStart, candEnd, candPat, k, candCount);
}

/** The evidence walk over text[from, to): context words and vetoes, wherever they are. */
function scanEvidence(text: string, m: Matcher, from: number, to: number): void {
  const w = m.evidence ?? buildEvidence(m);
  evidenceState = walk(text, m, w, from === 0 ? w.start : evidenceState, from, to, false);
  if (evCount !== 0) applyEvidence(text, m, w, completeBelow(text, w, to));
}

function evidenceOutputs(w: PatternWalk, st: number, i: number): void {
  const outStart = w.outStart;
  for (let q = w.firstOut[(st * w.inv + 0.5) | 0]!; q >= 0; q = w.nextOut[q]!) {
    const node = w.node[q]!;
    const start = i + 1 - w.depth[q]!;
    if (outStart[node + 1]! > outStart[node]!) noteEvidence(start, i + 1, node);
    if (w.belowAt[q]! >= 0) noteBelowCut(w.belowAt[q]!, start, i + 1);
  }
}

function noteEvidence(start: number, end: number, node: number): void {
  if (evCount === evStart.length) {
    evStart = grow(evStart);
    evEnd = grow(evEnd);
    evNode = grow(evNode);
  }
  evStart[evCount] = start;
  evEnd[evCount] = end;
  evNode[evCount++] = node;
}

/** Notes the complete evidence in start order (the first context words are kept as evidence). */
function applyEvidence(text: string, m: Matcher, w: PatternWalk, limit: number): void {
  sortByStart(evStart, evEnd, evNode, evCount);
  let k = 0;
  for (; k < evCount && evStart[k]! < limit; k++)
    outputs(text, m, w, evNode[k]!, evStart[k]!, evEnd[k]!);
  evCount = dropFirst(evStart, evEnd, evNode, k, evCount);
}

/** Everything a call keeps between its walk and its decisions: swapped out while a long post waits. */
interface Scratch {
  ctxSpans: Int32Array<ArrayBuffer>;
  aiSpans: Int32Array<ArrayBuffer>;
  vidSpans: Int32Array<ArrayBuffer>;
  ctxCount: number;
  aiCount: number;
  vidCount: number;
  negSeen: boolean;
  evidenceDone: boolean;
  call: number;
  stampPos: Int32Array<ArrayBuffer>;
  posStart: Int32Array<ArrayBuffer>;
  posEnd: Int32Array<ArrayBuffer>;
  stampNeg: Int32Array<ArrayBuffer>;
  stampAliasNeg: Int32Array<ArrayBuffer>;
  stampFamily: Int32Array<ArrayBuffer>;
  familyHit: Int32Array<ArrayBuffer>;
  cap: number;
  hitAi: Int32Array<ArrayBuffer>;
  hitStart: Int32Array<ArrayBuffer>;
  hitEnd: Int32Array<ArrayBuffer>;
  hitParsed: Uint8Array<ArrayBuffer>;
  hitState: Uint8Array<ArrayBuffer>;
  hitVer: (VersionInfo | null)[];
  hitEvidence: (string | null)[];
  hitCount: number;
  bareAt: Int32Array<ArrayBuffer>;
  bareCount: number;
  barePos: number;
  walkCovered: number;
  candStart: Int32Array<ArrayBuffer>;
  candEnd: Int32Array<ArrayBuffer>;
  candPat: Int32Array<ArrayBuffer>;
  candCount: number;
  evStart: Int32Array<ArrayBuffer>;
  evEnd: Int32Array<ArrayBuffer>;
  evNode: Int32Array<ArrayBuffer>;
  evCount: number;
  aliasState: number;
  evidenceState: number;
}

function saveScratch(): Scratch {
  return {
    ctxSpans,
    aiSpans,
    vidSpans,
    ctxCount,
    aiCount,
    vidCount,
    negSeen,
    evidenceDone,
    call,
    stampPos,
    posStart,
    posEnd,
    stampNeg,
    stampAliasNeg,
    stampFamily,
    familyHit,
    cap,
    hitAi,
    hitStart,
    hitEnd,
    hitParsed,
    hitState,
    hitVer,
    hitEvidence,
    hitCount,
    bareAt,
    bareCount,
    barePos,
    walkCovered,
    candStart,
    candEnd,
    candPat,
    candCount,
    evStart,
    evEnd,
    evNode,
    evCount,
    aliasState,
    evidenceState,
  };
}

function loadScratch(x: Scratch): void {
  ({ ctxSpans, aiSpans, vidSpans, ctxCount, aiCount, vidCount, negSeen, evidenceDone } = x);
  ({ call, stampPos } = x);
  ({ posStart, posEnd, stampNeg, stampAliasNeg, stampFamily, familyHit, cap, hitAi } = x);
  ({ hitStart, hitEnd, hitParsed, hitState, hitVer, hitEvidence, hitCount, bareAt } = x);
  ({ bareCount, barePos, walkCovered, candStart, candEnd, candPat, candCount, evStart } = x);
  ({ evEnd, evNode, evCount, aliasState, evidenceState } = x);
}

/** Fresh scratch of its own for one long post, so posts detected between its slices cannot touch it. */
function ownScratch(m: Matcher): Scratch {
  const g = m.groups.length;
  const a = m.aliases.length;
  const f = m.families;
  return {
    ...saveScratch(),
    ctxSpans: new Int32Array(MAX_SPANS),
    aiSpans: new Int32Array(MAX_SPANS),
    vidSpans: new Int32Array(MAX_SPANS),
    call: 0,
    stampPos: new Int32Array(g),
    posStart: new Int32Array(g),
    posEnd: new Int32Array(g),
    stampNeg: new Int32Array(g),
    stampAliasNeg: new Int32Array(a),
    stampFamily: new Int32Array(f),
    familyHit: new Int32Array(f),
    cap: 64,
    hitAi: new Int32Array(64),
    hitStart: new Int32Array(64),
    hitEnd: new Int32Array(64),
    hitParsed: new Uint8Array(64),
    hitState: new Uint8Array(64),
    hitVer: [],
    hitEvidence: [],
    bareAt: new Int32Array(256),
    candStart: new Int32Array(64),
    candEnd: new Int32Array(64),
    candPat: new Int32Array(64),
    evStart: new Int32Array(64),
    evEnd: new Int32Array(64),
    evNode: new Int32Array(64),
  };
}

/** Hits decided per step: one per 2^this characters the step may scan (512 per 32 K). */
const DECIDE_SHIFT = 6;

/** A post detected a slice at a time; `step` returns the mentions once the last slice is done. */
export interface SlicedDetection {
  /** Scans up to `maxChars` more characters; the mentions when the post is finished, else null. */
  step(maxChars: number): Mention[] | null;
}

/**
 * detectMentions for a long post spread over several calls (frames): the same walk and the same
 * decisions, so the result is identical, but no single call scans more than it is allowed.
 */
export function detectInSlices(text: string, m: Matcher): SlicedDetection {
  const shared = saveScratch();
  loadScratch(ownScratch(m));
  prepareScratch(m);
  // Every slice runs both walks: the evidence pass cannot wait for the end of a long post.
  evidenceDone = true;
  let mine = saveScratch();
  loadScratch(shared);
  let pos = 0;
  let deciding: Deciding | null = null;
  let result: Mention[] | null = null;
  return {
    step(maxChars) {
      if (result) return result;
      const outside = saveScratch();
      loadScratch(mine);
      try {
        if (deciding === null) {
          const to = Math.min(text.length, pos + Math.max(1, maxChars));
          scanAliases(text, m, pos, to);
          scanEvidence(text, m, pos, to);
          pos = to;
          if (pos < text.length) return null;
          if (hitCount === 0) return (result = []);
          deciding = startDeciding();
        }
        // The hits too are decided a share at a time: a 1 MB post that names models all the way
        // has thousands, ~1 µs each warm and several cold.
        result = decideSome(text, m, deciding!, Math.max(1, maxChars >> DECIDE_SHIFT));
        return result;
      } finally {
        mine = saveScratch();
        loadScratch(outside);
      }
    },
  };
}

/** The evidence patterns that end at a trie node for a walk from i to j: context words, vetoes. */
function outputs(
  text: string,
  m: Matcher,
  w: PatternWalk,
  node: number,
  i: number,
  j: number,
): void {
  const outList = w.outList;
  const patKind = w.patKind;
  const stamp = call;
  for (let o = w.outStart[node]!, oe = w.outStart[node + 1]!; o < oe; o++) {
    const p = outList[o]!;
    const kind = patKind[p]!;
    const pf = w.patFlags[p]!;
    if (pf & F_HASHTAG && !(i > 0 && isHash(text.charCodeAt(i - 1)))) continue;
    if (pf & F_EXACT && !hasAt(text, w.patExact[p]!, i)) continue;
    // "j'ai", "l'ai": a lower-case word glued after an elided "je" or "le" is French, not "AI".
    if (
      (kind === K_CONTEXT || kind === K_VIDEO) &&
      j - i <= 2 &&
      isLowerAscii(text.charCodeAt(i)) &&
      elided(text, i, m.flags)
    )
      continue;
    if (
      pf & F_END_WORD &&
      !(pf & F_PREFIX) &&
      j < text.length &&
      m.flags[text.charCodeAt(j)]! & WORD
    )
      continue;
    if (kind === K_CONTEXT || kind === K_VIDEO) {
      if (ctxCount < MAX_SPANS) {
        ctxSpans[ctxCount++] = i;
        ctxSpans[ctxCount++] = j;
      }
      if (kind === K_CONTEXT) {
        if (aiCount < MAX_SPANS) {
          aiSpans[aiCount++] = i;
          aiSpans[aiCount++] = j;
        }
      } else {
        if (vidCount === vidSpans.length) vidSpans = grow(vidSpans);
        vidSpans[vidCount++] = i;
        vidSpans[vidCount++] = j;
      }
    } else {
      const ref = w.patRef[p]!;
      if (kind === K_GROUP_POS) {
        if (stampPos[ref] !== stamp) {
          stampPos[ref] = stamp;
          posStart[ref] = i;
          posEnd[ref] = j;
        }
      } else if (kind === K_GROUP_NEG) stampNeg[ref] = stamp;
      else if (kind === K_ALIAS_NEG) stampAliasNeg[ref] = stamp;
      else if (kind === K_NEG) negSeen = true;
    }
  }
}

/** text.startsWith(s, p), without a call into the runtime. */
function hasAt(text: string, s: string, p: number): boolean {
  const len = s.length;
  if (p < 0 || p + len > text.length) return false;
  for (let i = 0; i < len; i++) if (text.charCodeAt(p + i) !== s.charCodeAt(i)) return false;
  return true;
}

/** Does text[i] follow a letter and an apostrophe, as "ai" in "j'ai"? */
function elided(text: string, i: number, flags: Uint8Array): boolean {
  if (i < 2) return false;
  const q = text.charCodeAt(i - 1);
  return (
    (q === 0x27 || q === 0x2019 || q === 0x02bc) && (flags[text.charCodeAt(i - 2)]! & WORD) !== 0
  );
}

/** hasAt for a normalised (lower-case) pattern: ASCII letters in the text match either case ("のV7"). */
function hasAtFolded(text: string, s: string, p: number): boolean {
  const len = s.length;
  if (p < 0 || p + len > text.length) return false;
  for (let i = 0; i < len; i++)
    if (toLowerAscii(text.charCodeAt(p + i)) !== s.charCodeAt(i)) return false;
  return true;
}

/** Appends a hit. */
function pushHit(ai: number, start: number, end: number, ver: VersionInfo | null, parsed: boolean) {
  if (hitCount === cap) growHits();
  const h = hitCount++;
  hitAi[h] = ai;
  hitStart[h] = start;
  hitEnd[h] = end;
  hitParsed[h] = parsed ? 1 : 0;
  hitVer[h] = ver;
}

/** One alias candidate: case, word boundary, version; false when it does not hold here. */
function tryAlias(text: string, start: number, k: number, m: Matcher): boolean {
  const ai = m.aliasWalk.patRef[candPat[k]!]!;
  const a = m.aliases[ai]!;
  const end = candEnd[k]!;
  if (a.exact !== null && !a.exact.has(text.slice(start, end))) return false;
  if (a.capitalized) {
    // Lower case already (lower-casing leaves it as it is): ASCII tested without a string.
    const c = text.charCodeAt(start);
    if (c < 0x80 ? !isUpperAscii(c) : String.fromCharCode(c).toLowerCase().charCodeAt(0) === c)
      return false;
  }
  if (a.fixed === null && a.table !== null) {
    const info = readVersion(text, end, a.table, m);
    if (
      info !== null &&
      !(wholeNumber(text, end, verEnd) && wordIsListed(text, verEnd, m.versionVetoWords, m.flags))
    ) {
      pushHit(ai, start, verEnd, info, true);
      return true;
    }
  }
  if (a.needsVersion) return false;
  if (a.endsWord && end < text.length && m.flags[text.charCodeAt(end)]! & WORD) return false;
  pushHit(ai, start, end, a.fixed, false);
  return true;
}

/**
 * "2" in "Veo 2 opciones" may be a count or an age ("Mochi 1 year old"); "2.6" in "Kling 2.6
 * opciones" is a version whatever follows it.
 */
function wholeNumber(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (isVersionDot(text.charCodeAt(i))) return false;
  return true;
}

/**
 * The longest valid alias among candidates [k0, k1) (all starting here, by end); among patterns
 * ending at the same place, dataset order.
 */
function bestAlias(text: string, start: number, k0: number, k1: number, m: Matcher): boolean {
  for (let k = k1 - 1; k >= k0;) {
    let s = k;
    while (s > k0 && candEnd[s - 1] === candEnd[k]) s--;
    for (let t = s; t <= k; t++) if (tryAlias(text, start, t, m)) return true;
    k = s - 1;
  }
  return false;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** Full-width forms and Arabic-Indic digits ("سورا ٢") as ASCII, for reading versions. */
const asciiForm = (c: number) =>
  c >= 0xff01 && c <= 0xff5e
    ? c - 0xfee0
    : c >= 0x660 && c <= 0x669
      ? c - 0x630
      : c >= 0x6f0 && c <= 0x6f9
        ? c - 0x6c0
        : c;
/** A digit, ASCII, full-width ("Veo３．１") or Arabic-Indic. */
const isVersionDigit = (c: number) => isDigit(asciiForm(c));
/** "." or ":" inside a version number, ASCII or full-width. */
const isVersionDot = (c: number) => c === 0x2e || c === 0x3a || c === 0xff0e || c === 0xff1a;

/** A version part made only of digits, "." and ":", ASCII or full-width (/^[\d.:]+$/ after NFKC). */
function numeric(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (!(isVersionDigit(c) || isVersionDot(c))) return false;
  }
  return true;
}

// Parts of a version being read: starts, ends and the separator after each.
let ps0 = 0,
  pe0 = 0,
  ps1 = 0,
  pe1 = 0,
  ps2 = 0,
  pe2 = 0,
  sep0 = 0,
  sep1 = 0;

/**
 * Reads a version of a family's table starting right after a name that ends at `p` (sets
 * verEnd). `glued` means the name is directly followed by a letter or digit ("Veo3"): then
 * nothing may sit between. Same rules as the reference parser in versions.ts's history.
 */
function readVersion(text: string, p: number, table: VersionTable, m: Matcher): VersionInfo | null {
  const n = text.length;
  if (p >= n) return null;
  const flags = m.flags;
  const c = text.charCodeAt(p);
  const glued = (flags[c]! & WORD) !== 0;
  let q = p;
  if (!glued) {
    if (m.joinerFirst[c] === 0) return null;
    const joiners = m.joiners;
    let found = false;
    for (let k = 0; k < joiners.length; k++) {
      const j = joiners[k]!;
      if (c === j.charCodeAt(0) && (j.length === 1 || hasAt(text, j, p))) {
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
  c0 = asciiForm(c0);
  c0 |= 0x20; // ASCII lower case
  if (c0 >= 128 || !table.first[c0]) return null;
  // Up to three parts: runs of letters/digits (with "." or ":" between digits), joined by one of
  // " ", "-", "_".
  let parts = 0;
  let i = q;
  while (parts < 3 && i - q < 32) {
    const s = i;
    while (i < n) {
      const ch = text.charCodeAt(i);
      if (flags[ch]! & WORD) i++;
      else if (
        isVersionDot(ch) &&
        i > s &&
        isVersionDigit(text.charCodeAt(i - 1)) &&
        i + 1 < n &&
        isVersionDigit(text.charCodeAt(i + 1))
      )
        i++;
      else break;
    }
    if (i === s) break;
    // "Kling2.5Turbo": a tier word glued to the number ends the version there.
    const tier = isAsciiLetter(text.charCodeAt(i - 1)) ? gluedTier(text, s, i, m.tierWords) : -1;
    if (tier > s) i = tier;
    if (parts === 0) {
      ps0 = s;
      pe0 = i;
    } else if (parts === 1) {
      ps1 = s;
      pe1 = i;
    } else {
      ps2 = s;
      pe2 = i;
    }
    parts++;
    if (tier > s) break;
    const ch = text.charCodeAt(i);
    if (
      (ch === 0x20 || ch === 0x2d || ch === 0x5f) &&
      i + 1 < n &&
      flags[text.charCodeAt(i + 1)]! & WORD &&
      // After one character (a "v" is dropped from the key: "v 2") any part may follow.
      (i - q === 1 || mayGoOn(text.charCodeAt(i + 1), table.next))
    ) {
      if (parts === 1) sep0 = ch;
      else if (parts === 2) sep1 = ch;
      i++;
    } else break;
  }
  for (let k = parts; k >= 1; k--) {
    // Join the first k parts: numbers split by "-"/"_" are dotted ("1-5" -> "1.5"), a word and a
    // number are concatenated ("Gen 4" -> "gen4"), two numbers split by a space are not a version.
    let dot1 = false;
    let dot2 = false;
    if (k >= 2) {
      const n1 = numeric(text, ps1, pe1);
      // "kling-v2-5-turbo" (an API id) is v2.5, like "2-5".
      const v0 = ps0 + 1 < pe0 && (text.charCodeAt(ps0) | 0x20) === 0x76 ? ps0 + 1 : ps0;
      if (n1 && numeric(text, v0, pe0)) {
        if (sep0 === 0x20) continue;
        dot1 = true;
      }
      if (k === 3 && n1 && numeric(text, ps2, pe2)) {
        if (sep1 === 0x20) continue;
        dot2 = true;
      }
    }
    let info: VersionInfo | null | undefined;
    // The lookup key (versionKey of the joined parts) built in place; null if a part is not
    // ASCII, then the key is built as a string.
    let len = normPart(text, ps0, pe0, 0);
    if (len >= 0 && k >= 2) {
      if (dot1) kb[len++] = 0x2e;
      len = normPart(text, ps1, pe1, len);
      if (len >= 0 && k === 3) {
        if (dot2) kb[len++] = 0x2e;
        len = normPart(text, ps2, pe2, len);
      }
    }
    if (len >= 0) {
      let s0 = 0;
      if (len > 1 && kb[0] === 0x76 && isDigit(kb[1]!)) s0 = 1;
      while (len - s0 > 2 && kb[len - 1] === 0x30 && kb[len - 2] === 0x2e && isDigit(kb[len - 3]!))
        len -= 2;
      info = findKey(table.keysByLen, table.infoByLen, s0, len);
      if (info === null && glued && k === 1) info = findUndotted(text, table);
    } else {
      let key = text.slice(ps0, pe0);
      if (k >= 2) {
        key += (dot1 ? '.' : '') + text.slice(ps1, pe1);
        if (k === 3) key += (dot2 ? '.' : '') + text.slice(ps2, pe2);
      }
      info =
        table.keys.get(vKey(key)) ??
        (glued && k === 1 ? table.undotted.get(key.toLowerCase()) : undefined);
    }
    if (info) {
      verEnd = k === 1 ? pe0 : k === 2 ? pe1 : pe2;
      return info;
    }
  }
  return null;
}

/** Can a later part of a version start with `c` (tables' `next`; any non-ASCII may)? */
function mayGoOn(c: number, next: Uint8Array): boolean {
  c = asciiForm(c);
  if (c >= 0x80) return true;
  return next[toLowerAscii(c)] === 1;
}

/**
 * Where a tier word glued to a number in text[s, e) begins ("2.5Turbo" -> at "T"), or -1. Only
 * a run of letters after a digit, and only a listed word.
 */
function gluedTier(text: string, s: number, e: number, tiers: WordList): number {
  if (tiers.words.size === 0) return -1;
  let b = e;
  while (b > s && isAsciiLetter(text.charCodeAt(b - 1))) b--;
  if (b === e || b === s || !isVersionDigit(text.charCodeAt(b - 1))) return -1;
  return isListed(text, b, e, tiers) ? b : -1;
}

/** Is the word after `p` (past spaces) one of `words` ("Mochi 1 year old": not a version)? */
function wordIsListed(text: string, p: number, list: WordList, flags: Uint8Array): boolean {
  if (list.words.size === 0) return false;
  let s = p;
  while (s < text.length && text.charCodeAt(s) === 0x20) s++;
  // Most words after a version start with a letter no listed word starts with.
  const c = text.charCodeAt(s);
  if (c < 0x80 && list.firsts[toLowerAscii(c)] === 0) return false;
  let e = s;
  while (e < text.length && flags[text.charCodeAt(e)]! & WORD) e++;
  // A CJK counter is one character glued to the number: "ソラ2歳", "소라 2살".
  if (e === s) return c >= 0x80 && list.words.has(text.charAt(s));
  return isListed(text, s, e, list);
}

/** Scratch for a version key being built. */
const kb = new Uint16Array(128);

/**
 * Appends versionKey's form of text[s, e) (an ASCII run of letters, digits, "." and ":") to kb
 * from `at`; returns the new length, or -1 for anything versionKey would treat otherwise.
 */
function normPart(text: string, s: number, e: number, at: number): number {
  let len = at;
  for (let i = s; i < e; i++) {
    let c = text.charCodeAt(i);
    c = asciiForm(c);
    if (c === 0x20 || c === 0x2d || c === 0x5f || c === 0x09) continue;
    if (c === 0x3a) c = 0x2e;
    else if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    else if (c >= 0x80) return -1;
    if (len >= 128) return -1;
    kb[len++] = c;
  }
  return len;
}

/** The version whose key is kb[s, e), or null. */
function findKey(
  byLen: string[][],
  infos: VersionInfo[][],
  s: number,
  e: number,
): VersionInfo | null {
  const len = e - s;
  if (len >= byLen.length) return null;
  const list = byLen[len]!;
  for (let x = 0; x < list.length; x++) {
    const key = list[x]!;
    let i = 0;
    while (i < len && key.charCodeAt(i) === kb[s + i]) i++;
    if (i === len) return infos[len]![x]!;
  }
  return null;
}

/** "#wan22": the first part (ps0..pe0) read as a dotted version written without its dots. */
function findUndotted(text: string, table: VersionTable): VersionInfo | null {
  // Undotted keys are digits only; key.toLowerCase() of anything else cannot be one.
  const len = pe0 - ps0;
  for (let i = ps0; i < pe0; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 0x30 && c <= 0x39)) return null;
    kb[i - ps0] = c;
  }
  return findKey(table.undottedByLen, table.undottedInfoByLen, 0, len);
}

function spanText(text: string, s: number, e: number): string {
  return (s > 0 && isHash(text.charCodeAt(s - 1)) ? '#' : '') + text.slice(s, e);
}

/** The first context span outside the alias itself ("Stable Video" is not its own evidence). */
function firstOutside(
  text: string,
  spans: Int32Array,
  count: number,
  start: number,
  end: number,
): string | null {
  for (let k = 0; k < count; k += 2) {
    const s = spans[k]!;
    const e = spans[k + 1]!;
    if (e <= start || s >= end) return spanText(text, s, e);
  }
  return null;
}

/**
 * A video word decides a bare name when it is near it ("every Sora clip") or when the name is
 * the tool ("mit Kling … animiert"); a video elsewhere in the post may be of a cat named Sora.
 */
function mediaEvidence(text: string, start: number, end: number, m: Matcher): string | null {
  if (vidCount === 0) return null;
  // In a hashtag stack ("Clip full trên kênh #mochi") nearness says nothing: a window of -1
  // leaves only a video word inside the tag itself ("#kling-video").
  const w = start > 0 && isHash(text.charCodeAt(start - 1)) ? -1 : m.mediaWindow;
  // Spans are in start order, and none is longer than the evidence walk's longest word: skip
  // those that start too early to end within the window.
  const from = start - w - m.evidence!.maxDepth;
  let lo = 0;
  let hi = vidCount >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (vidSpans[2 * mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = 2 * lo; k < vidCount; k += 2) {
    const s = vidSpans[k]!;
    const e = vidSpans[k + 1]!;
    if (s > end + w) break;
    if (
      e <= start
        ? start - e <= w && oneSentence(text, e, start)
        : s - end <= w && oneSentence(text, end, s)
    )
      return spanText(text, s, e);
  }
  return usedAsInstrument(text, start, end, m)
    ? firstOutside(text, vidSpans, vidCount, start, end)
    : null;
}

/** No sentence ends between `from` and `to`: no ". " "!" "?" "。" "！" "？" "…" or line break. */
function oneSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 0x0a ||
      c === 0x21 ||
      c === 0x3f ||
      c === 0x3002 ||
      c === 0xff01 ||
      c === 0xff1f ||
      c === 0x2026
    )
      return false;
    if (c === 0x2e && (i + 1 === to || isSpace(text.charCodeAt(i + 1)))) return false;
  }
  return true;
}

/** "with Kling", "mit Kling", "用Kling", "Klingで", "Kling ile": the name as the tool. */
function usedAsInstrument(text: string, start: number, end: number, m: Matcher): boolean {
  const flags = m.flags;
  let p = start;
  while (p > 0 && isSpace(text.charCodeAt(p - 1))) p--;
  const before = m.instrumentBeforeCjk;
  for (let k = 0; k < before.length; k++)
    if (hasAtFolded(text, before[k]!, p - before[k]!.length)) return true;
  const s = wordStartBefore(text, p, flags);
  if (s < p && isListed(text, s, p, m.instrumentBefore)) return true;
  const after = m.instrumentAfterCjk;
  for (let k = 0; k < after.length; k++) if (hasAtFolded(text, after[k]!, end)) return true;
  let q = end;
  while (q < text.length && isSpace(text.charCodeAt(q))) q++;
  const e = wordEndAfter(text, q, flags);
  return e > q && isListed(text, q, e, m.instrumentAfter);
}

const isSpace = (c: number) =>
  c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0 || c === 0x3000;
/** Quotes, brackets and dashes between a name and the word next to it. */
const isSkippable = (c: number) =>
  isSpace(c) ||
  c === 0x22 ||
  c === 0x27 ||
  c === 0x28 ||
  c === 0x29 ||
  c === 0x2c ||
  c === 0x2d ||
  c === 0x3a ||
  c === 0x3b ||
  c === 0x5b ||
  c === 0x5d ||
  c === 0xab ||
  c === 0xbb ||
  (c >= 0x2018 && c <= 0x201d) ||
  c === 0xff08 ||
  c === 0xff09;

/** Where the word ending at p starts: letters/digits with inner "-", "'" or "." ("Marc-Uwe"). */
function wordStartBefore(text: string, p: number, flags: Uint8Array): number {
  let i = p;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (flags[c]! & 1) i--;
    else if (
      (c === 0x2d || c === 0x27 || c === 0x2e) &&
      i - 2 >= 0 &&
      flags[text.charCodeAt(i - 2)]! & 1 &&
      i < p
    )
      i--;
    else break;
  }
  return i;
}

/** Where the word starting at p ends. */
function wordEndAfter(text: string, p: number, flags: Uint8Array): number {
  let i = p;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (flags[c]! & 1) i++;
    else if (
      (c === 0x2d || c === 0x27 || c === 0x2e) &&
      i + 1 < n &&
      flags[text.charCodeAt(i + 1)]! & 1 &&
      i > p
    )
      i++;
    else break;
  }
  return i;
}

const NUMBERISH = /^\d+[a-z]?$/;

function spacesOnly(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

function locallyVetoed(
  text: string,
  start: number,
  end: number,
  gi: number,
  ambiguous: boolean,
  m: Matcher,
): boolean {
  const g = m.groups[gi]!;
  const flags = m.flags;
  const n = text.length;
  if (g.beforeWords.words.size || g.beforeCjk.length) {
    let p = start;
    while (p > 0 && isSkippable(text.charCodeAt(p - 1))) p--;
    const before = g.beforeCjk;
    for (let k = 0; k < before.length; k++) {
      const cjk = before[k]!;
      if (hasAtFolded(text, cjk, p - cjk.length)) return true;
    }
    const s1 = wordStartBefore(text, p, flags);
    const lowerOnly = g.beforeLowerOnly && isUpperAscii(text.charCodeAt(start));
    if (s1 < p && !lowerOnly) {
      if (isListed(text, s1, p, g.beforeWords)) return true;
      if (g.beforeTwoWords) {
        let q = s1;
        while (q > 0 && isSpace(text.charCodeAt(q - 1))) q--;
        if (q < s1) {
          const s2 = wordStartBefore(text, q, flags);
          if (
            s2 < q &&
            g.beforeWords.words.has(
              `${text.slice(s2, q).toLowerCase()} ${text.slice(s1, p).toLowerCase()}`,
            )
          )
            return true;
        }
      }
    }
  }
  if (
    (g.afterWords.words.size || g.afterCjk.length || g.afterNumber) &&
    !(
      g.afterLowerOrInitialOnly &&
      isUpperAscii(text.charCodeAt(start)) &&
      afterLowerCase(text, start)
    )
  ) {
    let p = end;
    while (p < n && isSkippable(text.charCodeAt(p))) p++;
    const after = g.afterCjk;
    for (let k = 0; k < after.length; k++) if (hasAtFolded(text, after[k]!, p)) return true;
    const e1 = wordEndAfter(text, p, flags);
    if (e1 > p) {
      // "Runway 27L": a number right after the bare name. Not after a name that is never the
      // word ("Runway Aleph 2 times"), nor after punctuation ("Runway: 1) storyboards").
      if (g.afterNumber && ambiguous && isDigit(text.charCodeAt(p)) && spacesOnly(text, end, p)) {
        const w1 = text.slice(p, e1).toLowerCase();
        if (NUMBERISH.test(w1)) return true;
      }
      if (isListed(text, p, e1, g.afterWords)) return true;
      // "Sora Yamamoto's video": the word without its possessive.
      const e0 = e1 - 2;
      if (
        e0 > p &&
        text.charCodeAt(e0) === 0x27 &&
        (text.charCodeAt(e1 - 1) | 0x20) === 0x73 &&
        isListed(text, p, e0, g.afterWords)
      )
        return true;
      if (g.afterTwoWords) {
        let q = e1;
        while (q < n && isSpace(text.charCodeAt(q))) q++;
        if (q > e1) {
          const e2 = wordEndAfter(text, q, flags);
          if (
            e2 > q &&
            g.afterWords.words.has(
              `${text.slice(p, e1).toLowerCase()} ${text.slice(q, e2).toLowerCase()}`,
            )
          )
            return true;
        }
      }
    }
  }
  return false;
}

/** Does a lower-case letter (ASCII or Latin-1: "pedí a", "usan") come before `p`, past spaces? */
function afterLowerCase(text: string, p: number): boolean {
  let q = p;
  while (q > 0 && text.charCodeAt(q - 1) === 0x20) q--;
  const c = q > 0 ? text.charCodeAt(q - 1) : 0;
  return isLowerAscii(c) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

/** "in Runway", "used Runway": the use word and the name, if the name is capitalised after one. */
function usedAsTool(
  text: string,
  start: number,
  end: number,
  g: CompiledGroup,
  flags: Uint8Array,
): string | null {
  const use = g.useWords;
  if (!isUpperAscii(text.charCodeAt(start))) return null;
  let p = start;
  while (p > 0 && text.charCodeAt(p - 1) === 0x20) p--;
  if (p === start) return null;
  const s = wordStartBefore(text, p, flags);
  return s < p && isListed(text, s, p, use) ? text.slice(s, end) : null;
}

/**
 * "yo veo 2 caminos", "my cat sora 2 years ago": a name and whole number in lower case with a
 * space between is how the ordinary word and a number are written, so its local vetoes still
 * apply. "Veo 2", "veo2", "#veo3", "kling ya veo 3.1" (a decimal) and "runway gen-4" (no number)
 * are the model's spellings.
 */
function spelledAsWord(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (!isLowerAscii(c) || (start > 0 && isHash(text.charCodeAt(start - 1)))) return false;
  for (let i = start + 1; i < end; i++)
    if (text.charCodeAt(i) === 0x20)
      return isVersionDigit(text.charCodeAt(i + 1)) && !decimal(text, i, end);
  return false;
}

/** "3.1", not "1:0" (a score) nor "2" (a count). */
function decimal(text: string, s: number, e: number): boolean {
  for (let i = s + 1; i < e - 1; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x2e || c === 0xff0e) && isVersionDigit(text.charCodeAt(i + 1))) return true;
  }
  return false;
}

/**
 * Where decide() stands: a long post's thousands of hits are decided over several slices, each
 * a bounded number of hits (the whole-post call decides them in one go).
 */
interface Deciding {
  /** 0: each hit on its own; 1: rule 3's first pass; 2: pending hits; 3: the mentions. */
  phase: number;
  h: number;
  accepted: number;
  pending: number;
  first: number;
  second: number;
  nextHit: number;
  out: Mention[];
}

const startDeciding = (): Deciding => ({
  phase: 0,
  h: 0,
  accepted: 0,
  pending: 0,
  first: -1,
  second: -1,
  nextHit: 0,
  out: [],
});

function decide(text: string, m: Matcher): Mention[] {
  // A small integer, not Infinity: loop bounds stay integers.
  return decideSome(text, m, startDeciding(), 0x3fffffff)!;
}

/** Decides up to `budget` hits' worth; the mentions once every hit is decided, else null. */
function decideSome(text: string, m: Matcher, d: Deciding, budget: number): Mention[] | null {
  const aliases = m.aliases;
  const groups = m.groups;
  const stamp = call;
  let left = budget;
  if (d.phase === 0) {
    // Locals in the loops, not d's fields: the whole-post call runs them for every post.
    const until = left < hitCount - d.h ? d.h + left : hitCount;
    let accepted = d.accepted;
    let pending = d.pending;
    for (let h = d.h; h < until; h++) {
      const a = aliases[hitAi[h]!]!;
      hitEvidence[h] = null;
      const gi = a.group;
      if (hitParsed[h] === 1) {
        if (
          a.ambiguous &&
          gi >= 0 &&
          spelledAsWord(text, hitStart[h]!, hitEnd[h]!) &&
          locallyVetoed(text, hitStart[h]!, hitEnd[h]!, gi, true, m)
        ) {
          hitState[h] = H_REJECTED;
          continue;
        }
        hitState[h] = H_ACCEPTED;
        accepted++;
        continue; // evidence: the alias as written, filled in below
      }
      hitState[h] = H_REJECTED;
      if (gi >= 0 && locallyVetoed(text, hitStart[h]!, hitEnd[h]!, gi, a.ambiguous, m)) continue;
      // "우리 딸 소라(Sora)": a gloss is the name it glosses, vetoed with it.
      if (
        a.ambiguous &&
        h > 0 &&
        hitState[h - 1] === H_REJECTED &&
        aliases[hitAi[h - 1]!]!.fam === a.fam &&
        glossed(text, hitStart[h - 1]!, hitEnd[h - 1]!, hitStart[h]!, hitEnd[h]!)
      )
        continue;
      // An acronym ("SORA: …"), a person's title ("Dr. Kling") or a handle ("@sora_0312", an
      // account, not the model) makes the bare name something else.
      if (
        a.ambiguous &&
        ((isUpperAscii(text.charCodeAt(hitStart[h]! + 1)) &&
          isAcronym(text, hitStart[h]!, hitEnd[h]!)) ||
          afterTitle(text, hitStart[h]!, m.personTitles, m.flags) ||
          text.charCodeAt(hitStart[h]! - 1) === 0x40)
      )
        continue;
      if (!a.ambiguous) {
        hitState[h] = H_ACCEPTED;
        accepted++;
        continue;
      }
      if (!evidenceDone) {
        scanEvidence(text, m, 0, text.length);
        evidenceDone = true;
      }
      const start = hitStart[h]!;
      const end = hitEnd[h]!;
      const g = gi >= 0 ? groups[gi]! : null;
      // "Used Runway to turn sketches into a runway walk": the tool's own use decides it.
      let evidence: string | null =
        g !== null && g.useWords.words.size !== 0 ? usedAsTool(text, start, end, g, m.flags) : null;
      if (
        evidence === null &&
        (negSeen ||
          (gi >= 0 && stampNeg[gi] === stamp) ||
          (a.hasNegatives && stampAliasNeg[hitAi[h]!] === stamp))
      )
        continue;
      // A co-mention group takes no generic context: rule 3 or its own words decide it.
      if (evidence === null && (g === null || !g.needsCoMention))
        evidence =
          g !== null && g.needsVideo
            ? m.mediaWindow < 0
              ? firstOutside(text, vidSpans, vidCount, start, end)
              : mediaEvidence(text, start, end, m)
            : m.mediaWindow < 0
              ? firstOutside(text, ctxSpans, ctxCount, start, end)
              : (firstOutside(text, aiSpans, aiCount, start, end) ??
                mediaEvidence(text, start, end, m));
      if (!evidence && gi >= 0 && stampPos[gi] === stamp)
        evidence = spanText(text, posStart[gi]!, posEnd[gi]!);
      if (evidence) {
        hitState[h] = H_ACCEPTED;
        hitEvidence[h] = evidence;
        accepted++;
      } else {
        hitState[h] = H_PENDING;
        pending++;
      }
    }
    left -= until - d.h;
    d.h = until;
    d.accepted = accepted;
    d.pending = pending;
    if (until < hitCount) return null;
    d.phase = 1;
  }

  if (d.phase !== 3) {
    // Rule 3 has nothing to do without pending aliases (most posts): no call.
    if (d.pending === 0) {
      d.phase = 3;
      d.h = 0;
    } else {
      left = rule3(text, m, d, left);
      if (left < 0) return null;
    }
  }

  const out = d.out;
  const backref = m.backrefWindow > 0;
  let nextHit = d.nextHit;
  for (let h = d.h; h < hitCount; h++) {
    const state = hitState[h];
    if (state === H_REJECTED || state === H_PENDING) continue;
    if (left-- <= 0) {
      d.h = h;
      d.nextHit = nextHit;
      return null;
    }
    const a = aliases[hitAi[h]!]!;
    const start = hitStart[h]!;
    const end = hitEnd[h]!;
    const ver = hitVer[h]!;
    const alias = text.slice(start, end);
    out.push({
      family: a.family,
      modelId: ver !== null && ver.model !== null ? ver.model : a.model,
      version: ver !== null ? ver.v : null,
      alias,
      start,
      end,
      evidence: hitParsed[h] === 1 ? (a.ambiguous ? alias : null) : hitEvidence[h]!,
    });
    // Back-references lie between this hit and the next one, so they keep the output sorted.
    if (backref && a.table !== null) {
      // A rejected hit ("lo veo mucho mejor que el 2.1") names nothing, so it ends nothing.
      while (
        nextHit < hitCount &&
        (hitStart[nextHit]! < end ||
          hitState[nextHit] === H_REJECTED ||
          hitState[nextHit] === H_PENDING)
      )
        nextHit++;
      addBackrefs(text, a, end, nextHit < hitCount ? hitStart[nextHit]! : -1, alias, out, m);
    }
  }
  if (out.length > 1) tagsTakeNamedVersions(text, out);
  return out;
}

/**
 * "… el audio de Veo 3.1 … #veo3": a hashtag is the product's usual tag, and the post names the
 * version it means. A tag's version that the post names more precisely becomes that version.
 * Linear in the mentions (a 1 MB post has thousands): each family's versions are few.
 */
function tagsTakeNamedVersions(text: string, out: Mention[]): void {
  let named: Map<string, Mention[]> | null = null;
  for (let i = 0; i < out.length; i++) {
    const tag = out[i]!;
    if (tag.version === null || tag.start === 0 || !isHash(text.charCodeAt(tag.start - 1)))
      continue;
    named ??= versionsByFamily(out);
    const prefix = `${tag.version}.`;
    const precise = named.get(tag.family)!.find((m) => m.version!.startsWith(prefix));
    if (precise) out[i] = { ...tag, version: precise.version, modelId: precise.modelId };
  }
}

/** One mention per family and version named. */
function versionsByFamily(out: Mention[]): Map<string, Mention[]> {
  const byFamily = new Map<string, Mention[]>();
  for (const m of out) {
    if (m.version === null) continue;
    const list = byFamily.get(m.family);
    if (!list) byFamily.set(m.family, [m]);
    else if (!list.some((x) => x.version === m.version)) list.push(m);
  }
  return byFamily;
}

/** Rule 3 (decideSome's phases 1 and 2): the budget left, or -1 if it ran out first. */
function rule3(text: string, m: Matcher, d: Deciding, left: number): number {
  const aliases = m.aliases;
  const groups = m.groups;
  const stamp = call;
  // Rule 3: another model named in the same post decides a bare ambiguous alias.
  if (d.phase === 1) {
    if (d.pending !== 0 && d.accepted !== 0) {
      // Evidence for a bare alias: another mention of its family ("veo ... #veo3"), else the
      // first mention of another family. One pass of integer tests, not split.
      for (let h = 0; h < hitCount; h++) {
        if (hitState[h] !== H_ACCEPTED) continue;
        const fam = aliases[hitAi[h]!]!.fam;
        if (stampFamily[fam] !== stamp) {
          stampFamily[fam] = stamp;
          familyHit[fam] = h;
        }
        if (d.first < 0) d.first = h;
        else if (d.second < 0 && fam !== aliases[hitAi[d.first]!]!.fam) d.second = h;
      }
    } else if (d.pending !== 0) {
      // The first 64 bare aliases that may be decided by a co-mention decide each other; two
      // names of one family do too ("Runway … Gen-4"), unless one glosses the other.
      const eligible: number[] = [];
      for (let h = 0; h < hitCount && eligible.length < 64; h++) {
        if (hitState[h] !== H_PENDING) continue;
        const a = aliases[hitAi[h]!]!;
        if (a.group >= 0 && !groups[a.group]!.coMention) continue;
        eligible.push(h);
      }
      for (const h of eligible) {
        const a = aliases[hitAi[h]!]!;
        for (const x of eligible) {
          const b = aliases[hitAi[x]!]!;
          if (b.key === a.key || (b.versionOnly && a.versionOnly)) continue;
          // "Runway (Gen-4)": a version in brackets names the model, it does not gloss the name.
          if (
            b.fam !== a.fam ||
            a.versionOnly ||
            b.versionOnly ||
            !glossed(text, hitStart[h]!, hitEnd[h]!, hitStart[x]!, hitEnd[x]!)
          ) {
            hitState[h] = H_LATE;
            hitEvidence[h] = `co-mention: ${text.slice(hitStart[x]!, hitEnd[x]!)}`;
            break;
          }
        }
      }
    }
    d.phase = 2;
    d.h = 0;
  }

  if (d.phase === 2) {
    if (d.pending !== 0 && d.accepted !== 0) {
      const first = d.first;
      const second = d.second;
      const firstFam = aliases[hitAi[first]!]!.fam;
      for (let h = d.h; h < hitCount; h++) {
        if (hitState[h] !== H_PENDING) continue;
        if (left-- <= 0) {
          d.h = h;
          return -1;
        }
        const a = aliases[hitAi[h]!]!;
        if (stampFamily[a.fam] === stamp) {
          const same = familyHit[a.fam]!;
          hitState[h] = H_LATE;
          hitEvidence[h] = spanText(text, hitStart[same]!, hitEnd[same]!);
          continue;
        }
        if (a.group >= 0 && !groups[a.group]!.coMention) continue;
        const other = firstFam !== a.fam ? first : second;
        if (other < 0) continue;
        hitState[h] = H_LATE;
        hitEvidence[h] = `co-mention: ${spanText(text, hitStart[other]!, hitEnd[other]!)}`;
      }
    }
    d.phase = 3;
    d.h = 0;
  }

  return left;
}

/**
 * One name written twice, the second in brackets after the first ("소라(Sora)", "Sora （ソラ）"):
 * a gloss, so the two are one mention and cannot be each other's co-mention.
 */
function glossed(text: string, s1: number, e1: number, s2: number, e2: number): boolean {
  const from = e1 <= s2 ? e1 : e2;
  const to = e1 <= s2 ? s2 : s1;
  let bracket = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0xff08 || c === 0x5b) {
      if (bracket) return false;
      bracket = true;
    } else if (!isSpace(c)) return false;
  }
  return bracket;
}

/** Code units after which a bare number is not a version: ".,$€£#/". */
const notBeforeVersion = (c: number) =>
  c === 0x2e || c === 0x2c || c === 0x24 || c === 0x20ac || c === 0xa3 || c === 0x23 || c === 0x2f;

/** JavaScript's \s. */
const isJsSpace = (c: number) =>
  (c >= 0x09 && c <= 0x0d) ||
  c === 0x20 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * "Kling 2.5 Turbo vs 2.1 Master", "Haiper 2.0 ... than 1.5", "PixVerse ... the new V5": a bare
 * version soon after a mention, before any other alias, that the same family has, names it.
 * `nextStart` is where the next hit starts (-1: none).
 */
function addBackrefs(
  text: string,
  a: CompiledAlias,
  end: number,
  nextStart: number,
  written: string,
  out: Mention[],
  m: Matcher,
) {
  const flags = m.flags;
  const table = a.table!;
  const n = text.length;
  let limit = Math.min(n, end + m.backrefWindow);
  if (nextStart >= 0 && nextStart < limit) limit = nextStart;
  // Only word starts can begin a bare version (the character before must not be a letter or
  // digit), and the scan noted those that begin with a digit, v, q or o.
  while (barePos < bareCount && bareAt[barePos]! < end) barePos++;
  for (let r = barePos; r < bareCount; r++) {
    const k = bareAt[r]!;
    if (k >= limit) break;
    const c = text.charCodeAt(k);
    let d = k; // where the digits start
    if (!(c >= 0x30 && c <= 0x39)) {
      const c1 = text.charCodeAt(k + 1);
      if (!(c1 >= 0x30 && c1 <= 0x39)) continue;
      d = k + 1;
    }
    const prev = k > 0 ? text.charCodeAt(k - 1) : 0x20;
    if (flags[prev]! & WORD || notBeforeVersion(prev)) continue;
    // /^(?:[vVqQoO]\d+(?:\.\d+)*|\d+(?:\.\d+)+)/ over text.slice(k, k + 16).
    const w = Math.min(n, k + 16);
    let e = d;
    while (e < w && isDigit(text.charCodeAt(e))) e++;
    if (e === d) continue;
    let dots = 0;
    while (e + 1 < w && text.charCodeAt(e) === 0x2e && isDigit(text.charCodeAt(e + 1))) {
      e += 2;
      while (e < w && isDigit(text.charCodeAt(e))) e++;
      dots++;
    }
    if (d === k && dots === 0) continue;
    const after = text.charCodeAt(e);
    if (e < n && (flags[after]! & WORD || after === 0x25)) continue;
    // /^\s*([A-Za-z]+)/ over text.slice(e, e + 12): a unit ("5 seconds") is not a version.
    const uw = Math.min(n, e + 12);
    let u = e;
    while (u < uw && isJsSpace(text.charCodeAt(u))) u++;
    let ue = u;
    while (ue < uw && isAsciiLetter(text.charCodeAt(ue))) ue++;
    if (ue > u && m.unitWords.has(text.slice(u, ue).toLowerCase())) continue;
    const token = text.slice(k, e);
    const info = table.keys.get(vKey(token));
    if (!info) continue;
    out.push({
      family: a.family,
      modelId: info.model ?? a.model,
      version: info.v,
      alias: token,
      start: k,
      end: e,
      evidence: `after ${written}`,
    });
    while (r + 1 < bareCount && bareAt[r + 1]! <= e) r++; // go on after the version
  }
}
