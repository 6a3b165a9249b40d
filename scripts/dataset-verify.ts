// Checks an update feed exactly as the extension would: size, shape, pinned key, signature, schema.
//   tsx scripts/dataset-verify.ts tmp/feed.json
//   tsx scripts/dataset-verify.ts https://framefacts.github.io/dataset/feed.json
// The pinned keys come from WXT_DATASET_PUBLIC_KEY / WXT_DATASET_KEY_ID, or the built-in defaults.
import { readFileSync } from 'node:fs';
import { parseFeedConfig } from '../utils/dataset/config.ts';
import { verifiedDataset } from '../utils/dataset/refresh.ts';

async function readFeed(source: string): Promise<string> {
  if (!/^https?:\/\//.test(source)) return readFileSync(source, 'utf8');
  const response = await fetch(source, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
  console.log(`ETag: ${response.headers.get('etag') ?? '(none)'}`);
  return response.text();
}

async function main(): Promise<void> {
  const source = process.argv[2];
  if (!source) throw new Error('usage: tsx scripts/dataset-verify.ts <feed.json | URL>');
  const config = parseFeedConfig(process.env);
  const text = await readFeed(source);
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > config.maxBytes) throw new Error(`feed is ${bytes} bytes, over ${config.maxBytes}`);
  const dataset = await verifiedDataset(text, config);
  const keyId = (JSON.parse(text) as { keyId: string }).keyId;
  console.log(
    `OK: version ${dataset.version} (${dataset.asOf}), key ${keyId}, ${dataset.models.length} ` +
      `models, ${dataset.vendors.length} vendors, ${bytes} bytes`,
  );
}

main().catch((error: unknown) => {
  console.error(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
