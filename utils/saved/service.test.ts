import { defineExtensionMessaging } from '@webext-core/messaging';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { exportJson } from './export-json';
import {
  createSavedPostsService,
  KeyedQueue,
  registerSavedPostsHandlers,
  type SavedOnMessage,
  type SavedPostsProtocol,
} from './service';
import { storageKey } from './keys';
import { readAllSaved } from './store';
import { breakStorage, dumpStorage, jitterStorage, limitStorage } from './test-storage';
import { savedPost, saveInput } from './testing';

function clock(start = Date.UTC(2026, 10, 26, 12)) {
  let t = start;
  return () => new Date((t += 1_000));
}

describe('savePost / unsavePost', () => {
  it('stores every field under saved:<postKey>', async () => {
    const service = createSavedPostsService({ now: () => new Date('2026-11-26T12:00:00Z') });
    const result = await service.savePost(saveInput(0, { note: 'look', tags: ['ads', ' Ads '] }));
    expect(result).toEqual({
      ok: true,
      created: true,
      post: {
        key: 'x:1000',
        site: 'x',
        url: 'https://x.com/user0/status/1000',
        author: '@user0',
        text: 'Post 0: made this with Veo 3 and Kling 2.1',
        models: [
          { family: 'veo', modelId: 'veo-3', version: '3' },
          { family: 'kling', modelId: 'kling-2-1', version: '2.1' },
        ],
        platformLabel: 'AI-generated',
        hasVideo: true,
        savedAt: '2026-11-26T12:00:00.000Z',
        updatedAt: '2026-11-26T12:00:00.000Z',
        datasetVersion: 7,
        note: 'look',
        tags: ['ads'],
      },
    });
    const stored = await fakeBrowser.storage.local.get('saved:x:1000');
    expect(stored['saved:x:1000']).toEqual(result.ok && result.post);
  });

  it('is idempotent by key: saving again updates the post and keeps note and tags', async () => {
    const service = createSavedPostsService({ now: clock() });
    await service.savePost(saveInput(1, { note: 'first', tags: ['keep'] }));
    const again = await service.savePost(
      saveInput(1, {
        post: { ...saveInput(1).post, text: 'edited text' },
        mentions: [{ family: 'sora', modelId: null, version: '2' }],
      }),
    );
    expect(again.ok && again.created).toBe(false);
    const { posts } = (await service.listSaved()) as { posts: { text: string }[] };
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      text: 'edited text',
      models: [{ family: 'sora', modelId: null, version: '2' }],
      note: 'first',
      tags: ['keep'],
      savedAt: '2026-11-26T12:00:02.000Z',
    });
    expect(await service.countSaved()).toEqual({ ok: true, count: 1 });
  });

  it('unsaves by key and reports whether anything was removed', async () => {
    const service = createSavedPostsService();
    await service.savePost(saveInput(1));
    await service.savePost(saveInput(2));
    expect(await service.unsavePost('x:1001')).toEqual({ ok: true, removed: true });
    expect(await service.unsavePost('x:1001')).toEqual({ ok: true, removed: false });
    expect(await service.getSavedKeys(['x:1001', 'x:1002', 'x:9'])).toEqual({
      ok: true,
      saved: ['x:1002'],
    });
    expect(await service.unsavePosts(['x:1002', 'x:1002', 'x:7'])).toEqual({
      ok: true,
      removed: 1,
    });
    expect(await service.countSaved()).toEqual({ ok: true, count: 0 });
  });

  it('cleans what it stores: long text cut, non-http URLs dropped, controls removed', async () => {
    const service = createSavedPostsService();
    const result = await service.savePost(
      saveInput(3, {
        post: {
          key: 'x:3',
          text: `a\u0000b${'x'.repeat(20_000)}`,
          author: '  @evil\nname\u0007 ',
          url: 'javascript:alert(1)',
          hasVideo: false,
          platformLabel: '',
        },
        mentions: [
          { family: 'veo', modelId: null, version: null },
          { family: 'veo', modelId: null, version: null },
        ],
        datasetVersion: null,
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.post.text).toHaveLength(10_000);
    expect(result.post.text.startsWith('abx')).toBe(true);
    expect(result.post.text.endsWith('…')).toBe(true);
    expect(result.post).toMatchObject({
      author: '@evil name',
      url: null,
      platformLabel: null,
      datasetVersion: null,
      models: [{ family: 'veo', modelId: null, version: null }],
    });
  });

  it('refuses malformed requests with invalid-input', async () => {
    const service = createSavedPostsService();
    const bad = [
      null,
      {},
      { ...saveInput(1), site: 'myspace' },
      { ...saveInput(1), post: { ...saveInput(1).post, key: '' } },
      { ...saveInput(1), mentions: [{ family: '<b>', modelId: null, version: null }] },
    ];
    for (const input of bad) {
      const result = await service.savePost(input as never);
      expect(result).toMatchObject({ ok: false, error: 'invalid-input' });
    }
    expect(await service.unsavePost(42 as never)).toMatchObject({ error: 'invalid-input' });
    expect(await service.countSaved()).toEqual({ ok: true, count: 0 });
  });

  it('edits note and tags later, bumping updatedAt only', async () => {
    const service = createSavedPostsService({ now: clock() });
    await service.savePost(saveInput(1));
    const result = await service.updateSavedPost({ key: 'x:1001', note: 'n', tags: ['a', 'b'] });
    expect(result).toMatchObject({
      ok: true,
      post: {
        note: 'n',
        tags: ['a', 'b'],
        savedAt: '2026-11-26T12:00:01.000Z',
        updatedAt: '2026-11-26T12:00:02.000Z',
      },
    });
    expect(await service.updateSavedPost({ key: 'x:nope', note: 'n' })).toMatchObject({
      ok: false,
      error: 'not-found',
    });
  });

  it('skips corrupted storage entries when listing', async () => {
    const service = createSavedPostsService();
    await service.savePost(saveInput(1));
    await fakeBrowser.storage.local.set({
      'saved:x:bad': { key: 'x:bad', text: 42 },
      'saved:x:other': savedPost(1), // stored under the wrong key
      dataset: { version: 3 },
    });
    const list = await service.listSaved();
    expect(list.ok && list.posts.map((p) => p.key)).toEqual(['x:1001']);
  });
});

describe('one writer, many callers', () => {
  it('ten tabs saving a hundred posts each at once end with exactly a thousand posts', async () => {
    jitterStorage();
    const service = createSavedPostsService();
    const tabs = Array.from({ length: 10 }, (_, tab) =>
      Promise.all(
        Array.from({ length: 100 }, (_, i) => service.savePost(saveInput(tab * 100 + i))),
      ),
    );
    const results = (await Promise.all(tabs)).flat();
    expect(results.every((r) => r.ok && r.created)).toBe(true);
    expect(await service.countSaved()).toEqual({ ok: true, count: 1000 });
    const list = await service.listSaved();
    expect(list.ok && new Set(list.posts.map((p) => p.key)).size).toBe(1000);
  });

  it('ten tabs saving the same hundred posts at once end with a hundred, each created once', async () => {
    jitterStorage();
    const service = createSavedPostsService();
    const results = (
      await Promise.all(
        Array.from({ length: 10 }, () =>
          Promise.all(Array.from({ length: 100 }, (_, i) => service.savePost(saveInput(i)))),
        ),
      )
    ).flat();
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(100);
    expect(await service.countSaved()).toEqual({ ok: true, count: 100 });
  });

  it('concurrent note edits and re-saves of one post keep every edit', async () => {
    jitterStorage();
    const service = createSavedPostsService();
    await service.savePost(saveInput(1));
    await Promise.all([
      service.updateSavedPost({ key: 'x:1001', note: 'note from the options page' }),
      service.savePost(saveInput(1)),
      service.updateSavedPost({ key: 'x:1001', tags: ['t'] }),
      service.savePost(saveInput(1)),
    ]);
    const list = await service.listSaved();
    expect(list.ok && list.posts).toMatchObject([
      { note: 'note from the options page', tags: ['t'] },
    ]);
  });

  it('an import running alongside saves neither loses nor duplicates posts', async () => {
    jitterStorage();
    const service = createSavedPostsService();
    const file = exportJson(Array.from({ length: 50 }, (_, i) => savedPost(i))).text;
    const [, imported] = await Promise.all([
      Promise.all(Array.from({ length: 50 }, (_, i) => service.savePost(saveInput(i)))),
      service.importSaved(file),
      Promise.all(Array.from({ length: 50 }, (_, i) => service.savePost(saveInput(50 + i)))),
    ]);
    expect(imported).toMatchObject({ ok: true, report: { added: 50 } });
    expect(await service.countSaved()).toEqual({ ok: true, count: 150 });
  });

  it('KeyedQueue runs one key in order and exclusive work alone', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const step = (name: string, ms: number) => async () => {
      log.push(`${name}+`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${name}-`);
    };
    await Promise.all([
      queue.run('a', step('a1', 5)),
      queue.run('a', step('a2', 1)),
      queue.exclusive(step('ex', 1)),
      queue.run('b', step('b1', 1)),
      queue.run('a', () => Promise.reject(new Error('boom'))).catch(() => log.push('a3!')),
      queue.run('a', step('a4', 1)),
    ]);
    expect(log.indexOf('a1-')).toBeLessThan(log.indexOf('a2+'));
    expect(log.indexOf('a2-')).toBeLessThan(log.indexOf('ex+'));
    expect(log.indexOf('ex-')).toBeLessThan(log.indexOf('b1+'));
    expect(log.indexOf('a3!')).toBeLessThan(log.indexOf('a4+'));
  });
});

describe('storage full or failing', () => {
  it('returns storage-full and keeps everything already saved intact', async () => {
    limitStorage(20_000);
    const service = createSavedPostsService({ now: clock() });
    let failure;
    let saved = 0;
    for (let i = 0; i < 500 && !failure; i++) {
      const result = await service.savePost(saveInput(i));
      if (result.ok) saved += 1;
      else failure = result;
    }
    expect(saved).toBeGreaterThan(10);
    expect(failure).toEqual({
      ok: false,
      error: 'storage-full',
      message: expect.stringMatching(/full.*nothing was saved/i),
    });
    const before = await dumpStorage();
    expect(Object.keys(before)).toHaveLength(saved);

    // A re-save that grows an existing post fails too, and the old version stays.
    const grow = await service.savePost(
      saveInput(0, { post: { ...saveInput(0).post, text: 'y'.repeat(9_000) } }),
    );
    expect(grow).toMatchObject({ ok: false, error: 'storage-full' });
    // So does an import that does not fit: all or nothing.
    const file = exportJson(Array.from({ length: 40 }, (_, i) => savedPost(i))).text;
    const imported = await service.importSaved(file);
    expect(imported).toMatchObject({
      ok: false,
      error: 'storage-full',
      message: expect.stringMatching(/nothing was imported/),
    });
    expect(await dumpStorage()).toEqual(before);
    expect(await readAllSaved()).toHaveLength(saved);

    // Removing posts frees room again.
    expect(await service.unsavePost('x:1000')).toEqual({ ok: true, removed: true });
    expect((await service.savePost(saveInput(0))).ok).toBe(true);
  });

  it('returns storage-failed for other storage errors, changing nothing', async () => {
    const service = createSavedPostsService();
    await service.savePost(saveInput(1));
    const before = await dumpStorage();
    breakStorage();
    expect(await service.savePost(saveInput(2))).toEqual({
      ok: false,
      error: 'storage-failed',
      message: expect.stringContaining('database is locked'),
    });
    expect(await dumpStorage()).toEqual(before);
  });

  it('recognises Firefox quota errors', async () => {
    const service = createSavedPostsService();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    expect(await service.savePost(saveInput(1))).toMatchObject({ error: 'storage-full' });
  });

  it('returns storage-failed when reading fails', async () => {
    const service = createSavedPostsService();
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('gone'));
    expect(await service.listSaved()).toMatchObject({ ok: false, error: 'storage-failed' });
    expect(await service.savePost(saveInput(1))).toMatchObject({
      ok: false,
      error: 'storage-failed',
    });
  });
});

describe('exportSaved', () => {
  it('exports all, a selection or a filtered set in each format', async () => {
    const service = createSavedPostsService({ now: () => new Date('2026-11-26T12:00:00') });
    for (let i = 0; i < 5; i++) await service.savePost(saveInput(i));
    const all = await service.exportSaved({ format: 'json' });
    expect(all).toMatchObject({
      ok: true,
      count: 5,
      file: { filename: 'frame-facts-saved-2026-11-26.json', mime: 'application/json' },
    });
    const some = await service.exportSaved({ format: 'csv', keys: ['x:1001', 'x:1003'] });
    expect(some).toMatchObject({
      ok: true,
      count: 2,
      file: { filename: expect.stringMatching(/\.csv$/) },
    });
    const filtered = await service.exportSaved({
      format: 'markdown',
      filter: { query: 'user4' },
      familyNames: { veo: 'Veo' },
    });
    expect(filtered).toMatchObject({ ok: true, count: 1 });
    expect(filtered.ok && filtered.file.text).toContain('## Veo (1)');
    expect(await service.exportSaved({ format: 'pdf' } as never)).toMatchObject({
      error: 'invalid-input',
    });
  });
});

describe('registerSavedPostsHandlers', () => {
  it('answers every message name with the service', async () => {
    // Compile-time check: the real onMessage of a ProtocolMap extending SavedPostsProtocol fits.
    interface ProtocolMap extends SavedPostsProtocol {
      getDatasetStatus(): null;
    }
    const realOnMessage: SavedOnMessage = defineExtensionMessaging<ProtocolMap>().onMessage;
    expect(typeof realOnMessage).toBe('function');

    const handlers = new Map<string, (message: { data: unknown }) => Promise<unknown>>();
    const fakeOnMessage = ((
      name: string,
      handler: (message: { data: unknown }) => Promise<unknown>,
    ) => handlers.set(name, handler)) as unknown as SavedOnMessage;
    registerSavedPostsHandlers(fakeOnMessage);
    const send = (name: keyof SavedPostsProtocol, data?: unknown) => handlers.get(name)!({ data });

    await expect(send('savePost', saveInput(1))).resolves.toMatchObject({ ok: true });
    await expect(send('countSaved')).resolves.toEqual({ ok: true, count: 1 });
    await expect(send('getSavedKeys', ['x:1001'])).resolves.toEqual({
      ok: true,
      saved: ['x:1001'],
    });
    const exported = (await send('exportSaved', { format: 'json' })) as {
      file: { text: string };
    };
    await expect(send('unsavePost', 'x:1001')).resolves.toEqual({ ok: true, removed: true });
    await expect(send('importSaved', exported.file.text)).resolves.toMatchObject({
      ok: true,
      report: { added: 1 },
    });
    await expect(send('listSaved')).resolves.toMatchObject({ ok: true, posts: [{}] });
    await expect(send('updateSavedPost', { key: 'x:1001', note: 'n' })).resolves.toMatchObject({
      ok: true,
    });
    await expect(send('unsavePosts', ['x:1001'])).resolves.toEqual({ ok: true, removed: 1 });
  });

  it('registers a handler for each message name', () => {
    const names: string[] = [];
    const fake: SavedOnMessage = (name) => names.push(name);
    registerSavedPostsHandlers(fake);
    expect(names.sort()).toEqual(
      [
        'countSaved',
        'exportSaved',
        'getSavedKeys',
        'importSaved',
        'listSaved',
        'savePost',
        'unsavePost',
        'unsavePosts',
        'updateSavedPost',
      ].sort(),
    );
    expect(storageKey('x:1')).toBe('saved:x:1');
  });
});
