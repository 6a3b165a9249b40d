// The words on a pill, chosen by badge style and by which fact groups the user wants to see.
// A retired model always says so: that is the correction hype posts most often need.
import type { BadgeStyle, FactGroup } from '../settings/defaults';
import type { Model } from '../dataset/schema';
import type { Pill } from './pills';
import { message } from '../i18n/message';

export interface PillText {
  name: string;
  vendor: string | null;
  status: string | null;
  /** Set when the post repeats a claim the dataset corrects. */
  factCheck: string | null;
  details: string[];
}

const firstClause = (text: string, max: number) => {
  const clause = text.split(/[;(]|\. /)[0]!.trim();
  return clause.length > max ? `${clause.slice(0, max - 1).trimEnd()}…` : clause;
};

export function statusLabel(status: Model['status'] | null): string {
  const key = {
    GA: 'statusGA',
    preview: 'statusPreview',
    announced: 'statusAnnounced',
    deprecated: 'statusDeprecated',
  } as const;
  return message(status ? key[status] : 'unknown');
}

export function pillText(
  pill: Pill,
  style: BadgeStyle,
  facts: Record<FactGroup, boolean>,
): PillText {
  const { model, vendor } = pill;
  const retired = model?.status === 'deprecated';
  const vendorText =
    facts.vendor && vendor ? [vendor.shortName, vendor.country].filter(Boolean).join(' · ') : null;
  const details: string[] = [];
  let status = retired ? statusLabel(model.status) : null;
  if (style === 'detailed' && model) {
    if (facts.release) {
      status = statusLabel(model.status);
      if (model.released) details.push(model.released.slice(0, 4));
    }
    if (facts.specs) {
      if (model.maxDurationS) details.push(message('seconds', String(model.maxDurationS)));
      if (model.maxResolution) details.push(firstClause(model.maxResolution, 16));
      if (model.nativeAudio) details.push(message('pillAudio'));
      if (model.openWeights) details.push(message('pillOpenWeights'));
    }
    if (facts.price && model.pricingNote) details.push(firstClause(model.pricingNote, 40));
    if (facts.provenance && model.provenance) details.push(firstClause(model.provenance, 40));
  }
  const factCheck = pill.corrections.length ? message('pillFactCheck') : null;
  return { name: pill.name, vendor: vendorText, status, factCheck, details };
}
