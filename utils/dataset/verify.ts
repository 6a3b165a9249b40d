// ECDSA P-256 / SHA-256 signatures over the feed payload, with Web Crypto only (service worker,
// browsers and Node 20 alike). Public keys are SPKI DER in base64 (a PEM body is accepted too).
// Signatures are IEEE P1363 (r || s, 64 bytes, what Web Crypto makes) or DER (what openssl makes).

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;
const COORDINATE_BYTES = 32;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict base64 (standard alphabet, padded); whitespace is ignored. Throws on anything else. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.replace(/\s+/g, '');
  if (!BASE64.test(clean)) throw new Error('not base64');
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Accepts bare base64 or a PEM "PUBLIC KEY" block. */
export function publicKeyBytes(text: string): Uint8Array<ArrayBuffer> {
  const body = text
    .replace(/-----BEGIN PUBLIC KEY-----/, '')
    .replace(/-----END PUBLIC KEY-----/, '')
    .trim();
  return base64ToBytes(body);
}

export async function importPublicKey(spki: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('spki', publicKeyBytes(spki), ALGORITHM, false, ['verify']);
}

/**
 * Converts a DER ECDSA-Sig-Value (SEQUENCE { INTEGER r, INTEGER s }) to r || s.
 * Strict: short-form lengths only (a P-256 signature is at most 72 bytes), no trailing bytes.
 */
export function derToP1363(der: Uint8Array): Uint8Array<ArrayBuffer> | null {
  if (der.length < 8 || der.length > 72 || der[0] !== 0x30 || der[1] !== der.length - 2)
    return null;
  const out = new Uint8Array(COORDINATE_BYTES * 2);
  let at = 2;
  for (let part = 0; part < 2; part++) {
    if (der[at] !== 0x02) return null;
    const length = der[at + 1] ?? 0;
    if (length < 1 || length > COORDINATE_BYTES + 1 || at + 2 + length > der.length) return null;
    let value = der.subarray(at + 2, at + 2 + length);
    // A leading zero only keeps the integer positive; strip it.
    while (value.length > COORDINATE_BYTES && value[0] === 0) value = value.subarray(1);
    if (value.length > COORDINATE_BYTES) return null;
    out.set(value, part * COORDINATE_BYTES + (COORDINATE_BYTES - value.length));
    at += 2 + length;
  }
  return at === der.length ? out : null;
}

function signatureBytes(signature: string): Uint8Array<ArrayBuffer> | null {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = base64ToBytes(signature);
  } catch {
    return null;
  }
  if (bytes.length === COORDINATE_BYTES * 2) return bytes;
  return derToP1363(bytes);
}

/** True only for a well-formed signature by `key` over the UTF-8 bytes of `payload`. */
export async function verifySignature(
  key: CryptoKey,
  payload: string,
  signature: string,
): Promise<boolean> {
  const raw = signatureBytes(signature);
  if (!raw) return false;
  try {
    return await crypto.subtle.verify(SIGN_PARAMS, key, raw, new TextEncoder().encode(payload));
  } catch {
    return false;
  }
}

/** Signs the UTF-8 bytes of `payload`; returns base64 r || s. For the maintainer tools and tests. */
export async function signPayload(privateKey: CryptoKey, payload: string): Promise<string> {
  const signature = await crypto.subtle.sign(
    SIGN_PARAMS,
    privateKey,
    new TextEncoder().encode(payload),
  );
  return bytesToBase64(new Uint8Array(signature));
}

export async function generateKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
}

export async function exportPublicKey(key: CryptoKey): Promise<string> {
  return bytesToBase64(new Uint8Array(await crypto.subtle.exportKey('spki', key)));
}

/** PKCS#8 DER in base64: the private key file format of the maintainer tools. */
export async function exportPrivateKey(key: CryptoKey): Promise<string> {
  return bytesToBase64(new Uint8Array(await crypto.subtle.exportKey('pkcs8', key)));
}

export async function importPrivateKey(pkcs8: string): Promise<CryptoKey> {
  const body = pkcs8
    .replace(/-----BEGIN PRIVATE KEY-----/, '')
    .replace(/-----END PRIVATE KEY-----/, '')
    .trim();
  return crypto.subtle.importKey('pkcs8', base64ToBytes(body), ALGORITHM, false, ['sign']);
}
