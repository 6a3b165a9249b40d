// Helpers for the dataset-refresh e2e run: a local update-feed server (plain http on 127.0.0.1,
// which the feed config allows for loopback only) that speaks ETag / 304, a throwaway signing key,
// signed and tampered feed documents, an extension build pinned to that key and server, and a test
// dataset that adds an invented model to the bundled one.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFeed, type Feed } from '../../../utils/dataset/feed';
import { parseDataset } from '../../../utils/dataset/parse';
import type { Alias, Dataset } from '../../../utils/dataset/schema';
import { exportPublicKey, generateKeyPair } from '../../../utils/dataset/verify';
import { demoFeedRoute, feedHtml, type DemoPost } from './demoFeed';
import { MIME, type Route } from './server';
import { plainBuildEnv } from './buildEnv';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

// ---------------------------------------------------------------------------------------------
// The feed server

export interface FeedRequest {
  /** The If-None-Match the extension sent, or null. */
  ifNoneMatch: string | null;
  /** What the server answered: 200, 304, 404... */
  status: number;
  /** The ETag of the document served at that moment (null when nothing was served). */
  etag: string | null;
}

export interface FeedServer {
  port: number;
  /** http://127.0.0.1:PORT/feed.json */
  url: string;
  /** Every request to the feed path, oldest first. */
  requests: FeedRequest[];
  /** Serves this document from now on (null: 404). */
  setFeed(text: string | null): void;
  /** The ETag the current document is served with. */
  etag(): string | null;
  close(): Promise<void>;
}

/** A strong ETag from the document's bytes: the same text always gets the same tag. */
export function etagOf(text: string): string {
  return `"${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32)}"`;
}

/**
 * The update feed at http://127.0.0.1:PORT/feed.json. Answers 304 when If-None-Match names the
 * current document's ETag (a list or `*` too, as RFC 9110 allows), 200 with the ETag otherwise.
 */
export async function startFeedServer(path = '/feed.json'): Promise<FeedServer> {
  let body: string | null = null;
  let tag: string | null = null;
  const requests: FeedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== path) {
      res.writeHead(404, { 'content-type': MIME.text }).end('not found');
      return;
    }
    const header = req.headers['if-none-match'];
    const ifNoneMatch = (Array.isArray(header) ? header.join(', ') : header) ?? null;
    const record = (status: number) => requests.push({ ifNoneMatch, status, etag: tag });
    if (body === null || tag === null) {
      record(404);
      res.writeHead(404, { 'content-type': MIME.text }).end('no feed');
      return;
    }
    const current = tag;
    const matches =
      ifNoneMatch !== null &&
      ifNoneMatch
        .split(',')
        .map((t) => t.trim().replace(/^W\//, ''))
        .some((t) => t === '*' || t === current);
    if (matches) {
      record(304);
      res.writeHead(304, { etag: current, 'cache-control': 'no-cache' }).end();
      return;
    }
    record(200);
    const bytes = Buffer.from(body, 'utf8');
    res.writeHead(200, {
      'content-type': MIME.json,
      'content-length': String(bytes.length),
      etag: current,
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    setFeed(text) {
      body = text;
      tag = text === null ? null : etagOf(text);
    },
    etag: () => tag,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Keys and feed documents

export interface TestKey {
  keyId: string;
  privateKey: CryptoKey;
  /** SPKI DER, base64: the WXT_DATASET_PUBLIC_KEY value. */
  publicKey: string;
}

/** A fresh P-256 key pair, made at test time and never written anywhere. */
export async function createTestKey(keyId: string): Promise<TestKey> {
  const pair = await generateKeyPair();
  return { keyId, privateKey: pair.privateKey, publicKey: await exportPublicKey(pair.publicKey) };
}

/** The feed document (as served) for `dataset`, signed by `key` and naming `keyId`. */
export async function signedFeed(
  key: TestKey,
  dataset: Dataset,
  keyId: string = key.keyId,
): Promise<string> {
  return JSON.stringify(await createFeed(key.privateKey, keyId, JSON.stringify(dataset)));
}

/** The same document with its payload changed after signing (the signature is left as it was). */
export function tamperedFeed(feedText: string, change: (payload: Dataset) => void): string {
  const feed = JSON.parse(feedText) as Feed;
  const payload = JSON.parse(feed.payload) as Dataset;
  change(payload);
  const changed = JSON.stringify(payload);
  if (changed === feed.payload)
    throw new Error('tamperedFeed: the change left the payload as it was');
  return JSON.stringify({ ...feed, payload: changed });
}

// ---------------------------------------------------------------------------------------------
// Test datasets

export interface InventedModel {
  /** Dataset version of the result. */
  version: number;
  vendor: { id: string; name: string; shortName: string };
  family: { id: string; name: string };
  model: { id: string; name: string };
  /** One unambiguous alias of the family ("Zorblax"). */
  alias: string;
  /** A known version of the family ("2"), mapped to the model. */
  familyVersion?: string;
}

const FIXTURE_NOTE = 'TEST FIXTURE: invented for the dataset-refresh e2e test; not a real product';
const FIXTURE_SOURCE = 'https://example.com/frame-facts-e2e-test-fixture';

/**
 * A copy of `base` with one invented vendor, family, model and alias added, each cloned from an
 * entry `base` itself has, so the result has the shape the extension reads at run time. Throws if
 * the extension would reject the result.
 */
export function withInventedModel(base: Dataset, spec: InventedModel): Dataset {
  const d = structuredClone(base);
  d.version = spec.version;
  const vendorTemplate = d.vendors[0];
  const modelTemplate = d.models[0];
  const familyTemplate = d.families[0];
  // A plain unambiguous alias: no version, model, group or spelling condition attached.
  const aliasTemplate = d.detection.aliases.find(
    (a) =>
      !a.ambiguous &&
      !a.model &&
      !a.version &&
      !a.group &&
      !a.needsVersion &&
      !a.caseSensitive &&
      !a.capitalized,
  );
  if (!vendorTemplate || !modelTemplate || !familyTemplate || !aliasTemplate)
    throw new Error('withInventedModel: the base dataset has no entry to clone');

  d.vendors.push({
    ...structuredClone(vendorTemplate),
    ...spec.vendor,
    country: null,
    hqCountry: null,
    hqCity: null,
    founded: null,
    parent: null,
    website: FIXTURE_SOURCE,
    knownFacts: [FIXTURE_NOTE],
    sources: [FIXTURE_SOURCE],
  });
  d.families.push({ ...structuredClone(familyTemplate), ...spec.family, vendor: spec.vendor.id });
  d.models.push({
    ...structuredClone(modelTemplate),
    ...spec.model,
    family: spec.family.id,
    vendor: spec.vendor.id,
    released: base.asOf,
    status: 'preview',
    access: ['test fixture'],
    openWeights: null,
    license: null,
    maxDurationS: null,
    maxResolution: null,
    nativeAudio: null,
    provenance: null,
    pricingNote: null,
    notable: FIXTURE_NOTE,
    sources: [FIXTURE_SOURCE],
    uncertain: [],
    asOf: base.asOf,
  });
  const alias: Alias = {
    ...structuredClone(aliasTemplate),
    text: spec.alias,
    family: spec.family.id,
  };
  delete alias.negativeContext;
  d.detection.aliases.push(alias);
  if (spec.familyVersion) {
    d.detection.versions = {
      ...d.detection.versions,
      [spec.family.id]: [{ v: spec.familyVersion, model: spec.model.id }],
    };
  }
  const checked = parseDataset(d);
  if (!checked.ok)
    throw new Error(`withInventedModel made a dataset the extension rejects: ${checked.error}`);
  return d;
}

// ---------------------------------------------------------------------------------------------
// The X page

/** A demo feed post with our own text (not from the corpus). */
export function customPost(
  id: string,
  statusId: string,
  text: string,
  labels: string[] = [],
): DemoPost {
  return {
    corpusId: id,
    batch: 'initial',
    labels,
    text,
    statusId,
    handle: `e2e_${id.replace(/\W/g, '_')}`.slice(0, 15),
    name: 'E2E Fixture',
    media: false,
    repost: false,
    ageMinutes: 5,
  };
}

/** The demo feed's route, but https://x.com/home (and /) show exactly `posts`. */
export function customFeedRoute(posts: DemoPost[], hosts = ['x.com', 'twitter.com']): Route {
  const demo = demoFeedRoute(hosts);
  return (request) => {
    const isX = hosts.some((h) => request.host === h || request.host.endsWith(`.${h}`));
    const path = request.url.pathname;
    if (isX && (path === '/' || path === '/home'))
      return { type: MIME.html, body: feedHtml(posts) };
    return demo(request);
  };
}

// ---------------------------------------------------------------------------------------------
// Building the extension

export interface FeedBuild {
  /** Output folder relative to the repository (FF_OUT_DIR), e.g. .output-e2e-feed. */
  outDir: string;
  feedUrl: string;
  publicKey: string;
  keyId: string;
  timeoutMs?: number;
}

/**
 * `wxt build` (Chrome MV3) into its own folder with the feed URL and the pinned key set through
 * WXT_DATASET_*; resolves to the unpacked extension folder.
 */
export async function buildExtension(options: FeedBuild): Promise<string> {
  const outDir = join(ROOT, options.outDir);
  const extensionDir = join(outDir, 'chrome-mv3');
  rmSync(outDir, { recursive: true, force: true });
  const env = plainBuildEnv({
    FF_OUT_DIR: options.outDir,
    WXT_DATASET_URL: options.feedUrl,
    WXT_DATASET_PUBLIC_KEY: options.publicKey,
    WXT_DATASET_KEY_ID: options.keyId,
  });
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npx', ['wxt', 'build'], { cwd: ROOT, env, stdio: 'pipe' });
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`wxt build took over ${options.timeoutMs ?? 120_000} ms`));
    }, options.timeoutMs ?? 120_000);
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve(status);
    });
  });
  if (code !== 0 || !existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`wxt build failed (exit ${code}):\n${output.join('').slice(-4000)}`);
  return extensionDir;
}

export function removeBuild(outDir: string): void {
  rmSync(join(ROOT, outDir), { recursive: true, force: true });
}

/** Polls `read()` until `accept` holds (for hooks, where expect.poll is not available). */
export async function waitUntil<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
