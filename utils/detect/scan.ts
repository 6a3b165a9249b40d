// One pass over a post: walk the trie from every place a word can start, keep the longest valid
// alias (with the version after it) and note every context word and veto seen on the way. Then
// decide the ambiguous aliases from that evidence, following the guidelines' rules 2-4.
import { CJK, WORD } from './chars';
import {
  F_END_WORD,
  F_HASHTAG,
  F_PREFIX,
  groupRegex,
  K_ALIAS,
  K_ALIAS_NEG,
  K_CONTEXT,
  K_GROUP_NEG,
  K_GROUP_POS,
  K_NEG,
  K_VIDEO,
  type CompiledAlias,
  type Matcher,
} from './compile';
import type { Mention } from './types';
import { parseVersion, versionKey, type VersionInfo } from './versions';

interface Hit {
  a: CompiledAlias;
  ai: number;
  start: number;
  end: number;
  version: VersionInfo | null;
  /** The version was read after the name (not fixed by the alias). */
  parsed: boolean;
}

/** What the walk saw besides aliases. Spans are [start, end] pairs, first few only. */
interface Evidence {
  context: number[];
  video: number[];
  groupPos: Map<number, number> | null;
  groupNeg: Set<number> | null;
  aliasNeg: Set<number> | null;
  negative: boolean;
}

const MAX_SPANS = 64;
const candPat = new Int32Array(256);
const candEnd = new Int32Array(256);
const candSeq = new Int32Array(256);

const isHash = (c: number) => c === 0x23 || c === 0xff03;

export function detectMentions(text: string, m: Matcher): Mention[] {
  const {
    flags,
    cls,
    rootNext,
    edgeStart,
    edgeCls,
    edgeNode,
    outStart,
    outList,
    patKind,
    patRef,
    patFlags,
  } = m;
  const n = text.length;
  let hits: Hit[] | null = null;
  const ev: Evidence = {
    context: [],
    video: [],
    groupPos: null,
    groupNeg: null,
    aliasNeg: null,
    negative: false,
  };
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
            record(ev, kind, patRef[p]!, i, j);
          }
          if (j >= n) break;
          const c = cls[text.charCodeAt(j)]!;
          if (c === 0) break;
          let next = 0;
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
  return hits ? decide(text, hits, ev, m) : [];
}

function record(ev: Evidence, kind: number, ref: number, s: number, e: number) {
  switch (kind) {
    case K_VIDEO:
      if (ev.video.length < MAX_SPANS) ev.video.push(s, e);
    // falls through: video words are context too
    case K_CONTEXT:
      if (ev.context.length < MAX_SPANS) ev.context.push(s, e);
      break;
    case K_GROUP_POS:
      if (!ev.groupPos?.has(ref)) (ev.groupPos ??= new Map()).set(ref, s * 65536 + (e - s));
      break;
    case K_GROUP_NEG:
      (ev.groupNeg ??= new Set()).add(ref);
      break;
    case K_ALIAS_NEG:
      (ev.aliasNeg ??= new Set()).add(ref);
      break;
    case K_NEG:
      ev.negative = true;
      break;
  }
}

/** The longest alias ending that is valid here: case, word boundary, version. */
function bestAlias(text: string, start: number, cands: number, m: Matcher): Hit | null {
  const n = text.length;
  // Longest first; among patterns ending at the same place, in dataset order (strict first).
  let order = 0;
  const seq = candSeq;
  for (let k = cands - 1; k >= 0;) {
    let s = k;
    while (s > 0 && candEnd[s - 1] === candEnd[k]) s--;
    for (let t = s; t <= k; t++) seq[order++] = t;
    k = s - 1;
  }
  for (let o = 0; o < order; o++) {
    const k = seq[o]!;
    const ai = m.patRef[candPat[k]!]!;
    const a = m.aliases[ai]!;
    const end = candEnd[k]!;
    if (a.exact && !a.exact.has(text.slice(start, end))) continue;
    if (a.capitalized) {
      const ch = text[start]!;
      if (ch === ch.toLowerCase()) continue;
    }
    let version: VersionInfo | null = null;
    let vend = end;
    let parsed = false;
    if (a.version === null) {
      const table = m.versions.get(a.family);
      const pv = table ? parseVersion(text, end, table, m.joiners, m.flags) : null;
      if (pv) {
        version = pv.info;
        vend = pv.end;
        parsed = true;
      }
    } else {
      version = { v: a.version, model: a.model };
    }
    if (!parsed) {
      if (a.needsVersion) continue;
      if (a.endsWord && end < n && m.flags[text.charCodeAt(end)]! & WORD) continue;
    }
    return { a, ai, start, end: vend, version, parsed };
  }
  return null;
}

function spanText(text: string, s: number, e: number): string {
  return (s > 0 && isHash(text.charCodeAt(s - 1)) ? '#' : '') + text.slice(s, e);
}

/** The first context span outside the alias itself ("Stable Video" is not its own evidence). */
function firstOutside(text: string, spans: number[], h: Hit): string | null {
  for (let k = 0; k < spans.length; k += 2) {
    const s = spans[k]!;
    const e = spans[k + 1]!;
    if (e <= h.start || s >= h.end) return spanText(text, s, e);
  }
  return null;
}

function locallyVetoed(text: string, h: Hit, m: Matcher): boolean {
  const g = m.groups[h.a.group];
  if (!g) return false;
  const before = groupRegex(g, 'before', m.flags);
  if (before && before.test(text.slice(Math.max(0, h.start - 48), h.start))) return true;
  const after = groupRegex(g, 'after', m.flags);
  return !!after && after.test(text.slice(h.end, h.end + 48));
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

function decide(text: string, hits: Hit[], ev: Evidence, m: Matcher): Mention[] {
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
    if (ev.negative || ev.groupNeg?.has(a.group) || (a.hasNegatives && ev.aliasNeg?.has(h.ai)))
      continue;
    const g = m.groups[a.group];
    let evidence = firstOutside(text, g?.needsVideo ? ev.video : ev.context, h);
    const gp = ev.groupPos?.get(a.group);
    if (!evidence && gp !== undefined) {
      const s = Math.floor(gp / 65536);
      evidence = spanText(text, s, s + (gp % 65536));
    }
    if (evidence) accepted.push({ h, mention: toMention(text, h, evidence) });
    else pending.push(h);
  }

  // Rule 3: another model named in the same post decides a bare ambiguous alias.
  if (pending.length) {
    const coMentionOk = (h: Hit) => m.groups[h.a.group]?.coMention ?? true;
    if (accepted.length) {
      for (const h of pending) {
        if (!coMentionOk(h)) continue;
        const other =
          accepted.find((x) => x.h.a.family !== h.a.family) ??
          accepted.find((x) => x.h.a.key !== h.a.key);
        if (!other) continue;
        const written = spanText(text, other.h.start, other.h.end);
        const evidence = other.h.a.family === h.a.family ? written : `co-mention: ${written}`;
        accepted.push({ h, mention: toMention(text, h, evidence) });
      }
    } else {
      const eligible = pending.filter(coMentionOk);
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
  for (const { h, mention } of accepted) {
    const table = m.versions.get(h.a.family);
    if (!table) continue;
    let limit = Math.min(text.length, h.end + m.backrefWindow);
    for (const other of hits) if (other.start >= h.end && other.start < limit) limit = other.start;
    for (let k = h.end; k < limit; k++) {
      const c = text.charCodeAt(k);
      const prev = k > 0 ? text.charCodeAt(k - 1) : 0x20;
      if (flags[prev]! & WORD || '.,$€£#/'.includes(String.fromCharCode(prev))) continue;
      const match = /^(?:[vVqQoO]\d+(?:\.\d+)*|\d+(?:\.\d+)+)/.exec(text.slice(k, k + 16));
      if (!match || !(flags[c]! & WORD)) continue;
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
