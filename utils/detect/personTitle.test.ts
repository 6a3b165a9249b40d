import { describe, expect, it } from 'vitest';
import { charFlags } from './chars';
import { afterPersonTitle } from './personTitle';
import { wordList } from './wordList';

const titles = wordList(['Dr', 'Prof', 'Herr', 'Mr']);
const at = (text: string, name: string) =>
  afterPersonTitle(text, text.indexOf(name), titles, charFlags());

describe('afterPersonTitle', () => {
  it.each([
    ['Dr. Anna Kling will present her AI video research', 'Kling'],
    ['Dr Kling on AI video', 'Kling'],
    ['Herr Kling hat ein KI-Video gemacht', 'Kling'],
    ['a talk by Prof. Wan about video models', 'Wan'],
  ])('a title, or a title and a given name: %s', (text, name) => {
    expect(at(text, name)).toBe(true);
  });

  it.each([
    ['Used Kling for the AI video', 'Kling'],
    ['Mr Beast used Sora for a video', 'Sora'],
    ['Google Veo made this video', 'Veo'],
    ['Kling is great', 'Kling'],
    ['Dr. Anna and I used Kling', 'Kling'],
  ])('no title right before it: %s', (text, name) => {
    expect(at(text, name)).toBe(false);
  });

  it('does nothing without titles in the dataset', () => {
    expect(afterPersonTitle('Dr. Kling', 4, wordList([]), charFlags())).toBe(false);
  });
});
