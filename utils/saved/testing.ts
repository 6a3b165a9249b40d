// Fixtures for saved-posts tests and scripts/bench-saved.ts (never imported by the extension).
import type { SavedPost, SavePostInput } from './types';

export function saveInput(i: number, overrides: Partial<SavePostInput> = {}): SavePostInput {
  return {
    site: 'x',
    post: {
      key: `x:${1000 + i}`,
      text: `Post ${i}: made this with Veo 3 and Kling 2.1`,
      author: `@user${i}`,
      url: `https://x.com/user${i}/status/${1000 + i}`,
      hasVideo: i % 2 === 0,
      platformLabel: i % 3 === 0 ? 'AI-generated' : null,
    },
    mentions: [
      { family: 'veo', modelId: 'veo-3', version: '3' },
      { family: 'kling', modelId: 'kling-2-1', version: '2.1' },
    ],
    datasetVersion: 7,
    ...overrides,
  };
}

const FAMILIES = [
  ['veo', 'veo-3', '3'],
  ['sora', 'sora-2', '2'],
  ['kling', 'kling-2-1', '2.1'],
  ['runway', 'gen-4', 'gen-4'],
] as const;

/** A deterministic, varied saved post (for exports and the benchmark). */
export function savedPost(i: number, overrides: Partial<SavedPost> = {}): SavedPost {
  const [family, modelId, version] = FAMILIES[i % FAMILIES.length]!;
  const at = new Date(Date.UTC(2026, 10, 1, 12) + i * 60_000).toISOString();
  return {
    key: `x:${100000 + i}`,
    site: i % 5 === 0 ? 'reddit' : 'x',
    url: `https://x.com/user${i}/status/${100000 + i}`,
    author: `@user_${i}`,
    text: `Post ${i}: "${family}" clip, 4K, 10s — nice, isn't it?\nSecond line with #hashtag and *stars*`,
    models: [{ family, modelId, version }],
    platformLabel: i % 3 === 0 ? 'AI-generated' : null,
    hasVideo: i % 2 === 0,
    savedAt: at,
    updatedAt: at,
    datasetVersion: 7,
    note: i % 4 === 0 ? `note ${i}` : '',
    tags: i % 4 === 0 ? ['demo', 'ads'] : [],
    ...overrides,
  };
}
