import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { BADGE_TAG } from '@/components/badgeRow';
import { trackSavedMarks } from './savedMarks';

function host(key: string) {
  const el = document.createElement(BADGE_TAG);
  el.dataset.ffKey = key;
  document.body.append(el);
  return el;
}

const saved = (el: Element) => el.hasAttribute('data-saved');

describe('saved marks', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    document.body.replaceChildren();
  });

  it('marks rows of saved posts, then follows saves and unsaves from any tab', async () => {
    await fakeBrowser.storage.local.set({ 'saved:x:1': { key: 'x:1' } });
    const one = host('x:1');
    const two = host('x:"2"');
    const marks = trackSavedMarks(document);
    marks.mark([one, two]);
    await vi.waitFor(() => expect(saved(one)).toBe(true));
    expect(saved(two)).toBe(false);
    await fakeBrowser.storage.local.set({ 'saved:x:"2"': { key: 'x:"2"' } });
    expect(saved(two)).toBe(true);
    await fakeBrowser.storage.local.remove('saved:x:1');
    expect(saved(one)).toBe(false);
    marks.stop();
  });

  it('reads storage once: later rows are marked from what it keeps, saves included', async () => {
    await fakeBrowser.storage.local.set({ 'saved:x:1': { key: 'x:1' } });
    const marks = trackSavedMarks(document);
    const first = host('x:1');
    marks.mark([first]);
    await vi.waitFor(() => expect(saved(first)).toBe(true));
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await fakeBrowser.storage.local.set({ 'saved:x:3': { key: 'x:3' } });
    await fakeBrowser.storage.local.remove('saved:x:1');
    const [again, third, other] = [host('x:1'), host('x:3'), host('x:4')];
    marks.mark([again, third, other]);
    expect([saved(again), saved(third), saved(other)]).toEqual([false, true, false]);
    expect(get).not.toHaveBeenCalled();
    marks.stop();
  });

  it('lets a save or unsave made while the keys were being listed win over the listing', async () => {
    await fakeBrowser.storage.local.set({ 'saved:x:1': { key: 'x:1' } });
    const marks = trackSavedMarks(document);
    // Before the listing has come back (it is a promise away).
    await fakeBrowser.storage.local.remove('saved:x:1');
    await fakeBrowser.storage.local.set({ 'saved:x:2': { key: 'x:2' } });
    const [one, two] = [host('x:1'), host('x:2')];
    marks.mark([one, two]);
    await vi.waitFor(() => expect(saved(two)).toBe(true));
    expect(saved(one)).toBe(false);
    marks.stop();
  });
});
