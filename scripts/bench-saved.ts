// npm run bench:saved — export time for 10,000 saved posts in each format, and import time for
// the same JSON file (parse + validate + merge, then the full service import into an empty
// in-memory storage.local). Measured once and printed; not a test, nothing is asserted.
import { performance } from 'node:perf_hooks';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exportCsv } from '../utils/saved/export-csv';
import { exportJson } from '../utils/saved/export-json';
import { exportMarkdown } from '../utils/saved/export-markdown';
import { mergeImported, parseImportFile } from '../utils/saved/import';
import { createSavedPostsService } from '../utils/saved/service';
import { savedPost } from '../utils/saved/testing';

// The store talks to `browser`; here that is the in-memory fake.
(globalThis as { browser?: unknown }).browser = fakeBrowser;

const N = 10_000;
const posts = Array.from({ length: N }, (_, i) => savedPost(i));

function time<T>(label: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms`);
  return result;
}

async function timeAsync<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms`);
  return result;
}

const mb = (text: string) => `${(Buffer.byteLength(text, 'utf8') / 1_000_000).toFixed(2)} MB`;

console.log(`Frame Facts saved posts: ${N.toLocaleString('en')} posts, measured once\n`);
const json = time('export JSON', () => exportJson(posts));
const csv = time('export CSV', () => exportCsv(posts));
const md = time('export Markdown', () => exportMarkdown(posts));
console.log(`\nsizes: JSON ${mb(json.text)}, CSV ${mb(csv.text)}, Markdown ${mb(md.text)}\n`);

const parsed = time('import: parse + validate', () => parseImportFile(json.text));
if (!parsed.ok) throw new Error(parsed.message);
time('import: merge into empty store', () => mergeImported(new Map(), parsed));
const service = createSavedPostsService();
const result = await timeAsync('import: full (fake storage.local)', () =>
  service.importSaved(json.text),
);
if (!result.ok) throw new Error(result.message);
console.log(
  `\nimported: ${result.report.added} added, ${result.report.rejected.length} rejected` +
    ' (storage here is in memory; a browser adds its own write time)',
);
