// Prints the detector's throughput on a synthetic stream (>= 50 MB of corpus posts, repeated
// and shuffled) and how long compiling the bundled dataset's matcher takes. A benchmark that
// prints figures, not a test: nothing here fails on timing. Other load on the machine inflates
// wall time (and, less, CPU time): the load average is printed before and after, and each figure
// is the best and the median of several runs.
//   npm run bench:detect -- [--mb 50] [--runs 5]
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { evidenceWalk } from '../utils/detect/compile.ts';
import { compileMatcher, detectMentions, type Matcher } from '../utils/detect/index.ts';
import {
  createDeadlineDetector,
  FIRST_STEP_CHARS,
  SLICE_CHARS,
} from '../utils/detect/withinDeadline.ts';
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

/** One 1 MB post the way the content script runs it: one step per call (a deadline already past). */
function slicedRun(text: string, matcher: Matcher) {
  const detect = createDeadlineDetector();
  const owner = {};
  const times: number[] = [];
  for (let done = false; !done;) {
    const t0 = performance.now();
    done = detect(owner, text, matcher, 0) !== null;
    times.push(performance.now() - t0);
  }
  const t0 = performance.now();
  detectMentions(text, matcher);
  const whole = performance.now() - t0;
  return {
    count: times.length,
    first: times[0]!,
    longest: Math.max(...times.slice(1)),
    median: median(times),
    whole,
  };
}

function steps(label: string, r: ReturnType<typeof slicedRun>) {
  console.log(
    `1 MB post, ${label}: ${r.count} steps of ${FIRST_STEP_CHARS / 1024}-${SLICE_CHARS / 1024} K ` +
      `chars, first ${r.first.toFixed(2)} ms, longest after it ${r.longest.toFixed(2)} ms, median ${r.median.toFixed(2)} ms ` +
      `(whole post at once: ${r.whole.toFixed(1)} ms)`,
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

/**
 * Compiles the matcher: wall and CPU time in ms; then, timed apart, the evidence walk that the
 * first post needing evidence builds (most pages never need it).
 */
function timeCompile(detection: ReturnType<typeof loadDetection>): {
  matcher: Matcher;
  ms: number;
  cpuMs: number;
  evidenceMs: number;
} {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const matcher = compileMatcher(detection);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const t1 = performance.now();
  evidenceWalk(matcher);
  const evidenceMs = performance.now() - t1;
  return { matcher, ms, cpuMs: (cpu.user + cpu.system) / 1000, evidenceMs };
}

function main(argv: string[]) {
  const arg = (name: string, def: number) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : def;
  };
  const mb = arg('--mb', 50);
  const runCount = Math.max(1, arg('--runs', 5));
  const loadBefore = load();
  const detection = loadDetection();
  const texts = readCorpus(DEFAULT_CORPUS).map((p) => p.text);
  if (argv.includes('--cold-long-post')) {
    // A 1 MB post on a fresh page: cold code and a new matcher, so the first step builds the
    // evidence walk.
    const fresh = compileMatcher(detection);
    steps('cold code', slicedRun(syntheticStream(texts, 1e6).posts.join('\n'), fresh));
    return;
  }

  // The first compile is what a page pays (cold code); then 30 warm ones.
  const first = timeCompile(detection);
  let matcher = first.matcher;
  const compileTimes: number[] = [];
  const compileCpu: number[] = [];
  const evidenceTimes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const c = timeCompile(detection);
    matcher = c.matcher;
    compileTimes.push(c.ms);
    compileCpu.push(c.cpuMs);
    evidenceTimes.push(c.evidenceMs);
  }

  if (argv.includes('--cold-posts')) {
    // The first posts a fresh page detects, before the engine has optimised the detector: what a
    // content script pays for most of a browsing session (bench:feed's 2,000 posts included).
    const posts = syntheticStream(texts, 400_000).posts.slice(0, 2_000);
    const chunks: string[] = [];
    for (let i = 0; i < posts.length; i += 500) {
      const t0 = performance.now();
      for (const p of posts.slice(i, i + 500)) detectMentions(p, matcher);
      chunks.push((((performance.now() - t0) / 500) * 1000).toFixed(1));
    }
    const chars = posts.reduce((n, p) => n + p.length, 0) / posts.length;
    console.log(
      `cold code, the first 2,000 posts (${chars.toFixed(0)} chars on average), per 500: ` +
        `${chunks.join(', ')} µs per post`,
    );
    return;
  }
  // Each in a process of its own, so the code is cold. (After the long post, every later post in
  // the same process ran slower: best of 5 33-36 instead of 50-54 MB/s, twice; cause not known.)
  for (const cold of ['--cold-posts', '--cold-long-post'])
    spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), cold], {
      stdio: 'inherit',
    });
  const stream = syntheticStream(texts, mb * 1e6);
  const MB = stream.bytes / 1e6;
  scan(stream.posts.slice(0, 50_000), matcher); // warm-up
  const runs = Array.from({ length: runCount }, () => scan(stream.posts, matcher));
  const best = Math.min(...runs.map((r) => r.ms));
  const bestCpu = Math.min(...runs.map((r) => r.cpuMs));
  const medWall = median(runs.map((r) => r.ms));
  const medCpu = median(runs.map((r) => r.cpuMs));

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
      `${(MB / (bestCpu / 1000)).toFixed(0)} MB/s CPU time  (best of ${runs.length}: ` +
      `${best.toFixed(0)} ms; median ${(MB / (medWall / 1000)).toFixed(0)} MB/s wall, ` +
      `${(MB / (medCpu / 1000)).toFixed(0)} MB/s CPU; ${runs[0]!.mentions} mentions)`,
  );
  console.log(
    `as 1 MB posts: ${(MB / (bigRun.ms / 1000)).toFixed(0)} MB/s wall, ` +
      `${(MB / (bigRun.cpuMs / 1000)).toFixed(0)} MB/s CPU time  (${bigRun.ms.toFixed(0)} ms, ` +
      `${big.length} posts)`,
  );
  // What the content script does with one of them: a step per call, each call timed.
  steps('warm', slicedRun(big[0]!, matcher));
  console.log(`load average: ${loadBefore} before, ${load()} after, on ${cpus().length} CPUs`);
  console.log(
    `compile: ${first.ms.toFixed(2)} ms first (${first.cpuMs.toFixed(2)} ms CPU), ` +
      `${median(compileTimes).toFixed(2)} ms median of ${compileTimes.length} ` +
      `(${median(compileCpu).toFixed(2)} ms CPU, best ${Math.min(...compileTimes).toFixed(2)} ms; ` +
      `${detection.aliases.length} aliases)`,
  );
  console.log(
    `evidence walk, built when a post first needs evidence: ${first.evidenceMs.toFixed(2)} ms ` +
      `first, ${median(evidenceTimes).toFixed(2)} ms median`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
