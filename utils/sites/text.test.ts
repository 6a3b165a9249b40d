import { describe, expect, it } from 'vitest';
import { cleanText } from './text';

// The transformation cleanText stands for; its fast path must never change a result.
const reference = (text: string) =>
  text
    .replace(/[ \t\f\v\r\u00a0]+/g, ' ')
    .replace(/ ?\n[ \n]*/g, '\n')
    .trim();

describe('cleanText', () => {
  it('collapses layout whitespace and trims, keeping line breaks', () => {
    expect(cleanText('  Veo 3\u00a0\u00a0is\t out \n\n\n  Pricing  ')).toBe(
      'Veo 3 is out\nPricing',
    );
  });

  it('returns clean text as it is', () => {
    const text = 'Tried Veo 3 today.\nLighting holds up.';
    expect(cleanText(text)).toBe(text);
  });

  it('agrees with the full transformation on every short mix of spaces, breaks and letters', () => {
    const alphabet = [' ', '\n', '\t', '\r', '\u00a0', '\u2028', '\u3000', 'a'];
    const check = (s: string) => expect(cleanText(s), JSON.stringify(s)).toBe(reference(s));
    const build = (prefix: string, depth: number) => {
      check(prefix);
      if (depth > 0) for (const c of alphabet) build(prefix + c, depth - 1);
    };
    build('', 4);
    build('x', 3);
  });
});
