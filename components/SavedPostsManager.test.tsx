import { readFileSync } from 'node:fs';
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { savedPost } from '@/utils/saved/testing';
import type { SavedPost } from '@/utils/saved/types';
import { modelNames } from './SavedPostRow';
import { ROW_HEIGHT, SavedPostsManager } from './SavedPostsManager';
import { allByTestId, byTestId, click, render, setValue, settle } from '../tests/unit/react';

const sendMessage = vi.fn();
vi.mock('@/utils/messaging', () => ({ sendMessage: (...args: unknown[]) => sendMessage(...args) }));
const downloadFile = vi.fn();
vi.mock('./download', () => ({ downloadFile: (...args: unknown[]) => downloadFile(...args) }));

let store: SavedPost[] = [];

function backend(overrides: Record<string, (data: unknown) => unknown> = {}) {
  sendMessage.mockImplementation(async (type: string, data: unknown) => {
    if (overrides[type]) return overrides[type](data);
    switch (type) {
      case 'listSaved':
        return { ok: true, posts: store };
      case 'unsavePost':
        store = store.filter((p) => p.key !== data);
        return { ok: true, removed: true };
      case 'unsavePosts': {
        const keys = new Set(data as string[]);
        const before = store.length;
        store = store.filter((p) => !keys.has(p.key));
        return { ok: true, removed: before - store.length };
      }
      case 'updateSavedPost': {
        const input = data as { key: string; note: string; tags: string[] };
        const post = { ...store.find((p) => p.key === input.key)!, ...input };
        store = store.map((p) => (p.key === post.key ? post : p));
        return { ok: true, post };
      }
      case 'exportSaved':
        return {
          ok: true,
          count: 2,
          file: { filename: 'frame-facts-saved.csv', mime: 'text/csv', text: 'x' },
        };
      default:
        throw new Error(`unexpected message ${type}`);
    }
  });
}

const authors = (ui: HTMLElement) => allByTestId(ui, 'saved-author').map((e) => e.textContent);
const rows = (ui: HTMLElement) => allByTestId(ui, 'saved-row');
const row = (ui: HTMLElement, key: string) =>
  rows(ui).find((r) => r.getAttribute('data-key') === key);

const small = () => [
  savedPost(0, { author: '@carol', site: 'reddit', savedAt: '2026-11-03T10:00:00.000Z' }),
  savedPost(1, {
    author: '@alice',
    text: 'Sora clip of a cat',
    savedAt: '2026-11-01T10:00:00.000Z',
  }),
  savedPost(2, { author: '@bob', note: 'great lighting', savedAt: '2026-11-05T10:00:00.000Z' }),
  savedPost(3, { author: null, savedAt: '2026-11-04T10:00:00.000Z' }),
];

beforeEach(async () => {
  sendMessage.mockReset();
  downloadFile.mockReset();
  store = small();
  backend();
  const dataset = JSON.parse(readFileSync('public/dataset.json', 'utf8')) as unknown;
  await browser.storage.local.set({ dataset });
});

describe('SavedPostsManager', () => {
  it('lists posts newest first, with family names from the stored dataset', async () => {
    const ui = await render(<SavedPostsManager />);
    expect(authors(ui)).toEqual(['@bob', 'Unknown author', '@carol', '@alice']);
    expect(byTestId(ui, 'saved-shown')?.textContent).toContain('Showing 4 of 4');
    expect(row(ui, 'x:100001')?.textContent).toContain('Sora 2');
    const families = Array.from(
      (byTestId(ui, 'saved-family') as HTMLSelectElement).options,
      (o) => o.textContent,
    );
    expect(families).toEqual(['All models', 'Kling (1)', 'Runway (1)', 'Sora (1)', 'Veo (1)']);
  });

  it('says so when nothing is saved', async () => {
    store = [];
    const ui = await render(<SavedPostsManager />);
    expect(byTestId(ui, 'saved-empty')?.textContent).toContain('No saved posts yet');
  });

  it('searches text and notes, and authors separately', async () => {
    const ui = await render(<SavedPostsManager />);
    await setValue(byTestId(ui, 'saved-search'), 'cat');
    expect(authors(ui)).toEqual(['@alice']);
    await setValue(byTestId(ui, 'saved-search'), 'LIGHTING');
    expect(authors(ui)).toEqual(['@bob']);
    await setValue(byTestId(ui, 'saved-search'), 'nothing like this');
    expect(byTestId(ui, 'saved-no-match')).not.toBeNull();
    await setValue(byTestId(ui, 'saved-search'), '');
    await setValue(byTestId(ui, 'saved-author-filter'), 'CAR');
    expect(authors(ui)).toEqual(['@carol']);
    expect(byTestId(ui, 'saved-shown')?.textContent).toContain('Showing 1 of 4');
  });

  it('filters by model family, site and date range, and clears filters', async () => {
    const ui = await render(<SavedPostsManager />);
    await setValue(byTestId(ui, 'saved-family'), 'sora');
    expect(authors(ui)).toEqual(['@alice']);
    await setValue(byTestId(ui, 'saved-family'), '');
    await setValue(byTestId(ui, 'saved-site'), 'reddit');
    expect(authors(ui)).toEqual(['@carol']);
    await setValue(byTestId(ui, 'saved-site'), '');
    await setValue(byTestId(ui, 'saved-from'), '2026-11-03');
    await setValue(byTestId(ui, 'saved-to'), '2026-11-04');
    expect(authors(ui)).toEqual(['Unknown author', '@carol']);
    await click(
      Array.from(ui.querySelectorAll('button')).find((b) =>
        /Clear filters/.test(b.textContent ?? ''),
      ),
    );
    expect(authors(ui)).toHaveLength(4);
  });

  it('sorts by author, site and date, both ways', async () => {
    const ui = await render(<SavedPostsManager />);
    await setValue(byTestId(ui, 'saved-sort'), 'author');
    expect(authors(ui)).toEqual(['@alice', '@bob', '@carol', 'Unknown author']);
    await setValue(byTestId(ui, 'saved-direction'), 'desc');
    expect(authors(ui)).toEqual(['@carol', '@bob', '@alice', 'Unknown author']);
    await setValue(byTestId(ui, 'saved-sort'), 'site');
    expect(authors(ui)[0]).toBe('@carol');
    await setValue(byTestId(ui, 'saved-direction'), 'desc');
    expect(authors(ui).at(-1)).toBe('@carol');
    await setValue(byTestId(ui, 'saved-sort'), 'savedAt');
    await setValue(byTestId(ui, 'saved-direction'), 'asc');
    expect(authors(ui)).toEqual(['@alice', '@carol', 'Unknown author', '@bob']);
  });

  it('deletes the selected posts in bulk after a confirmation', async () => {
    const ui = await render(<SavedPostsManager />);
    await click(row(ui, 'x:100000')?.querySelector('input[type="checkbox"]'));
    await click(row(ui, 'x:100002')?.querySelector('input[type="checkbox"]'));
    expect(byTestId(ui, 'saved-shown')?.textContent).toContain('2 selected');
    await click(byTestId(ui, 'saved-delete-selected'));
    expect(sendMessage).not.toHaveBeenCalledWith('unsavePosts', expect.anything());
    await click(byTestId(ui, 'saved-delete-confirm'));
    expect(sendMessage).toHaveBeenCalledWith('unsavePosts', ['x:100000', 'x:100002']);
    expect(authors(ui)).toEqual(['Unknown author', '@alice']);
    expect(byTestId(ui, 'saved-status')?.textContent).toContain('Deleted 2 saved posts');
  });

  it('selects every shown post at once (only those a filter shows)', async () => {
    const ui = await render(<SavedPostsManager />);
    await setValue(byTestId(ui, 'saved-site'), 'x');
    await click(byTestId(ui, 'saved-select-all'));
    expect(byTestId(ui, 'saved-shown')?.textContent).toContain('3 selected');
    await click(byTestId(ui, 'saved-delete-selected'));
    await click(byTestId(ui, 'saved-delete-confirm'));
    expect(sendMessage).toHaveBeenCalledWith(
      'unsavePosts',
      expect.arrayContaining(['x:100001', 'x:100002', 'x:100003']),
    );
    await setValue(byTestId(ui, 'saved-site'), '');
    expect(authors(ui)).toEqual(['@carol']);
  });

  it('keeps everything when a bulk delete fails, and says why', async () => {
    backend({
      unsavePosts: () => ({ ok: false, error: 'storage-failed', message: 'boom' }),
    });
    const ui = await render(<SavedPostsManager />);
    await click(byTestId(ui, 'saved-select-all'));
    await click(byTestId(ui, 'saved-delete-selected'));
    await click(byTestId(ui, 'saved-delete-confirm'));
    expect(byTestId(ui, 'saved-error')?.textContent).not.toBe('');
    expect(rows(ui)).toHaveLength(4);
  });

  it('edits the note and tags of a post', async () => {
    const ui = await render(<SavedPostsManager />);
    await click(row(ui, 'x:100001')?.querySelector('[data-testid="saved-edit"]'));
    const editor = byTestId(ui, 'saved-editor')!;
    await setValue(byTestId(editor, 'saved-note'), 'use for the talk');
    await setValue(byTestId(editor, 'saved-tags'), 'talk, cats ,, ');
    await click(byTestId(editor, 'saved-editor-save'));
    expect(sendMessage).toHaveBeenCalledWith('updateSavedPost', {
      key: 'x:100001',
      note: 'use for the talk',
      tags: ['talk', 'cats'],
    });
    expect(byTestId(ui, 'saved-editor')).toBeNull();
    expect(row(ui, 'x:100001')?.textContent).toContain('use for the talk · #talk #cats');
  });

  it('unsaves one post', async () => {
    const ui = await render(<SavedPostsManager />);
    await click(row(ui, 'x:100002')?.querySelector('[data-testid="saved-unsave"]'));
    expect(sendMessage).toHaveBeenCalledWith('unsavePost', 'x:100002');
    expect(authors(ui)).not.toContain('@bob');
  });

  it('exports what is shown, in the order shown', async () => {
    const ui = await render(<SavedPostsManager />);
    await setValue(byTestId(ui, 'saved-site'), 'x');
    await setValue(byTestId(ui, 'export-scope'), 'shown');
    await click(byTestId(ui, 'export-csv'));
    expect(sendMessage).toHaveBeenCalledWith('exportSaved', {
      format: 'csv',
      keys: ['x:100002', 'x:100003', 'x:100001'],
      sort: { by: 'savedAt', direction: 'desc' },
      familyNames: expect.objectContaining({ veo: 'Veo', sora: 'Sora' }),
    });
    expect(downloadFile).toHaveBeenCalledWith(
      expect.objectContaining({ filename: 'frame-facts-saved.csv' }),
    );
  });
});

describe('modelNames', () => {
  it('names each model once, dropping a bare family when a version of it is named', () => {
    const names = { veo: 'Veo', sora: 'Sora' };
    expect(
      modelNames(
        [
          { family: 'veo', modelId: 'google-veo-3', version: '3' },
          { family: 'sora', modelId: null, version: null },
          { family: 'veo', modelId: null, version: null },
          { family: 'kling', modelId: null, version: null },
        ],
        names,
      ),
    ).toEqual(['Veo 3', 'Sora', 'kling']);
  });
});

describe('virtualised list', () => {
  it('renders only a window of rows for 10,000 posts, and follows the scroll', async () => {
    store = Array.from({ length: 10_000 }, (_, i) => savedPost(i));
    const ui = await render(<SavedPostsManager />);
    const list = byTestId(ui, 'saved-list') as HTMLElement;
    const first = rows(ui);
    expect(first.length).toBeGreaterThan(5);
    expect(first.length).toBeLessThan(30);
    expect(first[0]?.getAttribute('aria-setsize')).toBe('10000');
    expect(first[0]?.getAttribute('aria-posinset')).toBe('1');
    // Newest first: the last post made is at the top.
    expect(first[0]?.getAttribute('data-key')).toBe('x:109999');
    expect((list.firstElementChild as HTMLElement).style.height).toBe(`${10_000 * ROW_HEIGHT}px`);

    await act(async () => {
      list.scrollTop = 5_000 * ROW_HEIGHT;
      list.dispatchEvent(new Event('scroll'));
    });
    await settle();
    const later = rows(ui);
    expect(later.length).toBeLessThan(30);
    const positions = later.map((r) => Number(r.getAttribute('aria-posinset')));
    expect(positions).toContain(5_001);
    expect(positions).not.toContain(1);
    const at = later.find((r) => r.getAttribute('aria-posinset') === '5001') as HTMLElement;
    expect(at.style.transform).toBe(`translateY(${5_000 * ROW_HEIGHT}px)`);
  });

  it('filters 10,000 posts down to one family', async () => {
    store = Array.from({ length: 10_000 }, (_, i) => savedPost(i));
    const ui = await render(<SavedPostsManager />);
    await setValue(byTestId(ui, 'saved-family'), 'sora');
    expect(byTestId(ui, 'saved-shown')?.textContent).toContain('Showing 2,500 of 10,000');
    expect(rows(ui).every((r) => r.textContent?.includes('Sora'))).toBe(true);
  });
});
