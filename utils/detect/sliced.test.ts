// A long post detected in slices (one per frame) must give exactly what one call gives, even when
// other posts are detected between its slices.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMatcher, detectInSlices, detectMentions } from './index';
import { bundledDetection } from './testing';

const matcher = compileMatcher(bundledDetection());
const corpus = readFileSync('tests/fixtures/corpus/dev.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { text: string }).text);

/** Corpus posts joined in a fixed shuffled order until the text is `chars` long. */
function longPost(chars: number, seed: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let x = seed; length < chars;) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const text = corpus[x % corpus.length]!;
    parts.push(text);
    length += text.length + 1;
  }
  return parts.join('\n');
}

function runSliced(text: string, sliceChars: number, between?: () => void) {
  const job = detectInSlices(text, matcher);
  let steps = 0;
  for (;;) {
    steps++;
    const result = job.step(sliceChars);
    if (result) return { result, steps };
    between?.();
  }
}

describe('detectInSlices', () => {
  it('gives the same mentions as detectMentions for a 1 MB post, in 16 K slices', () => {
    const text = longPost(1_000_000, 1);
    const whole = detectMentions(text, matcher);
    const { result, steps } = runSliced(text, 16_384);
    expect(whole.length).toBeGreaterThan(1000);
    // Its thousands of hits are decided over further steps, 512 each.
    const scans = Math.ceil(text.length / 16_384);
    expect(steps).toBeGreaterThan(scans + whole.length / 512 - 1);
    expect(result).toEqual(whole);
  });

  it('decides the hits a share per step, whatever the share (rules 2-3, versions, back-references)', () => {
    const texts = [
      longPost(30_000, 3),
      // Rule 3 with accepted hits (another family, the same family), and without any.
      'Sora and Veo look great, and so does Kling 2.1; veo again, then #veo3 and Runway',
      'Sora and Veo and Pika',
      'Kling 2.5 Turbo vs 2.1 Master, then Haiper 2.0 and 1.5',
    ];
    for (const text of texts) {
      const whole = detectMentions(text, matcher);
      expect(whole.length).toBeGreaterThan(1);
      // One character a step decides one hit a step: every phase stops and resumes mid-way.
      for (const size of [1, 31, 33, 100, 997])
        expect(runSliced(text, size).result, `${size}: ${text.slice(0, 40)}`).toEqual(whole);
    }
  });

  it('is not disturbed by other posts detected between its slices', () => {
    const text = longPost(200_000, 2);
    const whole = detectMentions(text, matcher);
    let k = 0;
    const { result } = runSliced(text, 997, () => {
      // Short posts that set context, vetoes and hits of their own in the shared scratch.
      detectMentions(corpus[k++ % corpus.length]!, matcher);
    });
    expect(result).toEqual(whole);
  });

  it('keeps a decision that needs evidence from another slice (context far from the alias)', () => {
    const filler = ' lorem'.repeat(5_000);
    const text = `Runway${filler} this text-to-video prompt`;
    const whole = detectMentions(text, matcher);
    expect(whole.map((m) => m.family)).toEqual(['runway']);
    expect(runSliced(text, 1_000).result).toEqual(whole);
    expect(detectMentions(`Runway${filler} at the airport`, matcher)).toEqual([]);
  });

  it('handles words and versions cut by a slice boundary, and empty text', () => {
    for (const cut of [1, 2, 3, 4, 5, 6, 7, 8])
      expect(runSliced('Try Veo 3.1 and #kling2 now', cut).result).toEqual(
        detectMentions('Try Veo 3.1 and #kling2 now', matcher),
      );
    expect(runSliced('', 10).result).toEqual([]);
  });

  it('follows walks below the DFA cut across slice boundaries (walk.ts)', () => {
    const shallow = compileMatcher(bundledDetection(), { alias: 1, evidence: 1, cjk: 1 });
    const text = 'Dream Machine vs 可灵 AI video: the text-to-video generator from Luma AI';
    const whole = detectMentions(text, matcher);
    expect(whole.length).toBeGreaterThan(1);
    expect(detectMentions(text, shallow)).toEqual(whole);
    for (let cut = 1; cut <= 12; cut++) {
      const job = detectInSlices(text, shallow);
      let result = null;
      while (!result) result = job.step(cut);
      expect(result).toEqual(whole);
    }
  });
});
