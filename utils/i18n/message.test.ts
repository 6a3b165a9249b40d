import { fakeBrowser } from 'wxt/testing';
import { describe, expect, it, vi } from 'vitest';
import { message } from './message';

describe('message', () => {
  it('asks the browser once per message and substitution', () => {
    const spy = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    expect(message('pillTitle', 'Veo 3')).toContain('Veo 3');
    expect(message('pillTitle', 'Veo 3')).toContain('Veo 3');
    expect(message('pillTitle', 'Kling 2.1')).toContain('Kling 2.1');
    expect(message('pillSaved')).toBe(message('pillSaved'));
    expect(spy.mock.calls.map((c) => c.slice(0, 2))).toEqual([
      ['pillTitle', 'Veo 3'],
      ['pillTitle', 'Kling 2.1'],
      ['pillSaved', undefined],
    ]);
  });
});
