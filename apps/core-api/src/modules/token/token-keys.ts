import { loadSigningKey, loadVerificationKeys, TokenSigner, TokenVerifier, type VerificationKey } from '@berth/auth';
import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { CORE_API_CONFIG, type CoreApiConfig } from '../../config/core-api.config';

/**
 * core-api's token keys: the signer of registry (and refresh) tokens, and a verifier over the signing key plus any
 * older public keys, for refresh tokens signed before a rotation. Without BERTH_TOKEN_SIGNING_KEY core-api still
 * runs, but issues no token (503), so an API-only deployment needs no key.
 */
@Injectable()
export class TokenKeys {
  private readonly logger = new Logger(TokenKeys.name);
  private readonly signer?: TokenSigner;
  private readonly verifier?: TokenVerifier;
  /** The `iss` of every token core-api signs. */
  readonly issuer: string;
  /** The registry's service name: the `aud` of registry tokens. */
  readonly service: string;

  constructor(@Inject(CORE_API_CONFIG) config: CoreApiConfig) {
    this.issuer = config.BERTH_TOKEN_ISSUER;
    this.service = config.BERTH_TOKEN_SERVICE;
    if (!config.BERTH_TOKEN_SIGNING_KEY) {
      this.logger.warn('BERTH_TOKEN_SIGNING_KEY is not set: the docker token service answers 503');
      return;
    }
    const signing = loadSigningKey(config.BERTH_TOKEN_SIGNING_KEY);
    const extra: VerificationKey[] = config.BERTH_TOKEN_PUBLIC_KEYS
      ? loadVerificationKeys(config.BERTH_TOKEN_PUBLIC_KEYS)
      : [];
    this.signer = new TokenSigner(signing, this.issuer);
    this.verifier = new TokenVerifier([signing, ...extra]);
    this.logger.log(`registry tokens are signed with ${signing.alg} key ${signing.kid}`);
  }

  /** Returns the signer, or answers 503 when core-api has no signing key. */
  requireSigner(): TokenSigner {
    if (!this.signer) throw new ServiceUnavailableException('the token service has no signing key configured');
    return this.signer;
  }

  /** Returns the verifier of core-api's own tokens, or answers 503 when core-api has no signing key. */
  requireVerifier(): TokenVerifier {
    if (!this.verifier) throw new ServiceUnavailableException('the token service has no signing key configured');
    return this.verifier;
  }
}
