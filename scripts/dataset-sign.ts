// Signs a dataset into an update feed document.
//   tsx scripts/dataset-sign.ts --key tmp/dataset-signing.pem --key-id ff-2026-11 \
//     [--in public/dataset.json] [--out tmp/feed.json]
// Refuses a dataset the extension would reject, and checks the signature against the key this
// configuration pins (WXT_DATASET_* or the defaults) so a wrong key is caught before publishing.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseFeedConfig } from '../utils/dataset/config.ts';
import { createFeed } from '../utils/dataset/feed.ts';
import { parseDataset } from '../utils/dataset/parse.ts';
import { importPrivateKey, importPublicKey, verifySignature } from '../utils/dataset/verify.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      key: { type: 'string', default: 'tmp/dataset-signing.pem' },
      'key-id': { type: 'string' },
      in: { type: 'string', default: 'public/dataset.json' },
      out: { type: 'string', default: 'tmp/feed.json' },
    },
  });
  const config = parseFeedConfig(process.env);
  const keyId = values['key-id'] ?? (config.keys.length === 1 ? config.keys[0]?.keyId : undefined);
  if (!keyId) throw new Error('--key-id is required when several keys are pinned');

  const parsed = parseDataset(JSON.parse(readFileSync(values.in, 'utf8')));
  if (!parsed.ok) throw new Error(`${values.in}: ${parsed.error}`);
  // Compact and deterministic: these exact bytes are what the signature covers.
  const payload = JSON.stringify(parsed.dataset);
  if (new TextEncoder().encode(payload).length > config.maxBytes * 0.9)
    throw new Error('dataset is close to the extension download limit; raise MAX_FEED_BYTES first');

  const privateKey = await importPrivateKey(readFileSync(values.key, 'utf8'));
  const feed = await createFeed(privateKey, keyId, payload);

  const pinned = config.keys.find((k) => k.keyId === keyId);
  if (!pinned) {
    console.warn(
      `warning: this configuration pins no key "${keyId}"; the extension will refuse it`,
    );
  } else if (
    !(await verifySignature(await importPublicKey(pinned.spki), payload, feed.signature))
  ) {
    throw new Error(`${values.key} is not the private half of pinned key "${keyId}"; not written`);
  }
  writeFileSync(values.out, JSON.stringify(feed) + '\n');
  console.log(
    `${values.out}: version ${parsed.dataset.version} (${parsed.dataset.asOf}), key ${keyId}, ` +
      `${payload.length} characters`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
