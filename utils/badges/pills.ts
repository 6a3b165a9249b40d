// What each badge says: one pill per family named in a post, labelled with the most specific
// version the post names ("Sora 2 · OpenAI · US").
import type { Correction, Dataset, Family, Model, Vendor } from '../dataset/schema';
import type { Mention } from '../detect/types';
import { correctionsFor } from './corrections';

export interface Pill {
  family: Family;
  vendor: Vendor | null;
  /** The model the facts come from: the one named, else the family's newest. */
  model: Model | null;
  version: string | null;
  /** "Sora 2" */
  name: string;
  /** "Sora 2 · OpenAI · US" */
  label: string;
  mentions: Mention[];
  /** Known wrong claims this post repeats about this family, with their corrections. */
  corrections: Correction[];
}

export interface DatasetIndex {
  dataset: Dataset;
  families: Map<string, Family>;
  vendors: Map<string, Vendor>;
  models: Map<string, Model>;
  newestByFamily: Map<string, Model>;
}

export function indexDataset(dataset: Dataset): DatasetIndex {
  const newestByFamily = new Map<string, Model>();
  for (const m of dataset.models) {
    const current = newestByFamily.get(m.family);
    if (!current || (m.released ?? '') > (current.released ?? '')) newestByFamily.set(m.family, m);
  }
  return {
    dataset,
    families: new Map(dataset.families.map((f) => [f.id, f])),
    vendors: new Map(dataset.vendors.map((v) => [v.id, v])),
    models: new Map(dataset.models.map((m) => [m.id, m])),
    newestByFamily,
  };
}

/** "gen-4" -> "Gen-4", "ray2" -> "Ray2", "2.1" -> "2.1". */
export function versionLabel(version: string): string {
  return version.charAt(0).toUpperCase() + version.slice(1);
}

/** `text` is the post's text, to look for wrong claims next to the mentions. */
export function pillsFor(mentions: Mention[], index: DatasetIndex, text = ''): Pill[] {
  const corrections = correctionsFor(text, mentions, index.dataset.corrections);
  const byFamily = new Map<string, Mention[]>();
  for (const m of mentions) byFamily.set(m.family, [...(byFamily.get(m.family) ?? []), m]);
  const pills: Pill[] = [];
  for (const [familyId, group] of byFamily) {
    const family = index.families.get(familyId);
    if (!family) continue;
    const specific = group.find((m) => m.version) ?? group.find((m) => m.modelId) ?? group[0]!;
    const model =
      (specific.modelId ? index.models.get(specific.modelId) : undefined) ??
      index.newestByFamily.get(familyId) ??
      null;
    const vendor = index.vendors.get(model?.vendor ?? family.vendor) ?? null;
    const name = specific.version
      ? `${family.name} ${versionLabel(specific.version)}`
      : family.name;
    const label = [name, vendor?.shortName, vendor?.country].filter(Boolean).join(' · ');
    pills.push({
      family,
      vendor,
      model,
      version: specific.version,
      name,
      label,
      mentions: group,
      corrections: corrections.filter((c) => c.families.includes(familyId)),
    });
  }
  return pills;
}
