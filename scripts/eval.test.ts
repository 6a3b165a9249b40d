import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFile, formatReport, passes } from './eval';
import { parseJsonl, readCorpus, scoreCorpus } from './lib/corpus';

describe('scoreCorpus', () => {
  const posts = [
    { id: '1', text: 'a', labels: ['sora'], versions: ['sora@2'] },
    { id: '2', text: 'b', labels: [], versions: [] },
    { id: '3', text: 'c', labels: ['veo', 'kling'], versions: [] },
  ];
  const predictions: Record<string, { labels: string[]; versions: string[] }> = {
    a: { labels: ['sora'], versions: ['sora@2'] },
    b: { labels: ['runway'], versions: [] },
    c: { labels: ['veo'], versions: [] },
  };
  const r = scoreCorpus(posts, (t) => predictions[t]!);

  it('scores family sets micro and per family', () => {
    expect(r.micro).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(r.micro.precision).toBeCloseTo(2 / 3);
    expect(r.micro.recall).toBeCloseTo(2 / 3);
    expect(r.perFamily.kling).toMatchObject({ tp: 0, fn: 1, recall: 0 });
    expect(r.perFamily.sora).toMatchObject({ tp: 1, precision: 1, recall: 1 });
    expect(r.exactMatch).toBeCloseTo(1 / 3);
  });

  it('scores versions only on posts that name one, and lists every error with its text', () => {
    expect(r.versions).toEqual({ posts: 1, correct: 1, accuracy: 1 });
    expect(r.falsePositives).toEqual([{ id: '2', family: 'runway', text: 'b' }]);
    expect(r.falseNegatives).toEqual([{ id: '3', family: 'kling', text: 'c' }]);
    const text = formatReport(r);
    expect(text).toContain('2 +runway: b');
    expect(text).toContain('3 -kling: c');
    expect(passes(r)).toBe(false);
  });
});

describe('eval on files', () => {
  it('reads a JSONL corpus and scores it with the bundled dataset', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ff-eval-'));
    const file = join(dir, 'c.jsonl');
    writeFileSync(
      file,
      [
        { id: 'a', text: 'Veo 3.1 is great', labels: ['veo'], versions: ['veo@3.1'] },
        { id: 'b', text: 'No veo nada', labels: [], versions: [] },
      ]
        .map((x) => JSON.stringify(x))
        .join('\n'),
    );
    const r = evaluateFile(file);
    expect(r.micro).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.versions.accuracy).toBe(1);
    expect(passes(r)).toBe(true);
  });

  it('the dev corpus meets the CI thresholds', () => {
    const r = evaluateFile('tests/fixtures/corpus/dev.jsonl');
    expect(r.posts).toBe(383);
    expect(r.micro.f1).toBeGreaterThanOrEqual(0.97);
    expect(r.micro.precision).toBeGreaterThanOrEqual(0.98);
    expect(r.versions.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('rejects malformed corpus lines with their line number', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ff-eval-'));
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, '{"id":"a","text":"x","labels":[]}\n{"id":"b","text":1,"labels":[]}\n');
    expect(() => readCorpus(file)).toThrow(/bad.jsonl:2:/);
    expect(parseJsonl('\n{"a":1}\nnope')).toEqual([
      { line: 2, value: { a: 1 } },
      { line: 3, error: expect.stringMatching(/^not JSON/) as unknown as string },
    ]);
  });
});
