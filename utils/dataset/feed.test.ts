import { describe, expect, it } from 'vitest';
import { createFeed, parseFeed } from './feed';
import { generateKeyPair, verifySignature } from './verify';

describe('parseFeed', () => {
  it('reads a well-formed feed document', () => {
    const text = JSON.stringify({ payload: '{"a":1}', signature: 'AAAA', keyId: 'ff-2026-11' });
    expect(parseFeed(text)).toEqual({
      ok: true,
      feed: { payload: '{"a":1}', signature: 'AAAA', keyId: 'ff-2026-11' },
    });
  });

  it.each([
    ['', /not valid JSON/],
    ['{"payload": "x", "signature": "AAAA"', /not valid JSON/],
    ['null', /malformed at \(root\)/],
    ['[]', /malformed at \(root\)/],
    ['{"payload": {"version": 1}, "signature": "AAAA", "keyId": "k"}', /malformed at payload/],
    ['{"payload": "", "signature": "AAAA", "keyId": "k"}', /malformed at payload/],
    ['{"payload": "x", "keyId": "k"}', /malformed at signature/],
    [`{"payload": "x", "signature": "${'A'.repeat(201)}", "keyId": "k"}`, /malformed at signature/],
    ['{"payload": "x", "signature": "AAAA"}', /malformed at keyId/],
    ['{"payload": "x", "signature": "AAAA", "keyId": "<script>"}', /malformed at keyId/],
    [`{"payload": "x", "signature": "AAAA", "keyId": "${'k'.repeat(65)}"}`, /malformed at keyId/],
  ])('refuses %j', (text, error) => {
    const result = parseFeed(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});

describe('createFeed', () => {
  it('signs the payload string exactly as given', async () => {
    const { privateKey, publicKey } = await generateKeyPair();
    const payload = '{"version": 2,  "spaces": "kept"}';
    const feed = await createFeed(privateKey, 'k-1', payload);
    expect(feed.payload).toBe(payload);
    expect(feed.keyId).toBe('k-1');
    expect(await verifySignature(publicKey, payload, feed.signature)).toBe(true);
    const reparsed = parseFeed(JSON.stringify(feed));
    expect(reparsed.ok && reparsed.feed).toEqual(feed);
  });

  it('refuses a key id the extension would not accept', async () => {
    const { privateKey } = await generateKeyPair();
    await expect(createFeed(privateKey, 'bad id', 'x')).rejects.toThrow('invalid keyId');
  });
});
