import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupSavedPanel } from './PopupSavedPanel';
import { byTestId, click, render, settle } from '../tests/unit/react';

const sendMessage = vi.fn();
vi.mock('@/utils/messaging', () => ({ sendMessage: (...args: unknown[]) => sendMessage(...args) }));
const downloadFile = vi.fn();
vi.mock('./download', () => ({ downloadFile: (...args: unknown[]) => downloadFile(...args) }));

const file = {
  filename: 'frame-facts-saved-2026-11-26.json',
  mime: 'application/json',
  text: '{}',
};

beforeEach(() => {
  sendMessage.mockReset();
  downloadFile.mockReset();
});

describe('PopupSavedPanel', () => {
  it('shows the count and exports every saved post as JSON in one click', async () => {
    sendMessage.mockImplementation(async (type: string) =>
      type === 'countSaved' ? { ok: true, count: 2 } : { ok: true, count: 2, file },
    );
    const ui = await render(<PopupSavedPanel />);
    await settle();
    expect(byTestId(ui, 'popup-saved-count')?.textContent).toBe('Saved posts: 2');
    await click(byTestId(ui, 'popup-export-saved'));
    expect(sendMessage).toHaveBeenCalledWith(
      'exportSaved',
      expect.objectContaining({ format: 'json' }),
    );
    expect(downloadFile).toHaveBeenCalledWith(file);
  });

  it('has nothing to export when nothing is saved, and opens the manager', async () => {
    sendMessage.mockResolvedValue({ ok: true, count: 0 });
    const open = vi.fn(async () => undefined);
    browser.runtime.openOptionsPage = open;
    const ui = await render(<PopupSavedPanel />);
    await settle();
    expect((byTestId(ui, 'popup-export-saved') as HTMLButtonElement).disabled).toBe(true);
    await click(byTestId(ui, 'popup-manage-saved'));
    expect(open).toHaveBeenCalledOnce();
  });
});
