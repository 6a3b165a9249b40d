import { describe, expect, it } from 'vitest';
import { isMastodonPage, mastodonAdapter as masto } from './mastodon';
import { loadFixture, readAll } from './testing';

const posts = () => Array.from(masto.posts(masto.root(document)!));

describe('mastodon adapter', () => {
  it('matches only the project-run instances by host; detects the web UI by DOM', () => {
    expect(masto.matches(new URL('https://mastodon.social/home'))).toBe(true);
    expect(masto.matches(new URL('https://fosstodon.org/home'))).toBe(false);
    expect(masto.matches(new URL('https://example.com/'))).toBe(false);
    loadFixture('sites/mastodon/home.html', 'https://fosstodon.org/home');
    expect(isMastodonPage(document)).toBe(true);
    loadFixture('sites/hackernews/front.html', 'https://fosstodon.org/home');
    expect(isMastodonPage(document)).toBe(false);
  });

  it('reads statuses: per-server key, text, account, permalink, video', () => {
    loadFixture('sites/mastodon/home.html', 'https://mastodon.social/home');
    expect(masto.root(document)!.className).toBe('columns-area__panels__main');
    expect(readAll(masto)).toEqual([
      {
        key: 'mastodon:mastodon.social/113245678901234567',
        text: 'Trying Veo 3 for a museum project: short loops of paintings coming alive.\nCurators are split. #aivideo',
        author: '@maria',
        url: 'https://mastodon.social/@maria/113245678901234567',
        hasVideo: true,
        platformLabel: null,
      },
      {
        key: 'mastodon:mastodon.social/113245600000000001',
        text: 'A heron on the canal this morning, standing perfectly still for ten minutes.',
        author: '@birdwatch@fosstodon.org',
        url: 'https://mastodon.social/@birdwatch@fosstodon.org/113245600000000001',
        hasVideo: false,
        platformLabel: null,
      },
    ]);
  });

  it('anchors after .status__content; closestPost; root itself is a post', () => {
    loadFixture('sites/mastodon/home.html', 'https://mastodon.social/home');
    const post = posts()[0]!;
    const content = post.querySelector('.status__content')!;
    expect(masto.anchor(post)).toEqual({ parent: post, before: content.nextSibling });
    expect(masto.closestPost(content.querySelector('p')!)).toBe(post);
    expect(Array.from(masto.posts(post))).toEqual([post]);
  });

  it('re-reads a recycled status', () => {
    loadFixture('sites/mastodon/home.html', 'https://mastodon.social/home');
    const post = posts()[1]!;
    post.setAttribute('data-id', '999');
    post.querySelector('.status__content__text')!.textContent = 'Sora 2 now';
    expect(masto.read(post)).toMatchObject({
      key: 'mastodon:mastodon.social/999',
      text: 'Sora 2 now',
    });
  });

  it('thread page: the focused status reads its id from the date link, CW included', () => {
    loadFixture('sites/mastodon/thread.html', 'https://fosstodon.org/@kenji/113250000000000042');
    const snaps = readAll(masto);
    expect(snaps[0]).toEqual({
      key: 'mastodon:fosstodon.org/113250000000000042',
      text: 'AI video, long thread\nSora 2 cameo tests, a thread.\n1/ The consent flow is better than I expected.',
      author: '@kenji',
      url: 'https://fosstodon.org/@kenji/113250000000000042',
      hasVideo: false,
      platformLabel: null,
    });
    expect(snaps[1]!.key).toBe('mastodon:fosstodon.org/113250000000000077');
  });
});
