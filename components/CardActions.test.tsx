import { readFileSync } from 'node:fs';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { indexDataset, pillsFor } from '@/utils/badges/pills';
import type { Dataset } from '@/utils/dataset/schema';
import type { Mention } from '@/utils/detect/types';
import { CardActions } from './CardActions';

const sendMessage = vi.fn();
vi.mock('@/utils/messaging', () => ({ sendMessage: (...args: unknown[]) => sendMessage(...args) }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const dataset = JSON.parse(readFileSync('public/dataset.json', 'utf8')) as Dataset;
const mention: Mention = {
  family: 'veo',
  modelId: 'google-veo-3',
  version: '3',
  alias: 'Veo3',
  start: 0,
  end: 4,
  evidence: null,
};
const index = indexDataset(dataset);
const card = {
  pill: pillsFor([mention], index)[0]!,
  post: {
    key: 'x:7',
    text: 'Veo3 clip',
    author: '@a',
    url: 'https://x.com/a/status/7',
    hasVideo: true,
    platformLabel: null,
  },
  site: 'x' as const,
  allMentions: [mention],
  index,
  theme: 'light' as const,
  anchor: { top: 0, bottom: 0, left: 0 },
  returnFocus: null,
};

async function render() {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  await act(async () => createRoot(container).render(<CardActions card={card} />));
  return container;
}
const click = async (el: Element | null) => act(async () => (el as HTMLButtonElement).click());

beforeEach(() => sendMessage.mockReset());

describe('CardActions', () => {
  it('saves the post with every model it names, then shows it as saved', async () => {
    sendMessage.mockImplementation(async (type: string) =>
      type === 'getSavedKeys' ? { ok: true, saved: [] } : { ok: true, created: true },
    );
    const ui = await render();
    await click(ui.querySelector('[data-testid="ff-save"]'));
    expect(sendMessage).toHaveBeenCalledWith('savePost', {
      site: 'x',
      post: card.post,
      mentions: [{ family: 'veo', modelId: 'google-veo-3', version: '3' }],
      datasetVersion: dataset.version,
    });
    expect(ui.querySelector('[data-testid="ff-unsave"]')?.textContent).toContain('Saved');
  });

  it('shows a clear message when storage is full, and stays unsaved', async () => {
    sendMessage.mockImplementation(async (type: string) =>
      type === 'getSavedKeys'
        ? { ok: true, saved: [] }
        : { ok: false, error: 'storage-full', message: 'quota' },
    );
    const ui = await render();
    await click(ui.querySelector('[data-testid="ff-save"]'));
    expect(ui.querySelector('[role="alert"]')?.textContent).toContain(
      'storage for Frame Facts is full',
    );
    expect(ui.querySelector('[data-testid="ff-save"]')).not.toBeNull();
  });

  it('knows an already-saved post and can unsave it; reports a wrong badge', async () => {
    sendMessage.mockImplementation(async (type: string) =>
      type === 'getSavedKeys' ? { ok: true, saved: ['x:7'] } : { ok: true },
    );
    const ui = await render();
    await click(ui.querySelector('[data-testid="ff-unsave"]'));
    expect(sendMessage).toHaveBeenCalledWith('unsavePost', 'x:7');
    expect(ui.querySelector('[data-testid="ff-save"]')).not.toBeNull();
    await click(ui.querySelector('[data-testid="ff-report"]'));
    expect(sendMessage).toHaveBeenCalledWith(
      'reportWrongBadge',
      expect.objectContaining({
        key: 'x:7',
        badges: [{ family: 'veo', alias: 'Veo3', evidence: null }],
      }),
    );
    expect(ui.querySelector('[data-testid="ff-report"]')?.textContent).toContain('Reported');
  });
});
