// Content script: on supported sites only, picks the site's adapter and starts the badge scanner.
import { adapterFor, supportedMatchPatterns } from '@/utils/sites';
import { startBadges } from './startBadges';

export default defineContentScript({
  matches: supportedMatchPatterns,
  runAt: 'document_idle',
  main(ctx) {
    const adapter = adapterFor(new URL(location.href));
    if (adapter) void startBadges(ctx, adapter);
  },
});
