import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDataset, contentSha256, type Revision } from '../../scripts/build-dataset';
import { parseDataset } from './parse';

const bundled = JSON.parse(readFileSync('public/dataset.json', 'utf8'));
const guidelines = readFileSync('tests/fixtures/corpus/GUIDELINES.md', 'utf8');
const guidelineFamilies = new Set(
  [
    ...guidelines
      .split('## Families')[1]!
      .split('## Rules')[0]!
      .matchAll(/^\|\s*([a-z0-9-]+)\s*\|/gm),
  ]
    .map((m) => m[1]!)
    .filter((id) => id !== 'id' && !/^-+$/.test(id)),
);

describe('bundled dataset', () => {
  it('passes the schema and its cross-references', () => {
    const result = parseDataset(bundled);
    expect(result.ok ? 'ok' : result.error).toBe('ok');
  });

  it('is what the build script makes from data/ (never hand-edited)', () => {
    expect(JSON.parse(JSON.stringify(buildDataset()))).toEqual(bundled);
  });

  it('gets a new version whenever data/ changes (installs keep a stored copy unless it is older)', () => {
    const recorded = JSON.parse(readFileSync('data/revision.json', 'utf8')) as Revision;
    const hash = contentSha256(buildDataset());
    expect(
      hash,
      `data/ changed since revision ${recorded.revision}: raise "revision" in data/revision.json ` +
        `and set "contentSha256" to ${hash}`,
    ).toBe(recorded.contentSha256);
  });

  it('uses only family ids from the annotation guidelines, and covers all of them', () => {
    const ids = new Set(bundled.families.map((f: { id: string }) => f.id));
    for (const id of ids) expect(guidelineFamilies, `family ${String(id)}`).toContain(id);
    for (const id of guidelineFamilies) expect(ids, `guideline family ${id}`).toContain(id);
  });

  it('keeps every model sourced and dated', () => {
    for (const model of bundled.models) {
      expect(model.sources.length, model.id).toBeGreaterThan(0);
      expect(model.asOf, model.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('keeps uncertainty markers from the research file', () => {
    const sora2 = bundled.models.find((m: { id: string }) => m.id === 'openai-sora-2');
    expect(sora2.uncertain.map((u: { field: string | null }) => u.field)).toContain('maxDurationS');
  });
});

describe('parseDataset rejects hostile or broken input with a message', () => {
  const clone = () => structuredClone(bundled);

  it('an unknown family on a model', () => {
    const d = clone();
    d.models[0].family = 'not-a-family';
    const r = parseDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('unknown family "not-a-family"');
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'not a url'])(
    'a source %s',
    (url) => {
      const d = clone();
      d.models[0].sources.push(url);
      const r = parseDataset(d);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/models\.0\.sources/);
    },
  );

  it('a million-character alias', () => {
    const d = clone();
    d.detection.aliases[0].text = 'a'.repeat(1_000_000);
    expect(parseDataset(d).ok).toBe(false);
  });

  it('not an object at all', () => {
    for (const bad of [null, 42, 'dataset', [], {}]) expect(parseDataset(bad).ok).toBe(false);
  });

  it('keeps markup in facts as inert text (rendering is text-only)', () => {
    const d = clone();
    d.models[0].notable = '<img src=x onerror=alert(1)>';
    const r = parseDataset(d);
    expect(r.ok && r.dataset.models[0]!.notable).toBe('<img src=x onerror=alert(1)>');
  });
});
