import {
  type KeyObject,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
} from 'node:crypto';

/** The JWS algorithms Berth signs registry tokens with; `none` and HMAC are never accepted. */
export type TokenAlgorithm = 'ES256' | 'RS256';

/** A key that verifies tokens: its id (the JWK thumbprint), algorithm and public key. */
export interface VerificationKey {
  kid: string;
  alg: TokenAlgorithm;
  publicKey: KeyObject;
}

/** A key that signs tokens: the verification key plus the private half. */
export interface SigningKey extends VerificationKey {
  privateKey: KeyObject;
}

/** Thrown for a key that cannot sign or verify Berth tokens. */
export class TokenKeyError extends Error {}

/** Minimum RSA modulus accepted: 2048 bits, NIST's floor for RSA signatures. */
const MIN_RSA_BITS = 2048;

function algorithmOf(key: KeyObject): TokenAlgorithm {
  if (key.asymmetricKeyType === 'ec') {
    if (key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      throw new TokenKeyError('EC token keys must use the P-256 curve (ES256)');
    }
    return 'ES256';
  }
  if (key.asymmetricKeyType === 'rsa') {
    if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) {
      throw new TokenKeyError(`RSA token keys must have at least ${MIN_RSA_BITS} bits`);
    }
    return 'RS256';
  }
  throw new TokenKeyError(`token keys must be EC P-256 or RSA, not ${key.asymmetricKeyType ?? 'unknown'}`);
}

/** Computes a key's id as its RFC 7638 JWK thumbprint (base64url SHA-256 of the required members, in order). */
export function keyId(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' }) as JsonWebKey;
  const members =
    jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { e: jwk.e, kty: jwk.kty, n: jwk.n };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}

/** Loads a PEM private key (PKCS#8 or SEC1/PKCS#1) as a signing key. */
export function loadSigningKey(pem: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (err) {
    throw new TokenKeyError(`not a PEM private key: ${(err as Error).message}`);
  }
  const publicKey = createPublicKey(privateKey);
  return { kid: keyId(publicKey), alg: algorithmOf(publicKey), publicKey, privateKey };
}

const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----/g;

/** Loads every public key (or certificate) of a PEM bundle as verification keys. */
export function loadVerificationKeys(pemBundle: string): VerificationKey[] {
  const blocks = pemBundle.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new TokenKeyError('no PEM public key found');
  return blocks.map((block) => {
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey(block);
    } catch (err) {
      throw new TokenKeyError(`not a PEM public key: ${(err as Error).message}`);
    }
    return { kid: keyId(publicKey), alg: algorithmOf(publicKey), publicKey };
  });
}

/** Generates a fresh ES256 key pair as PEM, for the local launcher and tests. */
export function generateTokenKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

/** Writes a key's public half as PEM, to hand to the registry. */
export function publicKeyPem(key: VerificationKey): string {
  return key.publicKey.export({ format: 'pem', type: 'spki' }).toString();
}

/**
 * Reads a PEM value from an environment variable: `.env` files and some orchestrators cannot hold line breaks, so a
 * literal `\n` stands for one.
 */
export function pemFromEnv(value: string): string {
  return value.includes('-----BEGIN') ? value.replace(/\\n/g, '\n').trim() + '\n' : value;
}
