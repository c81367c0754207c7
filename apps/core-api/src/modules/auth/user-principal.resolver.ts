import { type UserEntity, UserGroupRepository } from '@berth/db';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { type UserAuthMethod, type UserPrincipal } from '../../common/auth/principal';
import { ConfigurationsService } from '../configurations/configurations.service';
import { normalizeDn } from '../ldap/ldap-syntax';
import { LDAP_GROUP_LOOKUP, type LdapGroupLookup } from './ldap-group-lookup';

/** What LDAP said about a user's groups at sign-in or at the last lookup. */
export interface LdapMembership {
  /** Normalized DNs of the user's groups. */
  groupDns: string[];
  /** Whether the user is in ldap_group_admin_dn, which makes them a system administrator. */
  admin: boolean;
}

/** A membership with nothing in it: local accounts, or an LDAP user whose groups are unknown. */
export const NO_MEMBERSHIP: LdapMembership = Object.freeze({ groupDns: [], admin: false });

/**
 * Builds the principal of a signed-in user on every request: their Berth group ids come from their LDAP groups, which
 * LdapService keeps in its Redis cache from sign-in on (ldap_group_cache_ttl_seconds), so a request never searches
 * LDAP while that cache holds; on a miss one lookup refreshes it, and when LDAP cannot answer the caller's fallback (a
 * session's sign-in membership) is used.
 */
@Injectable()
export class UserPrincipalResolver {
  private readonly logger = new Logger(UserPrincipalResolver.name);

  constructor(
    private readonly groups: UserGroupRepository,
    private readonly configurations: ConfigurationsService,
    @Optional() @Inject(LDAP_GROUP_LOOKUP) private readonly lookup?: LdapGroupLookup,
  ) {}

  /** Builds the principal of a user from a membership LDAP just returned (LdapService has cached it). */
  fromSignIn(
    user: UserEntity,
    via: UserAuthMethod,
    membership: LdapMembership = NO_MEMBERSHIP,
  ): Promise<UserPrincipal> {
    return this.build(user, via, membership);
  }

  /** Builds the principal of a user known from a session or a token, their LDAP groups from cache or one lookup. */
  async forUser(
    user: UserEntity,
    via: UserAuthMethod,
    fallback: LdapMembership = NO_MEMBERSHIP,
  ): Promise<UserPrincipal> {
    const membership = user.source === 'ldap' ? await this.membershipOf(user, fallback) : NO_MEMBERSHIP;
    return this.build(user, via, membership);
  }

  private async build(user: UserEntity, via: UserAuthMethod, membership: LdapMembership): Promise<UserPrincipal> {
    return {
      kind: 'user',
      id: user.id,
      username: user.username,
      sysadmin: user.sysadmin || membership.admin,
      groupIds: await this.groups.idsByDns(membership.groupDns),
      via,
    };
  }

  private async membershipOf(user: UserEntity, fallback: LdapMembership): Promise<LdapMembership> {
    if (!this.lookup || !user.ldapDn) return fallback;
    const config = await this.configurations.getAll();
    if (config.auth_mode !== 'ldap_auth') return fallback;
    try {
      const groupDns = (await this.lookup.groupDnsOf(user.ldapDn)).map(normalizeDn).sort();
      const adminDn = normalizeDn(config.ldap_group_admin_dn);
      return { groupDns, admin: adminDn !== '' && groupDns.includes(adminDn) };
    } catch (err) {
      this.logger.warn(`could not refresh the LDAP groups of user ${user.id}: ${(err as Error).message}`);
      return fallback;
    }
  }
}
