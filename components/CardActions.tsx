// Save / Saved and "Wrong badge?" on the fact card. The background owns both stores; the card
// only asks, and shows a clear message when storage is full or failing.
import { useEffect, useState } from 'react';
import { sendMessage } from '@/utils/messaging';
import type { OpenCard } from './factCardStore';

type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];
const t = (key: MessageKey, subs?: string | string[]) => browser.i18n.getMessage(key, subs);

const ERROR_TEXT: Record<string, MessageKey> = {
  'storage-full': 'errorStorageFull',
  'storage-failed': 'errorStorageFailed',
};
const errorText = (code: string) => t(ERROR_TEXT[code] ?? 'errorGeneric');

export function CardActions({ card }: { card: OpenCard }) {
  const { post } = card;
  const [saved, setSaved] = useState<boolean | null>(null);
  const [reported, setReported] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    sendMessage('getSavedKeys', [post.key])
      .then((r) => live && setSaved(r.ok ? r.saved.includes(post.key) : false))
      .catch(() => live && setSaved(false));
    return () => {
      live = false;
    };
  }, [post.key]);

  const run = (work: () => Promise<{ ok: boolean; error?: string }>, onOk: () => void) => {
    setBusy(true);
    setError(null);
    work()
      .then((r) => (r.ok ? onOk() : setError(errorText(r.error ?? ''))))
      .catch(() => setError(t('errorGeneric')))
      .finally(() => setBusy(false));
  };

  const save = () =>
    run(
      () =>
        sendMessage('savePost', {
          site: card.site,
          post,
          mentions: card.allMentions.map(({ family, modelId, version }) => ({
            family,
            modelId,
            version,
          })),
          datasetVersion: card.index.dataset.version,
        }),
      () => setSaved(true),
    );
  const unsave = () =>
    run(
      () => sendMessage('unsavePost', post.key),
      () => setSaved(false),
    );
  const report = () =>
    run(
      () =>
        sendMessage('reportWrongBadge', {
          key: post.key,
          site: card.site,
          url: post.url,
          text: post.text,
          badges: card.pill.mentions.map((m) => ({
            family: m.family,
            alias: m.alias,
            evidence: m.evidence,
          })),
          datasetVersion: card.index.dataset.version,
        }),
      () => setReported(true),
    );

  return (
    <div className="actions">
      {saved ? (
        <button
          type="button"
          data-testid="ff-unsave"
          onClick={unsave}
          disabled={busy}
          aria-pressed="true"
        >
          {t('cardSaved')}
        </button>
      ) : (
        <button
          type="button"
          data-testid="ff-save"
          onClick={save}
          disabled={busy || saved === null}
        >
          {t('cardSave')}
        </button>
      )}
      <button
        type="button"
        className="quiet"
        data-testid="ff-report"
        onClick={report}
        disabled={busy || reported}
      >
        {reported ? t('cardReported') : t('cardReport')}
      </button>
      {error ? (
        <p className="error" role="alert" data-testid="ff-card-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
