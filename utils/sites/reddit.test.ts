import { describe, expect, it } from 'vitest';
import { redditAdapter as reddit } from './reddit';
import { loadFixture, readAll } from './testing';

const posts = () => Array.from(reddit.posts(reddit.root(document)!));

describe('reddit adapter: new Reddit feed (shreddit-post)', () => {
  it('matches reddit hosts', () => {
    expect(reddit.matches(new URL('https://www.reddit.com/'))).toBe(true);
    expect(reddit.matches(new URL('https://old.reddit.com/r/aivideo/'))).toBe(true);
    expect(reddit.matches(new URL('https://notreddit.com/'))).toBe(false);
    expect(reddit.matchPatterns).toEqual(expect.arrayContaining(['*://old.reddit.com/*']));
  });

  it('reads key, title + body, author, permalink, video', () => {
    loadFixture('sites/reddit/shreddit-feed.html', 'https://www.reddit.com/');
    expect(reddit.root(document)!.id).toBe('main-content');
    const snaps = readAll(reddit);
    expect(snaps).toHaveLength(3);
    expect(snaps[0]).toEqual({
      key: 'reddit:t3_1g2abcd',
      text: 'Sora 2 nails the physics of pouring water',
      author: 'u/pixelbrewer',
      url: 'https://www.reddit.com/r/aivideo/comments/1g2abcd/sora_2_nails_the_physics_of_pouring_water/',
      hasVideo: true,
      platformLabel: null,
    });
    expect(snaps[1]).toMatchObject({
      key: 'reddit:t3_1g2efgh',
      text: 'Best budget mechanical keyboard in 2025?\nLooking for something under $80 with hot-swap switches.\nQuiet enough for an office would be nice.',
      author: 'u/clackfan',
      hasVideo: false,
    });
    expect(snaps[2]!.text).toBe(
      'Veo 3 vs Kling 2.1 for product shots\nSame prompt, same seed image. Veo 3 keeps the label legible;\nKling wins on motion.',
    );
  });

  it('anchors after the post inside its card when the body is a link', () => {
    loadFixture('sites/reddit/shreddit-feed.html', 'https://www.reddit.com/');
    const post = posts()[1]!;
    const a = reddit.anchor(post)!;
    expect(a.parent.tagName).toBe('ARTICLE');
    expect(a.before).toBe(post.nextSibling);
    expect(a.parent.closest('a')).toBeNull();
  });

  it('root itself is a post; closestPost from the title link', () => {
    loadFixture('sites/reddit/shreddit-feed.html', 'https://www.reddit.com/');
    const post = posts()[0]!;
    expect(Array.from(reddit.posts(post))).toEqual([post]);
    expect(reddit.closestPost(post.querySelector('a[slot="title"]')!)).toBe(post);
  });

  it('a recycled node re-reads attributes and body', () => {
    loadFixture('sites/reddit/shreddit-feed.html', 'https://www.reddit.com/');
    const post = posts()[1]!;
    post.setAttribute('id', 't3_new1');
    post.setAttribute('permalink', '/r/aivideo/comments/new1/x/');
    post.setAttribute('post-title', 'Now with Veo 3');
    post.querySelector('.md')!.replaceChildren(document.createTextNode('Fresh body'));
    expect(reddit.read(post)).toMatchObject({
      key: 'reddit:t3_new1',
      text: 'Now with Veo 3\nFresh body',
      url: 'https://www.reddit.com/r/aivideo/comments/new1/x/',
    });
  });
});

describe('reddit adapter: new Reddit post page and comments', () => {
  it('reads the post, each comment on its own (replies excluded), and anchors in slotted bodies', () => {
    loadFixture(
      'sites/reddit/shreddit-comments.html',
      'https://www.reddit.com/r/aivideo/comments/1g2mnop/made_a_30_second_ad_with_sora_2/',
    );
    const all = posts();
    const snaps = all.map((p) => reddit.read(p)!);
    expect(snaps.map((s) => s.key)).toEqual([
      'reddit:t3_1g2mnop',
      'reddit:t1_lq1abcd',
      'reddit:t1_lq1efgh',
      'reddit:t1_lq1ijkl',
    ]);
    expect(snaps[0]!.text).toBe(
      'Made a 30 second ad with Sora 2\nStoryboard in the morning, renders by lunch.\nTotal cost was about $40 in credits.',
    );
    expect(snaps[1]).toEqual({
      key: 'reddit:t1_lq1abcd',
      text: 'Did you try Veo 3 for the close-ups?',
      author: 'u/neonframes',
      url: 'https://www.reddit.com/r/aivideo/comments/1g2mnop/comment/lq1abcd/',
      hasVideo: false,
      platformLabel: null,
    });
    expect(snaps[2]!.text).toBe('Not yet, the budget ran out.');
    // Post page: the body is a div, so the row goes at the end of it.
    const a0 = reddit.anchor(all[0]!)!;
    expect(a0.parent.getAttribute('slot')).toBe('text-body');
    expect(a0.before).toBeNull();
    const a1 = reddit.anchor(all[1]!)!;
    expect(a1.parent).toBe(all[1]!.querySelector('[slot="comment"]'));
    // A node in a reply belongs to the reply, not its parent comment.
    expect(reddit.closestPost(all[2]!.querySelector('p')!)).toBe(all[2]);
  });
});

describe('reddit adapter: old Reddit', () => {
  it('reads listing rows from data-* attributes', () => {
    loadFixture('sites/reddit/old-feed.html', 'https://old.reddit.com/');
    expect(reddit.root(document)!.getAttribute('role')).toBe('main');
    const snaps = readAll(reddit);
    expect(snaps).toEqual([
      {
        key: 'reddit:t3_1g2abcd',
        text: 'Sora 2 nails the physics of pouring water',
        author: 'u/pixelbrewer',
        url: 'https://old.reddit.com/r/aivideo/comments/1g2abcd/sora_2_nails_the_physics_of_pouring_water/',
        hasVideo: true,
        platformLabel: null,
      },
      {
        key: 'reddit:t3_1g2efgh',
        text: 'Best budget mechanical keyboard in 2025?',
        author: 'u/clackfan',
        url: 'https://old.reddit.com/r/MechanicalKeyboards/comments/1g2efgh/best_budget_mechanical_keyboard_in_2025/',
        hasVideo: false,
        platformLabel: null,
      },
    ]);
    const post = posts()[0]!;
    const a = reddit.anchor(post)!;
    expect(a.parent.className).toBe('top-matter');
    expect(a.before).toBe(post.querySelector('p.title')!.nextSibling);
  });

  it('reads the self post and nested comments without their replies; skips "load more"', () => {
    loadFixture(
      'sites/reddit/old-comments.html',
      'https://old.reddit.com/r/aivideo/comments/1g2mnop/made_a_30_second_ad_with_sora_2/',
    );
    const snaps = readAll(reddit);
    expect(snaps.map((s) => s.key)).toEqual([
      'reddit:t3_1g2mnop',
      'reddit:t1_lq1abcd',
      'reddit:t1_lq1efgh',
    ]);
    expect(snaps[0]!.text).toBe(
      'Made a 30 second ad with Sora 2\nStoryboard in the morning, renders by lunch.\nTotal cost was about $40 in credits.',
    );
    expect(snaps[1]).toMatchObject({
      text: 'Did you try Veo 3 for the close-ups?',
      author: 'u/neonframes',
      url: 'https://old.reddit.com/r/aivideo/comments/1g2mnop/made_a_30_second_ad_with_sora_2/lq1abcd/',
    });
    const comment = posts()[1]!;
    const a = reddit.anchor(comment)!;
    const body = comment.querySelector('.usertext-body')!;
    expect(a.parent).toBe(body.parentElement);
    expect(a.before).toBe(body.nextSibling);
  });
});
