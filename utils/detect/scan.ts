// One pass over a post: walk the trie from every place a word can start, keep the longest valid
// alias (with the version after it) and note every context word and veto seen on the way. Then
// decide the ambiguous aliases from that evidence, following the guidelines' rules 2-4.
import type { CompiledAlias, Matcher } from './compile';
import type { Mention } from './types';
import { parseVersion, versionKey, type VersionInfo } from './versions';

// Local copies of the compiler's constants: imported bindings are property reads (getters under
// some loaders) in the hot loop.
const WORD = 1;
const CJK = 2;
const K_ALIAS = 0;
const K_CONTEXT = 1;
const K_VIDEO = 2;
const K_GROUP_POS = 3;
const K_GROUP_NEG = 4;
const K_NEG = 5;
const K_ALIAS_NEG = 6;
const F_PREFIX = 1;
const F_HASHTAG = 2;
const F_END_WORD = 4;

interface Hit {
  a: CompiledAlias;
  ai: number;
  start: number;
  end: number;
  version: VersionInfo | null;
  /** The version was read after the name (not fixed by the alias). */
  parsed: boolean;
}

/**
 * What the walk saw besides aliases, kept in module-level scratch (detectMentions never re-enters
 * itself): context and video spans as [start, end] pairs (the first few), and per group / alias
 * the call number that last saw a positive word or a veto, so nothing needs clearing.
 */
const MAX_SPANS = 64;
const ctxSpans = new Int32Array(MAX_SPANS);
const vidSpans = new Int32Array(MAX_SPANS);
let ctxCount = 0;
let vidCount = 0;
let negSeen = false;
let call = 0;
let stampPos = new Int32Array(0);
let posStart = new Int32Array(0);
let posEnd = new Int32Array(0);
let stampNeg = new Int32Array(0);
let stampAliasNeg = new Int32Array(0);

const candPat = new Int32Array(256);
const candEnd = new Int32Array(256);

const isHash = (c: number) => c === 0x23 || c === 0xff03;
const NOT_BEFORE_VERSION = '.,$€£#/';
const BARE_VERSION = /^(?:[vVqQoO]\d+(?:\.\d+)*|\d+(?:\.\d+)+)/;

function prepareScratch(m: Matcher) {
  const g = m.groups.length;
  if (stampPos.length < g) {
    stampPos = new Int32Array(g);
    posStart = new Int32Array(g);
    posEnd = new Int32Array(g);
    stampNeg = new Int32Array(g);
  }
  if (stampAliasNeg.length < m.aliases.length) stampAliasNeg = new Int32Array(m.aliases.length);
  if (++call > 0x7ffffff0) {
    call = 1;
    stampPos.fill(0);
    stampNeg.fill(0);
    stampAliasNeg.fill(0);
  }
  ctxCount = 0;
  vidCount = 0;
  negSeen = false;
}

export function detectMentions(text: string, m: Matcher): Mention[] {
  const {
    flags,
    cls,
    rootNext,
    edgeStart,
    edgeCls,
    edgeNode,
    denseRow,
    dense,
    classes,
    outStart,
    outList,
    patKind,
    patRef,
    patFlags,
  } = m;
  const n = text.length;
  prepareScratch(m);
  const stamp = call;
  let hits: Hit[] | null = null;
  let coveredUntil = 0;
  let prevWord = false;

  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const f = flags[code]!;
    if (!prevWord || f & CJK) {
      let node = rootNext[code]!;
      if (node !== 0) {
        let j = i + 1;
        let cands = 0;
        for (;;) {
          for (let o = outStart[node]!, oe = outStart[node + 1]!; o < oe; o++) {
            const p = outList[o]!;
            const kind = patKind[p]!;
            if (kind === K_ALIAS) {
              if (i >= coveredUntil && cands < 256) {
                candPat[cands] = p;
                candEnd[cands++] = j;
              }
              continue;
            }
            const pf = patFlags[p]!;
            if (pf & F_HASHTAG && !(i > 0 && isHash(text.charCodeAt(i - 1)))) continue;
            if (pf & F_END_WORD && !(pf & F_PREFIX) && j < n && flags[text.charCodeAt(j)]! & WORD)
              continue;
            if (kind === K_CONTEXT || kind === K_VIDEO) {
              if (ctxCount < MAX_SPANS) {
                ctxSpans[ctxCount++] = i;
                ctxSpans[ctxCount++] = j;
              }
              if (kind === K_VIDEO && vidCount < MAX_SPANS) {
                vidSpans[vidCount++] = i;
                vidSpans[vidCount++] = j;
              }
            } else {
              const ref = patRef[p]!;
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
          if (j >= n) break;
          const c = cls[text.charCodeAt(j)]!;
          if (c === 0) break;
          let next = 0;
          const row = denseRow[node]!;
          if (row >= 0) next = dense[row * classes + c]!;
          else
            for (let e = edgeStart[node]!, ee = edgeStart[node + 1]!; e < ee; e++) {
              if (edgeCls[e] === c) {
                next = edgeNode[e]!;
                break;
              }
            }
          if (next === 0) break;
          node = next;
          j++;
        }
        if (cands) {
          const hit = bestAlias(text, i, cands, m);
          if (hit) {
            (hits ??= []).push(hit);
            coveredUntil = hit.end;
          }
        }
      }
    }
    prevWord = (f & WORD) !== 0;
  }
  return hits ? decide(text, hits, m) : [];
}

/** One alias candidate: case, word boundary, version; null when it does not hold here. */
function tryAlias(text: string, start: number, k: number, m: Matcher): Hit | null {
  const ai = m.patRef[candPat[k]!]!;
  const a = m.aliases[ai]!;
  const end = candEnd[k]!;
  if (a.exact && !a.exact.has(text.slice(start, end))) return null;
  if (a.capitalized) {
    const c = text.charCodeAt(start);
    if (String.fromCharCode(c).toLowerCase().charCodeAt(0) === c) return null;
  }
  if (a.fixed === null && a.table) {
    const pv = parseVersion(text, end, a.table, m.joiners, m.flags);
    if (pv) return { a, ai, start, end: pv.end, version: pv.info, parsed: true };
  }
  if (a.needsVersion) return null;
  if (a.endsWord && end < text.length && m.flags[text.charCodeAt(end)]! & WORD) return null;
  return { a, ai, start, end, version: a.fixed, parsed: false };
}

/** The longest valid alias here; among patterns ending at the same place, dataset order. */
function bestAlias(text: string, start: number, cands: number, m: Matcher): Hit | null {
  for (let k = cands - 1; k >= 0;) {
    let s = k;
    while (s > 0 && candEnd[s - 1] === candEnd[k]) s--;
    for (let t = s; t <= k; t++) {
      const hit = tryAlias(text, start, t, m);
      if (hit) return hit;
    }
    k = s - 1;
  }
  return null;
}

function spanText(text: string, s: number, e: number): string {
  return (s > 0 && isHash(text.charCodeAt(s - 1)) ? '#' : '') + text.slice(s, e);
}

/** The first context span outside the alias itself ("Stable Video" is not its own evidence). */
function firstOutside(text: string, spans: Int32Array, count: number, h: Hit): string | null {
  for (let k = 0; k < count; k += 2) {
    const s = spans[k]!;
    const e = spans[k + 1]!;
    if (e <= h.start || s >= h.end) return spanText(text, s, e);
  }
  return null;
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
  (c >= 0x2018 && c <= 0x201d);

/** A word around position p: letters/digits with inner "-", "'" or "." ("Marc-Uwe", "Étienne-Jules"). */
function wordAt(text: string, p: number, dir: 1 | -1, flags: Uint8Array): [string, number] {
  let i = p;
  const n = text.length;
  if (dir === 1) {
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
    return [text.slice(p, i).toLowerCase(), i];
  }
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
  return [text.slice(i, p).toLowerCase(), i];
}

const NUMBERISH = /^\d+[a-z]?$/;

function locallyVetoed(text: string, h: Hit, m: Matcher): boolean {
  const g = m.groups[h.a.group];
  if (!g) return false;
  const flags = m.flags;
  const n = text.length;
  if (g.beforeWords.size || g.beforeCjk.length) {
    let p = h.start;
    while (p > 0 && isSkippable(text.charCodeAt(p - 1))) p--;
    for (const cjk of g.beforeCjk) if (text.endsWith(cjk, p)) return true;
    const [w1, s1] = wordAt(text, p, -1, flags);
    if (w1) {
      if (g.beforeWords.has(w1)) return true;
      let q = s1;
      while (q > 0 && isSpace(text.charCodeAt(q - 1))) q--;
      if (q < s1) {
        const [w2] = wordAt(text, q, -1, flags);
        if (w2 && g.beforeWords.has(`${w2} ${w1}`)) return true;
      }
    }
  }
  if (g.afterWords.size || g.afterCjk.length || g.afterNumber) {
    let p = h.end;
    while (p < n && isSkippable(text.charCodeAt(p))) p++;
    for (const cjk of g.afterCjk) if (text.startsWith(cjk, p)) return true;
    const [w1, e1] = wordAt(text, p, 1, flags);
    if (w1) {
      if (g.afterWords.has(w1) || (g.afterNumber && NUMBERISH.test(w1))) return true;
      let q = e1;
      while (q < n && isSpace(text.charCodeAt(q))) q++;
      if (q > e1) {
        const [w2] = wordAt(text, q, 1, flags);
        if (w2 && g.afterWords.has(`${w1} ${w2}`)) return true;
      }
    }
  }
  return false;
}

function toMention(text: string, h: Hit, evidence: string | null): Mention {
  return {
    family: h.a.family,
    modelId: h.version?.model ?? h.a.model,
    version: h.version?.v ?? null,
    alias: text.slice(h.start, h.end),
    start: h.start,
    end: h.end,
    evidence,
  };
}

function decide(text: string, hits: Hit[], m: Matcher): Mention[] {
  const accepted: { h: Hit; mention: Mention }[] = [];
  const pending: Hit[] = [];
  for (const h of hits) {
    const a = h.a;
    if (h.parsed) {
      accepted.push({
        h,
        mention: toMention(text, h, a.ambiguous ? text.slice(h.start, h.end) : null),
      });
      continue;
    }
    if (a.group >= 0 && locallyVetoed(text, h, m)) continue;
    if (!a.ambiguous) {
      accepted.push({ h, mention: toMention(text, h, null) });
      continue;
    }
    if (negSeen || stampNeg[a.group] === call || (a.hasNegatives && stampAliasNeg[h.ai] === call))
      continue;
    const g = m.groups[a.group];
    let evidence = g?.needsVideo
      ? firstOutside(text, vidSpans, vidCount, h)
      : firstOutside(text, ctxSpans, ctxCount, h);
    if (!evidence && a.group >= 0 && stampPos[a.group] === call)
      evidence = spanText(text, posStart[a.group]!, posEnd[a.group]!);
    if (evidence) accepted.push({ h, mention: toMention(text, h, evidence) });
    else pending.push(h);
  }

  // Rule 3: another model named in the same post decides a bare ambiguous alias.
  if (pending.length) {
    const coMentionOk = (h: Hit) => m.groups[h.a.group]?.coMention ?? true;
    if (accepted.length) {
      // Evidence for a bare alias: another mention of its family ("veo ... #veo3"), else the
      // first mention of another family.
      const byFamily = new Map<string, Hit>();
      for (const x of accepted) if (!byFamily.has(x.h.a.family)) byFamily.set(x.h.a.family, x.h);
      const first = accepted[0]!.h;
      const second = accepted.find((x) => x.h.a.family !== first.a.family)?.h;
      for (const h of pending) {
        const same = byFamily.get(h.a.family);
        if (same) {
          accepted.push({ h, mention: toMention(text, h, spanText(text, same.start, same.end)) });
          continue;
        }
        if (!coMentionOk(h)) continue;
        const other = first.a.family !== h.a.family ? first : second;
        if (!other) continue;
        const written = spanText(text, other.start, other.end);
        accepted.push({ h, mention: toMention(text, h, `co-mention: ${written}`) });
      }
    } else {
      const eligible = pending.filter(coMentionOk).slice(0, 64);
      for (const h of eligible) {
        const other = eligible.find(
          (x) => x.a.key !== h.a.key && !(x.a.versionOnly && h.a.versionOnly),
        );
        if (other)
          accepted.push({
            h,
            mention: toMention(text, h, `co-mention: ${text.slice(other.start, other.end)}`),
          });
      }
    }
  }
  accepted.sort((x, y) => x.h.start - y.h.start);
  const out = accepted.map((x) => x.mention);
  if (m.backrefWindow > 0) addBackrefs(text, hits, accepted, out, m);
  return out;
}

/**
 * "Kling 2.5 Turbo vs 2.1 Master", "Haiper 2.0 ... than 1.5", "PixVerse ... the new V5": a bare
 * version soon after a mention, before any other alias, that the same family has, names it.
 */
function addBackrefs(
  text: string,
  hits: Hit[],
  accepted: { h: Hit; mention: Mention }[],
  out: Mention[],
  m: Matcher,
) {
  const flags = m.flags;
  const extra: Mention[] = [];
  let next = 0;
  for (const { h, mention } of accepted) {
    const table = h.a.table;
    if (!table) continue;
    let limit = Math.min(text.length, h.end + m.backrefWindow);
    while (next < hits.length && hits[next]!.start < h.end) next++;
    if (next < hits.length && hits[next]!.start < limit) limit = hits[next]!.start;
    for (let k = h.end; k < limit; k++) {
      const c = text.charCodeAt(k);
      const digit = c >= 0x30 && c <= 0x39;
      if (!digit) {
        const lc = c | 0x20;
        if (lc !== 0x76 && lc !== 0x71 && lc !== 0x6f) continue; // v q o
        const d = text.charCodeAt(k + 1);
        if (!(d >= 0x30 && d <= 0x39)) continue;
      }
      const prev = k > 0 ? text.charCodeAt(k - 1) : 0x20;
      if (flags[prev]! & WORD || NOT_BEFORE_VERSION.includes(String.fromCharCode(prev))) continue;
      const match = BARE_VERSION.exec(text.slice(k, k + 16));
      if (!match) continue;
      const token = match[0];
      const e = k + token.length;
      const after = text.charCodeAt(e);
      if (e < text.length && (flags[after]! & WORD || after === 0x25)) continue;
      const unit = /^\s*([A-Za-z]+)/.exec(text.slice(e, e + 12));
      if (unit && m.unitWords.has(unit[1]!.toLowerCase())) continue;
      const info = table.keys.get(versionKey(token));
      if (!info) continue;
      extra.push({
        family: h.a.family,
        modelId: info.model ?? h.a.model,
        version: info.v,
        alias: token,
        start: k,
        end: e,
        evidence: `after ${mention.alias}`,
      });
      k = e;
    }
  }
  if (extra.length) {
    out.push(...extra);
    out.sort((x, y) => x.start - y.start);
  }
}
