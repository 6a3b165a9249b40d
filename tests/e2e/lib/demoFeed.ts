// The demo feed: real X article markup (tests/fixtures/x/timeline.html) cloned once per post by a
// page script, with post texts from the labelled corpus picked in tests/fixtures/demo/posts.json.
// The HTML is assembled at serve time; post text only ever reaches the page as JSON and is set
// with textContent there.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MIME, type Route } from './server';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(ROOT + path, 'utf8');

export type Batch = 'initial' | 'later' | 'onScroll';

export interface DemoPost {
  corpusId: string;
  batch: Batch;
  /** Expected families, from the corpus (empty = must not be badged). */
  labels: string[];
  text: string;
  statusId: string;
  handle: string;
  name: string;
  media: boolean;
  repost: boolean;
  /** Minutes before "now" shown on the post. */
  ageMinutes: number;
}

interface ListEntry {
  id: string;
  labels: string[];
  media?: boolean;
  repost?: boolean;
}

interface CorpusRow {
  id: string;
  text: string;
  labels: string[];
}

const AUTHORS: [string, string][] = [
  ['Maya Okafor', 'mayamakesfilms'],
  ['Kenji Watanabe', 'kenji_frames'],
  ['Lucía Romero', 'luciaromero_mx'],
  ['Tom Becker', 'tbecker_av'],
  ['Priya Nair', 'priyanair_vfx'],
  ['Jonas Lindqvist', 'jonaslq'],
  ['Camille Durand', 'camilledrd'],
  ['Ahmed Saleh', 'ahmedcuts'],
  ['Hana Kim', 'hanakim_ai'],
  ['Diego Alves', 'diegoalves'],
  ['Ruth Meyer', 'ruthreads'],
  ['Sam Carter', 'samcarter_dev'],
  ['Nora Field', 'norafield'],
  ['Leo Park', 'leopark'],
  ['Ines Costa', 'inescosta'],
  ['Oskar Brandt', 'oskarbrandt'],
  ['Aiko Mori', 'aikomori'],
  ['Ben Hale', 'benhale'],
];

export function readCorpus(): Map<string, CorpusRow> {
  const rows = new Map<string, CorpusRow>();
  for (const line of read('tests/fixtures/corpus/dev.jsonl').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as CorpusRow;
    rows.set(row.id, row);
  }
  return rows;
}

/** Stable 19-digit status id for a corpus id: dev-0093 -> 1986100000000000093. */
export function statusIdFor(corpusId: string): string {
  const n = Number(corpusId.replace(/\D/g, ''));
  return String(1986100000000000000n + BigInt(n));
}

export function loadDemoPosts(): DemoPost[] {
  const list = JSON.parse(read('tests/fixtures/demo/posts.json')) as Record<Batch, ListEntry[]>;
  const corpus = readCorpus();
  const batches: Batch[] = ['initial', 'later', 'onScroll'];
  const posts: DemoPost[] = [];
  for (const batch of batches) {
    for (const entry of list[batch]) {
      const row = corpus.get(entry.id);
      if (!row) throw new Error(`posts.json: ${entry.id} is not in the corpus`);
      const i = posts.length;
      const [name, handle] = AUTHORS[i % AUTHORS.length]!;
      posts.push({
        corpusId: entry.id,
        batch,
        labels: entry.labels,
        text: row.text,
        statusId: statusIdFor(entry.id),
        handle,
        name,
        media: entry.media ?? false,
        repost: entry.repost ?? false,
        ageMinutes: 3 + i * 17,
      });
    }
  }
  return posts;
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function feedHtml(posts: DemoPost[] = loadDemoPosts()): string {
  const article = read('tests/fixtures/x/timeline.html');
  return `<!doctype html>
<html lang="en" dir="ltr" style="color-scheme: dark">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Home / X</title>
<link rel="stylesheet" href="/__demo/feed.css">
</head>
<body>
<div id="react-root">
  <div class="ff-demo-shell">
    <header class="ff-demo-nav" role="banner">
      <div class="ff-demo-logo" aria-label="X">𝕏</div>
      <nav aria-label="Primary">
        <a href="/home" aria-current="page">Home</a><a href="/explore">Explore</a>
        <a href="/notifications">Notifications</a><a href="/messages">Messages</a>
      </nav>
    </header>
    <main role="main">
      <div class="ff-demo-column" data-testid="primaryColumn">
        <div class="ff-demo-tabs"><h1>Home</h1><div><span class="on">For you</span><span>Following</span></div></div>
        <section role="region" aria-label="Timeline: Your Home Timeline">
          <div aria-label="Timeline: Your Home Timeline" data-testid="ff-demo-timeline"></div>
        </section>
        <div class="ff-demo-loading" data-testid="ff-demo-loading" aria-hidden="true"></div>
      </div>
    </main>
    <aside class="ff-demo-side" aria-label="Trending">
      <div class="ff-demo-box"><h2>What’s happening</h2><p>AI video · Trending</p><p>#Veo3</p><p>Kingdom Hearts · Trending</p><p>#Sora</p></div>
    </aside>
  </div>
</div>
<template id="ff-article">
${article}
</template>
<script type="application/json" id="ff-posts">${scriptJson(posts)}</script>
<script src="/__demo/feed.js"></script>
</body>
</html>
`;
}

function avatarSvg(handle: string): string {
  let hash = 0;
  for (const c of handle) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  const letter = (handle[0] ?? '?').toUpperCase();
  return `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48"><rect width="48" height="48" fill="hsl(${hue} 45% 38%)"/><text x="24" y="31" font-family="system-ui,sans-serif" font-size="22" font-weight="700" fill="#fff" text-anchor="middle">${letter}</text></svg>`;
}

function posterSvg(seed: string): string {
  const n = Number(seed.replace(/\D/g, '')) || 1;
  const a = (n * 47) % 360;
  const b = (a + 70) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${a} 55% 28%)"/><stop offset="1" stop-color="hsl(${b} 60% 14%)"/></linearGradient></defs><rect width="640" height="360" fill="url(#g)"/><circle cx="320" cy="180" r="34" fill="rgba(29,155,240,.9)"/><path d="M310 162v36l30-18z" fill="#fff"/></svg>`;
}

/** Serves the feed for any of the X host names; other hosts get null (404). */
export function demoFeedRoute(hosts = ['x.com', 'twitter.com']): Route {
  const isX = (host: string) => hosts.some((h) => host === h || host.endsWith(`.${h}`));
  return ({ url, host }) => {
    if (!isX(host)) return null;
    const path = url.pathname;
    if (path === '/' || path === '/home') return { type: MIME.html, body: feedHtml() };
    if (path === '/__demo/feed.js')
      return { type: MIME.js, body: read('tests/fixtures/demo/feed.js') };
    if (path === '/__demo/feed.css')
      return { type: MIME.css, body: read('tests/fixtures/demo/feed.css') };
    const avatar = /^\/__demo\/avatar\/([\w-]+)\.svg$/.exec(path);
    if (avatar) return { type: MIME.svg, body: avatarSvg(avatar[1]!) };
    const poster = /^\/__demo\/poster\/([\w-]+)\.svg$/.exec(path);
    if (poster) return { type: MIME.svg, body: posterSvg(poster[1]!) };
    if (path === '/favicon.ico') return { status: 204, type: MIME.text, body: '' };
    return null;
  };
}
