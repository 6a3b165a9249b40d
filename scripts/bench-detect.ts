// Prints the detector's throughput on a synthetic stream (>= 50 MB of corpus posts, repeated
// and shuffled) and how long compiling the bundled dataset's matcher takes. A benchmark that
// prints figures, not a test: nothing here fails on timing.
//   npm run bench:detect -- [--mb 50]
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { compileMatcher, detectMentions, type Matcher } from '../utils/detect/index.ts';
import { DEFAULT_CORPUS, loadDetection, readCorpus } from './lib/corpus.ts';

/** Corpus texts repeated in a fixed pseudo-random order until they reach `bytes` of UTF-8. */
export function syntheticStream(
  texts: string[],
  bytes: number,
): { posts: string[]; bytes: number } {
  const posts: string[] = [];
  let total = 0;
  let seed = 42;
  while (total < bytes) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const t = texts[seed % texts.length]!;
    posts.push(t);
    total += Buffer.byteLength(t, 'utf8');
  }
  return { posts, bytes: total };
}

/** Wall time, and CPU time of this process (less disturbed by other load on the machine). */
function scan(posts: string[], matcher: Matcher): { ms: number; cpuMs: number; mentions: number } {
  let mentions = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const p of posts) mentions += detectMentions(p, matcher).length;
  const cpu = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, mentions };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function main(argv: string[]) {
  const mbArg = argv.indexOf('--mb');
  const mb = mbArg >= 0 ? Number(argv[mbArg + 1]) : 50;
  const detection = loadDetection();

  const compileTimes: number[] = [];
  let matcher = compileMatcher(detection);
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    matcher = compileMatcher(detection);
    compileTimes.push(performance.now() - t0);
  }

  const texts = readCorpus(DEFAULT_CORPUS).map((p) => p.text);
  const stream = syntheticStream(texts, mb * 1e6);
  const MB = stream.bytes / 1e6;
  scan(stream.posts.slice(0, 20_000), matcher); // warm-up
  const runs = [
    scan(stream.posts, matcher),
    scan(stream.posts, matcher),
    scan(stream.posts, matcher),
  ];
  const best = Math.min(...runs.map((r) => r.ms));
  const bestCpu = Math.min(...runs.map((r) => r.cpuMs));

  // The same bytes as 1 MB posts (the largest a content script hands over).
  const big: string[] = [];
  let cur = '';
  for (const p of stream.posts) {
    cur += p + '\n';
    if (cur.length >= 1_000_000) {
      big.push(cur);
      cur = '';
    }
  }
  if (cur) big.push(cur);
  const bigRun = scan(big, matcher);

  console.log(
    `stream: ${MB.toFixed(1)} MB UTF-8, ${stream.posts.length} posts from the dev corpus`,
  );
  console.log(
    `per post:      ${(MB / (best / 1000)).toFixed(0)} MB/s wall, ` +
      `${(MB / (bestCpu / 1000)).toFixed(0)} MB/s CPU time  (${best.toFixed(0)} ms best of 3, ` +
      `${runs[0]!.mentions} mentions)`,
  );
  console.log(
    `as 1 MB posts: ${(MB / (bigRun.ms / 1000)).toFixed(0)} MB/s wall, ` +
      `${(MB / (bigRun.cpuMs / 1000)).toFixed(0)} MB/s CPU time  (${bigRun.ms.toFixed(0)} ms, ` +
      `${big.length} posts)`,
  );
  console.log(
    `load average: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs`,
  );
  console.log(
    `compile: ${compileTimes[0]!.toFixed(2)} ms first, ${median(compileTimes).toFixed(2)} ms median ` +
      `of ${compileTimes.length} (${detection.aliases.length} aliases)`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
