import { createHash } from 'node:crypto';
import { type RegistryTokenClaims } from '@berth/auth';

/**
 * Tokens remembered per replica: 10 000 covers every client active within a token's life on a busy replica, and at a
 * few KiB of claims each stays within tens of MiB.
 */
export const TOKEN_CACHE_ENTRIES = 10_000;

/**
 * Verified tokens by a hash of their string, for their remaining life: a client sends the same token on every request
 * of a pull or push, and a signature check costs far more than a hash. Least recently used entries go first.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, RegistryTokenClaims>();

  constructor(private readonly capacity = TOKEN_CACHE_ENTRIES) {}

  /** Returns the claims of a token verified before and not yet expired. */
  get(token: string, nowSeconds: number): RegistryTokenClaims | undefined {
    const key = keyOf(token);
    const claims = this.entries.get(key);
    if (!claims) return undefined;
    this.entries.delete(key);
    if (claims.exp < nowSeconds) return undefined;
    this.entries.set(key, claims);
    return claims;
  }

  /** Remembers a verified token's claims, evicting the least recently used entry when full. */
  set(token: string, claims: RegistryTokenClaims): void {
    const key = keyOf(token);
    this.entries.delete(key);
    this.entries.set(key, claims);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  /** How many tokens are remembered. */
  get size(): number {
    return this.entries.size;
  }
}

function keyOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
