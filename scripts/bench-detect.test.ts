import { describe, expect, it } from 'vitest';
import { syntheticStream } from './bench-detect';

describe('bench:detect stream', () => {
  it('repeats corpus texts until the requested UTF-8 size, deterministically', () => {
    const texts = ['Sora 2 is here', '可灵2.1的视频', 'plain'];
    const a = syntheticStream(texts, 10_000);
    const b = syntheticStream(texts, 10_000);
    expect(a.bytes).toBeGreaterThanOrEqual(10_000);
    expect(a.posts).toEqual(b.posts);
    expect(new Set(a.posts)).toEqual(new Set(texts));
    expect(a.bytes).toBe(a.posts.reduce((s, p) => s + Buffer.byteLength(p), 0));
  });
});
