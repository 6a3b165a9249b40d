// Fact checks: where a post repeats a known wrong claim next to a model's name ("Chinese
// startup Pika"), the card shows the sourced correction. Claims and corrections are dataset data.
import type { Correction } from '../dataset/schema';
import type { Mention } from '../detect/types';

/** How far from a mention (in characters, either side) a claim still counts as being about it. */
export const CLAIM_WINDOW = 160;

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Case-insensitive phrase search in a mention's window; Latin phrases must not sit inside a longer
 * word ("China" ≠ "Chinatown"). The window is cut out first (one character of margin each side for
 * the word test) so a phrase absent from a 1 MB post costs a window's scan, not the whole post's.
 */
function findPhrase(haystack: string, phrase: string, from: number, to: number): boolean {
  const needle = phrase.toLowerCase();
  const latin = /^[\p{Script=Latin}\p{N}\s'’.-]+$/u.test(phrase);
  const start = Math.max(0, from - 1);
  const window = haystack.slice(start, to + 1);
  const lo = from - start;
  const hi = to - start;
  for (
    let i = window.indexOf(needle, lo);
    i !== -1 && i + needle.length <= hi;
    i = window.indexOf(needle, i + 1)
  ) {
    if (!latin) return true;
    const endsOpen = /[\p{L}\p{N}]$/u.test(needle) && isWordChar(window[i + needle.length]);
    if (!isWordChar(window[i - 1]) && !endsOpen) return true;
  }
  return false;
}

export function correctionsFor(
  text: string,
  mentions: Mention[],
  corrections: Correction[],
): Correction[] {
  if (mentions.length === 0 || corrections.length === 0) return [];
  const lower = text.toLowerCase();
  return corrections.filter((c) =>
    mentions.some(
      (m) =>
        c.families.includes(m.family) &&
        c.claims.some((claim) =>
          findPhrase(
            lower,
            claim,
            Math.max(0, m.start - CLAIM_WINDOW),
            Math.min(lower.length, m.end + CLAIM_WINDOW),
          ),
        ),
    ),
  );
}
