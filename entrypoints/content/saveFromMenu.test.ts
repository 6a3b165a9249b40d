import { describe, expect, it, vi } from 'vitest';
import type { SiteAdapter } from '@/utils/sites/types';
import { savePostAt } from './saveFromMenu';

const adapter = {
  id: 'x',
  closestPost: (node: Element) => node.closest('article'),
  read: (post: Element) => ({
    key: `x:${post.id}`,
    text: post.textContent ?? '',
    author: null,
    url: null,
    hasVideo: false,
    platformLabel: null,
  }),
} as unknown as SiteAdapter;

const detect = () => ({
  mentions: [
    {
      family: 'kling',
      modelId: 'kling-3-0',
      version: '3.0',
      alias: 'Kling 3.0',
      start: 0,
      end: 9,
      evidence: null,
    },
  ],
  datasetVersion: 7,
});

function page() {
  document.body.replaceChildren();
  const article = document.createElement('article');
  article.id = '42';
  const span = document.createElement('span');
  span.textContent = 'Kling 3.0 is wild';
  article.append(span);
  document.body.append(article);
  return span;
}

describe('save from the context menu', () => {
  it('saves the post under the pointer with its models', async () => {
    const save = vi.fn().mockResolvedValue({ ok: true, created: true });
    const result = await savePostAt(page(), adapter, detect, save);
    expect(result).toEqual({ ok: true, message: 'Saved to Frame Facts' });
    expect(save).toHaveBeenCalledWith({
      site: 'x',
      post: expect.objectContaining({ key: 'x:42', text: 'Kling 3.0 is wild' }),
      mentions: [{ family: 'kling', modelId: 'kling-3-0', version: '3.0' }],
      datasetVersion: 7,
    });
  });

  it('says so when there is no post under the pointer', async () => {
    const save = vi.fn();
    page();
    const result = await savePostAt(document.body, adapter, detect, save);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('no post under the pointer');
    expect(save).not.toHaveBeenCalled();
  });

  it('explains a full storage', async () => {
    const save = vi.fn().mockResolvedValue({ ok: false, error: 'storage-full', message: 'quota' });
    expect((await savePostAt(page(), adapter, detect, save)).message).toContain(
      'storage for Frame Facts is full',
    );
  });
});
