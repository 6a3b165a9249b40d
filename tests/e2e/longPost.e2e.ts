// A post with about 1 MB of text in a real X feed: it is detected a slice per frame (never in one
// long call), its ambiguous name is decided by context a megabyte away, and the short post after
// it is badged as usual.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitForDataset, type ExtensionBrowser } from './lib/browser';
import { customFeedRoute, customPost } from './lib/feed';
import { waitForBadges } from './lib/page';
import { startHttpsServer, type TestServer } from './lib/server';

const X_HOSTS = ['x.com', 'twitter.com'];
const FILLER = 'we walked along the river and talked about the weather for a while. ';
const longText = `Runway ${FILLER.repeat(Math.floor(990_000 / FILLER.length))}the text-to-video prompt was the hard part, then Kling 2.1 did the rest`;
const LONG_ID = '1986199999999991001';
const SHORT_ID = '1986199999999991002';

describe('a 1 MB post', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    const posts = [
      customPost('e2e-long', LONG_ID, longText),
      customPost('e2e-short', SHORT_ID, 'Sora 2 clips are all over my feed today'),
    ];
    server = await startHttpsServer(customFeedRoute(posts, X_HOSTS), X_HOSTS);
    ext = await launchWithExtension({ port: server.port, hosts: X_HOSTS });
    await waitForDataset(ext);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('is badged with the models named at its start and its end; the next post too', async () => {
    expect(longText.length).toBeGreaterThan(980_000);
    const page = await ext.newPage();
    await page.goto('https://x.com/home');
    const state = await waitForBadges(page, (s) => Object.keys(s.families).length === 2, {
      timeoutMs: 20_000,
    });
    expect(
      Object.fromEntries(Object.entries(state.families).map(([k, v]) => [k, v.sort()])),
    ).toEqual({ [LONG_ID]: ['kling', 'runway'], [SHORT_ID]: ['sora'] });
    expect(state.rows).toEqual({ [LONG_ID]: 1, [SHORT_ID]: 1 });
    await page.close();
  });
});
