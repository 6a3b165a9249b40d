// A trie whose patterns start where a word can start, compiled into a DFA, so a scan reads one
// table entry per character and branches only where something ends. A branchy walk from every
// word start (look up the first character, step the trie until it fails) lost most of its time to
// mispredicted branches at word boundaries; here a word start is part of the state instead.
//
// States are Aho-Corasick states: the deepest trie node any walk still alive has reached (the
// walks alive are that node and its failure chain), or no walk alive, after a word character or
// not. A walk may start at a character after a non-word one, or at any CJK one. Character classes
// never mix word, CJK and other characters, so a node's path fixes where walks along it started.
//
// Only the trie's first levels become states (`cut`, or `cjkCut` for patterns that start with a
// CJK character, since every CJK character of a pattern is a column of every row): a full row per
// deep node (most of them on a single path, their rows their failure row plus one entry) made
// tables of megabytes that every tab held and every page load built. A walk that reaches its cut
// with children below is reported like a pattern (it is on the chain), and the scan follows it
// down the trie itself (`below`, while the text spells a pattern: a few characters); the DFA
// forgets it and follows the walks started after it.
import { CJK, WORD } from './chars';

/** The trie as the compiler builds it: children per node, patterns ending per node. */
export interface TrieShape {
  root: number;
  nodes: number;
  edgeStart: Int32Array;
  edgeCls: Int32Array;
  edgeNode: Int32Array;
  outStart: Int32Array;
  /** Its longest pattern. */
  longest: number;
}

export interface Walk {
  /** Code unit -> symbol: its class if the DFA uses it, whether it is a word or CJK character. */
  sym: Uint8Array | Uint16Array;
  symbols: number;
  /**
   * 1 / symbols: a state is (st * inv + 0.5) | 0 for an entry st of `next`, a multiply where a
   * division would take tens of cycles.
   */
  inv: number;
  /**
   * next[state * symbols + symbol] = next state * symbols, one add and one load per character;
   * bit-inverted (negative) for a state that has something to report.
   */
  next: Int32Array;
  /** The state at a text's start, times `symbols`. */
  start: number;
  /**
   * Per state: a bare version may start here: 1 at the character just read (a digit at a word
   * start), 2 at the one before it (a v, q or o at a word start, then a digit).
   */
  bare: Uint8Array;
  /** Per state: the first walk of its chain at which patterns end (a state, -1: none). */
  firstOut: Int32Array;
  /** Per state with patterns of its own: the next such state in its chain. */
  nextOut: Int32Array;
  /** Per state: its trie node (outStart / outList) and how many characters its walk has read. */
  node: Int32Array;
  depth: Int32Array;
  /**
   * The trie below the cut, one record per node, so following a walk there reads one cache line
   * a character: [node (bit-inverted if patterns end there), children, (class, record) ...].
   */
  below: Int32Array;
  /** Per state: its record in `below` if it is at the cut with the trie going on, else -1. */
  belowAt: Int32Array;
  /** The longest pattern: a walk is over this many characters after its start. */
  maxDepth: number;
}

const BARE = '0123456789vVqQoO';
const BARE_UNITS = [...BARE].map((ch) => ch.charCodeAt(0));

/**
 * `bareStarts`: also report where a word starts with a digit, or with a v, q or o and a digit
 * (back-references need those places, and the scan no longer visits every word start).
 */
export function buildWalk(
  t: TrieShape,
  cls: Uint16Array,
  classes: number,
  /** The code units that have a class. */
  assigned: number[],
  flags: Uint8Array,
  bareStarts: boolean,
  /** Trie levels that become DFA states, for patterns starting with a CJK character or not. */
  cut: number,
  cjkCut: number,
): Walk {
  const { root, edgeStart, edgeCls, edgeNode, outStart } = t;

  // Nodes in breadth-first order down to the cut: a node's failure state is shallower, so its
  // row is ready. Below the cut only the longest pattern is wanted.
  const depthOf = new Int32Array(t.nodes);
  const viaOf = new Int32Array(t.nodes);
  const used = new Uint8Array(classes);
  const clsCjk = new Uint8Array(classes);
  for (const c of assigned) if ((flags[c]! & CJK) !== 0) clsCjk[cls[c]!] = 1;
  // Which nodes become states: down to the cut, and for patterns that start with a CJK character
  // (a column per character, in every row) only down to `cjkCut`.
  const cjkPath = new Uint8Array(t.nodes);
  const keep = new Uint8Array(t.nodes);
  keep[root] = 1;
  const order = [root];
  for (let q = 0; q < order.length; q++) {
    const n = order[q]!;
    for (let e = edgeStart[n]!; e < edgeStart[n + 1]!; e++) {
      const c = edgeNode[e]!;
      depthOf[c] = depthOf[n]! + 1;
      cjkPath[c] = n === root ? clsCjk[edgeCls[e]!]! : cjkPath[n]!;
      if (depthOf[c]! > (cjkPath[c] === 1 ? cjkCut : cut)) continue;
      keep[c] = 1;
      order.push(c);
      viaOf[c] = edgeCls[e]!;
      used[edgeCls[e]!] = 1;
    }
  }

  // Symbols: (class if used here, word/CJK flags, bare-version start). Symbols 0-2 are the
  // code units of no class used here, by their flags (0, WORD or CJK), so the table starts as a
  // copy of the flags and only code units with a class or a bare-version start are looked at.
  const symOfKey = new Int32Array(classes * 12).fill(-1);
  const symCls = [0, 0, 0];
  const symFlags = [0, WORD, CJK];
  const symBare = [0, 0, 0];
  for (let f = 0; f < 3; f++) symOfKey[f * 3] = f;
  const special = bareStarts ? [...assigned, ...BARE_UNITS] : assigned;
  const symOf = new Int32Array(special.length);
  for (let j = 0; j < special.length; j++) {
    const c = special[j]!;
    const k = used[cls[c]!] ? cls[c]! : 0;
    // 2: a digit, 1: v, q or o.
    const bare =
      bareStarts && c < 128 && BARE.includes(String.fromCharCode(c)) ? (c <= 0x39 ? 2 : 1) : 0;
    const f = flags[c]! & (WORD | CJK);
    const key = k * 12 + f * 3 + bare;
    let s = symOfKey[key]!;
    if (s < 0) {
      s = symOfKey[key] = symCls.length;
      symCls.push(k);
      symFlags.push(f);
      symBare.push(bare);
    }
    symOf[j] = s;
  }
  const K = symCls.length;
  const sym = K > 256 ? new Uint16Array(65536) : new Uint8Array(65536);
  sym.set(flags);
  for (let j = 0; j < special.length; j++) sym[special[j]!] = symOf[j]!;
  // Symbols by class, for a node's children.
  const byCls: number[][] = Array.from({ length: classes }, () => []);
  for (let a = 0; a < K; a++) if (symCls[a] !== 0) byCls[symCls[a]!]!.push(a);

  // States: 0 (no walk, after a non-word character or at the start), 1 (no walk, after a word
  // character), 2 + breadth-first index for every other node. A row entry is the next state
  // times K, bit-inverted (negative) if that state has something to report.
  const base = order.length + 1;
  const stateOf = new Int32Array(t.nodes);
  for (let q = 1; q < order.length; q++) stateOf[order[q]!] = q + 1;
  const fail = new Int32Array(base);
  const afterWord = new Uint8Array(base);
  afterWord[1] = 1;
  const nodeOf = new Int32Array(base);
  nodeOf[0] = nodeOf[1] = root;
  const depth = new Int32Array(base);
  const belowAtBase = new Int32Array(base).fill(-1);
  const firstOutBase = new Int32Array(base).fill(-1);
  const nextOutBase = new Int32Array(base).fill(-1);
  for (let q = 1; q < order.length; q++) {
    const n = order[q]!;
    const s = q + 1;
    nodeOf[s] = n;
    depth[s] = depthOf[n]!;
    for (let e = edgeStart[n]!; e < edgeStart[n + 1]!; e++)
      if (keep[edgeNode[e]!] === 0) belowAtBase[s] = 0;
    // The class a node was reached by fixes the flags of its last character.
    afterWord[s] = (symFlags[byCls[viaOf[n]!]![0]!]! & WORD) !== 0 ? 1 : 0;
  }
  // Walks below the cut are reported like patterns: with CJK walks cut sooner, one may stand at
  // its cut while a deeper walk is the state, and be found only along the chain.
  const reports = new Uint8Array(base);
  for (let s = 2; s < base; s++)
    if (outStart[nodeOf[s]! + 1]! > outStart[nodeOf[s]!]! || belowAtBase[s]! >= 0) reports[s] = 1;

  // Row entries are written once a state's failure state, so its chain, is known. Written out
  // in place, not as helpers: this runs cold, once per page, where every call costs.
  const row = new Int32Array(base * K);
  for (let a = 0; a < K; a++) {
    const r = (symFlags[a]! & WORD) !== 0 ? K : 0;
    row[a] = r;
    row[K + a] = r;
  }
  for (let q = 0; q < order.length; q++) {
    const n = order[q]!;
    const s = q === 0 ? 0 : q + 1;
    const at = s * K;
    if (q !== 0) row.copyWithin(at, fail[s]! * K, fail[s]! * K + K);
    for (let e = edgeStart[n]!; e < edgeStart[n + 1]!; e++) {
      if (keep[edgeNode[e]!] === 0) continue;
      const child = stateOf[edgeNode[e]!]!;
      const cs = byCls[edgeCls[e]!]!;
      // A walk that just started has no other walk alive beside it.
      let f = afterWord[child]!;
      if (q !== 0) {
        const v = row[fail[s]! * K + cs[0]!]!;
        f = (v < 0 ? ~v : v) / K;
      }
      fail[child] = f;
      nextOutBase[child] = firstOutBase[f]!;
      firstOutBase[child] = reports[child] === 1 ? child : firstOutBase[f]!;
      const v = firstOutBase[child]! >= 0 ? ~(child * K) : child * K;
      for (let j = 0; j < cs.length; j++) {
        row[at + cs[j]!] = v;
        // From the root a CJK character starts a walk after a word character too.
        if (q === 0 && (symFlags[cs[j]!]! & CJK) !== 0) row[K + cs[j]!] = v;
      }
    }
  }
  const decode = (v: number) => (v < 0 ? ~v : v) / K;

  // Bare-version starts: a digit at a word start, or a digit after a v, q or o at one ("V5").
  // Copies of the states reached by reading one report them (bare 1: the start is the digit,
  // 2: the letter before it); a v, q or o at a word start leads to a copy that reports nothing
  // of its own but whose digits lead to copies of bare 2. Only those starts are reported, not
  // every word starting with "o" or "v".
  const digitSyms: number[] = [];
  const letterSyms: number[] = [];
  for (let a = 0; a < K; a++)
    if (symBare[a] === 2) digitSyms.push(a);
    else if (symBare[a] === 1) letterSyms.push(a);
  const copies: number[] = [];
  const copyBare: number[] = [];
  const digitCopy = new Int32Array(base).fill(-1);
  const letterCopy = new Int32Array(base).fill(-1);
  const afterLetterCopy = new Int32Array(base).fill(-1);
  const copy = (of: Int32Array, to: number, kind: number) => {
    if (of[to]! < 0) {
      of[to] = base + copies.length;
      copies.push(to);
      copyBare.push(kind);
    }
    return of[to]!;
  };
  if (bareStarts)
    for (let s = 0; s < base; s++) {
      if (afterWord[s] !== 0) continue;
      for (const a of digitSyms)
        row[s * K + a] = ~(copy(digitCopy, decode(row[s * K + a]!), 1) * K);
      for (const a of letterSyms) {
        const v = row[s * K + a]!;
        const c = copy(letterCopy, decode(v), 0) * K;
        row[s * K + a] = v < 0 ? ~c : c;
      }
    }
  // The letter copies' digits (a letter copy's base was reached by a word character, so no
  // word starts in its row: it is as the trie made it).
  const letterCopies = copies.length;
  for (let c = 0; c < letterCopies; c++)
    if (copyBare[c] === 0)
      for (const a of digitSyms) copy(afterLetterCopy, decode(row[copies[c]! * K + a]!), 2);
  const total = base + copies.length;
  let next = row;
  if (copies.length !== 0) {
    next = new Int32Array(total * K);
    next.set(row);
  }
  for (let c = 0; c < copies.length; c++)
    next.copyWithin((base + c) * K, copies[c]! * K, copies[c]! * K + K);
  for (let c = 0; c < letterCopies; c++) {
    if (copyBare[c] !== 0) continue;
    const at = (base + c) * K;
    for (const a of digitSyms)
      next[at + a] = ~(afterLetterCopy[decode(row[copies[c]! * K + a]!)]! * K);
  }

  const baseOf = (s: number) => (s < base ? s : copies[s - base]!);
  const bare = new Uint8Array(total);
  const firstOut = new Int32Array(total);
  const node = new Int32Array(total);
  const depthOut = new Int32Array(total);
  const below = belowCut(t, nodeOf, belowAtBase, keep);
  const belowAt = new Int32Array(total);
  for (let s = 0; s < total; s++) {
    const b = baseOf(s);
    bare[s] = s >= base ? copyBare[s - base]! : 0;
    belowAt[s] = belowAtBase[b]!;
    firstOut[s] = firstOutBase[b]!;
    node[s] = nodeOf[b]!;
    depthOut[s] = depth[b]!;
  }
  return {
    sym,
    symbols: K,
    inv: 1 / K,
    next,
    start: 0,
    bare,
    firstOut,
    nextOut: nextOutBase,
    node,
    depth: depthOut,
    below,
    belowAt,
    maxDepth: t.longest,
  };
}

/** Lays out the records of `below`; sets belowAt[s] for the states marked (>= 0) there. */
function belowCut(
  t: TrieShape,
  nodeOf: Int32Array,
  belowAt: Int32Array,
  /** Nodes that are states: the DFA follows them, not `below`. */
  keep: Uint8Array,
): Int32Array {
  const { edgeStart, edgeCls, edgeNode, outStart } = t;
  const order: number[] = [];
  for (let s = 0; s < belowAt.length; s++) if (belowAt[s]! >= 0) order.push(nodeOf[s]!);
  const at = new Int32Array(t.nodes);
  let size = 0;
  for (let q = 0; q < order.length; q++) {
    const n = order[q]!;
    at[n] = size;
    size += 2;
    for (let e = edgeStart[n]!; e < edgeStart[n + 1]!; e++) {
      if (keep[edgeNode[e]!] === 1) continue;
      size += 2;
      order.push(edgeNode[e]!);
    }
  }
  const below = new Int32Array(size);
  for (const n of order) {
    let r = at[n]!;
    below[r++] = outStart[n + 1]! > outStart[n]! && keep[n] === 0 ? ~n : n;
    const count = r++;
    for (let e = edgeStart[n]!; e < edgeStart[n + 1]!; e++) {
      if (keep[edgeNode[e]!] === 1) continue;
      below[count]!++;
      below[r++] = edgeCls[e]!;
      below[r++] = at[edgeNode[e]!]!;
    }
  }
  for (let s = 0; s < belowAt.length; s++) if (belowAt[s]! >= 0) belowAt[s] = at[nodeOf[s]!]!;
  return below;
}
