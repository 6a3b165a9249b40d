import { describe, expect, it } from 'vitest';
import { facebookAdapter as fb } from './facebook';
import { loadFixture, readAll } from './testing';

const posts = () => Array.from(fb.posts(fb.root(document)!));

describe('facebook adapter', () => {
  it('matches www.facebook.com, not m.facebook.com', () => {
    expect(fb.matches(new URL('https://www.facebook.com/'))).toBe(true);
    expect(fb.matches(new URL('https://m.facebook.com/'))).toBe(false);
    expect(fb.matchPatterns).toContain('*://www.facebook.com/*');
  });

  it('reads feed posts (not comments): message, author, clean permalink, video, AI info', () => {
    loadFixture('sites/facebook/feed.html', 'https://www.facebook.com/');
    expect(fb.root(document)!.getAttribute('role')).toBe('feed');
    expect(readAll(fb)).toEqual([
      {
        key: 'facebook:pfbid02xYzAbCdEfGhIjKlMnOpQrStUvWxYz1234567890abcdefl',
        text: 'Our new short is out. Every shot started as a Veo 3 generation.\nTell us which scene fooled you.',
        author: 'Night Shift Films',
        url: 'https://www.facebook.com/nightshiftfilms/posts/pfbid02xYzAbCdEfGhIjKlMnOpQrStUvWxYz1234567890abcdefl',
        hasVideo: true,
        platformLabel: 'AI info',
      },
      {
        key: 'facebook:pfbid0AbC123',
        text: 'Rye loaf number four. The crumb is finally open.',
        author: 'June Park',
        url: 'https://www.facebook.com/permalink.php?story_fbid=pfbid0AbC123&id=1000123',
        hasVideo: false,
        platformLabel: null,
      },
    ]);
  });

  it('anchors after the message; a comment node belongs to its post', () => {
    loadFixture('sites/facebook/feed.html', 'https://www.facebook.com/');
    const post = posts()[0]!;
    const msg = post.querySelector('[data-ad-rendering-role="story_message"]')!;
    expect(fb.anchor(post)).toEqual({ parent: msg.parentElement, before: msg.nextSibling });
    expect(fb.closestPost(post.querySelector('[role="article"] div[dir="auto"]')!)).toBe(post);
    expect(Array.from(fb.posts(post))).toEqual([post]);
  });

  it('without a permalink the key follows the text, so a recycled node gets a new key', () => {
    loadFixture('sites/facebook/feed.html', 'https://www.facebook.com/');
    const post = posts()[1]!;
    post.querySelector('a[href*="story_fbid"]')!.setAttribute('href', '#');
    const before = fb.read(post)!;
    expect(before.key).toMatch(/^facebook:h[0-9a-z]+$/);
    expect(before.url).toBeNull();
    post.querySelector('[data-ad-preview="message"] div[dir="auto"]')!.textContent = 'Sora 2!';
    const after = fb.read(post)!;
    expect(after.text).toBe('Sora 2!');
    expect(after.key).not.toBe(before.key);
  });
});
