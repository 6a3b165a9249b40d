// The dataset's shape, checked at build time (scripts/build-dataset.ts) and every time it is loaded.
// Everything here can arrive from the network, so strings are bounded and URLs are https-only.
import { z } from 'zod';

const MAX_TEXT = 2_000;
const text = z.string().max(MAX_TEXT);
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'ids are lowercase letters, digits and -');
const isoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'dates are YYYY-MM or YYYY-MM-DD');
/** http or https only; the card links https URLs and shows http ones as plain text. */
export const webUrl = z
  .string()
  .max(500)
  .refine((s) => {
    try {
      return ['https:', 'http:'].includes(new URL(s).protocol);
    } catch {
      return false;
    }
  }, 'URLs must be http(s)');

export const vendorSchema = z.object({
  id,
  name: z.string().min(1).max(120),
  shortName: z.string().min(1).max(60),
  country: z.string().max(20).nullable(),
  hqCountry: text.nullable(),
  hqCity: text.nullable(),
  founded: z.number().int().min(1800).max(2100).nullable(),
  parent: text.nullable(),
  website: webUrl.nullable(),
  knownFacts: z.array(text).max(50),
  sources: z.array(webUrl).max(50),
});

export const modelStatus = z.enum(['GA', 'preview', 'announced', 'deprecated']);

export const uncertaintySchema = z.object({
  field: z.string().max(40).nullable(),
  note: text,
});

export const modelSchema = z.object({
  id,
  family: id,
  name: z.string().min(1).max(200),
  vendor: id,
  released: isoDate.nullable(),
  status: modelStatus,
  access: z.array(text).max(20),
  openWeights: z.boolean().nullable(),
  license: text.nullable(),
  maxDurationS: z.number().positive().max(100_000).nullable(),
  maxResolution: text.nullable(),
  nativeAudio: z.boolean().nullable(),
  provenance: text.nullable(),
  pricingNote: text.nullable(),
  notable: text.nullable(),
  sources: z.array(webUrl).min(1).max(50),
  uncertain: z.array(uncertaintySchema).max(30),
  asOf: isoDate,
});

export const familySchema = z.object({
  id,
  name: z.string().min(1).max(80),
  vendor: id,
});

/**
 * One surface form the detector looks for. `ambiguous` aliases also name common things
 * (a runway, a person called Sora) and need evidence in the same post; `negativeContext`
 * lists phrases that veto the match. These are data so an update can fix a false badge.
 */
export const aliasSchema = z.object({
  text: z.string().min(1).max(80),
  family: id,
  model: id.optional(),
  version: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{0,30}$/)
    .optional(),
  ambiguous: z.boolean(),
  caseSensitive: z.boolean().optional(),
  negativeContext: z.array(z.string().min(1).max(80)).max(100).optional(),
});

export const detectionSchema = z.object({
  aliases: z.array(aliasSchema).max(5_000),
  /** Words that show a post is about AI video, by language; any one is evidence for an ambiguous alias. */
  contextWords: z.record(z.string().max(10), z.array(z.string().min(1).max(60)).max(500)),
  /** Phrases that veto an ambiguous alias anywhere in the post (e.g. "Kingdom Hearts"). */
  negativeContext: z.array(z.string().min(1).max(80)).max(1_000),
});

/** A claim hype posts get wrong, and the sourced correction the card shows when a post repeats it. */
export const correctionSchema = z.object({
  id,
  families: z.array(id).min(1).max(30),
  /** Any of these phrases near a mention of one of the families triggers the correction. */
  claims: z.array(z.string().min(2).max(80)).min(1).max(50),
  correction: text,
  sources: z.array(webUrl).min(1).max(10),
});

export const datasetSchema = z.object({
  schemaVersion: z.literal(1),
  /** Monotonic: an update with a lower version is refused. */
  version: z.number().int().positive(),
  asOf: isoDate,
  families: z.array(familySchema).min(1).max(500),
  vendors: z.array(vendorSchema).min(1).max(500),
  models: z.array(modelSchema).min(1).max(2_000),
  detection: detectionSchema,
  corrections: z.array(correctionSchema).max(500),
});

export type Vendor = z.infer<typeof vendorSchema>;
export type Model = z.infer<typeof modelSchema>;
export type Family = z.infer<typeof familySchema>;
export type Alias = z.infer<typeof aliasSchema>;
export type Detection = z.infer<typeof detectionSchema>;
export type Correction = z.infer<typeof correctionSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
