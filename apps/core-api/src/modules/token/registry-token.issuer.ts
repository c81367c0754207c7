import { type ResourceAccess } from '@berth/auth';
import { Injectable } from '@nestjs/common';
import { TokenKeys } from './token-keys';

/** Lifetime of a token core-api signs for its own registry calls: five minutes, enough for one call with retries. */
export const SERVICE_TOKEN_TTL_SECONDS = 300;

/**
 * Signs registry tokens for core-api's own calls to the registry (deleting a manifest, listing tags): the registry
 * verifies them like any client's, so core-api holds no other credential for it.
 */
@Injectable()
export class RegistryTokenIssuer {
  constructor(private readonly keys: TokenKeys) {}

  /**
   * Signs a token for `subject` (e.g. `berth-core-api`) granting exactly `access`, valid `ttlSeconds`; throws a 503
   * ServiceUnavailableException when core-api has no signing key.
   */
  issue(subject: string, access: ResourceAccess[], ttlSeconds: number = SERVICE_TOKEN_TTL_SECONDS): string {
    return this.keys
      .requireSigner()
      .sign({ sub: subject, aud: this.keys.service, access, berth: { kind: 'service' } }, ttlSeconds).token;
  }
}
