// Runs the detector over JSONL posts with the bundled dataset:
//   npm run detect -- FILE.jsonl      (or JSONL on stdin)
// Each input line {"id", "text"} gives one output line
//   {"id","labels":[sorted family ids],"versions":["family@version"],"mentions":[...]}.
// A bad line is reported on stderr with its line number; the others still run, and the exit
// code is 1 at the end.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileMatcher, detectMentions, summarize, type Matcher } from '../utils/detect/index.ts';
import { loadDetection, parseJsonl } from './lib/corpus.ts';

/** Detects every line of `input`; returns the exit code (0, or 1 if any line was bad). */
export function runDetect(
  input: string,
  matcher: Matcher,
  out: (line: string) => void,
  err: (line: string) => void,
): number {
  let bad = 0;
  for (const entry of parseJsonl(input)) {
    if ('error' in entry) {
      err(`line ${entry.line}: ${entry.error}`);
      bad++;
      continue;
    }
    const v = entry.value as { id?: unknown; text?: unknown } | null;
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
      err(`line ${entry.line}: expected an object with "id" and "text"`);
      bad++;
      continue;
    }
    if (typeof v.id !== 'string' && typeof v.id !== 'number') {
      err(`line ${entry.line}: "id" must be a string or a number`);
      bad++;
      continue;
    }
    if (typeof v.text !== 'string') {
      err(`line ${entry.line}: "text" must be a string`);
      bad++;
      continue;
    }
    const mentions = detectMentions(v.text, matcher);
    const { labels, versions } = summarize(mentions);
    out(
      JSON.stringify({
        id: v.id,
        labels,
        versions,
        mentions: mentions.map(({ family, modelId, version, alias, start, end }) => ({
          family,
          modelId,
          version,
          alias,
          start,
          end,
        })),
      }),
    );
  }
  return bad ? 1 : 0;
}

function main(argv: string[]): number {
  const file = argv.find((a) => !a.startsWith('--'));
  let input: string;
  try {
    input = readFileSync(file ?? 0, 'utf8');
  } catch (e) {
    console.error(`cannot read ${file ?? 'stdin'}: ${(e as Error).message}`);
    return 2;
  }
  const matcher = compileMatcher(loadDetection());
  const lines: string[] = [];
  const code = runDetect(
    input,
    matcher,
    (l) => lines.push(l),
    (l) => console.error(l),
  );
  if (lines.length) process.stdout.write(lines.join('\n') + '\n');
  return code;
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
