import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectionSchema } from '../../utils/dataset/schema';
import { buildVersionTable } from '../../utils/detect/versions';
import { buildDetectionReport, versionIn, type DetectionSource } from './detection';
import type { Research } from './research';

const research = JSON.parse(readFileSync('data/video-models.json', 'utf8')) as Research;
const source = JSON.parse(readFileSync('data/detection.json', 'utf8')) as DetectionSource;

describe('buildDetection', () => {
  const { detection, addedFromResearch } = buildDetectionReport(research, source);

  it('builds a detection section the schema accepts', () => {
    expect(detectionSchema.safeParse(detection).success).toBe(true);
  });

  it('drops research aliases too ambiguous on their own', () => {
    const texts = new Set(detection.aliases.map((a) => a.text));
    for (const t of ['H3', 'Ying', 'Krea', 'Generate Video', 'Grok video', 'Omni Flash'])
      expect(texts.has(t)).toBe(false);
    expect(texts.has('MiniMax H3')).toBe(true);
    expect(texts.has('Krea Realtime')).toBe(true);
  });

  it('covers the research aliases, adding only the ones nothing else finds', () => {
    expect(addedFromResearch.length).toBeLessThan(5);
  });

  it('gives aliases that spell a version that version and its model', () => {
    const alias = (t: string) => detection.aliases.find((a) => a.text === t);
    expect(alias('Gen-4 Turbo')).toMatchObject({ version: 'gen-4', model: 'runway-gen-4' });
    expect(alias('MiniMax H3')).toMatchObject({ version: '3.0', model: 'minimax-h3' });
    expect(alias('Ray2')).toMatchObject({ version: 'ray2' });
  });

  it('refuses unknown groups and models', () => {
    const bad = structuredClone(source);
    bad.families!.sora!.extra = [{ text: 'Soraa', ambiguous: true, group: 'nope' }];
    expect(() => buildDetectionReport(research, bad)).toThrow(/unknown group "nope"/);
    const bad2 = structuredClone(source);
    bad2.versions!.veo!.push({ v: '9', model: 'google-veo-9' });
    expect(() => buildDetectionReport(research, bad2)).toThrow(/unknown model "google-veo-9"/);
  });

  it('adds a research alias nothing covers, with the research ambiguity flag', () => {
    const r = structuredClone(research);
    r.models[0]!.aliases.push('Sorabot');
    const { detection: d, addedFromResearch: added } = buildDetectionReport(r, source);
    expect(added).toContain('sora: Sorabot');
    expect(d.aliases.find((a) => a.text === 'Sorabot')).toMatchObject({
      family: 'sora',
      model: r.models[0]!.id,
      ambiguous: r.models[0]!.ambiguous,
    });
  });
});

describe('versionIn', () => {
  const table = buildVersionTable([
    { v: 'gen-4', model: 'runway-gen-4' },
    { v: 'aleph', forms: ['gen-4 aleph'] },
    { v: '2.2' },
  ]);
  it.each([
    ['Gen-4 Turbo', 'gen-4'],
    ['gen4_aleph', 'aleph'],
    ['Wan2.2-Animate', '2.2'],
    ['Runway', null],
  ])('%s', (text, v) => {
    expect(versionIn(text, table)?.v ?? null).toBe(v);
  });
});
