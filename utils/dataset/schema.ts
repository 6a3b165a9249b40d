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
 * One surface form the detector looks for (utils/detect/). Matching ignores case, and an alias
 * written with spaces or hyphens ("Dream Machine", "Gen-4") also matches with a space, hyphen,
 * underscore or nothing between its words. A known version may follow ("Kling 2.1", "Veo3").
 * `ambiguous` aliases also name common things (a runway, a person called Sora) and need evidence
 * in the same post; `group` names the collision group whose vetoes and extra context apply.
 * All of this is data so a dataset update can fix a false badge without a code release.
 */
export const aliasSchema = z.object({
  text: z.string().min(1).max(80),
  family: id,
  model: id.optional(),
  /** A fixed version this alias names by itself ("Ray2" -> "ray2", "Aleph" -> "aleph"). */
  version: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{0,30}$/)
    .optional(),
  ambiguous: z.boolean(),
  /** Only the exact spelling counts ("HappyHorse", "SVD"). */
  caseSensitive: z.boolean().optional(),
  /** Only counts when its first letter is written upper-case ("Firefly Video", "Stable Video"). */
  capitalized: z.boolean().optional(),
  /** Only counts when a known version of the family follows it ("Wan 2.2", "LTX-2"). */
  needsVersion: z.boolean().optional(),
  /** Collision group id (detection.groups) for vetoes and group-specific context. */
  group: id.optional(),
  /** Phrases that veto this alias anywhere in the post (on top of its group's). */
  negativeContext: z.array(z.string().min(1).max(80)).max(100).optional(),
});

const phrase = z.string().min(1).max(80);

/**
 * A collision class from the guidelines (Sora the character, Spanish "veo", airport runways...).
 * Phrases ignore case; a trailing `*` matches any word ending, a leading `#` only a hashtag.
 */
export const collisionGroupSchema = z.object({
  id,
  note: text.optional(),
  /**
   * Which evidence an ambiguous alias of this group needs: any AI/video context, video words, or
   * only another model named in the post (or the group's own context words).
   */
  needs: z.enum(['context', 'video', 'co-mention']).optional(),
  /** Whether another model named in the same post counts as evidence (default true). */
  coMention: z.boolean().optional(),
  /** Extra positive words for this group only ("invite code" for Sora, "raises" for Runway). */
  context: z.array(phrase).max(500).optional(),
  /** Phrases anywhere in the post that veto a bare ambiguous alias of this group. */
  negative: z.array(phrase).max(500).optional(),
  /** Words right before the alias that veto that occurrence ("Marc-Uwe" Kling, "my cat" Sora). */
  before: z.array(phrase).max(200).optional(),
  /**
   * The before-words veto only the alias written in lower case: where the other sense is an
   * ordinary word ("si veo", "ni veo"), a capitalised name after them is the product.
   */
  beforeLowerOnly: z.boolean().optional(),
  /**
   * The after-words veto a capitalised alias only where a sentence starts: after a lower-case
   * word the ordinary word is not capitalised, so "Le pedí a Veo un clip" names the product.
   */
  afterLowerOrInitialOnly: z.boolean().optional(),
  /**
   * Words right before the capitalised alias that show it used as a tool ("used Runway", "in
   * Runway"): evidence of the AI sense that outweighs the post-wide negatives, not the local vetoes.
   */
  use: z.array(phrase).max(50).optional(),
  /** Words right after the alias that veto it ("Kling Klang", "Veo Go"); `{number}` is any number. */
  after: z.array(phrase).max(200).optional(),
});

/** One version of a family, in the guidelines' rule-6 form, and the ways posts write it. */
export const versionSchema = z.object({
  /** Canonical label: lowercase, tier words dropped ("3.1", "gen-4", "ray2", "v5", "q1"). */
  v: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,30}$/),
  model: id.optional(),
  /** Other spellings; case, separators, a leading "v" and a trailing ".0" are ignored anyway. */
  forms: z.array(z.string().min(1).max(40)).max(50).optional(),
});

export const detectionSchema = z.object({
  aliases: z.array(aliasSchema).max(5_000),
  /** Words that show a post is about generative AI or video, by language. */
  contextWords: z.record(z.string().max(10), z.array(phrase).max(500)),
  /** Words that show a post is about video (they also count as context), by language. */
  videoWords: z.record(z.string().max(10), z.array(phrase).max(500)).optional(),
  /** Phrases that veto every bare ambiguous alias anywhere in the post. */
  negativeContext: z.array(phrase).max(1_000),
  groups: z.array(collisionGroupSchema).max(200).optional(),
  /** Known versions per family id; a number after an alias only counts as a version if listed. */
  versions: z.record(id, z.array(versionSchema).max(100)).optional(),
  settings: z
    .object({
      /** What may sit between a name and its version: " ", "-", "の", "'s "... */
      versionJoiners: z.array(z.string().min(1).max(5)).max(20).optional(),
      /** A bare version ("vs 2.1") this many characters after a versioned mention refers back to it. */
      backrefWindow: z.number().int().min(0).max(500).optional(),
      /** Units that show a bare number is not a version ("1.5 seconds", "2.1x"). */
      unitWords: z.array(z.string().min(1).max(20)).max(100).optional(),
      /** Tier words rule 6 drops, which posts may glue to the version ("Kling2.5Turbo", "Veo3Fast"). */
      tierWords: z.array(z.string().min(1).max(20)).max(50).optional(),
      /** Words right after a number that show it is an age, a span or a count, not a version ("Mochi 1 year old", "Veo 2 opciones"). */
      versionVetoWords: z.array(z.string().min(1).max(20)).max(100).optional(),
      /** Titles that make the bare name after them (or after a given name) a person's ("Dr. Anna Kling"). */
      personTitles: z.array(z.string().min(1).max(20)).max(100).optional(),
      /**
       * How near (in characters) a video word must be to a bare ambiguous name to decide it: a
       * post about a cat named Sora has a video in it too. Context words decide from anywhere.
       * Absent: video words decide from anywhere, as context words do.
       */
      mediaWindow: z.number().int().min(0).max(500).optional(),
      /**
       * Words right before the name that make it the tool a video was made with ("with", "mit",
       * "con", "用"), or glued after it ("で", "로"): then a video word anywhere decides it.
       */
      instrumentBefore: z.array(phrase).max(100).optional(),
      instrumentAfter: z.array(phrase).max(100).optional(),
      /**
       * Context, video or negative words that count only in the case written here: German "KI"
       * and Spanish "IA", where Hinglish "ki" (of) and Portuguese "ia" (went) are everyday words.
       */
      exactCase: z.array(phrase).max(50).optional(),
    })
    .optional(),
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
export type CollisionGroup = z.infer<typeof collisionGroupSchema>;
export type VersionEntry = z.infer<typeof versionSchema>;
export type Correction = z.infer<typeof correctionSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
