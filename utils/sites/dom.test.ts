import { describe, expect, it } from 'vitest';
import { findFlatPosts } from './dom';

describe('findFlatPosts', () => {
  const tree = () => {
    const html = `<main>
      <div><section><article id="p1"><p>text<article id="inner"></article></p></article></section></div>
      <div><div><div></div></div><div><article id="p2"></article></div></div>
      <article id="p3"></article><aside><b></b></aside>
    </main>`;
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    document.body.replaceChildren(document.importNode(parsed.querySelector('main')!, true));
    return document.querySelector('main')!;
  };
  const ids = (els: Element[]) => els.map((el) => el.id);

  it('finds every post in document order, at any depth, without entering one', () => {
    expect(ids(findFlatPosts(tree(), 'article'))).toEqual(['p1', 'p2', 'p3']);
  });

  it('returns root itself when it is a post, and nothing for a node inside a post', () => {
    const main = tree();
    expect(ids(findFlatPosts(main.querySelector('#p2')!, 'article'))).toEqual(['p2']);
    expect(findFlatPosts(main.querySelector('#p1 p')!, 'article')).toEqual([]);
    expect(findFlatPosts(main.querySelector('aside')!, 'article')).toEqual([]);
  });

  it('walks a document as well as an element', () => {
    tree();
    expect(ids(findFlatPosts(document, 'article'))).toEqual(['p1', 'p2', 'p3']);
  });
});
