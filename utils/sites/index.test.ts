import { describe, expect, it } from 'vitest';
import {
  adapterById,
  adapterFor,
  adapterForCustomSite,
  adapters,
  supportedMatchPatterns,
} from './index';
import { loadFixture } from './testing';

describe('adapter registry', () => {
  it('has one adapter per site id', () => {
    const ids = adapters.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(12);
  });

  it.each([
    ['https://x.com/home', 'x'],
    ['https://twitter.com/a/status/1', 'x'],
    ['https://www.reddit.com/r/aivideo/', 'reddit'],
    ['https://old.reddit.com/', 'reddit'],
    ['https://www.youtube.com/watch?v=abc', 'youtube'],
    ['https://bsky.app/', 'bluesky'],
    ['https://www.threads.com/', 'threads'],
    ['https://www.threads.net/', 'threads'],
    ['https://mastodon.social/home', 'mastodon'],
    ['https://news.ycombinator.com/', 'hackernews'],
    ['https://www.linkedin.com/feed/', 'linkedin'],
    ['https://www.tiktok.com/foryou', 'tiktok'],
    ['https://www.instagram.com/', 'instagram'],
    ['https://www.facebook.com/', 'facebook'],
  ])('adapterFor(%s) is %s', (url, id) => {
    expect(adapterFor(new URL(url))?.id).toBe(id);
  });

  it('returns nothing for other hosts: generic and Mastodon only by choice', () => {
    expect(adapterFor(new URL('https://fosstodon.org/home'))).toBeNull();
    expect(adapterFor(new URL('https://blog.example/'))).toBeNull();
    expect(adapterById('generic')?.id).toBe('generic');
    expect(adapterById('mastodon')?.id).toBe('mastodon');
  });

  it('adapterForCustomSite picks Mastodon by DOM, else generic', () => {
    loadFixture('sites/mastodon/home.html', 'https://fosstodon.org/home');
    expect(adapterForCustomSite(document).id).toBe('mastodon');
    loadFixture('sites/generic/blog.html', 'https://blog.example/');
    expect(adapterForCustomSite(document).id).toBe('generic');
  });

  it('every host-supported adapter lists match patterns, all well-formed', () => {
    for (const a of adapters.filter((a) => a.id !== 'generic')) {
      expect(a.matchPatterns?.length, a.id).toBeGreaterThan(0);
    }
    for (const p of supportedMatchPatterns) expect(p).toMatch(/^\*:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
  });
});
