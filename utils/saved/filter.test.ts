import { describe, expect, it } from 'vitest';
import { familyCounts, filterSaved, sortSaved } from './filter';
import { savedPost } from './testing';

const posts = [
  savedPost(0, {
    author: '@Zoe',
    text: 'Veo 3 is wild',
    savedAt: '2026-11-01T10:00:00.000Z',
    tags: [],
  }),
  savedPost(1, { author: '@adam', text: 'Sora clip', savedAt: '2026-11-03T23:30:00.000Z' }),
  savedPost(2, {
    author: null,
    text: 'ＫＬＩＮＧ full-width',
    savedAt: '2026-11-02T00:00:00.000Z',
  }),
  savedPost(3, {
    author: '@Émile',
    text: 'gen-4',
    note: 'for the deck',
    tags: ['Ads'],
    savedAt: '2026-11-05T08:00:00.000Z',
  }),
];
const keys = (list: { key: string }[]) => list.map((p) => p.key);

describe('filterSaved', () => {
  it('returns everything for an empty filter', () => {
    expect(filterSaved(posts)).toHaveLength(4);
    expect(filterSaved(posts, { query: '   ', families: [], sites: [] })).toHaveLength(4);
  });

  it('searches text, author, note and tags, case- and width-insensitively, all words', () => {
    expect(keys(filterSaved(posts, { query: 'veo WILD' }))).toEqual([posts[0]!.key]);
    expect(keys(filterSaved(posts, { query: 'zoe' }))).toEqual([posts[0]!.key]);
    expect(keys(filterSaved(posts, { query: 'kling full' }))).toEqual([posts[2]!.key]);
    expect(keys(filterSaved(posts, { query: 'deck' }))).toEqual([posts[3]!.key]);
    expect(keys(filterSaved(posts, { query: 'veo sora' }))).toEqual([]);
  });

  it('filters by family, site and tag (any of each list)', () => {
    expect(keys(filterSaved(posts, { families: ['veo', 'sora'] }))).toEqual(
      keys(posts.slice(0, 2)),
    );
    expect(keys(filterSaved(posts, { sites: ['reddit'] }))).toEqual([posts[0]!.key]);
    expect(keys(filterSaved(posts, { tags: ['ads'] }))).toEqual([posts[3]!.key]);
    expect(keys(filterSaved(posts, { families: ['veo'], sites: ['x'] }))).toEqual([]);
  });

  it('filters by an inclusive date range; a bare date covers the whole day (UTC)', () => {
    expect(keys(filterSaved(posts, { from: '2026-11-02', to: '2026-11-03' }))).toEqual([
      posts[1]!.key,
      posts[2]!.key,
    ]);
    expect(keys(filterSaved(posts, { to: '2026-11-01T10:00:00.000Z' }))).toEqual([posts[0]!.key]);
    expect(filterSaved(posts, { from: 'garbage' })).toHaveLength(4);
  });
});

describe('sortSaved', () => {
  it('sorts by savedAt, newest first by default', () => {
    expect(keys(sortSaved(posts, { by: 'savedAt' }))).toEqual(
      keys([posts[3]!, posts[1]!, posts[2]!, posts[0]!]),
    );
    expect(keys(sortSaved(posts, { by: 'savedAt', direction: 'asc' }))).toEqual(
      keys([posts[0]!, posts[2]!, posts[1]!, posts[3]!]),
    );
  });

  it('sorts by author A–Z ignoring case and accents, unknown authors last', () => {
    expect(sortSaved(posts, { by: 'author' }).map((p) => p.author)).toEqual([
      '@adam',
      '@Émile',
      '@Zoe',
      null,
    ]);
    expect(sortSaved(posts, { by: 'author', direction: 'desc' }).map((p) => p.author)).toEqual([
      '@Zoe',
      '@Émile',
      '@adam',
      null,
    ]);
  });

  it('sorts by site, newest first within a site, without touching the input', () => {
    const copy = [...posts];
    expect(keys(sortSaved(posts, { by: 'site' }))).toEqual(
      keys([posts[0]!, posts[3]!, posts[1]!, posts[2]!]),
    );
    expect(posts).toEqual(copy);
  });
});

describe('familyCounts', () => {
  it('counts posts per family', () => {
    expect(familyCounts(posts)).toEqual([
      { family: 'kling', count: 1 },
      { family: 'runway', count: 1 },
      { family: 'sora', count: 1 },
      { family: 'veo', count: 1 },
    ]);
  });
});
