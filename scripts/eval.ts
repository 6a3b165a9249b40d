// Scores the detector on a labelled corpus (default: the dev corpus) with the bundled dataset.
//   npm run eval -- [FILE.jsonl] [--dataset public/dataset.json] [--check]
// --check exits 1 when family micro F1 < 0.97 or precision < 0.98 (what CI requires).
import { fileURLToPath } from 'node:url';
import { compileMatcher, detectMentions, summarize } from '../utils/detect/index.ts';
import {
  DEFAULT_CORPUS,
  DEFAULT_DATASET,
  loadDetection,
  readCorpus,
  scoreCorpus,
  type EvalReport,
} from './lib/corpus.ts';

export const THRESHOLDS = { f1: 0.97, precision: 0.98 };

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const oneLine = (s: string, max = 160) => {
  const t = s.replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

export function formatReport(r: EvalReport): string {
  const lines: string[] = [];
  const m = r.micro;
  lines.push(`posts: ${r.posts}`);
  lines.push(
    `families (micro): precision ${pct(m.precision)}  recall ${pct(m.recall)}  F1 ${pct(m.f1)}` +
      `  (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`,
  );
  lines.push(`exact match: ${pct(r.exactMatch)}`);
  lines.push(
    `versions: ${pct(r.versions.accuracy)} (${r.versions.correct}/${r.versions.posts} posts that name one)`,
  );
  lines.push('', 'per family:           P       R      F1   tp  fp  fn');
  for (const [f, p] of Object.entries(r.perFamily))
    lines.push(
      `  ${f.padEnd(22)} ${pct(p.precision).padStart(6)} ${pct(p.recall).padStart(6)} ` +
        `${pct(p.f1).padStart(6)} ${String(p.tp).padStart(4)} ${String(p.fp).padStart(3)} ${String(p.fn).padStart(3)}`,
    );
  lines.push('', `false positives (${r.falsePositives.length}):`);
  for (const x of r.falsePositives) lines.push(`  ${x.id} +${x.family}: ${oneLine(x.text)}`);
  lines.push('', `false negatives (${r.falseNegatives.length}):`);
  for (const x of r.falseNegatives) lines.push(`  ${x.id} -${x.family}: ${oneLine(x.text)}`);
  lines.push('', `version errors (${r.versionErrors.length}):`);
  for (const x of r.versionErrors)
    lines.push(
      `  ${x.id} expected [${x.expected.join(', ')}] got [${x.got.join(', ')}]: ${oneLine(x.text)}`,
    );
  return lines.join('\n');
}

export function passes(r: EvalReport): boolean {
  return r.micro.f1 >= THRESHOLDS.f1 && r.micro.precision >= THRESHOLDS.precision;
}

export function evaluateFile(corpus: string, dataset = DEFAULT_DATASET): EvalReport {
  const matcher = compileMatcher(loadDetection(dataset));
  return scoreCorpus(readCorpus(corpus), (text) => summarize(detectMentions(text, matcher)));
}

function main(argv: string[]): number {
  let corpus = DEFAULT_CORPUS;
  let dataset = DEFAULT_DATASET;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--check') check = true;
    else if (a === '--dataset') dataset = argv[++i] ?? dataset;
    else if (a.startsWith('--')) {
      console.error(`unknown option ${a}`);
      return 2;
    } else corpus = a;
  }
  const report = evaluateFile(corpus, dataset);
  console.log(formatReport(report));
  if (check && !passes(report)) {
    console.error(
      `\neval --check failed: need F1 >= ${THRESHOLDS.f1} and precision >= ${THRESHOLDS.precision}`,
    );
    return 1;
  }
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
