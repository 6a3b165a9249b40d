import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CUSTOM_SITES_KEY } from '@/utils/customSites/origins';
import { REPORT_PREFIX, type WrongBadgeReport } from '@/utils/reports/wrongBadge';
import { CustomSitesPanel } from './CustomSitesPanel';
import { WrongBadgeReportsPanel } from './WrongBadgeReportsPanel';
import { allByTestId, byTestId, click, render, settle } from '../tests/unit/react';

const downloadFile = vi.fn();
vi.mock('@/utils/messaging', () => ({ sendMessage: vi.fn(async () => undefined) }));
vi.mock('./download', () => ({ downloadFile: (...args: unknown[]) => downloadFile(...args) }));

const report = (key: string): WrongBadgeReport => ({
  key,
  site: 'x',
  url: `https://x.com/a/status/${key}`,
  text: 'Kingdom Hearts Sora is back',
  badges: [{ family: 'sora', alias: 'Sora', evidence: null }],
  datasetVersion: 7,
  reportedAt: '2026-11-20T10:00:00.000Z',
});

beforeEach(() => downloadFile.mockReset());

describe('WrongBadgeReportsPanel', () => {
  it('counts the reports, exports them as JSON and clears them', async () => {
    await browser.storage.local.set({
      [`${REPORT_PREFIX}x:1`]: report('x:1'),
      [`${REPORT_PREFIX}x:2`]: report('x:2'),
      'saved:x:3': { unrelated: true },
    });
    const ui = await render(<WrongBadgeReportsPanel />);
    await settle();
    expect(byTestId(ui, 'reports-count')?.textContent).toBe('Reports kept: 2');
    await click(byTestId(ui, 'reports-export'));
    const file = downloadFile.mock.calls[0]?.[0] as { filename: string; text: string };
    expect(file.filename).toMatch(/^frame-facts-wrong-badges-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(file.text).reports).toHaveLength(2);
    await click(byTestId(ui, 'reports-clear'));
    await click(byTestId(ui, 'reports-clear-confirm'));
    await settle();
    expect(byTestId(ui, 'reports-count')?.textContent).toBe('Reports kept: 0');
    const left = await browser.storage.local.get(null);
    expect(Object.keys(left)).toEqual(['saved:x:3']);
  });
});

describe('CustomSitesPanel', () => {
  it('lists the switched-on sites and removes one', async () => {
    await browser.storage.local.set({
      [CUSTOM_SITES_KEY]: ['https://mastodon.art', 'https://blog.example'],
    });
    const remove = vi.fn(async () => true);
    browser.permissions.remove = remove;
    const ui = await render(<CustomSitesPanel />);
    await settle();
    const items = () => allByTestId(ui, 'custom-site').map((li) => li.firstChild?.textContent);
    expect(items()).toEqual(['https://blog.example', 'https://mastodon.art']);
    await click(ui.querySelector('button[aria-label="Switch Frame Facts off on mastodon.art"]'));
    await settle();
    expect(items()).toEqual(['https://blog.example']);
    expect(remove).toHaveBeenCalledWith({ origins: ['https://mastodon.art/*'] });
  });

  it('explains how to switch a site on when there are none', async () => {
    const ui = await render(<CustomSitesPanel />);
    await settle();
    expect(ui.textContent).toContain('open the Frame Facts popup');
  });
});
