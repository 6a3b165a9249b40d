// The fact card: vendor facts for one model family, why the post matched, sources and as-of date.
// Every value is dataset text rendered as text; only https sources become links.
import { useEffect, useRef, type ReactNode } from 'react';
import type { Model } from '@/utils/dataset/schema';
import { CardActions } from './CardActions';
import { useFactCard, type OpenCard } from './factCardStore';
import { factCardCss } from './factCardCss';
import { statusLabel as statusText } from '@/utils/badges/pillText';

type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

const t = (key: MessageKey, subs?: string | string[]) => browser.i18n.getMessage(key, subs);

/** "≈" marks a value resting on weak sources; an unknown value is already shown as unknown. */
function isUncertain(model: Model, field: keyof Model): boolean {
  return model[field] !== null && model.uncertain.some((u) => u.field === field);
}

function Fact({
  label,
  value,
  uncertain,
}: {
  label: string;
  value: ReactNode;
  uncertain?: boolean;
}) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>
        {uncertain ? (
          <span className="uncertain" title={t('cardUncertain')}>
            ≈{' '}
          </span>
        ) : null}
        {value}
      </dd>
    </div>
  );
}

const unknown = () => <span className="unknown">{t('unknown')}</span>;
const text = (value: string | null) => (value ? value : unknown());
const yesNo = (value: boolean | null) => (value === null ? unknown() : value ? t('yes') : t('no'));

/** The model's facts that can carry an uncertainty marker, in card order. */
function modelFacts(model: Model): [MessageKey, keyof Model, ReactNode][] {
  return [
    ['cardStatus', 'status', statusText(model.status)],
    ['cardReleased', 'released', text(model.released)],
    [
      'cardMaxLength',
      'maxDurationS',
      model.maxDurationS ? t('seconds', String(model.maxDurationS)) : unknown(),
    ],
    ['cardResolution', 'maxResolution', text(model.maxResolution)],
    ['cardAudio', 'nativeAudio', yesNo(model.nativeAudio)],
    ['cardOpenWeights', 'openWeights', yesNo(model.openWeights)],
    ['cardLicense', 'license', text(model.license)],
    ['cardPrice', 'pricingNote', text(model.pricingNote)],
    ['cardProvenance', 'provenance', text(model.provenance)],
  ];
}

function SourceLink({ url }: { url: string }) {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return <li className="ff-source-text">{url}</li>;
  return (
    <li>
      <a className="ff-source" href={parsed.href} target="_blank" rel="noopener noreferrer">
        {parsed.hostname.replace(/^www\./, '')}
        <span className="path">{parsed.pathname.length > 1 ? parsed.pathname : ''}</span>
      </a>
    </li>
  );
}

function CardBody({ card }: { card: OpenCard }) {
  const { pill, index } = card;
  const { model, vendor } = pill;
  const dataset = index.dataset;
  const mention = pill.mentions[0];
  const sources = [...new Set([...(model?.sources ?? []), ...(vendor?.sources ?? [])])];
  return (
    <>
      {pill.corrections.map((c) => (
        <section key={c.id} className="correction" data-testid="ff-correction">
          <h3>{t('cardFactCheck')}</h3>
          <p>{c.correction}</p>
          <ul className="sources">
            {c.sources.map((url) => (
              <SourceLink key={url} url={url} />
            ))}
          </ul>
        </section>
      ))}
      <section className="why">
        <h3>{t('cardWhy')}</h3>
        <p>
          {t(
            'cardWhyAlias',
            [...new Set(pill.mentions.map((m) => m.alias))].slice(0, 4).join('”, “'),
          )}
          {mention?.evidence ? ` ${t('cardWhyEvidence', mention.evidence)}` : ''}
        </p>
      </section>
      <dl>
        <Fact label={t('cardVendor')} value={vendor ? vendor.name : unknown()} />
        <Fact
          label={t('cardHeadquarters')}
          value={
            vendor?.hqCountry
              ? [vendor.hqCity, vendor.hqCountry].filter(Boolean).join(', ')
              : unknown()
          }
        />
        {vendor?.parent ? <Fact label={t('cardParent')} value={vendor.parent} /> : null}
        {model ? (
          <>
            <Fact label={t('cardModel')} value={model.name} />
            {modelFacts(model).map(([label, field, value]) => (
              <Fact
                key={field}
                label={t(label)}
                value={value}
                uncertain={isUncertain(model, field)}
              />
            ))}
            <Fact
              label={t('cardAccess')}
              value={model.access.length ? model.access.join('; ') : unknown()}
            />
            {model.notable ? <Fact label={t('cardNotable')} value={model.notable} /> : null}
          </>
        ) : null}
      </dl>
      {model && model.uncertain.length > 0 ? (
        <section className="uncertain-notes">
          <h3>{t('cardUncertainNotes')}</h3>
          <ul>
            {model.uncertain.map((u) => (
              <li key={u.note}>{u.note}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section>
        <h3>{t('cardSources')}</h3>
        <ul className="sources">
          {sources.map((url) => (
            <SourceLink key={url} url={url} />
          ))}
        </ul>
      </section>
      <p className="asof">
        {t('cardAsOf', [model?.asOf ?? dataset.asOf, String(dataset.version)])}
      </p>
    </>
  );
}

export function FactCard() {
  const card = useFactCard((s) => s.open);
  const close = useFactCard((s) => s.close);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!card) return;
    dialog.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    // A press anywhere outside the card closes it, as a popover would.
    const onPointer = (event: PointerEvent) => {
      if (dialog.current && !event.composedPath().includes(dialog.current)) close();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [card, close]);

  if (!card) return null;
  const width = Math.min(380, window.innerWidth - 16);
  const left = Math.max(8, Math.min(card.anchor.left, window.innerWidth - width - 8));
  const below = card.anchor.bottom + 6;
  const top =
    below + 300 > window.innerHeight
      ? Math.max(8, card.anchor.top - 6 - Math.min(480, window.innerHeight * 0.7))
      : below;
  const titleId = 'ff-card-title';
  return (
    <div className="theme" data-theme={card.theme}>
      <style>{factCardCss}</style>
      <div
        ref={dialog}
        className="card"
        role="dialog"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid="ff-card"
        data-family={card.pill.family.id}
        style={{ top, left, width }}
        onKeyDown={(event) => event.stopPropagation()}
      >
        <header>
          <h2 id={titleId}>{card.pill.label}</h2>
          <button
            type="button"
            className="close"
            data-testid="ff-card-close"
            aria-label={t('cardClose')}
            onClick={close}
          >
            ×
          </button>
        </header>
        <CardActions key={card.post.key} card={card} />
        <CardBody card={card} />
      </div>
    </div>
  );
}
