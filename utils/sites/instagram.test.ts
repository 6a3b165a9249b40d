import { describe, expect, it } from 'vitest';
import { instagramAdapter as ig } from './instagram';
import { loadFixture, readAll } from './testing';

const posts = () => Array.from(ig.posts(ig.root(document)!));

describe('instagram adapter', () => {
  it('matches www.instagram.com', () => {
    expect(ig.matches(new URL('https://www.instagram.com/'))).toBe(true);
    expect(ig.matches(new URL('https://instagram.example/'))).toBe(false);
    expect(ig.matchPatterns).toEqual(['*://www.instagram.com/*']);
  });

  it('reads feed posts: shortcode, caption only, author, video, AI info label', () => {
    loadFixture('sites/instagram/feed.html', 'https://www.instagram.com/');
    expect(ig.root(document)!.tagName).toBe('MAIN');
    expect(readAll(ig)).toEqual([
      {
        key: 'instagram:DPa1b2C3d4E',
        text: 'A whole city inside a snow globe. Made with Sora 2, edited by hand.\nFull version on my profile #sora2',
        author: 'tinyworlds',
        url: 'https://www.instagram.com/p/DPa1b2C3d4E/',
        hasVideo: true,
        platformLabel: 'AI info',
      },
      {
        key: 'instagram:DPZ9y8X7w6V',
        text: 'Rye loaf number four. The crumb is finally open.',
        author: 'bakerbee',
        url: 'https://www.instagram.com/p/DPZ9y8X7w6V/',
        hasVideo: false,
        platformLabel: null,
      },
    ]);
  });

  it('anchors after the caption row; closestPost; recycled post re-read', () => {
    loadFixture('sites/instagram/feed.html', 'https://www.instagram.com/');
    const post = posts()[1]!;
    const caption = post.querySelector('span._aacu')!;
    const row = caption.parentElement!;
    expect(ig.anchor(post)).toEqual({ parent: row.parentElement, before: row.nextSibling });
    expect(ig.closestPost(caption)).toBe(post);
    expect(Array.from(ig.posts(post))).toEqual([post]);
    post.querySelector('time')!.closest('a')!.setAttribute('href', '/reel/NEWREEL1/');
    caption.textContent = 'Veo 3 reel';
    expect(ig.read(post)).toMatchObject({
      key: 'instagram:NEWREEL1',
      text: 'Veo 3 reel',
      url: 'https://www.instagram.com/reel/NEWREEL1/',
      hasVideo: true,
    });
  });
});
