import { describe, expect, it } from 'vitest';
import { genericAdapter as gen } from './generic';
import { loadFixture, readAll } from './testing';

const posts = () => Array.from(gen.posts(gen.root(document)!));

describe('generic adapter', () => {
  it('never matches by host', () => {
    expect(gen.matches(new URL('https://blog.example/'))).toBe(false);
    expect(gen.matchPatterns).toEqual([]);
  });

  it('reads articles: title + body, nested comments on their own, permalinks or page ids', () => {
    loadFixture('sites/generic/blog.html', 'https://blog.example/2025/10/');
    expect(gen.root(document)!.id).toBe('content');
    const snaps = readAll(gen);
    expect(snaps).toHaveLength(4);
    expect(snaps[0]).toEqual({
      key: 'generic:https://blog.example/2025/10/sora-2-first-week',
      text: 'A week with Sora 2\nI spent a week making short clips with Sora 2.\nPhysics is better; hands are still hard.',
      author: 'Ines Duarte',
      url: 'https://blog.example/2025/10/sora-2-first-week',
      hasVideo: true,
      platformLabel: null,
    });
    expect(snaps[1]).toEqual({
      key: 'generic:https://blog.example/2025/10/#comment-7',
      text: 'Have you compared it with Veo 3?',
      author: 'Leo',
      url: 'https://blog.example/2025/10/#comment-7',
      hasVideo: false,
      platformLabel: null,
    });
    expect(snaps[2]).toMatchObject({
      key: 'generic:https://blog.example/2025/09/garden-notes',
      text: 'Garden notes, September\nThe tomatoes finally turned red.',
    });
    expect(snaps[3]!.text).toBe('Untitled note\nNo permalink, no id, just text.');
    expect(snaps[3]!.key).toMatch(/^generic:https:\/\/blog\.example\/2025\/10\/#h[0-9a-z]+$/);
  });

  it('anchors after the body, else the title; closestPost is the innermost article', () => {
    loadFixture('sites/generic/blog.html', 'https://blog.example/2025/10/');
    const [post, comment, , note] = posts();
    const body = post!.querySelector('.entry-content')!;
    expect(gen.anchor(post!)).toEqual({ parent: post, before: body.nextSibling });
    const h3 = note!.querySelector('h3')!;
    expect(gen.anchor(note!)).toEqual({ parent: note, before: h3.nextSibling });
    expect(gen.closestPost(comment!.querySelector('p')!)).toBe(comment);
    expect(Array.from(gen.posts(comment!))).toEqual([comment]);
  });

  it('re-reads a recycled article', () => {
    loadFixture('sites/generic/blog.html', 'https://blog.example/2025/10/');
    const post = posts()[2]!;
    post.querySelector('a.u-url')!.setAttribute('href', '/2025/10/new');
    post.querySelector('.entry-content')!.textContent = 'Now about Kling 2.1';
    expect(gen.read(post)).toMatchObject({
      key: 'generic:https://blog.example/2025/10/new',
      text: 'Garden notes, September\nNow about Kling 2.1',
    });
  });
});
