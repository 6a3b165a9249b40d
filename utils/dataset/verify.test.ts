import { createSign, generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  derToP1363,
  exportPrivateKey,
  exportPublicKey,
  generateKeyPair,
  importPrivateKey,
  importPublicKey,
  signPayload,
  verifySignature,
} from './verify';

let pair: CryptoKeyPair;
let other: CryptoKeyPair;

beforeAll(async () => {
  pair = await generateKeyPair();
  other = await generateKeyPair();
});

describe('base64', () => {
  it('round-trips bytes and ignores whitespace', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 128]);
    const text = bytesToBase64(bytes);
    expect(base64ToBytes(text)).toEqual(bytes);
    expect(base64ToBytes(`${text.slice(0, 3)}\n ${text.slice(3)}`)).toEqual(bytes);
  });

  it('rejects anything that is not strict base64', () => {
    for (const bad of ['abc', 'ab$=', '====', 'YQ', 'a-_b'])
      expect(() => base64ToBytes(bad)).toThrow('not base64');
  });
});

describe('ECDSA P-256 signatures', () => {
  it('verify over the UTF-8 bytes of the payload, non-ASCII included', async () => {
    const payload = '{"name":"可灵 Kling — “ok”"}';
    const signature = await signPayload(pair.privateKey, payload);
    expect(base64ToBytes(signature)).toHaveLength(64);
    expect(await verifySignature(pair.publicKey, payload, signature)).toBe(true);
  });

  it('fail for a changed payload, another key, or a mangled signature', async () => {
    const signature = await signPayload(pair.privateKey, 'payload');
    expect(await verifySignature(pair.publicKey, 'payload ', signature)).toBe(false);
    expect(await verifySignature(other.publicKey, 'payload', signature)).toBe(false);
    const bytes = base64ToBytes(signature);
    bytes[10]! ^= 1;
    expect(await verifySignature(pair.publicKey, 'payload', bytesToBase64(bytes))).toBe(false);
    expect(await verifySignature(pair.publicKey, 'payload', '')).toBe(false);
    expect(await verifySignature(pair.publicKey, 'payload', 'not base64!')).toBe(false);
    expect(
      await verifySignature(pair.publicKey, 'payload', bytesToBase64(new Uint8Array(63))),
    ).toBe(false);
  });

  it('accept DER signatures as openssl makes them', async () => {
    const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const spki = keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const publicKey = await importPublicKey(spki);
    for (let i = 0; i < 20; i++) {
      const payload = `payload ${i}`;
      const der = createSign('SHA256').update(payload).sign(keys.privateKey);
      expect(await verifySignature(publicKey, payload, der.toString('base64'))).toBe(true);
      expect(await verifySignature(publicKey, `${payload}!`, der.toString('base64'))).toBe(false);
    }
  });

  it('refuse malformed DER', () => {
    expect(derToP1363(new Uint8Array([0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]))).toEqual(
      (() => {
        const raw = new Uint8Array(64);
        raw[31] = 1;
        raw[63] = 1;
        return raw;
      })(),
    );
    expect(derToP1363(new Uint8Array([0x31, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]))).toBeNull();
    expect(
      derToP1363(new Uint8Array([0x30, 0x07, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0])),
    ).toBeNull();
    expect(derToP1363(new Uint8Array([0x30, 0x06, 0x02, 0x05, 0x01, 0x02, 0x01, 0x01]))).toBeNull();
    const long = new Uint8Array(2 + 2 + 34 + 2 + 1);
    long.set([0x30, long.length - 2, 0x02, 34]);
    long[2 + 2 + 34] = 0x02;
    long[2 + 2 + 34 + 1] = 1;
    expect(derToP1363(long)).toBeNull();
  });
});

describe('key export and import', () => {
  it('round-trips SPKI (bare base64 or PEM) and PKCS#8', async () => {
    const spki = await exportPublicKey(pair.publicKey);
    const pem = `-----BEGIN PUBLIC KEY-----\n${spki.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
    const privateKey = await importPrivateKey(await exportPrivateKey(pair.privateKey));
    const signature = await signPayload(privateKey, 'x');
    expect(await verifySignature(await importPublicKey(spki), 'x', signature)).toBe(true);
    expect(await verifySignature(await importPublicKey(pem), 'x', signature)).toBe(true);
  });
});
