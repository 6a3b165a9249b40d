// `npm run demo`: builds the extension, serves the demo feed as https://x.com/home from a local
// HTTPS server, opens it in Chromium with the extension loaded, opens one fact card and saves a
// screenshot. Headless without $DISPLAY; with a display the window stays open until Ctrl-C.
//
//   npm run demo                      build, run, write demo-screenshot.png
//   npm run demo -- --no-build        reuse .output/chrome-mv3
//   npm run demo -- --headless        never open a window
//   npm run demo -- --update-docs     also copy the screenshot to docs/screenshot.png
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchWithExtension, waitForDataset } from '../tests/e2e/lib/browser.ts';
import { demoFeedRoute, loadDemoPosts } from '../tests/e2e/lib/demoFeed.ts';
import { CARD, pill, readBadges, waitForBadges } from '../tests/e2e/lib/page.ts';
import { startHttpsServer } from '../tests/e2e/lib/server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HOSTS = ['x.com', 'twitter.com'];
const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || !process.env.DISPLAY;
const out = `${ROOT}demo-screenshot.png`;

function build(): void {
  console.log('Building the extension (npm run build)…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Build failed.');
    process.exit(result.status ?? 1);
  }
}

async function main(): Promise<void> {
  if (!args.has('--no-build')) build();
  const posts = loadDemoPosts();
  const server = await startHttpsServer(demoFeedRoute(HOSTS), HOSTS);
  const ext = await launchWithExtension({
    extensionDir: `${ROOT}.output/chrome-mv3`,
    port: server.port,
    hosts: HOSTS,
    headless,
    viewport: { width: 1280, height: 900 },
  });
  const shutdown = async () => {
    await ext.close();
    await server.close();
  };
  try {
    await waitForDataset(ext);
    const page = await ext.newPage();
    await page.goto('https://x.com/home');
    // The delayed batch is in and every expected positive is badged (or we stop waiting).
    const expected = posts.filter((p) => p.batch !== 'onScroll' && p.labels.length > 0).length;
    await page.waitForSelector('html[data-ff-demo-later]');
    const state = await waitForBadges(page, (s) => Object.keys(s.families).length >= expected, {
      timeoutMs: 10_000,
    }).catch(() => readBadges(page));
    const badged = Object.keys(state.families).length;

    // Open a card from the first badged post: its Sora pill when it has one (the card then shows
    // a retired model), else its first pill.
    const first = posts.find((p) => state.families[p.statusId]?.length);
    let cardNote = 'no badge to open';
    if (first) {
      const families = state.families[first.statusId]!;
      const family = families.includes('sora') ? 'sora' : families[0]!;
      await pill(page, first.statusId, family).click();
      cardNote = await page
        .locator(CARD)
        .waitFor({ state: 'visible', timeout: 5_000 })
        .then(() => `fact card open (${family})`)
        .catch(() => 'fact card did not open');
    }
    await page.screenshot({ path: out });
    if (args.has('--update-docs')) {
      mkdirSync(`${ROOT}docs`, { recursive: true });
      copyFileSync(out, `${ROOT}docs/screenshot.png`);
    }
    const families = new Set(Object.values(state.families).flat());
    console.log(`Screenshot: ${out}`);
    console.log(
      `Frame Facts demo: ${state.posts} posts, ${badged} badged (${[...families].sort().join(', ') || 'none'}); ${cardNote}.`,
    );

    if (headless) return await shutdown();
    console.log('Browser window open; press Ctrl-C to quit.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      ext.context.once('close', () => resolve());
    });
    await shutdown();
  } catch (error) {
    await shutdown();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
