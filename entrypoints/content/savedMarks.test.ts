import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { BADGE_TAG } from '@/components/badgeRow';
import { trackSavedMarks } from './savedMarks';

function host(key: string) {
  const el = document.createElement(BADGE_TAG);
  el.dataset.ffKey = key;
  document.body.append(el);
  return el;
}

describe('saved marks', () => {
  it('marks rows of saved posts, then follows saves and unsaves from any tab', async () => {
    document.body.replaceChildren();
    await fakeBrowser.storage.local.set({ 'saved:x:1': { key: 'x:1' } });
    const one = host('x:1');
    const two = host('x:"2"');
    const marks = trackSavedMarks(document);
    marks.mark([one, two]);
    await vi.waitFor(() => expect(one.hasAttribute('data-saved')).toBe(true));
    expect(two.hasAttribute('data-saved')).toBe(false);
    await fakeBrowser.storage.local.set({ 'saved:x:"2"': { key: 'x:"2"' } });
    expect(two.hasAttribute('data-saved')).toBe(true);
    await fakeBrowser.storage.local.remove('saved:x:1');
    expect(one.hasAttribute('data-saved')).toBe(false);
    marks.stop();
  });
});
