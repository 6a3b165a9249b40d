import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../dataset/schema';
import type { Mention } from '../detect/types';
import { indexDataset, pillsFor, versionLabel } from './pills';

const dataset = JSON.parse(readFileSync('public/dataset.json', 'utf8')) as Dataset;
const index = indexDataset(dataset);
const mention = (
  family: string,
  modelId: string | null,
  version: string | null,
  alias: string,
): Mention => ({
  family,
  modelId,
  version,
  alias,
  start: 0,
  end: alias.length,
  evidence: null,
});

describe('pillsFor', () => {
  it('labels a pill with version, vendor and country', () => {
    const [pill] = pillsFor([mention('sora', 'openai-sora-2', '2', 'Sora 2')], index);
    expect(pill!.label).toBe('Sora 2 · OpenAI · US');
    expect(pill!.model!.status).toBe('deprecated');
  });

  it('makes one pill per family, preferring the mention that names a version', () => {
    const pills = pillsFor(
      [
        mention('veo', 'google-veo', null, 'Veo'),
        mention('veo', 'google-veo-3-1', '3.1', 'Veo 3.1'),
        mention('kling', null, null, 'Kling'),
      ],
      index,
    );
    expect(pills.map((p) => p.label)).toEqual([
      'Veo 3.1 · Google DeepMind · UK/US',
      'Kling · Kuaishou · CN',
    ]);
    expect(pills[0]!.mentions).toHaveLength(2);
  });

  it('falls back to the family’s newest model when none is named', () => {
    const [pill] = pillsFor([mention('kling', null, null, 'Kling')], index);
    expect(pill!.model!.id).toBe('kling-3-0');
  });

  it('ignores families the dataset does not know', () => {
    expect(pillsFor([mention('nope', null, null, 'x')], index)).toEqual([]);
  });

  it('formats versions as written in product names', () => {
    expect(versionLabel('gen-4')).toBe('Gen-4');
    expect(versionLabel('ray2')).toBe('Ray2');
    expect(versionLabel('3.1')).toBe('3.1');
  });
});
