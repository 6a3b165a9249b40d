// Content script for sites the user switched on from the popup (registered at runtime, never in
// the manifest): a Mastodon server when the page looks like one, else the generic adapter.
import { adapterForCustomSite } from '@/utils/sites';
import { startBadges } from './content/startBadges';

export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    void startBadges(ctx, adapterForCustomSite(document));
  },
});
