// Makes a dataset signing key pair (ECDSA P-256).
//   tsx scripts/dataset-keygen.ts [--out tmp/dataset-signing.pem] [--key-id ff-2026-11]
// Writes the private key (PKCS#8 PEM, mode 600) and prints the public key and the env lines that
// pin it in a build. Refuses to write the private key anywhere git would pick it up.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { KEY_ID_PATTERN } from '../utils/dataset/feed.ts';
import { exportPrivateKey, exportPublicKey, generateKeyPair } from '../utils/dataset/verify.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function pem(label: string, base64: string): string {
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** A path inside the repository must be git-ignored; anywhere else is the maintainer's business. */
function assertNotTracked(path: string): void {
  const rel = relative(root, path);
  if (rel.startsWith('..') || isAbsolute(rel)) return;
  try {
    execFileSync('git', ['check-ignore', '-q', rel], { cwd: root, stdio: 'ignore' });
  } catch {
    throw new Error(`${rel} is inside the repository and not git-ignored; pick tmp/… or *.pem`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'tmp/dataset-signing.pem' },
      'key-id': { type: 'string', default: `ff-${new Date().toISOString().slice(0, 7)}` },
    },
  });
  const out = resolve(values.out);
  const keyId = values['key-id'];
  if (!KEY_ID_PATTERN.test(keyId)) throw new Error(`invalid key id "${keyId}"`);
  if (existsSync(out)) throw new Error(`${out} exists; not overwriting a signing key`);
  assertNotTracked(out);

  const pair = await generateKeyPair();
  const publicKey = await exportPublicKey(pair.publicKey);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, pem('PRIVATE KEY', await exportPrivateKey(pair.privateKey)), {
    mode: 0o600,
    flag: 'wx',
  });
  writeFileSync(out.replace(/(\.pem)?$/, '.pub.pem'), pem('PUBLIC KEY', publicKey), {
    flag: 'wx',
  });
  console.log(`private key: ${out} (keep it out of git; back it up somewhere safe)`);
  console.log(`key id:      ${keyId}`);
  console.log(`public key:  ${publicKey}`);
  console.log('\nPin it in a build with:');
  console.log(`  WXT_DATASET_PUBLIC_KEY=${publicKey}`);
  console.log(`  WXT_DATASET_KEY_ID=${keyId}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
