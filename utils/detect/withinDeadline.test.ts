import { describe, expect, it } from 'vitest';
import { evidenceWalk } from './compile';
import { compileMatcher, detectMentions, type Matcher } from './index';
import { bundledDetection } from './testing';
import { createDeadlineDetector, FIRST_STEP_CHARS, SLICE_CHARS } from './withinDeadline';

const matcher = compileMatcher(bundledDetection());
evidenceWalk(matcher);
const long = `${'Made with Veo 3 and a prompt. '.repeat(5_000)}Kling 2.1 too`;

/** A clock that moves `perRead` units each time it is read: every step "takes" that long. */
const ticking = (perRead: number) => {
  let t = 0;
  return () => (t += perRead);
};

describe('createDeadlineDetector', () => {
  it('builds the evidence walk in a step of its own, then detects', () => {
    const fresh = compileMatcher(bundledDetection());
    const detect = createDeadlineDetector(() => 100);
    const owner = {};
    const post = 'Made this runway clip with a prompt';
    expect(fresh.evidence).toBeNull();
    expect(detect(owner, post, fresh, 0)).toBeNull();
    expect(fresh.evidence).not.toBeNull();
    expect(detect(owner, post, fresh, 0)).toEqual(detectMentions(post, matcher));
    // With time left in the frame, the same call goes on to the post.
    const roomy = compileMatcher(bundledDetection());
    expect(createDeadlineDetector(() => 0)(owner, post, roomy, 100)).toEqual(
      detectMentions(post, matcher),
    );
  });

  it('detects a short post at once, whatever the deadline', () => {
    const detect = createDeadlineDetector(() => 100);
    expect(detect({}, 'Sora 2 is out', matcher, 0)).toEqual(
      detectMentions('Sora 2 is out', matcher),
    );
  });

  it('spreads a long post over calls, one step when the deadline has passed, and finishes it', () => {
    const { calls, result } = oneStepPerCall(matcher, () => 100);
    // Steps that take no time grow from FIRST_STEP_CHARS to SLICE_CHARS; then the 5,001 hits
    // are decided a share per step (the last slice starts on them).
    const growing = Math.log2(SLICE_CHARS / FIRST_STEP_CHARS);
    const slices = Math.ceil(long.length / SLICE_CHARS) + growing;
    expect(calls).toBeGreaterThan(slices + 1);
    expect(calls).toBeLessThanOrEqual(slices + Math.ceil((2 * 5_001) / (SLICE_CHARS / 64)));
    expect(result).toEqual(detectMentions(long, matcher));
  });

  it('does several steps while the frame has time', () => {
    const steps = oneStepPerCall(matcher, ticking(1)).calls;
    let clock = 0;
    const detect = createDeadlineDetector(() => clock++);
    const owner = {};
    // Time advances one unit per read, so each step takes 1: a deadline of 2 allows two steps.
    let calls = 0;
    let result = null;
    while (!result) {
      clock = 0;
      calls++;
      result = detect(owner, long, matcher, 2);
    }
    expect(calls).toBe(Math.ceil(steps / 2));
    expect(calls).toBeGreaterThan(1);
    expect(result).toEqual(detectMentions(long, matcher));
  });

  it('sizes its steps by how long they take: quick steps grow, slow ones shrink', () => {
    const quick = oneStepPerCall(matcher, () => 100); // steps take 0 ms
    const steady = oneStepPerCall(matcher, ticking(1)); // 1 ms: kept
    const slow = oneStepPerCall(matcher, ticking(5)); // 5 ms: halved
    expect(quick.calls).toBeLessThan(steady.calls);
    expect(steady.calls).toBeLessThan(slow.calls);
    for (const run of [quick, steady, slow])
      expect(run.result).toEqual(detectMentions(long, matcher));
  });

  it('starts over for a new matcher (a dataset update mid-post)', () => {
    const detect = createDeadlineDetector(() => 100);
    const owner = {};
    expect(detect(owner, long, matcher, 0)).toBeNull();
    const other = compileMatcher(bundledDetection());
    evidenceWalk(other);
    let calls = 1;
    while (!detect(owner, long, other, 0)) calls++;
    expect(calls).toBe(oneStepPerCall(other, () => 100).calls);
  });
});

function oneStepPerCall(m: Matcher, now: () => number) {
  const detect = createDeadlineDetector(now);
  const owner = {};
  let calls = 0;
  let result = null;
  while (!result) {
    calls++;
    result = detect(owner, long, m, 0);
  }
  return { calls, result };
}
