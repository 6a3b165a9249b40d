import { describe, expect, it } from 'vitest';
import { blueskyAdapter as bsky } from './bluesky';
import { loadFixture, readAll } from './testing';

const posts = () => Array.from(bsky.posts(bsky.root(document)!));

describe('bluesky adapter', () => {
  it('matches bsky.app', () => {
    expect(bsky.matches(new URL('https://bsky.app/'))).toBe(true);
    expect(bsky.matches(new URL('https://bsky.social/'))).toBe(false);
    expect(bsky.matchPatterns).toContain('*://bsky.app/*');
  });

  it('reads feed items: key, text with line breaks, author, permalink, video', () => {
    loadFixture('sites/bluesky/feed.html', 'https://bsky.app/');
    expect(bsky.root(document)!.tagName).toBe('MAIN');
    const snaps = readAll(bsky);
    expect(snaps).toEqual([
      {
        key: 'bluesky:tinyworlds.bsky.social/3m2abcxyz7k2d',
        text: 'A whole city inside a snow globe, made with Veo 3.\nPrompt in the alt text. #veo3',
        author: '@tinyworlds.bsky.social',
        url: 'https://bsky.app/profile/tinyworlds.bsky.social/post/3m2abcxyz7k2d',
        hasVideo: true,
        platformLabel: null,
      },
      {
        // The quote embed's link and text belong to another post and are not read.
        key: 'bluesky:gardener.bsky.social/3m2abcdef1a2b',
        text: 'The tomatoes finally turned red. Three months of waiting.',
        author: '@gardener.bsky.social',
        url: 'https://bsky.app/profile/gardener.bsky.social/post/3m2abcdef1a2b',
        hasVideo: false,
        platformLabel: null,
      },
    ]);
  });

  it('anchors after postText; closestPost; root itself is a post', () => {
    loadFixture('sites/bluesky/feed.html', 'https://bsky.app/');
    const post = posts()[0]!;
    const text = post.querySelector('[data-testid="postText"]')!;
    expect(bsky.anchor(post)).toEqual({ parent: text.parentElement, before: text.nextSibling });
    expect(bsky.closestPost(text.querySelector('a')!)).toBe(post);
    expect(Array.from(bsky.posts(post))).toEqual([post]);
  });

  it('re-reads a recycled feed item', () => {
    loadFixture('sites/bluesky/feed.html', 'https://bsky.app/');
    const post = posts()[1]!;
    post.setAttribute('data-testid', 'feedItem-by-other.bsky.social');
    post
      .querySelector('a[href*="/post/"]')!
      .setAttribute('href', '/profile/other.bsky.social/post/3newnewnew000');
    post.querySelector('[data-testid="postText"]')!.textContent = 'Kling 2.1 is out';
    expect(bsky.read(post)).toMatchObject({
      key: 'bluesky:other.bsky.social/3newnewnew000',
      text: 'Kling 2.1 is out',
      author: '@other.bsky.social',
    });
  });

  it('thread page: the focused post takes its id from the address', () => {
    loadFixture(
      'sites/bluesky/thread.html',
      'https://bsky.app/profile/filmlab.bsky.social/post/3m2focus00001',
    );
    const snaps = readAll(bsky);
    expect(snaps.map((s) => [s.key, s.text])).toEqual([
      [
        'bluesky:filmlab.bsky.social/3m2focus00001',
        'Sora 2 cameo test: my dog as a news anchor. Surprisingly steady lip sync.',
      ],
      ['bluesky:quietreader.bsky.social/3m2abd0000001', 'Ha, he looks very serious.'],
    ]);
  });
});
