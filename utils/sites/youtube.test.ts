import { describe, expect, it } from 'vitest';
import { loadFixture, readAll } from './testing';
import { youtubeAdapter as yt } from './youtube';

const posts = () => Array.from(yt.posts(yt.root(document)!));

describe('youtube adapter: home grid', () => {
  it('matches www.youtube.com, not m.youtube.com', () => {
    expect(yt.matches(new URL('https://www.youtube.com/'))).toBe(true);
    expect(yt.matches(new URL('https://m.youtube.com/'))).toBe(false);
    expect(yt.matchPatterns).toContain('*://www.youtube.com/*');
  });

  it('one post per grid item (a lockup inside an item is the item), each read', () => {
    loadFixture('sites/youtube/home.html', 'https://www.youtube.com/');
    expect(yt.root(document)!.tagName).toBe('YTD-PAGE-MANAGER');
    const all = posts();
    expect(all.map((p) => p.tagName)).toEqual([
      'YTD-RICH-ITEM-RENDERER',
      'YTD-RICH-ITEM-RENDERER',
      'YTD-RICH-ITEM-RENDERER',
    ]);
    expect(all.map((p) => yt.read(p))).toEqual([
      {
        key: 'youtube:aB3dE5fG7hI',
        text: 'I tested Veo 3 against real footage',
        author: 'Frame Lab',
        url: 'https://www.youtube.com/watch?v=aB3dE5fG7hI',
        hasVideo: true,
        platformLabel: null,
      },
      {
        key: 'youtube:Zx9Yw8Vu7Ts',
        text: 'Sourdough starter from scratch, day by day',
        author: 'Slow Cooks',
        url: 'https://www.youtube.com/watch?v=Zx9Yw8Vu7Ts',
        hasVideo: true,
        platformLabel: null,
      },
      {
        key: 'youtube:Qw3Er5Ty7Ui',
        text: 'My cat, but Sora 2 made it #sora2 #ai',
        author: null,
        url: 'https://www.youtube.com/shorts/Qw3Er5Ty7Ui',
        hasVideo: true,
        platformLabel: null,
      },
    ]);
  });

  it('anchors after the title heading, outside any link', () => {
    loadFixture('sites/youtube/home.html', 'https://www.youtube.com/');
    for (const post of posts()) {
      const a = yt.anchor(post)!;
      const h3 = post.querySelector('h3')!;
      expect(a.parent).toBe(h3.parentElement);
      expect(a.before).toBe(h3.nextSibling);
      expect(a.parent.closest('a')).toBeNull();
    }
  });

  it('closestPost from deep inside a lockup returns the grid item; posts(lockup) too', () => {
    loadFixture('sites/youtube/home.html', 'https://www.youtube.com/');
    const item = posts()[1]!;
    const span = item.querySelector('h3 span')!;
    expect(yt.closestPost(span)).toBe(item);
    expect(Array.from(yt.posts(item.querySelector('yt-lockup-view-model')!))).toEqual([item]);
    expect(Array.from(yt.posts(item))).toEqual([item]);
  });

  it('a recycled grid item yields the new video and title', () => {
    loadFixture('sites/youtube/home.html', 'https://www.youtube.com/');
    const item = posts()[0]!;
    for (const a of item.querySelectorAll('a[href*="/watch"]'))
      a.setAttribute('href', '/watch?v=NEW12345678');
    item.querySelector('#video-title')!.textContent = 'Runway Gen-4 first look';
    expect(yt.read(item)).toMatchObject({
      key: 'youtube:NEW12345678',
      text: 'Runway Gen-4 first look',
    });
  });
});

describe('youtube adapter: search', () => {
  it('reads title + description snippet and channel', () => {
    loadFixture('sites/youtube/search.html', 'https://www.youtube.com/results?search_query=veo+3');
    const snaps = readAll(yt);
    expect(snaps).toEqual([
      {
        key: 'youtube:Kl1Mn2Op3Qr',
        text: 'Google Veo 3 full review: audio, physics, pricing\nVeo 3 generates sound with the picture. We test lip sync, physics and the new pricing tiers.',
        author: 'AI Explained',
        url: 'https://www.youtube.com/watch?v=Kl1Mn2Op3Qr',
        hasVideo: true,
        platformLabel: null,
      },
      {
        key: 'youtube:St4Uv5Wx6Yz',
        text: 'How to fix a leaking tap in 5 minutes\nAll you need is a wrench and a new washer.',
        author: 'Fix It Fast',
        url: 'https://www.youtube.com/watch?v=St4Uv5Wx6Yz',
        hasVideo: true,
        platformLabel: null,
      },
    ]);
  });
});

describe('youtube adapter: watch page', () => {
  it('reads title + description, channel and the synthetic-content disclosure', () => {
    loadFixture('sites/youtube/watch.html', 'https://www.youtube.com/watch?v=Vx1Yz2Ab3Cd');
    const all = posts();
    expect(all.map((p) => p.tagName)).toEqual(['YTD-WATCH-METADATA', 'YT-LOCKUP-VIEW-MODEL']);
    expect(yt.read(all[0]!)).toEqual({
      key: 'youtube:Vx1Yz2Ab3Cd',
      text: 'A short film made entirely with Sora 2\nEight minutes, 140 generations, one weekend.\nEdited in DaVinci Resolve, music by the band.',
      author: 'Night Shift Films',
      url: 'https://www.youtube.com/watch?v=Vx1Yz2Ab3Cd',
      hasVideo: true,
      platformLabel: 'Altered or synthetic content',
    });
    expect(yt.read(all[1]!)).toMatchObject({
      key: 'youtube:Ef4Gh5Ij6Kl',
      text: 'Kling 2.1 vs Veo 3: same prompts',
      platformLabel: null,
    });
    const a = yt.anchor(all[0]!)!;
    const title = all[0]!.querySelector('#title')!;
    expect(a.parent).toBe(title.parentElement);
    expect(a.before).toBe(title.nextSibling);
  });

  it('after SPA navigation the reused metadata block reads the new video', () => {
    loadFixture('sites/youtube/watch.html', 'https://www.youtube.com/watch?v=Vx1Yz2Ab3Cd');
    const meta = posts()[0]!;
    meta.closest('ytd-watch-flexy')!.setAttribute('video-id', 'Zz9Yy8Xx7Ww');
    meta.querySelector('#title h1 yt-formatted-string')!.textContent = 'Cooking pasta';
    meta.querySelector('#expanded yt-attributed-string')!.textContent = 'Just pasta.';
    meta.querySelector('ytd-how-this-was-made-section-view-model')!.remove();
    expect(yt.read(meta)).toMatchObject({
      key: 'youtube:Zz9Yy8Xx7Ww',
      text: 'Cooking pasta\nJust pasta.',
      platformLabel: null,
    });
  });
});

describe('youtube adapter: Shorts', () => {
  it('reads the active Short from the address and the next one from its link', () => {
    loadFixture('sites/youtube/shorts.html', 'https://www.youtube.com/shorts/Ab1Cd2Ef3Gh');
    const snaps = readAll(yt);
    expect(snaps).toEqual([
      {
        key: 'youtube:Ab1Cd2Ef3Gh',
        text: 'A city inside a snow globe, made with Veo 3 #veo3',
        author: '@tinyworlds',
        url: 'https://www.youtube.com/shorts/Ab1Cd2Ef3Gh',
        hasVideo: true,
        platformLabel: 'Altered or synthetic content',
      },
      {
        key: 'youtube:Hj7Kl8Mn9Op',
        text: 'Peel garlic in 10 seconds',
        author: '@kitchenhacks',
        url: 'https://www.youtube.com/shorts/Hj7Kl8Mn9Op',
        hasVideo: true,
        platformLabel: null,
      },
    ]);
    const reel = posts()[0]!;
    const a = yt.anchor(reel)!;
    const title = reel.querySelector('yt-shorts-video-title-view-model')!;
    expect(a.parent).toBe(title.parentElement);
    expect(a.before).toBe(title.nextSibling);
  });
});
