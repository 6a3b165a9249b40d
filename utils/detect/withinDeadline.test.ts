import { describe, expect, it } from 'vitest';
import { compileMatcher, detectMentions, type Matcher } from './index';
import { bundledDetection } from './testing';
import { createDeadlineDetector, SLICE_CHARS } from './withinDeadline';

const matcher = compileMatcher(bundledDetection());
const long = `${'Made with Veo 3 and a prompt. '.repeat(5_000)}Kling 2.1 too`;

describe('createDeadlineDetector', () => {
  it('detects a short post at once, whatever the deadline', () => {
    const detect = createDeadlineDetector(() => 100);
    expect(detect({}, 'Sora 2 is out', matcher, 0)).toEqual(
      detectMentions('Sora 2 is out', matcher),
    );
  });

  it('spreads a long post over calls, one step when the deadline has passed, and finishes it', () => {
    const { calls, result } = oneStepPerCall(matcher);
    // Its slices, then its 5,001 hits decided 512 at a time (the last slice starts on them).
    const slices = Math.ceil(long.length / SLICE_CHARS);
    expect(calls).toBeGreaterThan(slices + 1);
    expect(calls).toBeLessThanOrEqual(slices + Math.ceil((2 * 5_001) / (SLICE_CHARS / 64)));
    expect(result).toEqual(detectMentions(long, matcher));
  });

  it('does several steps while the frame has time', () => {
    let clock = 0;
    const detect = createDeadlineDetector(() => clock++);
    const owner = {};
    // Time advances one unit per step: a deadline of 2 allows steps at t=0, 1, 2.
    let calls = 0;
    let result = null;
    while (!result) {
      clock = 0;
      calls++;
      result = detect(owner, long, matcher, 2);
    }
    expect(calls).toBe(Math.ceil(oneStepPerCall(matcher).calls / 3));
    expect(calls).toBeGreaterThan(1);
    expect(result).toEqual(detectMentions(long, matcher));
  });

  it('starts over for a new matcher (a dataset update mid-post)', () => {
    const detect = createDeadlineDetector(() => 100);
    const owner = {};
    expect(detect(owner, long, matcher, 0)).toBeNull();
    const other = compileMatcher(bundledDetection());
    let calls = 1;
    while (!detect(owner, long, other, 0)) calls++;
    expect(calls).toBe(oneStepPerCall(other).calls);
  });
});

function oneStepPerCall(m: Matcher) {
  const detect = createDeadlineDetector(() => 100);
  const owner = {};
  let calls = 0;
  let result = null;
  while (!result) {
    calls++;
    result = detect(owner, long, m, 0);
  }
  return { calls, result };
}
