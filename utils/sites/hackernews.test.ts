import { describe, expect, it } from 'vitest';
import { hackernewsAdapter as hn } from './hackernews';
import { loadFixture, readAll } from './testing';

const posts = () => Array.from(hn.posts(hn.root(document)!));

describe('hackernews adapter', () => {
  it('matches news.ycombinator.com', () => {
    expect(hn.matches(new URL('https://news.ycombinator.com/news'))).toBe(true);
    expect(hn.matches(new URL('https://ycombinator.com/'))).toBe(false);
    expect(hn.matchPatterns).toEqual(['*://news.ycombinator.com/*']);
  });

  it('reads front-page stories: title, author from the byline row, item url, video link', () => {
    loadFixture('sites/hackernews/front.html', 'https://news.ycombinator.com/');
    expect(hn.root(document)!.id).toBe('hnmain');
    expect(readAll(hn)).toEqual([
      {
        key: 'hackernews:45470001',
        text: 'Veo 3 generates audio and video together – a technical look',
        author: 'pgvideo',
        url: 'https://news.ycombinator.com/item?id=45470001',
        hasVideo: true,
        platformLabel: null,
      },
      {
        key: 'hackernews:45470002',
        text: "How SQLite's WAL mode actually works",
        author: 'dbnerd',
        url: 'https://news.ycombinator.com/item?id=45470002',
        hasVideo: false,
        platformLabel: null,
      },
    ]);
  });

  it('anchors after .titleline; a node in the byline row belongs to the story', () => {
    loadFixture('sites/hackernews/front.html', 'https://news.ycombinator.com/');
    const story = posts()[0]!;
    const title = story.querySelector('.titleline')!;
    expect(hn.anchor(story)).toEqual({ parent: title.parentElement, before: title.nextSibling });
    const byline = story.nextElementSibling!.querySelector('.hnuser')!;
    expect(hn.closestPost(byline)).toBe(story);
    expect(Array.from(hn.posts(story))).toEqual([story]);
  });

  it('item page: story title + text, comments with paragraphs kept apart', () => {
    loadFixture('sites/hackernews/item.html', 'https://news.ycombinator.com/item?id=45480000');
    const snaps = readAll(hn);
    expect(snaps.map((s) => s.key)).toEqual([
      'hackernews:45480000',
      'hackernews:45480101',
      'hackernews:45480102',
    ]);
    expect(snaps[0]).toMatchObject({
      text: 'Ask HN: Is anyone using Sora 2 in production?\nWe are weighing it for short product clips.\nWhat does it cost per finished second, and how often do you re-roll?',
      author: 'curiousdev',
    });
    expect(snaps[1]).toEqual({
      key: 'hackernews:45480101',
      text: 'We switched from Sora 2 to Veo 3 for anything with dialogue.\nRe-rolls dropped by half.',
      author: 'framepusher',
      url: 'https://news.ycombinator.com/item?id=45480101',
      hasVideo: false,
      platformLabel: null,
    });
    const comment = posts()[1]!;
    const body = comment.querySelector('.commtext')!;
    expect(hn.anchor(comment)).toEqual({ parent: body.parentElement, before: body.nextSibling });
  });

  it('re-reads a recycled row', () => {
    loadFixture('sites/hackernews/front.html', 'https://news.ycombinator.com/');
    const story = posts()[1]!;
    story.id = '45479999';
    story.querySelector('.titleline > a')!.textContent = 'Wan 2.2 open weights';
    expect(hn.read(story)).toMatchObject({
      key: 'hackernews:45479999',
      text: 'Wan 2.2 open weights',
    });
  });
});
