import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { exportJson } from './export-json';
import { MAX_IMPORT_CHARS, MAX_IMPORT_POSTS, mergeImported, parseImportFile } from './import';
import { createSavedPostsService } from './service';
import { readAllSaved } from './store';
import { dumpStorage } from './test-storage';
import { savedPost, saveInput } from './testing';

const file = (posts: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'frame-facts-saved-posts',
    version: 1,
    exportedAt: '2026-11-26T12:00:00.000Z',
    posts,
    ...extra,
  });

describe('round trip', () => {
  it('export → import into an empty store gives identical posts', async () => {
    const posts = Array.from({ length: 40 }, (_, i) => savedPost(i));
    posts[3] = savedPost(3, {
      text: 'emoji 🎬, CJK 可灵, "quotes"\nnewline',
      author: null,
      url: null,
    });
    const text = exportJson(posts).text;
    const service = createSavedPostsService();
    expect(await service.importSaved(text)).toEqual({
      ok: true,
      report: { added: 40, updated: 0, unchanged: 0, rejected: [] },
    });
    const list = await service.listSaved();
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    expect(list.ok && [...list.posts].sort(byKey)).toEqual([...posts].sort(byKey));
    // Importing the same file again changes nothing.
    expect(await service.importSaved(text)).toEqual({
      ok: true,
      report: { added: 0, updated: 0, unchanged: 40, rejected: [] },
    });
  });

  it('posts saved through the service survive export and import unchanged', async () => {
    const service = createSavedPostsService();
    for (let i = 0; i < 5; i++)
      await service.savePost(saveInput(i, { note: `n${i}`, tags: ['t'] }));
    const before = await readAllSaved();
    const exported = await service.exportSaved({ format: 'json' });
    if (!exported.ok) throw new Error(exported.message);
    fakeBrowser.reset();
    await service.importSaved(exported.file.text);
    expect(await readAllSaved()).toEqual(before);
  });
});

describe('whole-file validation: a bad file changes nothing', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', 'this is not json {', /not valid JSON/],
    ['empty', '', /not valid JSON/],
    ['HTML', '<html><script>alert(1)</script></html>', /not valid JSON/],
    ['an array', '[1,2,3]', /not a Frame Facts export/],
    ['null', 'null', /not a Frame Facts export/],
    ['a string', '"<img src=x onerror=alert(1)>"', /not a Frame Facts export/],
    ['another format', file([], { format: 'something-else' }), /not a Frame Facts export/],
    ['no format', JSON.stringify({ version: 1, posts: [] }), /not a Frame Facts export/],
    ['a newer version', file([], { version: 2 }), /newer version/],
    ['a string version', file([], { version: '1' }), /unknown export version/],
    ['posts not an array', file([], { posts: { 0: {} } }), /not a valid Frame Facts export/],
    ['a huge array', file(new Array(MAX_IMPORT_POSTS + 1).fill(0)), /more than 25,000 posts/],
    [
      '50 MB',
      `{"format":"frame-facts-saved-posts","pad":"${'x'.repeat(50_000_000)}"}`,
      /too large/,
    ],
  ];

  it.each(cases)('%s', async (_name, text, message) => {
    const service = createSavedPostsService();
    await service.savePost(saveInput(1));
    const before = await dumpStorage();
    const result = await service.importSaved(text);
    expect(result).toEqual({
      ok: false,
      error: 'invalid-file',
      message: expect.stringMatching(message),
    });
    expect(await dumpStorage()).toEqual(before);
  });

  it('limits the size before parsing', () => {
    expect(parseImportFile(' '.repeat(MAX_IMPORT_CHARS + 1))).toMatchObject({ ok: false });
  });

  it('accepts a file saved with a BOM', () => {
    expect(parseImportFile(`\uFEFF${file([savedPost(1)])}`)).toMatchObject({ ok: true });
  });
});

describe('per-entry validation: good entries import, bad ones are reported', () => {
  it('imports the good entries and lists the bad ones by index with a reason', async () => {
    const good = savedPost(1);
    const entries: unknown[] = [
      good,
      'a string',
      { ...savedPost(2), url: 'javascript:alert(document.cookie)' },
      { ...savedPost(3), text: 'x'.repeat(10_001) },
      { ...savedPost(4), site: 'myspace' },
      { ...savedPost(5), savedAt: 'yesterday' },
      { ...savedPost(6), tags: new Array(1_000).fill('t') },
      {
        ...savedPost(7),
        models: [{ family: '<img src=x onerror=alert(1)>', modelId: null, version: null }],
      },
      { ...savedPost(8), author: 'line\nbreak' },
      { ...savedPost(9), key: '' },
      { ...savedPost(10), note: 'bell\u0007' },
      null,
      savedPost(11, { text: '<script>alert(1)</script><img src=x onerror=alert(1)>' }),
    ];
    const service = createSavedPostsService();
    const result = await service.importSaved(file(entries));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    expect(result.report.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(result.report.rejected[1]!.reason).toMatch(/^url: URLs must be http\(s\)/);
    expect(result.report.rejected[3]!.reason).toMatch(/^site:/);
    for (const r of result.report.rejected) expect(r.reason.length).toBeLessThanOrEqual(200);
    // HTML in post text is data, kept verbatim (every UI renders it as text).
    const keys = (await readAllSaved()).map((p) => p.key).sort();
    expect(keys).toEqual([good.key, savedPost(11).key].sort());
  });

  it('drops unknown fields and cannot pollute prototypes', async () => {
    const hostile = JSON.parse(
      file([{ ...savedPost(1), __proto__: { polluted: true }, extra: 'x', constructor: 'y' }]),
    );
    const text = JSON.stringify(hostile).replace(
      '"extra"',
      '"__proto__":{"polluted":true},"extra"',
    );
    const service = createSavedPostsService();
    const result = await service.importSaved(text);
    expect(result).toMatchObject({ ok: true, report: { added: 1 } });
    const [post] = await readAllSaved();
    expect(Object.keys(post!)).not.toContain('extra');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts entries without updatedAt, note or tags', async () => {
    const { updatedAt: _u, note: _n, tags: _t, ...minimal } = savedPost(1);
    const parsed = parseImportFile(file([minimal]));
    expect(parsed.ok && parsed.posts[0]!.post).toEqual(savedPost(1, { note: '', tags: [] }));
  });
});

describe('merge by key: newer savedAt wins', () => {
  it('updates older posts, keeps newer ones, adds new ones', async () => {
    const service = createSavedPostsService();
    const local = [
      savedPost(1, { savedAt: '2026-11-10T00:00:00.000Z', updatedAt: '2026-11-10T00:00:00.000Z' }),
      savedPost(2, {
        savedAt: '2026-11-10T00:00:00.000Z',
        updatedAt: '2026-11-10T00:00:00.000Z',
        note: 'local',
      }),
      savedPost(3, { savedAt: '2026-11-10T00:00:00.000Z', updatedAt: '2026-11-10T00:00:00.000Z' }),
    ];
    await service.importSaved(exportJson(local).text);
    const incoming = [
      // Newer: replaces.
      savedPost(1, {
        savedAt: '2026-11-20T00:00:00.000Z',
        updatedAt: '2026-11-20T00:00:00.000Z',
        text: 'newer',
      }),
      // Older: ignored.
      savedPost(2, {
        savedAt: '2026-11-01T00:00:00.000Z',
        updatedAt: '2026-11-25T00:00:00.000Z',
        note: 'older',
      }),
      // Same savedAt, later note edit: replaces.
      savedPost(3, {
        savedAt: '2026-11-10T00:00:00.000Z',
        updatedAt: '2026-11-12T00:00:00.000Z',
        note: 'edited',
      }),
      // New.
      savedPost(4),
    ];
    expect(await service.importSaved(exportJson(incoming).text)).toEqual({
      ok: true,
      report: { added: 1, updated: 2, unchanged: 1, rejected: [] },
    });
    const byKey = new Map((await readAllSaved()).map((p) => [p.key, p]));
    expect(byKey.get(savedPost(1).key)!.text).toBe('newer');
    expect(byKey.get(savedPost(2).key)!.note).toBe('local');
    expect(byKey.get(savedPost(3).key)!.note).toBe('edited');
    expect(byKey.size).toBe(4);
  });

  it('counts every entry once, duplicates within the file included', () => {
    const parsed = parseImportFile(
      file([
        savedPost(1, {
          savedAt: '2026-11-01T00:00:00.000Z',
          updatedAt: '2026-11-01T00:00:00.000Z',
        }),
        savedPost(1, {
          savedAt: '2026-11-02T00:00:00.000Z',
          updatedAt: '2026-11-02T00:00:00.000Z',
          text: 'b',
        }),
        savedPost(1, {
          savedAt: '2026-10-01T00:00:00.000Z',
          updatedAt: '2026-10-01T00:00:00.000Z',
          text: 'c',
        }),
        { bad: true },
      ]),
    );
    if (!parsed.ok) throw new Error(parsed.message);
    const { toWrite, report } = mergeImported(new Map(), parsed);
    expect(report).toEqual({
      added: 1,
      updated: 1,
      unchanged: 1,
      rejected: [{ index: 3, reason: expect.any(String) }],
    });
    expect(toWrite).toHaveLength(1);
    expect(toWrite[0]!.text).toBe('b');
  });

  it('normalises timestamps so comparisons are exact', () => {
    const parsed = parseImportFile(
      file([
        savedPost(1, { savedAt: '2026-11-01T13:00:00+01:00', updatedAt: '2026-11-01T12:00:00Z' }),
      ]),
    );
    expect(parsed.ok && parsed.posts[0]!.post.savedAt).toBe('2026-11-01T12:00:00.000Z');
  });
});
