import { describe, expect, it } from 'vitest';
import { loadFixture, readAll } from './testing';
import { threadsAdapter as threads } from './threads';

const posts = () => Array.from(threads.posts(threads.root(document)!));

describe('threads adapter', () => {
  it('matches threads.com and threads.net', () => {
    expect(threads.matches(new URL('https://www.threads.com/'))).toBe(true);
    expect(threads.matches(new URL('https://www.threads.net/@a'))).toBe(true);
    expect(threads.matches(new URL('https://threads.org/'))).toBe(false);
    expect(threads.matchPatterns).toEqual(
      expect.arrayContaining(['*://www.threads.com/*', '*://www.threads.net/*']),
    );
  });

  it('reads caption text only (not author, counts or buttons), permalink, video, AI label', () => {
    loadFixture('sites/threads/feed.html', 'https://www.threads.com/');
    expect(readAll(threads)).toEqual([
      {
        key: 'threads:DPa1b2C3d4E',
        text: 'Tried Sora 2 for a product teaser.\nThe cup stays a cup this time. #sora2',
        author: '@tinyworlds',
        url: 'https://www.threads.com/@tinyworlds/post/DPa1b2C3d4E',
        hasVideo: true,
        platformLabel: 'AI info',
      },
      {
        key: 'threads:DPZ9y8X7w6V',
        text: 'Rye loaf number four. The crumb is finally open.',
        author: '@bakerbee',
        url: 'https://www.threads.com/@bakerbee/post/DPZ9y8X7w6V',
        hasVideo: false,
        platformLabel: null,
      },
    ]);
  });

  it('keeps the host of threads.net pages in the url', () => {
    loadFixture('sites/threads/feed.html', 'https://www.threads.net/');
    expect(readAll(threads)[1]!.url).toBe('https://www.threads.net/@bakerbee/post/DPZ9y8X7w6V');
  });

  it('anchors after the caption block, inside the post', () => {
    loadFixture('sites/threads/feed.html', 'https://www.threads.com/');
    const post = posts()[0]!;
    const caption = post.querySelector('.x1a6qonq')!;
    expect(threads.anchor(post)).toEqual({
      parent: caption.parentElement,
      before: caption.nextSibling,
    });
    expect(threads.closestPost(caption.querySelector('a')!)).toBe(post);
    expect(Array.from(threads.posts(post))).toEqual([post]);
  });

  it('re-reads a recycled post', () => {
    loadFixture('sites/threads/feed.html', 'https://www.threads.com/');
    const post = posts()[1]!;
    post.querySelector('time')!.closest('a')!.setAttribute('href', '/@someone/post/NEWCODE1');
    post.querySelector('.x1a6qonq span span')!.textContent = 'Veo 3 made this';
    expect(threads.read(post)).toMatchObject({
      key: 'threads:NEWCODE1',
      text: 'Veo 3 made this',
      author: '@someone',
    });
  });
});
