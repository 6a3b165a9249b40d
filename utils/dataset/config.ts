// The one configuration point for the dataset update feed: where it lives and which keys may sign it.
// Set at build time (WXT exposes WXT_* variables from the environment or .env files):
//   WXT_DATASET_URL         feed URL; https, or http on localhost/127.0.0.1/[::1] for local tests
//   WXT_DATASET_PUBLIC_KEY  SPKI base64 (or PEM) of an ECDSA P-256 key, or several as
//                           "keyId:base64,keyId:base64" (key rotation)
//   WXT_DATASET_KEY_ID      the key id of a single WXT_DATASET_PUBLIC_KEY
// Unset (or empty) variables take the defaults below. wxt.config.ts calls datasetHostPermissions()
// so a bad configuration fails the build rather than the installed extension.
import { base64ToBytes } from './verify';
import { KEY_ID_PATTERN } from './feed';

export const DEFAULT_DATASET_URL = 'https://framefacts.github.io/dataset/feed.json';
export const DEFAULT_KEY_ID = 'ff-2026-11';
export const DEFAULT_PUBLIC_KEY =
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAERD7FihYqcAUn/lC6Jae5UFeF0O72w5qSMES6jqoTJ5vlDOQU6LdFf0FQxXvtHTz3cRIThKsWzHQ54WC1OW0q6g==';

/** Hours between background checks; 0 turns checking off. Stored under `refreshIntervalHours`. */
export const DEFAULT_REFRESH_INTERVAL_HOURS = 24;
export const MIN_REFRESH_INTERVAL_HOURS = 1;
export const MAX_REFRESH_INTERVAL_HOURS = 24 * 30;
/** The feed is refused beyond this many bytes (the dataset itself is ~100 kB). */
export const MAX_FEED_BYTES = 2 * 1024 * 1024;
/** The whole download, headers and body, must finish within this. */
export const FETCH_TIMEOUT_MS = 30_000;

export interface PinnedKey {
  keyId: string;
  /** SPKI DER, base64. */
  spki: string;
}

export interface FeedConfig {
  url: string;
  keys: PinnedKey[];
  maxBytes: number;
  timeoutMs: number;
}

export interface FeedEnv {
  WXT_DATASET_URL?: string;
  WXT_DATASET_PUBLIC_KEY?: string;
  WXT_DATASET_KEY_ID?: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
// SPKI DER header of an uncompressed P-256 public key; the 65-byte point follows.
const P256_SPKI_HEADER = [
  0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a,
  0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00, 0x04,
];
const P256_SPKI_BYTES = P256_SPKI_HEADER.length + 64;

export function parseFeedUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`WXT_DATASET_URL is not a URL: "${text}"`);
  }
  const local = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !local)
    throw new Error('WXT_DATASET_URL must be https (or http on localhost for tests)');
  if (url.username || url.password) throw new Error('WXT_DATASET_URL must not carry credentials');
  return url.href;
}

/** Normalises one public key to bare SPKI base64 after checking it is a P-256 SPKI key. */
export function parsePublicKey(text: string, keyId: string): string {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(
      text
        .replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '')
        .replace(/\\n/g, '')
        .trim(),
    );
  } catch {
    throw new Error(`public key "${keyId}" is not base64`);
  }
  const header = P256_SPKI_HEADER.every((b, i) => bytes[i] === b);
  if (bytes.length !== P256_SPKI_BYTES || !header)
    throw new Error(`public key "${keyId}" is not an ECDSA P-256 SPKI key`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function parseKeyId(keyId: string): string {
  if (!KEY_ID_PATTERN.test(keyId)) throw new Error(`invalid dataset key id "${keyId}"`);
  return keyId;
}

export function parseKeys(publicKey: string | undefined, keyId: string | undefined): PinnedKey[] {
  const value = publicKey?.trim();
  if (!value) {
    if (keyId?.trim() && keyId.trim() !== DEFAULT_KEY_ID)
      throw new Error('WXT_DATASET_KEY_ID is set without WXT_DATASET_PUBLIC_KEY');
    return [{ keyId: DEFAULT_KEY_ID, spki: DEFAULT_PUBLIC_KEY }];
  }
  // base64 and PEM never contain ':', so a ':' means the "id:key,id:key" list form.
  if (value.includes(':')) {
    if (keyId?.trim())
      throw new Error('WXT_DATASET_KEY_ID cannot be combined with a keyId:key list');
    const keys = value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry) => {
        const at = entry.indexOf(':');
        const id = parseKeyId(entry.slice(0, at).trim());
        return { keyId: id, spki: parsePublicKey(entry.slice(at + 1), id) };
      });
    const ids = new Set(keys.map((k) => k.keyId));
    if (ids.size !== keys.length) throw new Error('WXT_DATASET_PUBLIC_KEY repeats a key id');
    return keys;
  }
  if (!keyId?.trim())
    throw new Error('WXT_DATASET_PUBLIC_KEY needs WXT_DATASET_KEY_ID (the feed names its key)');
  const id = parseKeyId(keyId.trim());
  return [{ keyId: id, spki: parsePublicKey(value, id) }];
}

/** Builds the feed configuration from WXT_* variables; throws a readable Error when they are bad. */
export function parseFeedConfig(env: FeedEnv): FeedConfig {
  return {
    url: parseFeedUrl(env.WXT_DATASET_URL?.trim() || DEFAULT_DATASET_URL),
    keys: parseKeys(env.WXT_DATASET_PUBLIC_KEY, env.WXT_DATASET_KEY_ID),
    maxBytes: MAX_FEED_BYTES,
    timeoutMs: FETCH_TIMEOUT_MS,
  };
}

/** The configuration this build was made with (Vite inlines the import.meta.env reads). */
export function buildFeedConfig(): FeedConfig {
  return parseFeedConfig({
    WXT_DATASET_URL: import.meta.env.WXT_DATASET_URL,
    WXT_DATASET_PUBLIC_KEY: import.meta.env.WXT_DATASET_PUBLIC_KEY,
    WXT_DATASET_KEY_ID: import.meta.env.WXT_DATASET_KEY_ID,
  });
}

/**
 * Manifest host permission for the feed's origin, for wxt.config.ts (which passes process.env).
 * With it the service worker fetches the feed without depending on the server's CORS headers and
 * can send If-None-Match and read ETag; it also validates the whole configuration at build time.
 */
export function datasetHostPermissions(env: FeedEnv): string[] {
  const config = parseFeedConfig(env);
  const url = new URL(config.url);
  return [`${url.protocol}//${url.hostname}/*`];
}

declare global {
  interface ImportMetaEnv {
    readonly WXT_DATASET_URL?: string;
    readonly WXT_DATASET_PUBLIC_KEY?: string;
    readonly WXT_DATASET_KEY_ID?: string;
  }
}
