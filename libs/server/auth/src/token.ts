import { randomUUID, sign as cryptoSign, verify as cryptoVerify } from 'node:crypto';
import { type SigningKey, type TokenAlgorithm, type VerificationKey } from './keys';
import { type ResourceAccess } from './scope';

/** Who a registry token was issued to; `service` is a Berth component calling the registry itself (core-api). */
export type TokenSubjectKind = 'user' | 'robot' | 'anonymous' | 'service';

/** The `iss` of registry tokens when BERTH_TOKEN_ISSUER is unset, on core-api and registry alike. */
export const DEFAULT_TOKEN_ISSUER = 'berth-token-service';

/** The service name (the tokens' `aud`) of the registry when BERTH_TOKEN_SERVICE is unset. */
export const DEFAULT_TOKEN_SERVICE = 'berth-registry';

/** The claims of a registry token: the Docker token spec's set plus Berth's own under `berth`. */
export interface RegistryTokenClaims {
  iss: string;
  /** The account name (`alice`, `robot$library+ci`), empty for anonymous callers. */
  sub: string;
  aud: string;
  exp: number;
  nbf: number;
  iat: number;
  jti: string;
  access: ResourceAccess[];
  berth: {
    kind: TokenSubjectKind;
    /** The user or robot id; absent for anonymous callers. */
    id?: number;
    /** With `registry:catalog:*`: the project names whose repositories the caller may list, or `*` for all. */
    projects?: string[] | '*';
  };
}

/** The claims a caller chooses; the signer adds issuer, times and id. */
export type TokenClaimsInput = Pick<RegistryTokenClaims, 'sub' | 'aud' | 'access' | 'berth'>;

/** Why a token was refused. */
export type TokenErrorCode =
  | 'malformed'
  | 'unsupported_algorithm'
  | 'unknown_key'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_issuer'
  | 'wrong_audience';

/** Thrown for a token that must not be accepted, with the reason. */
export class TokenError extends Error {
  constructor(
    readonly code: TokenErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Clock difference tolerated between core-api and registry replicas when checking `nbf` and `exp`. */
const CLOCK_SKEW_SECONDS = 30;
/** Longest token accepted; real tokens are a few KiB, so anything longer is refused before parsing. */
const MAX_TOKEN_LENGTH = 64 * 1024;

function base64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function signatureOptions(alg: TokenAlgorithm) {
  // JWS ES256 signatures are the raw r||s pair (IEEE P1363), not DER.
  return alg === 'ES256' ? { dsaEncoding: 'ieee-p1363' as const } : {};
}

/** Signs registry tokens with core-api's current key. */
export class TokenSigner {
  constructor(
    private readonly key: SigningKey,
    private readonly issuer: string,
  ) {}

  /** The id of the key tokens are signed with. */
  get kid(): string {
    return this.key.kid;
  }

  /** Signs a token valid for the given number of seconds from now. */
  sign(input: TokenClaimsInput, ttlSeconds: number, now = Date.now()): { token: string; claims: RegistryTokenClaims } {
    const iat = Math.floor(now / 1000);
    const claims: RegistryTokenClaims = {
      iss: this.issuer,
      sub: input.sub,
      aud: input.aud,
      exp: iat + ttlSeconds,
      nbf: iat,
      iat,
      jti: randomUUID(),
      access: input.access,
      berth: input.berth,
    };
    const header = { alg: this.key.alg, typ: 'JWT', kid: this.key.kid };
    const signingInput = `${base64urlJson(header)}.${base64urlJson(claims)}`;
    const signature = cryptoSign('sha256', Buffer.from(signingInput), {
      key: this.key.privateKey,
      ...signatureOptions(this.key.alg),
    });
    return { token: `${signingInput}.${signature.toString('base64url')}`, claims };
  }
}

/** Options of a verification: which issuer and audience to require, and how much expiry to forgive. */
export interface VerifyOptions {
  issuer: string;
  audience: string;
  /** Accept a token up to this many seconds past its expiry (an upload session begun while it was valid). */
  expiredGraceSeconds?: number;
  now?: number;
}

function decodeSegment(segment: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) throw new TokenError('malformed', 'token is not base64url');
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw new TokenError('malformed', 'token segment is not JSON');
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkClaims(payload: Record<string, unknown>): RegistryTokenClaims {
  const numeric = ['exp', 'nbf', 'iat'] as const;
  for (const name of numeric) {
    if (typeof payload[name] !== 'number') throw new TokenError('malformed', `token claim ${name} is missing`);
  }
  if (typeof payload['iss'] !== 'string' || typeof payload['aud'] !== 'string' || typeof payload['sub'] !== 'string') {
    throw new TokenError('malformed', 'token claims iss, aud and sub must be strings');
  }
  const access = payload['access'];
  if (
    !Array.isArray(access) ||
    !access.every(
      (a) =>
        isObject(a) &&
        typeof a['type'] === 'string' &&
        typeof a['name'] === 'string' &&
        Array.isArray(a['actions']) &&
        a['actions'].every((x) => typeof x === 'string'),
    )
  ) {
    throw new TokenError('malformed', 'token claim access is not a list of resources');
  }
  if (!isObject(payload['berth'])) throw new TokenError('malformed', 'token claim berth is missing');
  return payload as unknown as RegistryTokenClaims;
}

/** Verifies registry tokens offline against one or more public keys (two during a key rotation). */
export class TokenVerifier {
  private readonly keys: Map<string, VerificationKey>;

  constructor(keys: readonly VerificationKey[]) {
    this.keys = new Map(keys.map((key) => [key.kid, key]));
  }

  /** Checks a token's signature, algorithm, issuer, audience and times, and returns its claims. */
  verify(token: string, options: VerifyOptions): RegistryTokenClaims {
    if (token.length > MAX_TOKEN_LENGTH) throw new TokenError('malformed', 'token is too long');
    const parts = token.split('.');
    if (parts.length !== 3) throw new TokenError('malformed', 'token is not a signed JWT');
    const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
    const header = decodeSegment(headerPart);
    if (!isObject(header)) throw new TokenError('malformed', 'token header is not an object');
    const alg = header['alg'];
    if (alg !== 'ES256' && alg !== 'RS256') {
      throw new TokenError('unsupported_algorithm', `token algorithm ${String(alg)} is not accepted`);
    }
    const key = typeof header['kid'] === 'string' ? this.keys.get(header['kid']) : undefined;
    if (!key) throw new TokenError('unknown_key', 'token was signed by an unknown key');
    // The key decides the algorithm: a token claiming another one for this key is forged.
    if (key.alg !== alg) throw new TokenError('unsupported_algorithm', 'token algorithm does not match its key');
    if (!/^[A-Za-z0-9_-]+$/.test(signaturePart)) throw new TokenError('malformed', 'token signature is not base64url');
    const valid = cryptoVerify(
      'sha256',
      Buffer.from(`${headerPart}.${payloadPart}`),
      { key: key.publicKey, ...signatureOptions(key.alg) },
      Buffer.from(signaturePart, 'base64url'),
    );
    if (!valid) throw new TokenError('bad_signature', 'token signature is invalid');
    const payload = decodeSegment(payloadPart);
    if (!isObject(payload)) throw new TokenError('malformed', 'token payload is not an object');
    const claims = checkClaims(payload);
    if (claims.iss !== options.issuer) throw new TokenError('wrong_issuer', 'token was issued by someone else');
    if (claims.aud !== options.audience) throw new TokenError('wrong_audience', 'token is for another service');
    const now = Math.floor((options.now ?? Date.now()) / 1000);
    if (claims.nbf > now + CLOCK_SKEW_SECONDS) throw new TokenError('not_yet_valid', 'token is not valid yet');
    if (claims.exp + CLOCK_SKEW_SECONDS + (options.expiredGraceSeconds ?? 0) < now) {
      throw new TokenError('expired', 'token has expired');
    }
    return claims;
  }

  /** Tells whether a verified token is past its own expiry (still accepted only within a grace period). */
  static isExpired(claims: RegistryTokenClaims, now = Date.now()): boolean {
    return claims.exp + CLOCK_SKEW_SECONDS < Math.floor(now / 1000);
  }
}
