import { describe, expect, it } from 'vitest';
import {
  buildFeedConfig,
  datasetHostPermissions,
  DEFAULT_DATASET_URL,
  DEFAULT_KEY_ID,
  DEFAULT_PUBLIC_KEY,
  FETCH_TIMEOUT_MS,
  MAX_FEED_BYTES,
  parseFeedConfig,
} from './config';
import { exportPublicKey, generateKeyPair, importPublicKey } from './verify';

describe('feed configuration', () => {
  it('defaults to the project feed and the pinned project key', async () => {
    const config = parseFeedConfig({});
    expect(config).toEqual({
      url: DEFAULT_DATASET_URL,
      keys: [{ keyId: DEFAULT_KEY_ID, spki: DEFAULT_PUBLIC_KEY }],
      maxBytes: MAX_FEED_BYTES,
      timeoutMs: FETCH_TIMEOUT_MS,
    });
    expect(DEFAULT_DATASET_URL.startsWith('https://')).toBe(true);
    await expect(importPublicKey(DEFAULT_PUBLIC_KEY)).resolves.toBeDefined();
    // Empty variables (an unset line in .env) mean "default" too.
    expect(parseFeedConfig({ WXT_DATASET_URL: '', WXT_DATASET_PUBLIC_KEY: ' ' })).toEqual(config);
  });

  it('is what the test build sees without WXT_DATASET_* variables', () => {
    expect(buildFeedConfig().url).toBe(DEFAULT_DATASET_URL);
  });

  it('takes a fork or test feed and key from the environment', async () => {
    const spki = await exportPublicKey((await generateKeyPair()).publicKey);
    const config = parseFeedConfig({
      WXT_DATASET_URL: 'http://127.0.0.1:8787/feed.json',
      WXT_DATASET_PUBLIC_KEY: spki,
      WXT_DATASET_KEY_ID: 'e2e',
    });
    expect(config.url).toBe('http://127.0.0.1:8787/feed.json');
    expect(config.keys).toEqual([{ keyId: 'e2e', spki }]);
  });

  it('accepts a PEM key, also with literal \\n as .env files write it', async () => {
    const spki = await exportPublicKey((await generateKeyPair()).publicKey);
    const pem = `-----BEGIN PUBLIC KEY-----\\n${spki.slice(0, 64)}\\n${spki.slice(64)}\\n-----END PUBLIC KEY-----`;
    const config = parseFeedConfig({ WXT_DATASET_PUBLIC_KEY: pem, WXT_DATASET_KEY_ID: 'k' });
    expect(config.keys[0]?.spki).toBe(spki);
  });

  it('pins several keys for rotation as "id:key,id:key"', async () => {
    const a = await exportPublicKey((await generateKeyPair()).publicKey);
    const b = await exportPublicKey((await generateKeyPair()).publicKey);
    expect(parseFeedConfig({ WXT_DATASET_PUBLIC_KEY: `old:${a}, new:${b}` }).keys).toEqual([
      { keyId: 'old', spki: a },
      { keyId: 'new', spki: b },
    ]);
    expect(() => parseFeedConfig({ WXT_DATASET_PUBLIC_KEY: `x:${a},x:${b}` })).toThrow(
      'repeats a key id',
    );
  });

  it.each([
    [{ WXT_DATASET_URL: 'http://framefacts.github.io/feed.json' }, /must be https/],
    [{ WXT_DATASET_URL: 'javascript:alert(1)' }, /must be https/],
    [{ WXT_DATASET_URL: 'file:///etc/passwd' }, /must be https/],
    [{ WXT_DATASET_URL: 'feed.json' }, /not a URL/],
    [{ WXT_DATASET_URL: 'https://user:pw@example.com/feed.json' }, /credentials/],
    [{ WXT_DATASET_PUBLIC_KEY: DEFAULT_PUBLIC_KEY }, /needs WXT_DATASET_KEY_ID/],
    [{ WXT_DATASET_KEY_ID: 'mine' }, /without WXT_DATASET_PUBLIC_KEY/],
    [{ WXT_DATASET_PUBLIC_KEY: 'not a key', WXT_DATASET_KEY_ID: 'k' }, /not base64/],
    [{ WXT_DATASET_PUBLIC_KEY: 'AAAA', WXT_DATASET_KEY_ID: 'k' }, /not an ECDSA P-256 SPKI/],
    [{ WXT_DATASET_PUBLIC_KEY: DEFAULT_PUBLIC_KEY, WXT_DATASET_KEY_ID: 'a b' }, /invalid/],
  ])('refuses %j', (env, error) => {
    expect(() => parseFeedConfig(env)).toThrow(error);
  });

  it('gives the manifest a host permission for the feed origin only', () => {
    expect(datasetHostPermissions({})).toEqual(['https://framefacts.github.io/*']);
    expect(
      datasetHostPermissions({ WXT_DATASET_URL: 'http://localhost:4173/x/feed.json?v=1' }),
    ).toEqual(['http://localhost/*']);
  });
});
