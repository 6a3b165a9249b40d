// Keeps the runtime content-script registration in step with the sites the user switched on
// and the host permissions they still grant. Chrome keeps registrations across restarts;
// Firefox's MV2 contentScripts API does not, so every start reconciles.
import { CUSTOM_SITES_KEY, originPattern, readCustomSites } from '@/utils/customSites/origins';
import { onMessage } from '@/utils/messaging';

const SCRIPT_ID = 'frame-facts-custom-sites';
const SCRIPT_FILE = 'content-scripts/custom-site.js';

interface RegisteredScript {
  unregister(): Promise<void>;
}
/** Firefox's MV2 API, absent from Chrome's types. */
interface ContentScriptsApi {
  register(options: {
    matches: string[];
    js: { file: string }[];
    runAt: string;
  }): Promise<RegisteredScript>;
}

let firefoxRegistration: RegisteredScript | null = null;

async function grantedPatterns(): Promise<string[]> {
  const patterns = (await readCustomSites()).map(originPattern);
  const granted = await Promise.all(
    patterns.map((p) => browser.permissions.contains({ origins: [p] })),
  );
  return patterns.filter((_, i) => granted[i]);
}

const sameMatches = (a: readonly string[] = [], b: readonly string[]) =>
  [...a].sort().join('\n') === [...b].sort().join('\n');

async function register(matches: string[]): Promise<void> {
  if (browser.scripting?.registerContentScripts) {
    // Update in place, never unregister-then-register: Chrome keeps the registration across
    // worker restarts, and a page loading inside that gap would get no badges.
    const [existing] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    if (!matches.length) {
      if (existing) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    } else if (!existing) {
      await browser.scripting.registerContentScripts([
        { id: SCRIPT_ID, matches, js: [SCRIPT_FILE], runAt: 'document_idle' },
      ]);
    } else if (!sameMatches(existing.matches, matches)) {
      await browser.scripting.updateContentScripts([{ id: SCRIPT_ID, matches, js: [SCRIPT_FILE] }]);
    }
    return;
  }
  await firefoxRegistration?.unregister();
  firefoxRegistration = matches.length
    ? await (browser as unknown as { contentScripts: ContentScriptsApi }).contentScripts.register({
        matches,
        js: [{ file: SCRIPT_FILE }],
        runAt: 'document_idle',
      })
    : null;
}

/** Returns a stop function (tests start it more than once in one context). */
export function registerCustomSites(): () => void {
  let queue = Promise.resolve();
  // Serialised: two quick changes must not race each other's unregister/register.
  const sync = () => {
    queue = queue
      .then(async () => register(await grantedPatterns()))
      .catch((error: unknown) => console.error('Frame Facts: custom sites not registered', error));
    return queue;
  };
  void sync();
  const stopMessages = onMessage('syncCustomSites', () => sync());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && CUSTOM_SITES_KEY in changes) void sync();
  });
  browser.permissions.onRemoved.addListener(() => void sync());
  browser.permissions.onAdded.addListener(() => void sync());
  return stopMessages;
}
