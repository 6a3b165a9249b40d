// Builds the detector's rules (aliases, context words, collision groups, versions) from the
// research aliases and data/detection.json. Owned by the detector work; see utils/detect/.
//
// data/detection.json lists, per family, the aliases people write ("strong" ones name the model
// on their own, "ambiguous" ones also name common things and need evidence). Research aliases in
// which those aliases (plus a known version) already find the family are left out; the rest are added with the
// research file's own `ambiguous` flag, except the ones `research.drop` lists as too ambiguous.
import type { Alias, CollisionGroup, Detection, VersionEntry } from '../../utils/dataset/schema.ts';
import { compileMatcher, detectMentions } from '../../utils/detect/index.ts';
import { buildVersionTable, versionKey, type VersionTable } from '../../utils/detect/versions.ts';
import type { Research } from './research.ts';

export interface FamilySource {
  /** Collision group of the family's aliases (see groups). */
  group?: string;
  strong?: string[];
  ambiguous?: string[];
  /** Aliases with more settings (fixed version, case rules, another group). */
  extra?: Omit<Alias, 'family'>[];
}

export interface DetectionSource {
  settings?: Detection['settings'];
  research?: { drop?: string[]; note?: string };
  families?: Record<string, FamilySource>;
  groups?: CollisionGroup[];
  versions?: Record<string, VersionEntry[]>;
  contextWords: Record<string, string[]>;
  videoWords?: Record<string, string[]>;
  negativeContext: string[];
}

export interface DetectionBuild {
  detection: Detection;
  /** Research aliases added because no curated alias covers them, as "family: text". */
  addedFromResearch: string[];
}

const aliasId = (a: Pick<Alias, 'family' | 'text'>) =>
  `${a.family}\u0000${a.text.normalize('NFKC').toLowerCase()}`;

/**
 * The longest run of whole tokens in an alias that is a known version: "Gen-4 Turbo" -> gen-4,
 * "Runway Aleph" -> aleph, "Wan2.2-Animate" -> 2.2 (a token's leading letters may be the name).
 */
export function versionIn(text: string, table: VersionTable) {
  const tokens = text.split(/[\s_-]+/).filter(Boolean);
  let best: { v: string; model: string | null; len: number } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    for (let j = i + 1; j <= tokens.length; j++) {
      const run = tokens.slice(i, j).join('-');
      const tries = [run];
      if (j === i + 1) tries.push(run.replace(/^[\p{L}]+(?=\d)/u, ''));
      for (const t of tries) {
        const info = table.keys.get(versionKey(t));
        if (info && (!best || t.length > best.len)) best = { ...info, len: t.length };
      }
    }
  }
  return best;
}

export function buildDetectionReport(research: Research, source: DetectionSource): DetectionBuild {
  const groups = source.groups ?? [];
  const groupIds = new Set(groups.map((g) => g.id));
  const modelIds = new Set(research.models.map((m) => m.id));
  const errors: string[] = [];

  const aliases: Alias[] = [];
  const seen = new Set<string>();
  const push = (a: Alias) => {
    if (seen.has(aliasId(a))) return;
    seen.add(aliasId(a));
    aliases.push(a);
  };
  for (const [family, f] of Object.entries(source.families ?? {})) {
    const group = f.group ? { group: f.group } : {};
    for (const text of f.strong ?? []) push({ text, family, ambiguous: false, ...group });
    for (const text of f.ambiguous ?? []) push({ text, family, ambiguous: true, ...group });
    for (const a of f.extra ?? []) push({ ...group, ...a, family });
  }

  const versions = source.versions ?? {};
  // An alias that spells a version ("Ray2", "Gen-4 Turbo", "MiniMax H3") carries it.
  for (const a of aliases) {
    if (a.version !== undefined || !versions[a.family]) continue;
    const found = versionIn(a.text, buildVersionTable(versions[a.family]!));
    if (found) {
      a.version = found.v;
      if (found.model) a.model = found.model;
    }
  }
  for (const [family, list] of Object.entries(versions))
    for (const v of list)
      if (v.model && !modelIds.has(v.model))
        errors.push(`version ${family}@${v.v}: unknown model "${v.model}"`);
  for (const a of aliases) {
    if (a.group && !groupIds.has(a.group))
      errors.push(`alias "${a.text}": unknown group "${a.group}"`);
    if (a.model && !modelIds.has(a.model))
      errors.push(`alias "${a.text}": unknown model "${a.model}"`);
  }
  if (errors.length) throw new Error(`data/detection.json:\n  ${errors.join('\n  ')}`);

  // Which research aliases do the curated ones already find (as the same family)?
  const coverage = compileMatcher({
    aliases: aliases.map((a) => ({ ...a, ambiguous: false, group: undefined })),
    contextWords: {},
    negativeContext: [],
    versions,
    settings: source.settings,
  });
  const drop = new Set((source.research?.drop ?? []).map((t) => t.toLowerCase()));
  const familyGroup = (family: string) => source.families?.[family]?.group;
  const added: string[] = [];
  for (const model of research.models) {
    for (const raw of model.aliases) {
      const text = raw.replace(/^#/, '');
      if (drop.has(raw.toLowerCase()) || drop.has(text.toLowerCase())) continue;
      const found = detectMentions(text, coverage);
      if (found.some((m) => m.family === model.family)) continue;
      const group = familyGroup(model.family);
      const a: Alias = {
        text,
        family: model.family,
        model: model.id,
        ambiguous: model.ambiguous,
        ...(group ? { group } : {}),
      };
      if (seen.has(aliasId(a))) continue;
      push(a);
      added.push(`${model.family}: ${text}`);
    }
  }

  return {
    detection: {
      aliases,
      contextWords: source.contextWords,
      videoWords: source.videoWords ?? {},
      negativeContext: source.negativeContext,
      groups,
      versions,
      ...(source.settings ? { settings: source.settings } : {}),
    },
    addedFromResearch: added,
  };
}

export function buildDetection(research: Research, source: DetectionSource): Detection {
  return buildDetectionReport(research, source).detection;
}
