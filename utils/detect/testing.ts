// Test helper: the bundled dataset's detection section and a matcher compiled from it.
import { readFileSync } from 'node:fs';
import { parseDataset } from '../dataset/parse';
import type { Detection } from '../dataset/schema';
import { compileMatcher, detectMentions, summarize } from './index';

export function bundledDetection(): Detection {
  const result = parseDataset(JSON.parse(readFileSync('public/dataset.json', 'utf8')));
  if (!result.ok) throw new Error(result.error);
  return result.dataset.detection;
}

/** A fresh deep copy, for tests that change the data. */
export const cloneDetection = (d: Detection): Detection => structuredClone(d);

export function labeller(detection: Detection) {
  const matcher = compileMatcher(detection);
  return (text: string) => summarize(detectMentions(text, matcher));
}
