// The popup's view of the open tab, including a popup opened while the page is still loading.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { PageSummary } from '@/utils/messaging';
import { createSettingsStore } from '@/utils/settings/store';
import { PageSummaryPanel } from './PageSummaryPanel';

const sendMessage = vi.fn();
vi.mock('@/utils/messaging', () => ({ sendMessage: (...args: unknown[]) => sendMessage(...args) }));

const summary: PageSummary = {
  site: 'mastodon',
  siteEnabled: true,
  posts: 1,
  families: [{ id: 'veo', name: 'Veo', posts: 1 }],
};

function activeTab(url: string, status: 'loading' | 'complete') {
  fakeBrowser.tabs.query = vi.fn().mockResolvedValue([{ id: 7, url, status, active: true }]);
}

async function renderPanel() {
  const useSettings = createSettingsStore();
  await useSettings.persist.rehydrate();
  render(<PageSummaryPanel useSettings={useSettings} />);
}

beforeEach(() => {
  fakeBrowser.reset();
  sendMessage.mockReset();
});
afterEach(cleanup);

describe('PageSummaryPanel', () => {
  it('on a switched-on site whose script has not answered yet, asks again until it does', async () => {
    await fakeBrowser.storage.local.set({ customSites: ['https://mastodon.art'] });
    activeTab('https://mastodon.art/home', 'complete');
    sendMessage
      .mockRejectedValueOnce(new Error('Receiving end does not exist'))
      .mockRejectedValueOnce(new Error('Receiving end does not exist'))
      .mockResolvedValue(summary);
    await renderPanel();
    expect(await screen.findByTestId('toggle-site', undefined, { timeout: 3_000 })).toBeTruthy();
    expect(screen.getByTestId('badge-count').textContent).toBe('1 posts: Veo (1)');
    expect(screen.getByTestId('disable-site')).toBeTruthy();
    expect(sendMessage).toHaveBeenCalledTimes(3);
  });

  it('on a finished page with no script, offers to switch the site on and stops asking', async () => {
    activeTab('https://blog.example/post', 'complete');
    sendMessage.mockRejectedValue(new Error('Receiving end does not exist'));
    await renderPanel();
    expect(await screen.findByTestId('enable-site')).toBeTruthy();
    expect(screen.getByText('Frame Facts does not run on this page.')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 700));
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('says nothing runs on browser pages, without offering a switch', async () => {
    activeTab('chrome://extensions', 'complete');
    sendMessage.mockRejectedValue(new Error('no tab'));
    await renderPanel();
    expect(await screen.findByText('Frame Facts does not run on this page.')).toBeTruthy();
    expect(screen.queryByTestId('enable-site')).toBeNull();
  });
});
