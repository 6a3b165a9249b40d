// Wires the dataset, settings and scanner together for one page, and follows changes to any of
// them live: a new dataset or a flipped switch applies without a reload.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  BADGE_ROW_EVENTS,
  BADGE_TAG,
  createBadgeRow,
  onBadgeRowEvent,
} from '@/components/badgeRow';
import { useFactCard } from '@/components/factCardStore';
import { indexDataset, pillsFor, type DatasetIndex } from '@/utils/badges/pills';
import type { Dataset } from '@/utils/dataset/schema';
import { readActiveDataset, watchActiveDataset } from '@/utils/dataset/active';
import { compileMatcher, detectMentions, type Matcher } from '@/utils/detect';
import { createDeadlineDetector } from '@/utils/detect/withinDeadline';
import { onMessage } from '@/utils/messaging';
import { createScanner, RENDER_LATER } from '@/utils/scan/scanner';
import { createSettingsStore, followSettingsChanges } from '@/utils/settings/store';
import type { SiteAdapter } from '@/utils/sites/types';
import { ensureFactCardUi } from './factCardUi';
import { followPageTheme } from './followPageTheme';
import { pageSummary } from './pageSummary';
import { handleSaveFromMenu } from './saveFromMenu';
import { trackSavedMarks } from './savedMarks';

export async function startBadges(ctx: ContentScriptContext, adapter: SiteAdapter): Promise<void> {
  const settings = createSettingsStore();
  await settings.persist.rehydrate();
  let active: { index: DatasetIndex; matcher: Matcher } | null = null;
  const theme = followPageTheme(ctx, () => useFactCard.getState().close());

  const applyDataset = (dataset: Dataset) => {
    active = { index: indexDataset(dataset), matcher: compileMatcher(dataset.detection) };
  };

  for (const type of BADGE_ROW_EVENTS)
    ctx.addEventListener(window, type, onBadgeRowEvent, { capture: true });
  const detectWithin = createDeadlineDetector();
  const savedMarks = trackSavedMarks(document);
  const scanner = createScanner({
    adapter,
    doc: document,
    hostTag: BADGE_TAG,
    onRendered: (hosts) => savedMarks.mark(hosts),
    render(snapshot, deadline) {
      if (!active) return null;
      const index = active.index;
      const mentions = detectWithin(snapshot, snapshot.text, active.matcher, deadline);
      if (!mentions) return RENDER_LATER;
      const pills = pillsFor(mentions, index, snapshot.text);
      if (pills.length === 0) return null;
      return createBadgeRow(document, {
        pills,
        style: settings.getState().badgeStyle,
        facts: settings.getState().facts,
        theme: theme(),
        postKey: snapshot.key,
        onOpen(pill, button) {
          const rect = button.getBoundingClientRect();
          void ensureFactCardUi(ctx).then(() =>
            useFactCard.getState().show({
              pill,
              post: snapshot,
              site: adapter.id,
              allMentions: mentions,
              index,
              theme: theme(),
              anchor: { top: rect.top, bottom: rect.bottom, left: rect.left },
              returnFocus: button,
            }),
          );
        },
      });
    },
  });

  const apply = () => {
    const { enabled, sites } = settings.getState();
    if (enabled && sites[adapter.id] && active) scanner.start();
    else {
      scanner.stop();
      useFactCard.getState().close();
    }
  };

  const stored = await readActiveDataset();
  if (stored) applyDataset(stored);
  const stopDataset = watchActiveDataset((dataset) => {
    applyDataset(dataset);
    apply();
    scanner.refresh();
  });
  const stopSettings = followSettingsChanges(settings);
  const unsubscribe = settings.subscribe((state, previous) => {
    if (state.enabled !== previous.enabled || state.sites !== previous.sites) apply();
    if (state.badgeStyle !== previous.badgeStyle || state.facts !== previous.facts)
      scanner.refresh();
  });
  // X, YouTube and Reddit navigate without reloading; WXT reports each address change.
  ctx.addEventListener(window, 'wxt:locationchange', () => scanner.retarget());
  // YouTube announces the end of its own navigations, after the new page is in the DOM.
  ctx.addEventListener(document, 'yt-navigate-finish' as keyof DocumentEventMap, () =>
    scanner.retarget(),
  );

  const stopSummary = onMessage('getPageSummary', () =>
    pageSummary(
      document,
      adapter.id,
      settings.getState().sites[adapter.id],
      (id) => active?.index.families.get(id)?.name ?? id,
    ),
  );

  const stopMenu = handleSaveFromMenu(ctx, adapter, (text) => ({
    mentions: active ? detectMentions(text, active.matcher) : [],
    datasetVersion: active?.index.dataset.version ?? null,
  }));

  ctx.onInvalidated(() => {
    stopMenu();
    stopSummary();
    savedMarks.stop();
    stopDataset();
    stopSettings();
    unsubscribe();
    scanner.stop();
  });
  apply();
}
