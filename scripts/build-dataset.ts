// Builds public/dataset.json from data/ (the research file, families, detection rules,
// corrections) and refuses to write anything the extension itself would reject.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDataset } from '../utils/dataset/parse.ts';
import type { Dataset } from '../utils/dataset/schema.ts';
import { buildDetection, type DetectionSource } from './dataset/detection.ts';
import { convertModels, convertVendors, type Research } from './dataset/research.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..') + '/';
const readJson = <T>(path: string): T => JSON.parse(readFileSync(root + path, 'utf8')) as T;

/** Version is the research date plus a same-day revision (data/revision.json), so it only ever grows: 2026-11-25 rev 1 -> 2026112501. */
export function datasetVersion(asOf: string, revision: number): number {
  return Number(asOf.replaceAll('-', '')) * 100 + revision;
}

/**
 * data/revision.json: the same-day revision, and the hash of the content it was given to. An
 * installed extension keeps its stored dataset unless the bundled one is newer, so every change
 * to data/ needs a new version, or updated installs never see it (dataset.test.ts checks).
 */
export interface Revision {
  note?: string;
  revision: number;
  contentSha256: string;
}

/** The dataset's content without its version: what a revision stands for. */
export function contentSha256(dataset: Dataset): string {
  return createHash('sha256')
    .update(JSON.stringify({ ...dataset, version: 0 }))
    .digest('hex');
}

export function buildDataset(): Dataset {
  const { revision } = readJson<Revision>('data/revision.json');
  const research = readJson<Research>('data/video-models.json');
  const familyNames = readJson<Record<string, string>>('data/families.json');
  const vendors = convertVendors(research);
  const models = convertModels(research, vendors);
  const families = Object.entries(familyNames).map(([id, name]) => {
    const first = models.find((m) => m.family === id);
    if (!first) throw new Error(`family ${id} has no model in the research file`);
    return { id, name, vendor: first.vendor };
  });
  const dataset = {
    schemaVersion: 1 as const,
    version: datasetVersion(research.as_of, revision),
    asOf: research.as_of,
    families,
    vendors,
    models,
    detection: buildDetection(research, readJson<DetectionSource>('data/detection.json')),
    corrections: readJson<Dataset['corrections']>('data/corrections.json'),
  };
  const result = parseDataset(dataset);
  if (!result.ok) throw new Error(result.error);
  return result.dataset;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dataset = buildDataset();
  writeFileSync(root + 'public/dataset.json', JSON.stringify(dataset) + '\n');
  console.log(
    `public/dataset.json: version ${dataset.version}, ${dataset.models.length} models, ` +
      `${dataset.vendors.length} vendors, ${dataset.detection.aliases.length} aliases`,
  );
}
