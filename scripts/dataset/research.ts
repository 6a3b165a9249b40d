// Turns the research file (snake_case, free-text vendor names) into the dataset's vendors and models.
import type { Model, Vendor } from '../../utils/dataset/schema.ts';

export interface ResearchVendor {
  name: string;
  hq_country: string | null;
  hq_city: string | null;
  founded: number | null;
  parent: string | null;
  website: string | null;
  known_facts: string[];
  sources: string[];
}

export interface ResearchModel {
  id: string;
  family: string;
  name: string;
  aliases: string[];
  ambiguous: boolean;
  vendor: { name: string; hq_country: string | null; website: string | null };
  released: string | null;
  status: Model['status'];
  access: string[];
  open_weights: boolean | null;
  license: string | null;
  max_duration_s: number | null;
  max_resolution: string | null;
  native_audio: boolean | null;
  provenance: string | null;
  pricing_note: string | null;
  notable: string | null;
  sources: string[];
  uncertain: string[];
  as_of: string;
}

export interface Research {
  as_of: string;
  models: ResearchModel[];
  vendors: ResearchVendor[];
}

const COUNTRY_CODES: Record<string, string> = { US: 'US', UK: 'UK', China: 'CN', Israel: 'IL' };

/** "UK (DeepMind) / US (Alphabet)" -> "UK/US"; unknown stays null rather than guessed. */
export function countryCode(hq: string | null): string | null {
  if (!hq) return null;
  const codes = hq.split('/').map((part) => COUNTRY_CODES[part.replace(/\(.*?\)/g, '').trim()]);
  if (codes.some((c) => !c))
    throw new Error(`no country code for "${hq}": add it to COUNTRY_CODES`);
  return codes.join('/');
}

/** "Kuaishou Technology (快手)" -> "Kuaishou": the name a badge has room for. */
export function shortName(name: string): string {
  return name
    .split(' (')[0]!
    .replace(/ (Technology|Group|Platforms)$/, '')
    .trim();
}

export function vendorId(name: string): string {
  return shortName(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const FIELD_NAMES: Record<string, string> = {
  released: 'released',
  status: 'status',
  open_weights: 'openWeights',
  license: 'license',
  max_duration_s: 'maxDurationS',
  max_resolution: 'maxResolution',
  native_audio: 'nativeAudio',
  provenance: 'provenance',
  pricing_note: 'pricingNote',
};

/** "max_duration_s (API offered 4/8/12 s…)" -> { field: 'maxDurationS', note: '…' }; free text keeps field null. */
export function parseUncertain(entry: string): { field: string | null; note: string } {
  const match = /^([a-z_]+)(?:[\s/(]|$)/.exec(entry);
  const field = match ? FIELD_NAMES[match[1]!] : undefined;
  return { field: field ?? null, note: entry };
}

export function convertVendors(research: Research): Vendor[] {
  return research.vendors.map((v) => ({
    id: vendorId(v.name),
    name: v.name,
    shortName: shortName(v.name),
    country: countryCode(v.hq_country),
    hqCountry: v.hq_country,
    hqCity: v.hq_city,
    founded: v.founded,
    parent: v.parent,
    website: v.website,
    knownFacts: v.known_facts,
    sources: v.sources,
  }));
}

/** A model's vendor is the listed vendor whose name its free-text vendor name starts with. */
export function matchVendor(vendors: Vendor[], modelVendorName: string): Vendor {
  const candidates = vendors
    .filter((v) => modelVendorName.startsWith(v.name) || modelVendorName.startsWith(v.shortName))
    .sort((a, b) => b.name.length - a.name.length);
  if (!candidates[0]) throw new Error(`no vendor entry for "${modelVendorName}"`);
  return candidates[0];
}

export function convertModels(research: Research, vendors: Vendor[]): Model[] {
  return research.models.map((m) => ({
    id: m.id,
    family: m.family,
    name: m.name,
    vendor: matchVendor(vendors, m.vendor.name).id,
    released: m.released,
    status: m.status,
    access: m.access,
    openWeights: m.open_weights,
    license: m.license,
    maxDurationS: m.max_duration_s,
    maxResolution: m.max_resolution,
    nativeAudio: m.native_audio,
    provenance: m.provenance,
    pricingNote: m.pricing_note,
    notable: m.notable,
    sources: m.sources,
    uncertain: m.uncertain.map(parseUncertain),
    asOf: m.as_of,
  }));
}
