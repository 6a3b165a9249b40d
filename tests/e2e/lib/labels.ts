// Shared by the Chromium and Firefox suites: what a badged demo feed must look like.
import { expect } from 'vitest';
import type { DemoPost } from './demoFeed';
import type { BadgeState } from './page';

export const sorted = (list: string[]) => [...new Set(list)].sort();

export function inBatches(posts: DemoPost[], ...batches: DemoPost['batch'][]): DemoPost[] {
  return posts.filter((p) => batches.includes(p.batch));
}

/** Every post of the batch is present, and each carries exactly its corpus families. */
export function labelsMatch(state: BadgeState, batch: DemoPost[]): boolean {
  return batch.every((p) => {
    const got = state.families[p.statusId] ?? [];
    return JSON.stringify(sorted(got)) === JSON.stringify(sorted(p.labels));
  });
}

/** The same check as an assertion, with a per-post diff when it fails. */
export function expectLabels(state: BadgeState, batch: DemoPost[]): void {
  const got = Object.fromEntries(
    batch.map((p) => [p.corpusId, sorted(state.families[p.statusId] ?? [])]),
  );
  const want = Object.fromEntries(batch.map((p) => [p.corpusId, sorted(p.labels)]));
  expect(got).toEqual(want);
}

export function expectSingleRows(state: BadgeState): void {
  const doubled = Object.entries(state.rows).filter(([, n]) => n > 1);
  expect(doubled, 'posts with more than one badge row').toEqual([]);
  expect(state.orphans, 'badge rows outside any post').toBe(0);
}
