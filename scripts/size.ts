// Size budgets: gzip size of each bundle of the Chrome build against size-limits.json.
//   npm run size                    check .output/chrome-mv3 (build it first)
//   npm run size -- --dir DIR       check another build folder
//   npm run size -- --json          print the measurement as JSON
// A bundle is its entry file plus every chunk and stylesheet it loads (HTML <script>/<link>, static
// and dynamic imports between chunks), so a shared chunk counts for each page that loads it.
// Exits 1 when a bundle is over its limit (or missing), so `npm test` fails on a size regression.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = resolve(option('--dir') ?? join(ROOT, '.output/chrome-mv3'));
const limitsPath = join(ROOT, 'size-limits.json');

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[]; css?: string[] }[];
  action?: { default_popup?: string };
  browser_action?: { default_popup?: string };
  options_ui?: { page?: string };
}

/** Files (relative to the build folder) that `file` loads, directly. */
function references(file: string): string[] {
  const text = readFileSync(join(dir, file), 'utf8');
  const found: string[] = [];
  if (file.endsWith('.html')) {
    for (const m of text.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g))
      found.push(m[1]!);
  } else if (file.endsWith('.js')) {
    for (const m of text.matchAll(
      /\b(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+)["']|\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g,
    ))
      found.push((m[1] ?? m[2])!);
  }
  return found
    .filter((ref) => !/^[a-z]+:/i.test(ref) && /\.(js|css)$/.test(ref))
    .map((ref) =>
      ref.startsWith('/') ? normalize(ref.slice(1)) : normalize(join(dirname(file), ref)),
    )
    .map((ref) => ref.replaceAll('\\', '/'));
}

/** The entry and everything it loads, transitively. */
function closure(entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    if (!existsSync(join(dir, file))) throw new Error(`${file} is referenced but not in ${dir}`);
    seen.add(file);
    queue.push(...references(file));
  }
  return [...seen];
}

export interface BundleSize {
  files: { file: string; raw: number; gzip: number }[];
  raw: number;
  gzip: number;
}

function measure(entries: string[]): BundleSize {
  const files = closure(entries).map((file) => {
    const data = readFileSync(join(dir, file));
    return { file, raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
  });
  return {
    files,
    raw: files.reduce((n, f) => n + f.raw, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0),
  };
}

function bundles(manifest: Manifest): Record<string, string[]> {
  const content = (manifest.content_scripts ?? []).flatMap((c) => [
    ...(c.js ?? []),
    ...(c.css ?? []),
  ]);
  const background = manifest.background?.service_worker
    ? [manifest.background.service_worker]
    : (manifest.background?.scripts ?? []);
  const popup = (manifest.action ?? manifest.browser_action)?.default_popup;
  const options = manifest.options_ui?.page;
  // A content-script UI stylesheet is loaded at runtime (WXT's createShadowRootUi) from here.
  const css = 'content-scripts/content.css';
  if (existsSync(join(dir, css)) && !content.includes(css)) content.push(css);
  const result: Record<string, string[]> = {
    content,
    background,
    popup: popup ? [popup] : [],
    options: options ? [options] : [],
  };
  // Content scripts registered at runtime (not in the manifest) are bundles of their own,
  // limited by `content:NAME` in size-limits.json or else by the `content` limit.
  const scripts = join(dir, 'content-scripts');
  if (existsSync(scripts))
    for (const file of readdirSync(scripts)) {
      const path = `content-scripts/${file}`;
      if (file.endsWith('.js') && !content.includes(path))
        result[`content:${file.replace(/\.js$/, '')}`] = [path];
    }
  return result;
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

function main(): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(`size: no build in ${relative(ROOT, dir) || dir}; run \`npm run build\` first`);
    process.exit(1);
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const limits = JSON.parse(readFileSync(limitsPath, 'utf8')) as Record<string, number | string>;
  const results = Object.fromEntries(
    Object.entries(bundles(manifest)).map(([name, entries]) => [name, measure(entries)]),
  );
  if (args.includes('--json')) {
    console.log(JSON.stringify(results, null, 2));
  }
  const failures: string[] = [];
  const rows: string[][] = [['bundle', 'files', 'raw', 'gzip', 'limit (gzip)', '']];
  for (const [name, size] of Object.entries(results)) {
    const limit = limits[name] ?? (name.startsWith('content:') ? limits.content : undefined);
    if (typeof limit !== 'number') {
      failures.push(`${name}: no limit in size-limits.json`);
      continue;
    }
    if (size.files.length === 0) failures.push(`${name}: no files (the manifest has no ${name})`);
    const over = size.gzip > limit;
    if (over) failures.push(`${name}: ${kB(size.gzip)} gzip is over its limit of ${kB(limit)}`);
    rows.push([
      name,
      String(size.files.length),
      kB(size.raw),
      kB(size.gzip),
      kB(limit),
      over ? 'OVER' : 'ok',
    ]);
  }
  for (const name of Object.keys(limits))
    if (!name.startsWith('$') && !(name in results))
      failures.push(`${name}: in size-limits.json but not a bundle of this build`);
  if (!args.includes('--json')) {
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const row of rows)
      console.log(
        row
          .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
          .join('  '),
      );
  }
  if (failures.length) {
    for (const failure of failures) console.error(`size: ${failure}`);
    process.exit(1);
  }
}

main();
