// Differential test: the detector's every decision (offsets, alias as written, version, model,
// evidence) over the dev corpus and thousands of generated posts must stay byte-identical to
// tests/fixtures/detect/golden.jsonl, recorded from the reference implementation. The file keeps
// its own copy of the detection section and of the corpus texts, so dataset and corpus edits do
// not move it; only a change of the detector's behaviour does.
//   Re-record (only for an intended change of behaviour):
//   UPDATE_DETECT_GOLDEN=1 npx vitest run utils/detect/golden.test.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Detection } from '../dataset/schema';
import { fuzzInputs } from './fuzz';
import { compileMatcher, detectMentions, type Mention } from './index';
import { bundledDetection } from './testing';

const DIR = 'tests/fixtures/detect';
const FILE = `${DIR}/golden.jsonl`;
const COUNT = 4000;
const SEED = 7;

interface Header {
  seed: number;
  count: number;
  inputs: number;
  detection: Detection;
  corpus: string[];
}

const row = (ms: Mention[]) =>
  JSON.stringify(
    ms.map((m) => [m.family, m.modelId, m.version, m.alias, m.start, m.end, m.evidence]),
  );

function record() {
  const corpus = readFileSync('tests/fixtures/corpus/dev.jsonl', 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const detection = bundledDetection();
  const inputs = fuzzInputs(corpus, detection, COUNT, SEED);
  const m = compileMatcher(detection);
  const header: Header = { seed: SEED, count: COUNT, inputs: inputs.length, detection, corpus };
  const lines = [JSON.stringify(header), ...inputs.map((t) => row(detectMentions(t, m)))];
  mkdirSync(DIR, { recursive: true });
  writeFileSync(FILE, lines.join('\n') + '\n');
}

describe('detector golden file', () => {
  if (process.env.UPDATE_DETECT_GOLDEN) record();

  it('exists', () => {
    expect(existsSync(FILE)).toBe(true);
  });

  // The DFA's cut (walk.ts) trades memory for speed: with every walk followed below it from the
  // first character, or none, decisions are the same.
  it.each([
    ['default cut', undefined],
    ['every walk below the cut', { alias: 1, evidence: 1, cjk: 1 }],
    ['no cut', { alias: 99, evidence: 99, cjk: 99 }],
    ['CJK walks cut deeper than others', { alias: 2, evidence: 1, cjk: 3 }],
  ])('gives byte-identical mentions for every recorded input (%s)', (_, cuts) => {
    const lines = readFileSync(FILE, 'utf8').split('\n');
    const header = JSON.parse(lines[0]!) as Header;
    const inputs = fuzzInputs(header.corpus, header.detection, header.count, header.seed);
    expect(inputs.length).toBe(header.inputs);
    const m = compileMatcher(header.detection, cuts);
    const diffs: string[] = [];
    let mentions = 0;
    inputs.forEach((t, i) => {
      const ms = detectMentions(t, m);
      mentions += ms.length;
      const got = row(ms);
      if (got !== lines[i + 1] && diffs.length < 5)
        diffs.push(
          `#${i} ${JSON.stringify(t.slice(0, 300))}\n  want ${lines[i + 1]}\n  got  ${got}`,
        );
    });
    expect(diffs).toEqual([]);
    expect(mentions).toBeGreaterThan(1000);
  });

  it('is independent of the order posts are scanned in (no state leaks between calls)', () => {
    const lines = readFileSync(FILE, 'utf8').split('\n');
    const header = JSON.parse(lines[0]!) as Header;
    const inputs = fuzzInputs(header.corpus, header.detection, header.count, header.seed);
    const m = compileMatcher(header.detection);
    for (let i = inputs.length - 1; i >= 0; i -= 7)
      expect(row(detectMentions(inputs[i]!, m))).toBe(lines[i + 1]);
  });
});
