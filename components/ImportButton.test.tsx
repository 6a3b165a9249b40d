import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_IMPORT_CHARS } from '@/utils/saved/import';
import { ImportButton } from './ImportButton';
import { byTestId, render, settle } from '../tests/unit/react';

const sendMessage = vi.fn();
vi.mock('@/utils/messaging', () => ({ sendMessage: (...args: unknown[]) => sendMessage(...args) }));

async function choose(ui: HTMLElement, file: File) {
  const input = byTestId(ui, 'import-file') as HTMLInputElement;
  await act(async () => {
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
  await settle();
}

beforeEach(() => sendMessage.mockReset());

describe('ImportButton', () => {
  it('sends the file text and shows the report, rejected entries with their reasons', async () => {
    sendMessage.mockResolvedValue({
      ok: true,
      report: {
        added: 3,
        updated: 1,
        unchanged: 2,
        rejected: [{ index: 4, reason: 'url: Invalid URL' }],
      },
    });
    const onImported = vi.fn();
    const ui = await render(<ImportButton onImported={onImported} />);
    await choose(ui, new File(['{"format":"frame-facts-saved-posts"}'], 'backup.json'));
    expect(sendMessage).toHaveBeenCalledWith('importSaved', '{"format":"frame-facts-saved-posts"}');
    const report = byTestId(ui, 'import-report')?.textContent ?? '';
    expect(report).toContain('3 added, 1 updated, 2 unchanged, 1 rejected');
    expect(report).toContain('Entry 5: url: Invalid URL');
    expect(byTestId(ui, 'import-error')).toBeNull();
    expect(onImported).toHaveBeenCalledOnce();
  });

  it('shows why a broken file was refused, and reports nothing imported', async () => {
    sendMessage.mockResolvedValue({
      ok: false,
      error: 'invalid-file',
      message: 'The file is not valid JSON. Choose a .json file exported by Frame Facts.',
    });
    const onImported = vi.fn();
    const ui = await render(<ImportButton onImported={onImported} />);
    await choose(ui, new File(['{oops'], 'broken.json'));
    const error = byTestId(ui, 'import-error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('Nothing was imported.');
    expect(error?.textContent).toContain('The file is not valid JSON.');
    expect(byTestId(ui, 'import-report')).toBeNull();
    expect(onImported).not.toHaveBeenCalled();
  });

  it('shows the storage-full message when the import does not fit', async () => {
    sendMessage.mockResolvedValue({ ok: false, error: 'storage-full', message: 'full' });
    const ui = await render(<ImportButton />);
    await choose(ui, new File(['{}'], 'big.json'));
    expect(byTestId(ui, 'import-error')?.textContent).toContain('storage for Frame Facts is full');
  });

  it('refuses a file over the size limit without reading or sending it', async () => {
    const file = new File(['{}'], 'huge.json');
    Object.defineProperty(file, 'size', { value: MAX_IMPORT_CHARS + 1 });
    const read = vi.spyOn(file, 'text');
    const ui = await render(<ImportButton />);
    await choose(ui, file);
    expect(byTestId(ui, 'import-error')?.textContent).toContain('too large (over 20 MB)');
    expect(read).not.toHaveBeenCalled();
    expect(sendMessage).not.toHaveBeenCalled();
  });
});
