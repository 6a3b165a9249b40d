// Bounds and zod schemas for saved posts. Everything here may come from a page (via the content
// script) or from an import file someone else wrote, so every string and array is bounded and
// URLs are http(s) only. Small posts also keep the store far below storage.local's quota.
import { z } from 'zod';
import { SITE_IDS } from '../sites/types';
import type { SavedPost } from './types';

export const LIMITS = {
  key: 500,
  /** Longer post text is cut on save (with an ellipsis); an import entry over it is rejected. */
  text: 10_000,
  author: 200,
  url: 2_048,
  platformLabel: 200,
  models: 50,
  note: 2_000,
  tags: 20,
  tag: 40,
} as const;

// C0 controls other than tab, LF and CR, plus DEL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_G = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
// eslint-disable-next-line no-control-regex
const LINE_CONTROL = /[\u0000-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const LINE_CONTROL_G = /[\u0000-\u001F\u007F]+/g;

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL.test(s), 'control characters are not allowed');
const line = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !LINE_CONTROL.test(s), 'must be a single line');

export function isWebUrl(s: string): boolean {
  try {
    return ['https:', 'http:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}

const webUrl = z.string().max(LIMITS.url).refine(isWebUrl, 'URLs must be http(s)');
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'ids are lowercase letters, digits and -');
const version = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,30}$/, 'bad version');
const isoDateTime = z.iso.datetime({ offset: true });

export const savedModelSchema = z.object({
  family: id,
  modelId: id.nullable(),
  version: version.nullable(),
});

export const tagSchema = line(LIMITS.tag).min(1);

export const savedPostSchema = z
  .object({
    key: line(LIMITS.key).min(1),
    site: z.enum(SITE_IDS),
    url: webUrl.nullable(),
    author: line(LIMITS.author).nullable(),
    text: text(LIMITS.text),
    models: z.array(savedModelSchema).max(LIMITS.models),
    platformLabel: line(LIMITS.platformLabel).nullable(),
    hasVideo: z.boolean(),
    savedAt: isoDateTime,
    /** Optional in files so hand-made entries import; defaults to savedAt. */
    updatedAt: isoDateTime.optional(),
    datasetVersion: z.number().int().positive().nullable(),
    note: text(LIMITS.note).default(''),
    tags: z.array(tagSchema).max(LIMITS.tags).default([]),
  })
  .transform((p): SavedPost => ({
    ...p,
    savedAt: new Date(p.savedAt).toISOString(),
    updatedAt: new Date(
      Math.max(Date.parse(p.updatedAt ?? p.savedAt), Date.parse(p.savedAt)),
    ).toISOString(),
    models: dedupeModels(p.models),
    tags: normaliseTags(p.tags),
  }));

/** Checks a value read from storage or a file; null when it is not a valid saved post. */
export function parseSavedPost(value: unknown): SavedPost | null {
  const result = savedPostSchema.safeParse(value);
  return result.success ? result.data : null;
}

/**
 * One entry per family + model + version; a bare family entry ("Veo" with no version) is dropped
 * when the same post also names a version of it ("Veo 3"), which says more.
 */
export function dedupeModels(models: readonly SavedModel[]): SavedModel[] {
  const versioned = new Set(models.filter((m) => m.version).map((m) => m.family));
  const seen = new Set<string>();
  const out: SavedModel[] = [];
  for (const m of models) {
    if (!m.version && versioned.has(m.family)) continue;
    const k = `${m.family}\u0000${m.modelId ?? ''}\u0000${m.version ?? ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ family: m.family, modelId: m.modelId, version: m.version });
  }
  return out;
}

/** Trimmed, one line, bounded, unique ignoring case, first spelling kept. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = cleanLine(raw, LIMITS.tag);
    const folded = tag.toLocaleLowerCase();
    if (!tag || seen.has(folded)) continue;
    seen.add(folded);
    out.push(tag);
    if (out.length === LIMITS.tags) break;
  }
  return out;
}

/** Drops control characters (keeps tab and newlines) and cuts to `max` with an ellipsis. */
export function cleanText(s: string, max: number): string {
  return cut(s.replace(CONTROL_G, ''), max);
}

/** One line: controls and newlines become spaces, runs of spaces collapse, trimmed, bounded. */
export function cleanLine(s: string, max: number): string {
  return cut(s.replace(LINE_CONTROL_G, ' ').replace(/\s+/g, ' ').trim(), max);
}

function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  // Never split a surrogate pair.
  const code = s.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${s.slice(0, end)}…`;
}

// Save requests from the content script: sizes are fixed up (cut, cleaned) rather than refused,
// since a long post is still worth saving; structure and types must be right.
const mentionInput = z.object({
  family: id,
  modelId: id.nullable(),
  version: version.nullable(),
});

export const savePostInputSchema = z.object({
  site: z.enum(SITE_IDS),
  post: z.object({
    key: line(LIMITS.key).min(1),
    text: z.string().max(1_000_000),
    author: z.string().max(10_000).nullable(),
    url: z.string().max(100_000).nullable(),
    hasVideo: z.boolean(),
    platformLabel: z.string().max(10_000).nullable(),
  }),
  mentions: z.array(mentionInput).max(1_000),
  datasetVersion: z.number().int().positive().nullable(),
  note: z.string().max(100_000).optional(),
  tags: z.array(z.string().max(1_000)).max(1_000).optional(),
});

export const updateSavedInputSchema = z.object({
  key: line(LIMITS.key).min(1),
  note: z.string().max(100_000).optional(),
  tags: z.array(z.string().max(1_000)).max(1_000).optional(),
});

type SavedModel = z.infer<typeof savedModelSchema>;

/** A zod error as one short line: the first issue, with its path. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return (path ? `${path}: ${issue.message}` : issue.message).slice(0, 200);
}
