// Shared by the detector's scripts (detect, eval, bench): JSONL reading, the bundled dataset's
// matcher, and scoring a labelled corpus the way tests/fixtures/corpus/GUIDELINES.md labels it.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDataset } from '../../utils/dataset/parse.ts';
import type { Detection } from '../../utils/dataset/schema.ts';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_DATASET = resolve(root, 'public/dataset.json');
export const DEFAULT_CORPUS = resolve(root, 'tests/fixtures/corpus/dev.jsonl');

export type JsonlLine = { line: number; value: unknown } | { line: number; error: string };

/** One entry per non-blank line, numbered from 1; a line that is not JSON carries its error. */
export function parseJsonl(text: string): JsonlLine[] {
  const out: JsonlLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      out.push({ line: i + 1, value: JSON.parse(raw) as unknown });
    } catch (e) {
      out.push({ line: i + 1, error: `not JSON (${(e as Error).message})` });
    }
  });
  return out;
}

/** The detection section of a dataset file, checked by the same parser the extension uses. */
export function loadDetection(path = DEFAULT_DATASET): Detection {
  const result = parseDataset(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.ok) throw new Error(`${path}: ${result.error}`);
  return result.dataset.detection;
}

export interface LabelledPost {
  id: string;
  text: string;
  labels: string[];
  versions: string[];
  lang?: string;
  note?: string;
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

export function readCorpus(path: string): LabelledPost[] {
  const posts: LabelledPost[] = [];
  for (const entry of parseJsonl(readFileSync(path, 'utf8'))) {
    if ('error' in entry) throw new Error(`${path}:${entry.line}: ${entry.error}`);
    const v = entry.value as Partial<LabelledPost> | null;
    if (
      !v ||
      typeof v.id !== 'string' ||
      typeof v.text !== 'string' ||
      !isStringArray(v.labels) ||
      !isStringArray(v.versions ?? [])
    )
      throw new Error(
        `${path}:${entry.line}: needs string id and text, string arrays labels/versions`,
      );
    posts.push({ ...v, versions: v.versions ?? [] } as LabelledPost);
  }
  return posts;
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Miss {
  id: string;
  family: string;
  text: string;
}

export interface EvalReport {
  posts: number;
  micro: Prf;
  perFamily: Record<string, Prf>;
  exactMatch: number;
  versions: { posts: number; correct: number; accuracy: number };
  falsePositives: Miss[];
  falseNegatives: Miss[];
  versionErrors: { id: string; expected: string[]; got: string[]; text: string }[];
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

const sameSet = (a: string[], b: string[]) => {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
};

/**
 * Family sets are scored per (post, family) pair. Version accuracy counts the posts whose gold
 * labels name a version: correct when the predicted `family@version` set equals the gold one.
 */
export function scoreCorpus(
  posts: LabelledPost[],
  predict: (text: string) => { labels: string[]; versions: string[] },
): EvalReport {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const count = (f: string) => {
    let c = counts.get(f);
    if (!c) counts.set(f, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  let exact = 0;
  let versionPosts = 0;
  let versionCorrect = 0;
  const falsePositives: Miss[] = [];
  const falseNegatives: Miss[] = [];
  const versionErrors: EvalReport['versionErrors'] = [];
  for (const post of posts) {
    const got = predict(post.text);
    const gold = new Set(post.labels);
    const pred = new Set(got.labels);
    for (const f of pred) {
      if (gold.has(f)) count(f).tp++;
      else {
        count(f).fp++;
        falsePositives.push({ id: post.id, family: f, text: post.text });
      }
    }
    for (const f of gold) {
      if (!pred.has(f)) {
        count(f).fn++;
        falseNegatives.push({ id: post.id, family: f, text: post.text });
      }
    }
    if (sameSet(post.labels, got.labels)) exact++;
    if (post.versions.length) {
      versionPosts++;
      if (sameSet(post.versions, got.versions)) versionCorrect++;
      else
        versionErrors.push({
          id: post.id,
          expected: post.versions,
          got: got.versions,
          text: post.text,
        });
    }
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const perFamily: Record<string, Prf> = {};
  for (const [f, c] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    perFamily[f] = prf(c.tp, c.fp, c.fn);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  return {
    posts: posts.length,
    micro: prf(tp, fp, fn),
    perFamily,
    exactMatch: posts.length ? exact / posts.length : 1,
    versions: {
      posts: versionPosts,
      correct: versionCorrect,
      accuracy: versionPosts ? versionCorrect / versionPosts : 1,
    },
    falsePositives,
    falseNegatives,
    versionErrors,
  };
}
