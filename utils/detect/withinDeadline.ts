// Detection that never holds a frame: a post up to SLICE_CHARS long is detected at once; a longer
// one (a 1 MB paste) a step at a time until the frame's deadline, resumed in the next frame.
import { evidenceWalk, type Matcher } from './compile';
import { detectInSlices, detectMentions, type SlicedDetection } from './scan';
import type { Mention } from './types';

/** About half a millisecond of scanning at the detector's speed, warm: the largest step. */
export const SLICE_CHARS = 32_768;
/**
 * A long post's first step is small: it often runs on code the page has not warmed yet, where
 * a full slice took 11-20 ms. Steps double while one takes under STEP_MS and halve above twice it.
 */
export const FIRST_STEP_CHARS = 4_096;
const MIN_STEP_CHARS = 1_024;
const STEP_MS = 1;

export type DetectWithinDeadline = (
  /** The identity the work is kept under between frames (the post's snapshot). */
  owner: object,
  text: string,
  matcher: Matcher,
  deadline: number,
) => Mention[] | null;

interface Job {
  matcher: Matcher;
  job: SlicedDetection;
  stepChars: number;
}

/** Returns the mentions, or null when the deadline came first (call again with the same owner). */
export function createDeadlineDetector(now = () => performance.now()): DetectWithinDeadline {
  const jobs = new WeakMap<object, Job>();
  return (owner, text, matcher, deadline) => {
    // The evidence walk is built the first time a post needs it, 5-35 ms cold: a step of its own,
    // not one on top of a post's first step in the same frame.
    if (matcher.evidence === null) {
      evidenceWalk(matcher);
      if (now() >= deadline) return null;
    }
    if (text.length <= SLICE_CHARS) return detectMentions(text, matcher);
    let work = jobs.get(owner);
    if (!work || work.matcher !== matcher) {
      work = { matcher, job: detectInSlices(text, matcher), stepChars: FIRST_STEP_CHARS };
      jobs.set(owner, work);
    }
    // At least one step per call, so a post always advances even in a frame that ran late.
    let t = now();
    do {
      const mentions = work.job.step(work.stepChars);
      if (mentions) {
        jobs.delete(owner);
        return mentions;
      }
      const took = now() - t;
      t += took;
      if (took < STEP_MS) work.stepChars = Math.min(SLICE_CHARS, work.stepChars * 2);
      else if (took > 2 * STEP_MS) work.stepChars = Math.max(MIN_STEP_CHARS, work.stepChars / 2);
    } while (t < deadline);
    return null;
  };
}
