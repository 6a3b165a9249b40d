// For bench:feed: the least a badging annotator can do, as an extension of its own, so that it
// runs where ours does (a content script in an isolated world) and is measured the same way (its
// calls in a trace). Per new X post: the text (the floor's read), the permalink (a post's key),
// and, for each post the corpus labels (no detection at all), a one-pill row cloned from a host
// with a clonable shadow root and one shared sheet, inserted after the text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CONTENT = `(() => {
  // The page's own post list (read once, untimed by design: a stand-in for a detector's answer).
  const labelled = new Set(
    JSON.parse(document.getElementById('ff-posts').textContent)
      .filter((p) => p.labels.length > 0)
      .map((p) => p.corpusId),
  );
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(':host { display: block; margin: 6px 0 2px; } button { border-radius: 999px; }');
  const template = document.createElement('ff-least-row');
  const pill = document.createElement('button');
  pill.append('Veo · Google DeepMind');
  const detail = document.createElement('span');
  detail.textContent = '· 8 s · 1080p';
  pill.append(detail);
  template.attachShadow({ mode: 'open', clonable: true }).append(pill);
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1 || n.nodeName === 'FF-LEAST-ROW') continue;
        for (const article of n.querySelectorAll('article[data-testid="tweet"]')) {
          const text = article.querySelector('[data-testid="tweetText"]');
          if (!text || text.textContent.length === 0) continue;
          const link = article.querySelector('a[href*="/status/"] time')?.parentElement;
          if (!link?.getAttribute('href') || !labelled.has(article.getAttribute('data-ff-demo-id')))
            continue;
          const row = template.cloneNode(true);
          row.shadowRoot.adoptedStyleSheets = [sheet];
          text.after(row);
        }
      }
  }).observe(document.querySelector('main') ?? document.body, { childList: true, subtree: true });
})();
`;

/** Writes the least annotator's unpacked extension; returns its directory. */
export function writeLeastAnnotator(hosts: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ff-bench-least-'));
  const manifest = {
    manifest_version: 3,
    name: 'least badging annotator (bench:feed)',
    version: '1.0',
    content_scripts: [
      { matches: hosts.map((h) => `https://${h}/*`), js: ['content.js'], run_at: 'document_idle' },
    ],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'content.js'), CONTENT);
  return dir;
}
