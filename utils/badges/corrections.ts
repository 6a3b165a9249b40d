// Fact checks: where a post repeats a known wrong claim next to a model's name ("Chinese
// startup Pika"), the card shows the sourced correction. Claims and corrections are dataset data.
import type { Correction } from '../dataset/schema';
import type { Mention } from '../detect/types';

/** How far from a mention (in characters, either side) a claim still counts as being about it. */
export const CLAIM_WINDOW = 160;

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const LATIN = /^[\p{Script=Latin}\p{N}\s'’.-]+$/u;
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;

interface Claim {
  needle: string;
  /** Latin phrases must not sit inside a longer word ("China" ≠ "Chinatown"); CJK ones may. */
  latin: boolean;
  endsInWord: boolean;
}

interface Check {
  correction: Correction;
  claims: Claim[];
}

interface Prepared {
  checks: Check[];
  /** The checks of each family that has any: most mentions name a family with none. */
  byFamily: Map<string, Check[]>;
}

/** Claims prepared once per dataset, not once per mention: most badged posts check several. */
const preparedFor = new WeakMap<Correction[], Prepared>();
function prepare(corrections: Correction[]): Prepared {
  let prepared = preparedFor.get(corrections);
  if (!prepared) {
    const checks = corrections.map((correction) => ({
      correction,
      claims: correction.claims.map((claim) => {
        const needle = claim.toLowerCase();
        return { needle, latin: LATIN.test(claim), endsInWord: ENDS_IN_WORD.test(needle) };
      }),
    }));
    const byFamily = new Map<string, Check[]>();
    for (const check of checks)
      for (const family of new Set(check.correction.families))
        byFamily.set(family, [...(byFamily.get(family) ?? []), check]);
    prepared = { checks, byFamily };
    preparedFor.set(corrections, prepared);
  }
  return prepared;
}

/**
 * A mention's neighbourhood, cut out once with one character of margin each side for the word
 * test, so a phrase absent from a 1 MB post costs a window's scan, not the whole post's.
 */
interface Neighbourhood {
  text: string;
  lo: number;
  hi: number;
}

function neighbourhood(lower: string, mention: Mention): Neighbourhood {
  const from = Math.max(0, mention.start - CLAIM_WINDOW);
  const to = Math.min(lower.length, mention.end + CLAIM_WINDOW);
  const start = Math.max(0, from - 1);
  return { text: lower.slice(start, to + 1), lo: from - start, hi: to - start };
}

function claimIn({ text, lo, hi }: Neighbourhood, { needle, latin, endsInWord }: Claim): boolean {
  for (
    let i = text.indexOf(needle, lo);
    i !== -1 && i + needle.length <= hi;
    i = text.indexOf(needle, i + 1)
  ) {
    if (!latin) return true;
    if (!isWordChar(text[i - 1]) && !(endsInWord && isWordChar(text[i + needle.length])))
      return true;
  }
  return false;
}

/** The corrections whose claims appear (case-insensitively) near a mention of their families. */
export function correctionsFor(
  text: string,
  mentions: Mention[],
  corrections: Correction[],
): Correction[] {
  if (mentions.length === 0 || corrections.length === 0) return [];
  const { checks, byFamily } = prepare(corrections);
  let found: Set<Check> | null = null;
  let lower: string | null = null;
  for (const mention of mentions) {
    const own = byFamily.get(mention.family);
    if (!own) continue;
    let near: Neighbourhood | null = null;
    for (const check of own) {
      if (found?.has(check)) continue;
      near ??= neighbourhood((lower ??= text.toLowerCase()), mention);
      for (const claim of check.claims)
        if (claimIn(near, claim)) {
          (found ??= new Set()).add(check);
          break;
        }
    }
  }
  // In dataset order, as the card lists them.
  return found ? checks.filter((c) => found.has(c)).map((c) => c.correction) : [];
}
