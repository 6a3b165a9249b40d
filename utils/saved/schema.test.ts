import { describe, expect, it } from 'vitest';
import { dedupeModels } from './schema';

describe('dedupeModels', () => {
  it('keeps one entry per model and version, and drops a bare family a version already covers', () => {
    expect(
      dedupeModels([
        { family: 'veo', modelId: null, version: null },
        { family: 'veo', modelId: 'google-veo-3', version: '3' },
        { family: 'veo', modelId: 'google-veo-3', version: '3' },
        { family: 'kling', modelId: null, version: null },
        { family: 'sora', modelId: 'openai-sora-2', version: '2' },
        { family: 'sora', modelId: 'openai-sora', version: '1' },
      ]),
    ).toEqual([
      { family: 'veo', modelId: 'google-veo-3', version: '3' },
      { family: 'kling', modelId: null, version: null },
      { family: 'sora', modelId: 'openai-sora-2', version: '2' },
      { family: 'sora', modelId: 'openai-sora', version: '1' },
    ]);
  });
});
