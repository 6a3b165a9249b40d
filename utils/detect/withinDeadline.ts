// Detection that never holds a frame: a post up to SLICE_CHARS long is detected at once; a longer
// one (a 1 MB paste) a slice at a time until the frame's deadline, resumed in the next frame.
import type { Matcher } from './compile';
import { detectInSlices, detectMentions, type SlicedDetection } from './scan';
import type { Mention } from './types';

/** About half a millisecond of scanning at the detector's speed. */
export const SLICE_CHARS = 32_768;

export type DetectWithinDeadline = (
  /** The identity the work is kept under between frames (the post's snapshot). */
  owner: object,
  text: string,
  matcher: Matcher,
  deadline: number,
) => Mention[] | null;

/** Returns the mentions, or null when the deadline came first (call again with the same owner). */
export function createDeadlineDetector(now = () => performance.now()): DetectWithinDeadline {
  const jobs = new WeakMap<object, { matcher: Matcher; job: SlicedDetection }>();
  return (owner, text, matcher, deadline) => {
    if (text.length <= SLICE_CHARS) return detectMentions(text, matcher);
    let work = jobs.get(owner);
    if (!work || work.matcher !== matcher) {
      work = { matcher, job: detectInSlices(text, matcher) };
      jobs.set(owner, work);
    }
    // At least one slice per call, so a post always advances even in a frame that ran late.
    do {
      const mentions = work.job.step(SLICE_CHARS);
      if (mentions) {
        jobs.delete(owner);
        return mentions;
      }
    } while (now() < deadline);
    return null;
  };
}
