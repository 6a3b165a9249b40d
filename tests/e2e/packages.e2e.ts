// Store packages: `npm run zip` makes the Chrome zip, the Firefox zip and the Firefox sources zip.
// Each zip is read here (a small central-directory reader over node:zlib, nothing to install) and
// its manifest checked the way a store would see it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { plainBuildEnv } from './lib/buildEnv';

const ROOT = resolve('.');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const zipPath = (kind: 'chrome' | 'firefox' | 'sources') =>
  join(ROOT, '.output', `${pkg.name}-${pkg.version}-${kind}.zip`);

/** Entry name -> contents (directories map to an empty buffer). */
function readZip(path: string): Map<string, Buffer> {
  const zip = readFileSync(path);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${path}: no end-of-central-directory record`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: bad central directory`);
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`${path}: bad local header`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    if (method !== 0 && method !== 8) throw new Error(`${path}: ${name} uses method ${method}`);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

interface Manifest {
  manifest_version: number;
  name: string;
  description: string;
  version: string;
  default_locale?: string;
  icons?: Record<string, string>;
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[]; css?: string[] }[];
  action?: { default_popup?: string };
  browser_action?: { default_popup?: string };
  options_ui?: { page?: string };
  browser_specific_settings?: {
    gecko?: { id?: string; data_collection_permissions?: { required?: string[] } };
  };
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const started = Date.now();

const BUILD_DIRS = { chrome: '.output/chrome-mv3', firefox: '.output/firefox-mv2' } as const;
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Relative path -> sha256 of every file under a build folder (empty if there is none). */
function hashDir(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path).replaceAll('\\', '/')] = sha(readFileSync(path));
  }
  return out;
}

/** The builds the other e2e files tested (`npm run test:e2e` builds before it runs them). */
const tested: Record<keyof typeof BUILD_DIRS, Record<string, string>> = { chrome: {}, firefox: {} };

beforeAll(() => {
  for (const kind of ['chrome', 'firefox'] as const)
    tested[kind] = hashDir(join(ROOT, BUILD_DIRS[kind]));
  const env = plainBuildEnv();
  execFileSync('npm', ['run', 'zip'], { cwd: ROOT, env, stdio: 'pipe', timeout: 300_000 });
}, 330_000);

describe.each(['chrome', 'firefox'] as const)('the %s store zip', (kind) => {
  let files: Map<string, Buffer>;
  let manifest: Manifest;
  let messages: Record<string, { message: string }>;

  beforeAll(() => {
    // A stale zip from an earlier run must not pass for this one.
    expect(statSync(zipPath(kind)).mtimeMs).toBeGreaterThanOrEqual(started - 1_000);
    files = readZip(zipPath(kind));
    manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
    const locale = manifest.default_locale ?? '';
    messages = JSON.parse(
      files.get(`_locales/${locale}/messages.json`)?.toString('utf8') ?? '{}',
    ) as Record<string, { message: string }>;
  });

  const msg = (value: string) => {
    const key = /^__MSG_(\w+)__$/.exec(value)?.[1];
    return key ? messages[key]?.message : value;
  };

  it('has the manifest at the root, with the package.json version', () => {
    expect(manifest.manifest_version).toBe(kind === 'chrome' ? 3 : 2);
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.default_locale).toBe('en');
  });

  it('names and describes itself through _locales/en', () => {
    expect(manifest.name).toBe('__MSG_extName__');
    expect(msg(manifest.name)).toBe('Frame Facts');
    expect(manifest.description).toBe('__MSG_extDescription__');
    const description = msg(manifest.description) ?? '';
    expect(description.length).toBeGreaterThan(10);
    expect(description.length, 'the stores cut descriptions at 132 characters').toBeLessThanOrEqual(
      132,
    );
  });

  it('ships PNG icons at 16, 32, 48 and 128 px', () => {
    for (const size of ['16', '32', '48', '128']) {
      const path = manifest.icons?.[size];
      expect(path, `icons.${size}`).toBeTruthy();
      const png = files.get(path!);
      expect(png, `${path} in the zip`).toBeDefined();
      expect(png!.subarray(0, 8).equals(PNG), `${path} is a PNG`).toBe(true);
      expect(png!.readUInt32BE(16), `${path} width`).toBe(Number(size));
    }
  });

  it('contains every file its manifest points to', () => {
    const referenced = [
      manifest.background?.service_worker,
      ...(manifest.background?.scripts ?? []),
      ...(manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
      (manifest.action ?? manifest.browser_action)?.default_popup,
      manifest.options_ui?.page,
    ].filter((p): p is string => Boolean(p));
    expect(referenced.length).toBeGreaterThanOrEqual(4);
    for (const path of referenced) expect(files.has(path), path).toBe(true);
  });

  it('has no source maps, logs or stray files', () => {
    const names = [...files.keys()];
    expect(names.filter((n) => /\.(map|log)$|(^|\/)\.|node_modules/.test(n))).toEqual([]);
  });

  it('ships no test helpers (WXT auto-imports any helper a name like `render(` seems to use)', () => {
    const scripts = [...files].filter(([name]) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const [name, data] of scripts)
      expect(data.toString('utf8'), name).not.toMatch(/IS_REACT_ACT_ENVIRONMENT|fakeBrowser/);
  });

  it('ships byte for byte the build the e2e tests ran', () => {
    const zipped = Object.fromEntries(
      [...files].filter(([name]) => !name.endsWith('/')).map(([name, data]) => [name, sha(data)]),
    );
    expect(
      Object.keys(tested[kind]).length,
      `no ${BUILD_DIRS[kind]} before zipping: build first`,
    ).toBeGreaterThan(0);
    expect(zipped).toEqual(tested[kind]);
  });

  if (kind === 'firefox') {
    it('declares its gecko id and data collection permissions', () => {
      const gecko = manifest.browser_specific_settings?.gecko;
      expect(gecko?.id).toBe('frame-facts@framefacts.app');
      expect(gecko?.data_collection_permissions?.required).toEqual(['none']);
    });
  } else {
    it('has no Firefox-only keys', () => {
      expect(manifest.browser_specific_settings).toBeUndefined();
    });
  }
});

describe('the Firefox sources zip', () => {
  let names: string[];

  beforeAll(() => {
    expect(statSync(zipPath('sources')).mtimeMs).toBeGreaterThanOrEqual(started - 1_000);
    names = [...readZip(zipPath('sources')).keys()];
  });

  it('leaves out dependencies, build outputs, logs and scratch folders', () => {
    const bad = names.filter((n) =>
      /(^|\/)(node_modules|\.output|\.wxt|tmp|coverage|test-results)(\/|$)|\.log$|\.zip$/.test(n),
    );
    expect(bad).toEqual([]);
  });

  it('has what a reviewer needs to rebuild: package.json, the lockfile, config and sources', () => {
    for (const path of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json'])
      expect(names, path).toContain(path);
    expect(names.some((n) => n.startsWith('entrypoints/'))).toBe(true);
    expect(names.some((n) => n.startsWith('utils/'))).toBe(true);
  });
});
