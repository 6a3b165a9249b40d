import { describe, expect, it } from 'vitest';
import { isListed, wordList } from './wordList';

const listed = (list: ReturnType<typeof wordList>, text: string) =>
  isListed(text, 0, text.length, list);

describe('isListed', () => {
  const list = wordList(['Tarmac', 'fod', 'Flughafen', 'aéroport', 'two words']);

  it('finds a word whatever its case, compared in place', () => {
    expect(listed(list, 'tarmac')).toBe(true);
    expect(listed(list, 'TARMAC')).toBe(true);
    expect(listed(list, 'FOD')).toBe(true);
    expect(listed(list, 'tarmacs')).toBe(false);
    expect(listed(list, 'tarmak')).toBe(false);
    expect(listed(list, '')).toBe(false);
  });

  it('reads only the span it is given', () => {
    expect(isListed('on the tarmac today', 7, 13, list)).toBe(true);
    expect(isListed('on the tarmac today', 7, 12, list)).toBe(false);
  });

  it('lower-cases words outside ASCII as the list does', () => {
    expect(listed(list, 'AÉROPORT')).toBe(true);
    expect(listed(list, 'aeroport')).toBe(false);
  });

  it('holds a word of two only as two words', () => {
    expect(listed(list, 'two words')).toBe(true);
    expect(listed(list, 'two')).toBe(false);
  });

  it('tells apart many words of the same length and first letter', () => {
    const words = Array.from({ length: 500 }, (_, i) => `w${i.toString(36).padStart(3, '0')}`);
    const many = wordList(words);
    for (const w of words) expect(listed(many, w.toUpperCase())).toBe(true);
    expect(listed(many, 'wzzz')).toBe(false);
    expect(listed(many, 'x000')).toBe(false);
  });

  it('an empty list holds nothing', () => {
    expect(listed(wordList([]), 'anything')).toBe(false);
  });
});
