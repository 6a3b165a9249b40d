import { describe, expect, it } from 'vitest';
import { loadFixture, readAll } from './testing';
import { tiktokAdapter as tt } from './tiktok';

const posts = () => Array.from(tt.posts(tt.root(document)!));

describe('tiktok adapter', () => {
  it('matches www.tiktok.com', () => {
    expect(tt.matches(new URL('https://www.tiktok.com/foryou'))).toBe(true);
    expect(tt.matches(new URL('https://tiktok.example/'))).toBe(false);
    expect(tt.matchPatterns).toEqual(['*://www.tiktok.com/*']);
  });

  it('reads feed videos: id from the player, caption, author, AI-generated label', () => {
    loadFixture('sites/tiktok/foryou.html', 'https://www.tiktok.com/foryou');
    expect(tt.root(document)!.id).toBe('main-content-homepage_hot');
    expect(readAll(tt)).toEqual([
      {
        key: 'tiktok:7556677889900112233',
        text: 'A whole city inside a snow globe, made with Veo 3 #veo3 #aivideo',
        author: '@tinyworlds',
        url: 'https://www.tiktok.com/@tinyworlds/video/7556677889900112233',
        hasVideo: true,
        platformLabel: 'Creator labeled as AI-generated',
      },
      {
        key: 'tiktok:7556677889900445566',
        text: 'Peel garlic in 10 seconds, no knife needed #kitchenhacks',
        author: '@kitchenhacks',
        url: 'https://www.tiktok.com/@kitchenhacks/video/7556677889900445566',
        hasVideo: true,
        platformLabel: null,
      },
    ]);
  });

  it('a caption that says "AI-generated" is not the platform label', () => {
    loadFixture('sites/tiktok/foryou.html', 'https://www.tiktok.com/foryou');
    const post = posts()[1]!;
    const desc = post.querySelector('[data-e2e="video-desc"]')!;
    const span = document.createElement('span');
    span.textContent = 'AI-generated';
    desc.append(span);
    expect(tt.read(post)!.platformLabel).toBeNull();
  });

  it('anchors after the caption; closestPost; recycled item re-read', () => {
    loadFixture('sites/tiktok/foryou.html', 'https://www.tiktok.com/foryou');
    const post = posts()[0]!;
    const desc = post.querySelector('[data-e2e="video-desc"]')!;
    expect(tt.anchor(post)).toEqual({ parent: desc.parentElement, before: desc.nextSibling });
    expect(tt.closestPost(desc.querySelector('strong')!)).toBe(post);
    expect(Array.from(tt.posts(post))).toEqual([post]);
    post.querySelector('[id^="xgwrapper-"]')!.id = 'xgwrapper-0-1234';
    desc.textContent = 'Hailuo 02 test';
    expect(tt.read(post)).toMatchObject({ key: 'tiktok:1234', text: 'Hailuo 02 test' });
  });
});
