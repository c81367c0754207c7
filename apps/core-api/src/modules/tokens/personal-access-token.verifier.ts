import { PersonalAccessTokenRepository, type UserEntity } from '@berth/db';
import { type PermissionKey } from '@berth/rbac';
import { Injectable, Logger } from '@nestjs/common';
import { recordCredentialUse } from '../../common/auth/credential-use';
import {
  hashPersonalAccessTokenSecret,
  parsePersonalAccessToken,
  personalAccessTokenSecretMatches,
} from './personal-access-token.secret';

/** A hash no secret matches, compared against when the prefix is unknown so both paths cost the same. */
const UNMATCHABLE_HASH = hashPersonalAccessTokenSecret('');

/** The outcome of checking a token. */
export type PersonalAccessTokenCheck =
  | { ok: true; owner: UserEntity; tokenId: number; scopes: PermissionKey[] }
  | { ok: false; reason: 'invalid' | 'revoked' | 'expired' };

/** Checks personal access tokens presented as passwords. */
@Injectable()
export class PersonalAccessTokenVerifier {
  private readonly logger = new Logger(PersonalAccessTokenVerifier.name);

  constructor(private readonly tokens: PersonalAccessTokenRepository) {}

  /**
   * Checks a token given with a login name: it must exist, its secret must match, it must belong to that user (names
   * compared case-insensitively, as LDAP does), and be neither revoked nor expired. Records its use, throttled.
   */
  async check(username: string, token: string): Promise<PersonalAccessTokenCheck> {
    const parts = parsePersonalAccessToken(token);
    const found = parts ? await this.tokens.findByPrefix(parts.tokenPrefix) : null;
    if (!parts || !found) {
      personalAccessTokenSecretMatches(parts?.secret ?? '', UNMATCHABLE_HASH);
      return { ok: false, reason: 'invalid' };
    }
    const { token: row, owner } = found;
    if (!personalAccessTokenSecretMatches(parts.secret, row.secretHash)) return { ok: false, reason: 'invalid' };
    if (owner.username.toLowerCase() !== username.toLowerCase()) return { ok: false, reason: 'invalid' };
    // Told apart only after the secret matched, so the holder of a real token learns why it stopped working.
    if (row.revokedAt !== null) return { ok: false, reason: 'revoked' };
    const now = new Date();
    if (row.expiresAt !== null && row.expiresAt <= now) return { ok: false, reason: 'expired' };
    await recordCredentialUse(
      row.lastUsedAt,
      now,
      (at, minIntervalMs) => this.tokens.touchLastUsed(row.id, at, minIntervalMs),
      this.logger,
      `the use of personal access token ${row.id}`,
    );
    return { ok: true, owner, tokenId: row.id, scopes: row.scopes as PermissionKey[] };
  }
}
