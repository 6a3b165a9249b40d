import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SiteAdapter } from '../sites/types';
import { createScanner, RENDER_LATER, type Scanner } from './scanner';

// A minimal site: <div class="post" data-key="…"><p class="text">…</p></div>
const adapter: SiteAdapter = {
  id: 'generic',
  matches: () => true,
  root: (doc) => doc.querySelector('main'),
  posts: (root) => {
    const found = Array.from(root.querySelectorAll('.post'));
    if (root instanceof Element && root.matches('.post')) found.unshift(root);
    return found;
  },
  closestPost: (node) => node.closest('.post'),
  read: (post) => {
    const text = post.querySelector('.text')?.textContent ?? '';
    return {
      key: post.getAttribute('data-key')!,
      text,
      author: null,
      url: null,
      hasVideo: false,
      platformLabel: null,
    };
  },
  anchor: (post) => ({ parent: post, before: null }),
};

let frames: (() => void)[] = [];
const runFrames = () => {
  while (frames.length) frames.shift()!();
};
const settle = async () => {
  await Promise.resolve(); // let MutationObserver callbacks run
  await new Promise((r) => setTimeout(r, 0));
  runFrames();
};

function addPost(key: string, text: string): HTMLElement {
  const post = document.createElement('div');
  post.className = 'post';
  post.dataset.key = key;
  const p = document.createElement('p');
  p.className = 'text';
  p.textContent = text;
  post.append(p);
  document.querySelector('main')!.append(post);
  return post;
}

let renders: string[];
let scanner: Scanner;

beforeEach(() => {
  document.body.replaceChildren(document.createElement('main'));
  frames = [];
  renders = [];
  scanner = createScanner({
    adapter,
    doc: document,
    hostTag: 'ff-row',
    schedule: (cb) => frames.push(cb),
    render: (snapshot) => {
      renders.push(snapshot.key);
      if (!snapshot.text.includes('Sora')) return null;
      const row = document.createElement('ff-row');
      row.textContent = `badge:${snapshot.text}`;
      return row;
    },
  });
});

afterEach(() => scanner.stop());

/** A scanner whose every read takes one time unit, with a budget of 10 per frame. */
function budgetedScanner(): Scanner {
  let clock = 0;
  return createScanner({
    adapter: { ...adapter, read: (post) => ((clock += 1), adapter.read(post)) },
    doc: document,
    hostTag: 'ff-row',
    budgetMs: 10,
    now: () => clock,
    schedule: (cb) => frames.push(cb),
    render: () => document.createElement('ff-row'),
  });
}

const rows = (post: Element) => Array.from(post.querySelectorAll('ff-row'), (r) => r.textContent);

describe('scanner', () => {
  it('badges existing and later-added posts, skipping posts with no mention', async () => {
    const first = addPost('1', 'Sora clip');
    const plain = addPost('2', 'lunch');
    scanner.start();
    runFrames();
    expect(rows(first)).toEqual(['badge:Sora clip']);
    expect(rows(plain)).toEqual([]);
    const later = addPost('3', 'Sora again');
    await settle();
    expect(rows(later)).toEqual(['badge:Sora again']);
  });

  it("answers the page's changes in the same frame: rows exist before any frame runs", async () => {
    scanner.start();
    runFrames();
    const post = addPost('1', 'Sora clip');
    await Promise.resolve(); // the mutation callback, nothing else
    expect(rows(post)).toEqual(['badge:Sora clip']);
    expect(frames).toHaveLength(0);
  });

  it('sends a batch larger than its budget on to later frames, and new posts with it', async () => {
    const slow = budgetedScanner();
    slow.start();
    runFrames();
    for (let i = 0; i < 30; i++) addPost(String(i), 'Sora');
    await Promise.resolve();
    const now = document.querySelectorAll('ff-row').length;
    expect(now).toBeGreaterThan(0);
    expect(now).toBeLessThan(30);
    expect(frames).toHaveLength(1);
    addPost('late', 'Sora');
    await Promise.resolve();
    // Waiting work keeps its order: the late post waits for the frame too.
    expect(document.querySelectorAll('ff-row')).toHaveLength(now);
    runFrames();
    expect(document.querySelectorAll('ff-row')).toHaveLength(31);
    slow.stop();
  });

  it('reads each post once per identity and text, not on every mutation', async () => {
    const post = addPost('1', 'Sora clip');
    scanner.start();
    runFrames();
    post.setAttribute('data-unrelated', 'x');
    post.append(document.createElement('span'));
    await settle();
    expect(renders).toEqual(['1']);
  });

  it('re-reads a recycled node whose key and text change, leaving exactly one fresh row', async () => {
    const post = addPost('1', 'Sora clip');
    scanner.start();
    runFrames();
    post.dataset.key = '2';
    post.querySelector('.text')!.textContent = 'Sora 2 now';
    await settle();
    expect(rows(post)).toEqual(['badge:Sora 2 now']);
    post.dataset.key = '3';
    post.querySelector('.text')!.textContent = 'no models here';
    await settle();
    expect(rows(post)).toEqual([]);
  });

  it('puts the row back when the page removes it', async () => {
    const post = addPost('1', 'Sora clip');
    scanner.start();
    runFrames();
    post.querySelector('ff-row')!.remove();
    await settle();
    expect(rows(post)).toEqual(['badge:Sora clip']);
  });

  it('stop removes every row and stops watching; refresh renders again', async () => {
    const post = addPost('1', 'Sora clip');
    scanner.start();
    runFrames();
    scanner.stop();
    expect(rows(post)).toEqual([]);
    addPost('2', 'Sora later');
    await settle();
    expect(document.querySelectorAll('ff-row')).toHaveLength(0);
    scanner.start();
    runFrames();
    expect(document.querySelectorAll('ff-row')).toHaveLength(2);
    const old = Array.from(document.querySelectorAll('ff-row'));
    scanner.refresh();
    // No frame without badges: the old rows stay until the new ones replace them.
    expect(Array.from(document.querySelectorAll('ff-row'))).toEqual(old);
    runFrames();
    const fresh = Array.from(document.querySelectorAll('ff-row'));
    expect(fresh).toHaveLength(2);
    for (const row of fresh) expect(old).not.toContain(row);
    expect(renders).toEqual(['1', '1', '2', '1', '2']);
  });

  it('refreshes a site whose rows sit after the post (outside it) without doubling them', async () => {
    const outside = createScanner({
      adapter: {
        ...adapter,
        anchor: (post) => ({ parent: post.parentElement!, before: post.nextSibling }),
      },
      doc: document,
      hostTag: 'ff-row',
      schedule: (cb) => frames.push(cb),
      render: (snapshot) => {
        const row = document.createElement('ff-row');
        row.textContent = snapshot.key;
        return row;
      },
    });
    addPost('1', 'Sora');
    addPost('2', 'Sora');
    outside.start();
    runFrames();
    for (let i = 0; i < 3; i++) {
      outside.refresh();
      runFrames();
    }
    const main = document.querySelector('main')!;
    expect(Array.from(main.children, (el) => el.textContent || el.tagName)).toEqual([
      'Sora',
      '1',
      'Sora',
      '2',
    ]);
    outside.stop();
  });

  it('spreads a large batch over frames within its budget', () => {
    const slow = budgetedScanner();
    for (let i = 0; i < 100; i++) addPost(String(i), 'Sora');
    slow.start();
    frames.shift()!();
    const afterOneFrame = document.querySelectorAll('ff-row').length;
    expect(afterOneFrame).toBeGreaterThan(0);
    expect(afterOneFrame).toBeLessThan(100);
    runFrames();
    expect(document.querySelectorAll('ff-row')).toHaveLength(100);
    slow.stop();
  });
});

describe('scanner with a post that takes several frames (a very long text)', () => {
  /** A render that needs `frames` calls for a post whose text contains "long", counting calls per snapshot. */
  function slowScanner(framesNeeded: number) {
    const calls = new Map<object, number>();
    const snapshots: object[] = [];
    const slow = createScanner({
      adapter,
      doc: document,
      hostTag: 'ff-row',
      schedule: (cb) => frames.push(cb),
      render: (snapshot) => {
        const n = (calls.get(snapshot) ?? 0) + 1;
        calls.set(snapshot, n);
        if (n === 1) snapshots.push(snapshot);
        if (snapshot.text.includes('long') && n < framesNeeded) return RENDER_LATER;
        const row = document.createElement('ff-row');
        row.textContent = `badge:${snapshot.text}`;
        return row;
      },
    });
    return { slow, calls, snapshots };
  }

  it('gives the same snapshot back each frame until its row is ready, while other posts go on', async () => {
    const { slow, calls, snapshots } = slowScanner(3);
    const long = addPost('1', 'a long Sora post');
    slow.start();
    frames.shift()!();
    expect(rows(long)).toEqual([]);
    const short = addPost('2', 'Sora short');
    await Promise.resolve();
    frames.shift()!();
    expect(rows(short)).toEqual(['badge:Sora short']);
    expect(rows(long)).toEqual([]);
    runFrames();
    expect(rows(long)).toEqual(['badge:a long Sora post']);
    expect(calls.get(snapshots[0]!)).toBe(3);
    expect(frames).toHaveLength(0);
    slow.stop();
  });

  it('keeps going through mutations that leave the text alone, starts over when the text changes', async () => {
    const { slow, snapshots } = slowScanner(3);
    const long = addPost('1', 'a long Sora post');
    slow.start();
    frames.shift()!();
    long.setAttribute('data-liked', 'yes');
    long.append(document.createElement('span'));
    await settle();
    expect(snapshots).toHaveLength(1);
    expect(rows(long)).toEqual(['badge:a long Sora post']);

    long.dataset.key = '9';
    long.querySelector('.text')!.textContent = 'another long Sora post';
    await Promise.resolve();
    frames.shift()!();
    expect(rows(long)).toEqual([]); // the old row goes at once: it named the old text
    runFrames();
    expect(snapshots).toHaveLength(2);
    expect(rows(long)).toEqual(['badge:another long Sora post']);
    slow.stop();
  });

  it('drops unfinished work on stop and when the post leaves the page', async () => {
    const { slow, calls } = slowScanner(5);
    const long = addPost('1', 'a long Sora post');
    slow.start();
    frames.shift()!();
    long.remove();
    await settle();
    expect(frames).toHaveLength(0);
    expect([...calls.values()]).toEqual([1]);
    slow.stop();
  });
});

describe('scanner after navigation', () => {
  it('follows a replaced feed root and badges its posts, without duplicating old ones', async () => {
    const old = addPost('1', 'Sora clip');
    scanner.start();
    runFrames();
    const fresh = document.createElement('main');
    document.body.replaceChildren(fresh);
    const post = addPost('2', 'Sora on the new page');
    scanner.retarget();
    runFrames();
    expect(rows(post)).toEqual(['badge:Sora on the new page']);
    expect(old.isConnected).toBe(false);
    addPost('3', 'Sora later');
    await settle();
    expect(document.querySelectorAll('ff-row')).toHaveLength(2);
  });
});

describe('scanner when the address changes before the new feed exists', () => {
  it('finds the new root on a later look', () => {
    const timers: (() => void)[] = [];
    const late = createScanner({
      adapter,
      doc: document,
      hostTag: 'ff-row',
      schedule: (cb) => frames.push(cb),
      later: (cb) => timers.push(cb),
      render: () => document.createElement('ff-row'),
    });
    addPost('1', 'Sora');
    late.start();
    runFrames();
    late.retarget(); // pushState: the old feed is still in place
    const fresh = document.createElement('main');
    document.body.replaceChildren(fresh); // the app swaps the page in afterwards
    const post = addPost('2', 'Sora on the new page');
    for (const timer of timers) timer();
    runFrames();
    expect(post.querySelectorAll('ff-row')).toHaveLength(1);
    late.stop();
  });
});
