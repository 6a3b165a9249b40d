import { beforeEach, describe, expect, it } from 'vitest';
import { loadFixture, readAll } from './testing';
import { xAdapter as x } from './x';

const posts = () => Array.from(x.posts(x.root(document)!));

/** Points the post's timestamp link elsewhere, as X does when it reuses the node. */
const relink = (post: Element, href: string) =>
  post.querySelector('a[href*="/status/"] time')!.closest('a')!.setAttribute('href', href);

describe('x adapter: real timeline markup', () => {
  beforeEach(() => loadFixture('x/timeline.html', 'https://x.com/home'));

  it('matches x.com and twitter.com only', () => {
    expect(x.matches(new URL('https://x.com/home'))).toBe(true);
    expect(x.matches(new URL('https://mobile.twitter.com/a/status/1'))).toBe(true);
    expect(x.matches(new URL('https://notx.com/'))).toBe(false);
    expect(x.matchPatterns).toContain('*://x.com/*');
  });

  it('reads the reposted post: key, emoji text, author, permalink, video', () => {
    const [post] = posts();
    expect(x.read(post!)).toEqual({
      key: 'x:1852311426666537322',
      text: '🦊🦊',
      author: '@birdman46049238',
      url: 'https://x.com/birdman46049238/status/1852311426666537322',
      hasVideo: true,
      platformLabel: null,
    });
  });

  it('anchors right after the text container, inside the post', () => {
    const [post] = posts();
    const a = x.anchor(post!)!;
    const text = post!.querySelector('[data-testid="tweetText"]')!;
    expect(a.parent).toBe(text.parentElement);
    expect(a.before).toBe(text.nextSibling);
    expect(post!.contains(a.parent)).toBe(true);
  });

  it('includes root itself when it is a post, and finds the post around a node', () => {
    const [post] = posts();
    expect(Array.from(x.posts(post!))).toEqual([post]);
    expect(Array.from(x.posts(post!.parentElement!))).toEqual([post]);
    // A node added inside a post holds no post (its post is found around it).
    expect(Array.from(x.posts(post!.querySelector('[data-testid="tweetText"]')!))).toEqual([]);
    const deep = post!.querySelector('video')!;
    expect(x.closestPost(deep)).toBe(post);
  });

  it('re-reads a recycled node: new text and a new permalink give a new key and text', () => {
    const [post] = posts();
    const text = post!.querySelector('[data-testid="tweetText"]')!;
    text.replaceChildren(document.createTextNode('Now about Sora 2'));
    relink(post!, '/someone/status/999');
    const snap = x.read(post!)!;
    expect(snap.key).toBe('x:999');
    expect(snap.text).toBe('Now about Sora 2');
    expect(snap.author).toBe('@someone');
  });

  it('anchors after the text X swapped in since the last read, not the old one', () => {
    const [post] = posts();
    x.read(post!);
    const old = post!.querySelector('[data-testid="tweetText"]')!;
    const swapped = old.cloneNode(true) as Element;
    old.replaceWith(swapped);
    swapped.before(document.createElement('div'));
    expect(x.anchor(post!)).toEqual({ parent: swapped.parentElement, before: swapped.nextSibling });
  });

  it('takes the author from the header when the permalink has no handle (/i/web/status/)', () => {
    const [post] = posts();
    relink(post!, '/i/web/status/999');
    const snap = x.read(post!)!;
    expect(snap.key).toBe('x:999');
    expect(snap.url).toBe('https://x.com/i/web/status/999');
    expect(snap.author).toBe('@birdman46049238');
  });
});

describe('x adapter: status page', () => {
  it('reads the focused post', () => {
    loadFixture('x/status.html', 'https://x.com/birdman46049238/status/1852311426666537322');
    const [snap] = readAll(x);
    expect(snap).toMatchObject({
      key: 'x:1852311426666537322',
      text: '🦊🦊',
      author: '@birdman46049238',
      url: 'https://x.com/birdman46049238/status/1852311426666537322',
      hasVideo: true,
    });
  });

  it('falls back to the address only for the focused post (tabindex=-1)', () => {
    loadFixture('x/status.html', 'https://x.com/birdman46049238/status/1852311426666537322');
    const post = posts()[0]!;
    post.querySelector('a[href*="/status/"] time')!.closest('a')!.removeAttribute('href');
    expect(x.read(post)?.key).toBe('x:1852311426666537322');
    post.setAttribute('tabindex', '0');
    expect(x.read(post)).toBeNull();
  });
});

describe('x adapter: feed and quote posts', () => {
  it('reads every post of a feed with its own identity', () => {
    loadFixture('sites/x/feed.html', 'https://x.com/home');
    const snaps = readAll(x);
    expect(snaps.map((s) => s.key)).toEqual([
      'x:1852311426666537322',
      'x:1852399990000000001',
      'x:1852411110000000002',
      'x:1852422220000000003',
    ]);
    expect(snaps[1]).toMatchObject({
      text: 'Tried Veo 3 for a product shot today. The lighting holds up.',
      author: '@filmlab_dev',
      url: 'https://x.com/filmlab_dev/status/1852399990000000001',
      hasVideo: false,
    });
    expect(snaps[3]!.text).toBe('Coffee first, then code. Shipping the release notes today.');
    expect(x.root(document)!.tagName).toBe('MAIN');
  });

  it('a quote post is one post: own text first, then the quoted text; its own permalink', () => {
    loadFixture('sites/x/quote.html', 'https://x.com/home');
    const all = posts();
    expect(all).toHaveLength(2);
    const snap = x.read(all[0]!)!;
    expect(snap).toEqual({
      key: 'x:1852411110000000002',
      text: 'Sora 2 is getting scary good. Compare with this one:\nMade this clip with Veo 3 in an afternoon',
      author: '@clipcritic',
      url: 'https://x.com/clipcritic/status/1852411110000000002',
      hasVideo: false,
      platformLabel: null,
    });
    // The badge follows the post's own text, not the quoted one inside the card.
    const a = x.anchor(all[0]!)!;
    expect(a.parent.closest('div[role="link"]')).toBeNull();
    expect(a.before).toBe(a.parent.querySelector('[data-testid="tweetText"]')!.nextSibling);
    // A node inside the quote card belongs to the quoting post.
    const inner = all[0]!.querySelector('div[role="link"] [data-testid="tweetText"]')!;
    expect(x.closestPost(inner)).toBe(all[0]);
  });

  it("never takes the quoted post's permalink, even when X links the quote's timestamp", () => {
    loadFixture('sites/x/quote.html', 'https://x.com/home');
    const post = posts()[0]!;
    const quotedTime = post.querySelector('div[role="link"] time')!;
    const link = document.createElement('a');
    link.setAttribute('href', '/quoted/status/5');
    quotedTime.replaceWith(link);
    link.append(quotedTime);
    expect(x.read(post)?.key).toBe('x:1852411110000000002');
    // Without a permalink of its own the post is skipped, not given the quote's identity.
    const own = Array.from(post.querySelectorAll('a[href*="/status/"]')).find(
      (a) => !a.closest('div[role="link"]'),
    )!;
    own.removeAttribute('href');
    expect(x.read(post)).toBeNull();
  });

  it("reads the post's own header and text when its quote card comes first in the markup", () => {
    loadFixture('sites/x/quote.html', 'https://x.com/home');
    const post = posts()[0]!;
    const card = post.querySelector('div[role="link"]')!;
    post.firstElementChild!.prepend(card);
    relink(post, '/i/web/status/1852411110000000002');
    expect(x.read(post)).toMatchObject({
      key: 'x:1852411110000000002',
      text: 'Sora 2 is getting scary good. Compare with this one:\nMade this clip with Veo 3 in an afternoon',
      author: '@clipcritic',
    });
  });

  it('a post with no text of its own: quoted text, video, anchor after the card', () => {
    loadFixture('sites/x/quote.html', 'https://x.com/home');
    const post = posts()[1]!;
    expect(x.read(post)).toMatchObject({
      key: 'x:1852433330000000004',
      text: 'Our new Kling 2.1 reel is up',
      author: '@mediaquoter',
      hasVideo: true,
    });
    const a = x.anchor(post)!;
    const card = post.querySelector('div[role="link"]')!;
    expect(a.parent).toBe(card.parentElement);
    expect(a.before).toBe(card.nextSibling);
  });
});
