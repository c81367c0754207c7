/*
 * Encryption of secrets Berth must be able to read back (the LDAP bind password), as opposed to passwords it only
 * verifies (those are argon2id hashes).
 *
 * Sealed format, one ASCII string safe for a JSON column:
 *
 *   v1.<key id>.<iv>.<ciphertext>.<tag>        (each part base64url, no padding)
 *
 * - v1: AES-256-GCM, 96-bit random IV, 128-bit tag; the key is HKDF-SHA256 of BERTH_SECRET_KEY.
 * - key id: the first 8 bytes of SHA-256 over the derived key, so a box holding several keys (the current one first,
 *   older ones after it) finds the one a value was sealed with, and rotation is: add the new key in front, re-seal, drop
 *   the old key. The id reveals nothing usable about the key.
 * - The caller's context string (e.g. `configuration:ldap_search_password`) is bound as additional authenticated data,
 *   so a sealed value copied into another field does not open there.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/** Minimum length of BERTH_SECRET_KEY: 32 characters, enough entropy for a 256-bit key when chosen at random. */
export const MIN_SECRET_KEY_LENGTH = 32;

/** Why a secret could not be sealed or opened. */
export type SecretBoxErrorCode = 'no-key' | 'malformed' | 'unknown-key' | 'tampered';

/** A secret could not be sealed or opened; the message never contains the secret. */
export class SecretBoxError extends Error {
  constructor(
    readonly code: SecretBoxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

const VERSION = 'v1';
const CIPHER = 'aes-256-gcm';
const KEY_BYTES = 32;
/** 96 bits, the IV size GCM is specified for. */
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_BYTES = 8;
/** Fixed HKDF salt and info: domain separation from any other use of the same configured secret. */
const HKDF_SALT = 'berth/secret-box';
const HKDF_INFO = 'berth/secret-box/v1/aes-256-gcm';
const SEALED_PARTS = 5;

interface BoxKey {
  id: string;
  key: Buffer;
}

/** Seals and opens secrets with AES-256-GCM under keys derived from configured secret strings. */
export class SecretBox {
  private readonly keys: BoxKey[];

  /** Takes the configured secrets, the current one first; an empty list makes a box that refuses to seal or open. */
  constructor(secrets: readonly string[]) {
    this.keys = secrets.map((secret) => {
      if (secret.length < MIN_SECRET_KEY_LENGTH) {
        throw new SecretBoxError('no-key', `a secret key must be at least ${MIN_SECRET_KEY_LENGTH} characters`);
      }
      const key = Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, HKDF_INFO, KEY_BYTES));
      const id = createHash('sha256').update(key).digest().subarray(0, KEY_ID_BYTES).toString('base64url');
      return { id, key };
    });
  }

  /** Tells whether a key is configured, so callers can refuse early with a clear message. */
  get hasKey(): boolean {
    return this.keys.length > 0;
  }

  /** Tells whether a value looks like something seal() produced (it may still fail to open). */
  static isSealed(value: unknown): value is string {
    return typeof value === 'string' && value.startsWith(`${VERSION}.`) && value.split('.').length === SEALED_PARTS;
  }

  /** Encrypts a secret under the current key, bound to a context string. */
  seal(plaintext: string, context: string): string {
    const current = this.keys[0];
    if (!current) throw new SecretBoxError('no-key', 'no secret key is configured (set BERTH_SECRET_KEY)');
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(CIPHER, current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, current.id, iv, ciphertext, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** Decrypts a sealed value with whichever configured key sealed it; throws when it was altered or misplaced. */
  open(sealed: string, context: string): string {
    if (!this.hasKey) throw new SecretBoxError('no-key', 'no secret key is configured (set BERTH_SECRET_KEY)');
    const parts = sealed.split('.');
    if (parts.length !== SEALED_PARTS || parts[0] !== VERSION) {
      throw new SecretBoxError('malformed', 'not a sealed secret of a known version');
    }
    const [, keyId, ivText, ciphertextText, tagText] = parts as [string, string, string, string, string];
    const box = this.keys.find((candidate) => candidate.id === keyId);
    if (!box) {
      throw new SecretBoxError('unknown-key', `sealed with key ${keyId}, which is not configured (BERTH_SECRET_KEY)`);
    }
    const iv = Buffer.from(ivText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw new SecretBoxError('malformed', 'sealed secret has a bad IV or tag length');
    }
    try {
      const decipher = createDecipheriv(CIPHER, box.key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(ciphertextText, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new SecretBoxError('tampered', 'sealed secret failed authentication (altered, or sealed for another use)');
    }
  }
}
