import { describe, expect, it } from 'vitest';
import { linkedinAdapter as li } from './linkedin';
import { loadFixture, readAll } from './testing';

const posts = () => Array.from(li.posts(li.root(document)!));

describe('linkedin adapter', () => {
  it('matches www.linkedin.com', () => {
    expect(li.matches(new URL('https://www.linkedin.com/feed/'))).toBe(true);
    expect(li.matches(new URL('https://linkedin.example.com/'))).toBe(false);
    expect(li.matchPatterns).toEqual(['*://www.linkedin.com/*']);
  });

  it('reads updates: commentary without "…more", actor name, activity url, video', () => {
    loadFixture('sites/linkedin/feed.html', 'https://www.linkedin.com/feed/');
    expect(li.root(document)!.id).toBe('main');
    expect(readAll(li)).toEqual([
      {
        key: 'linkedin:7380001112223334445',
        text: 'We cut our storyboard-to-animatic time from a week to a day with Veo 3.\nThree lessons from the first month:\n1. Write shot lists, not prompts.',
        author: 'Priya Raman',
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:7380001112223334445/',
        hasVideo: true,
        platformLabel: null,
      },
      {
        // A reshare is one post: the sharer's words, then the reshared update's.
        key: 'linkedin:7380001112223334999',
        text: 'Worth reading before your next planning cycle.\nOur quarterly planning template, now with a risk column.',
        author: 'Tom Okafor',
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:7380001112223334999/',
        hasVideo: false,
        platformLabel: null,
      },
    ]);
  });

  it('anchors after the description block; nested update maps to the outer one', () => {
    loadFixture('sites/linkedin/feed.html', 'https://www.linkedin.com/feed/');
    const [first, second] = posts();
    const wrapper = first!.querySelector('.feed-shared-update-v2__description-wrapper')!;
    expect(li.anchor(first!)).toEqual({ parent: first, before: wrapper.nextSibling });
    const nested = second!.querySelector('.update-components-mini-update-v2')!;
    expect(li.closestPost(nested.querySelector('span')!)).toBe(second);
    expect(Array.from(li.posts(nested))).toEqual([second]);
    expect(Array.from(li.posts(first!))).toEqual([first]);
  });

  it('re-reads a recycled update', () => {
    loadFixture('sites/linkedin/feed.html', 'https://www.linkedin.com/feed/');
    const post = posts()[0]!;
    post.setAttribute('data-urn', 'urn:li:activity:1');
    post.querySelector('.update-components-text')!.textContent = 'Hiring a Runway Gen-4 editor';
    expect(li.read(post)).toMatchObject({
      key: 'linkedin:1',
      text: 'Hiring a Runway Gen-4 editor',
    });
  });
});
