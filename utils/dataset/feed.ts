// The update feed: one JSON document carrying the dataset as a string plus a signature over it.
//   {"payload": "<dataset JSON>", "signature": "<base64 ECDSA P-256/SHA-256>", "keyId": "…"}
// The payload stays a string so the signed bytes are exactly the bytes verified (no re-serialising).
import { z } from 'zod';
import { signPayload } from './verify';

export const KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export interface Feed {
  payload: string;
  signature: string;
  keyId: string;
}

export type FeedParseResult = { ok: true; feed: Feed } | { ok: false; error: string };

const feedSchema = z.object({
  payload: z.string().min(1),
  // P1363 is 88 base64 characters, DER at most 96; leave room for whitespace but no more.
  signature: z.string().min(1).max(200),
  keyId: z.string().regex(KEY_ID_PATTERN, 'keyId is 1-64 letters, digits, . _ -'),
});

/** Parses the feed document's text. Says nothing yet about the signature or the payload. */
export function parseFeed(text: string): FeedParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'feed is not valid JSON (truncated or corrupt download?)' };
  }
  const parsed = feedSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.join('.') || '(root)';
    return {
      ok: false,
      error: `feed is malformed at ${where}: ${first?.message ?? 'unknown error'}`,
    };
  }
  return { ok: true, feed: parsed.data };
}

/** Signs `payload` (the dataset JSON text) into a feed document. For the maintainer tools and tests. */
export async function createFeed(
  privateKey: CryptoKey,
  keyId: string,
  payload: string,
): Promise<Feed> {
  if (!KEY_ID_PATTERN.test(keyId)) throw new Error(`invalid keyId "${keyId}"`);
  return { payload, signature: await signPayload(privateKey, payload), keyId };
}
