import { Inject, Injectable, Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { type Entry, InvalidCredentialsError, NoSuchObjectError } from 'ldapts';
import { createHash } from 'node:crypto';
import { CORE_API_CONFIG, type CoreApiConfig } from '../../config/core-api.config';
import { REDIS } from '../../infrastructure/infrastructure.module';
import { ConfigurationsService } from '../configurations/configurations.service';
import { type LdapSettings, toLdapSettings } from '../configurations/ldap-settings';
import {
  type LdapGroupSearchQueryDto,
  type LdapPingDto,
  type LdapPingResultDto,
  type LdapUserDto,
  type LdapUserGroupDto,
  HARBOR_LDAP_GROUP_TYPE,
} from './dto/ldap.dto';
import { LdapDirectory, type LdapSession, MS_PER_SECOND } from './ldap-directory';
import { LdapException, searchDnRefused, searchPasswordMissing } from './ldap.exception';
import { LdapLoginAdapter } from './ldap-login.adapter';
import {
  andFilters,
  attributeValues,
  containsFilter,
  describeLdapFailure,
  equalityFilter,
  firstValue,
  isDnUnder,
  memberOfAnyFilter,
  normalizeDn,
  scopeName,
} from './ldap-syntax';

/** A person as LDAP describes them. */
export interface LdapPerson {
  dn: string;
  /** The value of ldap_uid on the entry, in the directory's spelling. */
  username: string;
  email: string;
  realname: string;
}

/** A successful LDAP sign-in. */
export interface LdapAuthResult extends LdapPerson {
  /** DNs of every group the user is in (nested ones up to ldap_nested_groups_depth), normalized, sorted. */
  groupDns: string[];
  /** Whether the user is in ldap_group_admin_dn, which makes them a system administrator for this sign-in. */
  isAdminGroupMember: boolean;
}

/** Most entries a user or group search returns; the console shows them in one list. */
export const MAX_SEARCH_RESULTS = 100;
/** Group DNs per reverse-membership search when following nested groups, to keep each filter short. */
const NESTED_LOOKUP_BATCH = 50;
/** Group filter used when ldap_group_search_filter is empty: the group object classes of OpenLDAP and AD. */
export const DEFAULT_GROUP_FILTER =
  '(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=group)(objectClass=posixGroup))';
/** The attribute list meaning "no attributes, just the DN" (RFC 4511 4.5.1.8). */
const DN_ONLY = ['1.1'];
const INVALID_LOGIN = 'invalid username or password';

/**
 * LDAP for sign-in and administration: checks a person's password through passport-ldapauth (LdapLoginAdapter),
 * resolves their groups with ldapts (from memberOf, or one reverse `member=` search when the directory has no
 * memberOf) and caches the groups in Redis for ldap_group_cache_ttl_seconds; searches people and groups for the
 * console; pings a server with given settings. Every call, a whole sign-in included, is bounded by ldap_timeout, so
 * an LDAP outage fails sign-ins fast and leaves local sign-in untouched.
 */
@Injectable()
export class LdapService {
  private readonly logger = new Logger(LdapService.name);

  constructor(
    private readonly configurations: ConfigurationsService,
    private readonly directory: LdapDirectory,
    private readonly login: LdapLoginAdapter,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CORE_API_CONFIG) private readonly config: CoreApiConfig,
  ) {}

  /** Connects and binds with the stored settings, overridden by `overrides`, and says how it went in plain words. */
  async ping(overrides: LdapPingDto = {}): Promise<LdapPingResultDto> {
    const stored = await this.configurations.getLdapSettings().catch((err: unknown) => {
      // An unreadable stored password must not stop an administrator from testing a new one.
      if (overrides.ldap_search_password === undefined) throw err;
      return this.configurations.getAll().then((config) => toLdapSettings(config, ''));
    });
    const settings = pingSettings(stored, overrides);
    if (settings.url === '') return { success: false, message: 'ldap_url is not set' };
    try {
      await this.run(settings, async (session) => {
        await bindService(session, settings);
        if (settings.baseDn !== '') {
          await session.search(settings.baseDn, { scope: 'base', attributes: DN_ONLY }).catch((err: unknown) => {
            if (err instanceof NoSuchObjectError) {
              throw new LdapException('REJECTED', `the base DN ${settings.baseDn} does not exist`);
            }
            throw err;
          });
        }
      });
    } catch (err) {
      if (err instanceof LdapException) return { success: false, message: err.message };
      throw err;
    }
    const who = settings.searchDn === '' ? 'anonymously' : `as ${settings.searchDn}`;
    return { success: true, message: `connected to ${serverOf(settings.url)} ${who}` };
  }

  /** Lists people whose login name contains `username` (all people when empty), at most MAX_SEARCH_RESULTS. */
  async searchUsers(username = ''): Promise<LdapUserDto[]> {
    const settings = await this.configuredSettings();
    const entries = await this.run(settings, async (session) => {
      await bindService(session, settings);
      return session.search(settings.baseDn, {
        scope: scopeName(settings.scope),
        filter: andFilters(settings.filter, containsFilter(settings.uidAttribute, username)),
        attributes: personAttributes(settings),
        sizeLimit: MAX_SEARCH_RESULTS,
      });
    });
    return entries
      .map((entry) => toPerson(entry, settings))
      .filter((person) => person.username !== '')
      .map(({ username: name, realname, email }) => ({ username: name, realname, email }));
  }

  /** Looks up people by exact login name in one search; the map is keyed by the lower-cased login name. */
  async findUsers(uids: readonly string[]): Promise<Map<string, LdapPerson>> {
    const settings = await this.configuredSettings();
    if (uids.length === 0) return new Map();
    const byUid = uids.map((uid) => equalityFilter(settings.uidAttribute, uid));
    const entries = await this.run(settings, async (session) => {
      await bindService(session, settings);
      return session.search(settings.baseDn, {
        scope: scopeName(settings.scope),
        filter: andFilters(settings.filter, byUid.length === 1 ? (byUid[0] as string) : `(|${byUid.join('')})`),
        attributes: personAttributes(settings),
        // One extra entry per name would reveal ambiguous names; more than that cannot be useful.
        sizeLimit: uids.length * 2,
      });
    });
    const people = new Map<string, LdapPerson>();
    for (const person of entries.map((entry) => toPerson(entry, settings))) {
      const key = person.username.toLowerCase();
      // A name that matches two entries is ambiguous: import neither, as sign-in would refuse it too.
      if (people.has(key)) people.set(key, { ...person, dn: '' });
      else people.set(key, person);
    }
    for (const [key, person] of people) if (person.dn === '') people.delete(key);
    return people;
  }

  /** Finds groups by exact DN, or by part of their name below the group base DN. */
  async searchGroups(query: LdapGroupSearchQueryDto): Promise<LdapUserGroupDto[]> {
    const settings = await this.configuredSettings();
    const filter = settings.groupSearchFilter || DEFAULT_GROUP_FILTER;
    const nameAttribute = settings.groupNameAttribute;
    const entries = await this.run(settings, async (session) => {
      await bindService(session, settings);
      if (query.groupdn) {
        return session
          .search(query.groupdn, { scope: 'base', filter: andFilters(filter), attributes: [nameAttribute] })
          .catch((err: unknown) => {
            if (err instanceof NoSuchObjectError) return [];
            throw err;
          });
      }
      return session.search(groupBase(settings), {
        scope: scopeName(settings.groupSearchScope),
        filter: andFilters(filter, containsFilter(nameAttribute, query.groupname ?? '')),
        attributes: [nameAttribute],
        sizeLimit: MAX_SEARCH_RESULTS,
      });
    });
    return entries.map((entry) => ({
      group_name: firstValue(entry, nameAttribute) || entry.dn,
      ldap_group_dn: entry.dn,
      group_type: HARBOR_LDAP_GROUP_TYPE,
    }));
  }

  /**
   * Checks a password through passport-ldapauth (search as ldap_search_dn, bind as the person) and returns who they
   * are and their groups; throws LdapException BAD_CREDENTIALS for a wrong password or unknown name, UNREACHABLE when
   * the server cannot answer in time, REJECTED when the server refuses Berth's own bind or search, NOT_CONFIGURED
   * without settings. The sign-in as a whole, groups included, takes at most ldap_timeout.
   */
  async authenticate(username: string, password: string): Promise<LdapAuthResult> {
    const settings = await this.configuredSettings();
    // An empty password would make an "unauthenticated bind", which servers may accept (RFC 4513 5.1.2).
    if (username === '' || password === '') throw new LdapException('BAD_CREDENTIALS', INVALID_LOGIN);
    const deadlineAt = Date.now() + settings.timeoutSeconds * MS_PER_SECOND;
    const attributes = [...personAttributes(settings), settings.groupMembershipAttribute];
    const entry = await this.login.login(settings, { username, password, attributes, deadlineAt });
    const groupDns = await this.groupsOf(settings, entry, deadlineAt);
    const adminDn = normalizeDn(settings.groupAdminDn);
    return {
      ...toPerson(entry, settings),
      groupDns,
      isAdminGroupMember: adminDn !== '' && groupDns.includes(adminDn),
    };
  }

  /**
   * Returns the normalized DNs of every group the entry `userDn` is in, from the cache when it holds them, else read
   * as ldap_search_dn (the entry's membership attribute, or the reverse search) and cached; throws LdapException when
   * LDAP cannot answer. Requests of signed-in users call it when their cached membership has expired.
   */
  async groupDnsOf(userDn: string): Promise<string[]> {
    const settings = await this.configuredSettings();
    const deadlineAt = Date.now() + settings.timeoutSeconds * MS_PER_SECOND;
    const cached = await this.cachedGroups(settings, userDn);
    if (cached) return cached;
    const entry = await this.run(
      settings,
      async (session) => {
        await bindService(session, settings);
        const [found] = await session.search(userDn, {
          scope: 'base',
          attributes: [settings.groupMembershipAttribute],
        });
        if (!found) throw new LdapException('BAD_CREDENTIALS', `the LDAP entry ${userDn} no longer exists`);
        return found;
      },
      deadlineAt,
    );
    return this.resolveAndCacheGroups(settings, entry, deadlineAt);
  }

  /** The stored settings, refusing with NOT_CONFIGURED when there is no server or base DN to use. */
  private async configuredSettings(): Promise<LdapSettings> {
    const settings = await this.configurations.getLdapSettings();
    if (settings.url === '' || settings.baseDn === '') {
      throw new LdapException('NOT_CONFIGURED', 'LDAP is not configured: set ldap_url and ldap_base_dn');
    }
    return settings;
  }

  /** Runs work in a session, turning client errors into LdapException with a plain-words message. */
  private async run<T>(
    settings: LdapSettings,
    work: (session: LdapSession) => Promise<T>,
    deadlineAt?: number,
  ): Promise<T> {
    try {
      return await this.directory.withSession(settings, work, deadlineAt);
    } catch (err) {
      if (err instanceof LdapException) throw err;
      const failure = describeLdapFailure(err, settings.url, settings.timeoutSeconds);
      const code = failure.kind === 'unreachable' ? 'UNREACHABLE' : 'REJECTED';
      if (code === 'UNREACHABLE') this.logger.warn(failure.message);
      throw new LdapException(code, failure.message);
    }
  }

  /**
   * The user's groups from the cache, or resolved over ldapts and cached; no connection is opened when the entry
   * lists its groups and nesting is off, as ldapts connects on the first request.
   */
  private async groupsOf(settings: LdapSettings, entry: Entry, deadlineAt: number): Promise<string[]> {
    return (await this.cachedGroups(settings, entry.dn)) ?? this.resolveAndCacheGroups(settings, entry, deadlineAt);
  }

  /** The user's groups as cached, or null on a miss, with caching off, or when Redis cannot answer. */
  private async cachedGroups(settings: LdapSettings, userDn: string): Promise<string[] | null> {
    if (settings.groupCacheTtlSeconds <= 0) return null;
    const cached = await this.redis.get(this.cacheKey(settings, userDn)).catch((err: unknown) => this.cacheFailed(err));
    return cached ? (JSON.parse(cached) as string[]) : null;
  }

  /** Resolves the user's groups over ldapts and caches them for ldap_group_cache_ttl_seconds. */
  private async resolveAndCacheGroups(settings: LdapSettings, entry: Entry, deadlineAt: number): Promise<string[]> {
    const groups = await this.run(settings, (session) => resolveGroups(session, settings, entry), deadlineAt);
    const ttl = settings.groupCacheTtlSeconds;
    if (ttl > 0) {
      await this.redis
        .set(this.cacheKey(settings, entry.dn), JSON.stringify(groups), 'EX', ttl)
        .catch((err) => this.cacheFailed(err));
    }
    return groups;
  }

  /** The Redis key of a user's groups, over every setting that changes the answer, so a settings change misses. */
  private cacheKey(settings: LdapSettings, userDn: string): string {
    const inputs = [
      settings.url,
      settings.groupBaseDn || settings.baseDn,
      settings.groupSearchFilter,
      settings.groupMembershipAttribute,
      settings.groupSearchScope,
      settings.nestedGroupsDepth,
      normalizeDn(userDn),
    ];
    const digest = createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
    return `${this.config.BERTH_REDIS_PREFIX}:ldap:groups:${digest}`;
  }

  /** Redis only caches: without it sign-ins ask LDAP every time. */
  private cacheFailed(err: unknown): null {
    this.logger.warn(`LDAP group cache unavailable: ${(err as Error).message}`);
    return null;
  }
}

/**
 * Resolves a user's groups: the membership attribute when the entry has it (no search at all), otherwise one reverse
 * `member=<dn>` search; then one search per level of nesting, up to ldap_nested_groups_depth.
 */
async function resolveGroups(session: LdapSession, settings: LdapSettings, entry: Entry): Promise<string[]> {
  const base = groupBase(settings);
  const filter = settings.groupSearchFilter || DEFAULT_GROUP_FILTER;
  let boundAsService = false;
  const search = async (memberDns: string[]): Promise<string[]> => {
    if (!boundAsService) {
      // The user may not be allowed to read groups; Berth's own identity is.
      await bindService(session, settings);
      boundAsService = true;
    }
    const found: string[] = [];
    for (let start = 0; start < memberDns.length; start += NESTED_LOOKUP_BATCH) {
      const batch = memberDns.slice(start, start + NESTED_LOOKUP_BATCH);
      const entries = await session.search(base, {
        scope: scopeName(settings.groupSearchScope),
        filter: andFilters(filter, memberOfAnyFilter(batch)),
        attributes: DN_ONLY,
      });
      found.push(...entries.map((group) => group.dn));
    }
    return found;
  };
  const listed = attributeValues(entry, settings.groupMembershipAttribute);
  const direct = listed.length > 0 ? listed.filter((dn) => isDnUnder(dn, base)) : await search([entry.dn]);
  const seen = new Map(direct.map((dn) => [normalizeDn(dn), dn]));
  let frontier = [...seen.values()];
  for (let level = 0; level < settings.nestedGroupsDepth && frontier.length > 0; level++) {
    const parents = await search(frontier);
    frontier = [];
    for (const dn of parents) {
      const normalized = normalizeDn(dn);
      if (seen.has(normalized)) continue;
      seen.set(normalized, dn);
      frontier.push(dn);
    }
  }
  return [...seen.keys()].sort();
}

/** Binds as ldap_search_dn, or stays anonymous without one; a refused bind is Berth's misconfiguration. */
async function bindService(session: LdapSession, settings: LdapSettings): Promise<void> {
  if (settings.searchDn === '') return;
  if (settings.searchPassword === '') throw searchPasswordMissing();
  try {
    await session.bind(settings.searchDn, settings.searchPassword);
  } catch (err) {
    if (err instanceof InvalidCredentialsError) throw searchDnRefused(settings.searchDn);
    throw err;
  }
}

function groupBase(settings: LdapSettings): string {
  return settings.groupBaseDn || settings.baseDn;
}

function personAttributes(settings: LdapSettings): string[] {
  return [settings.uidAttribute, 'cn', 'displayName', 'mail'];
}

function toPerson(entry: Entry, settings: LdapSettings): LdapPerson {
  const username = firstValue(entry, settings.uidAttribute);
  return {
    dn: entry.dn,
    username,
    email: firstValue(entry, 'mail'),
    realname: firstValue(entry, 'displayName') || firstValue(entry, 'cn') || username,
  };
}

function serverOf(url: string): string {
  return url.replace(/^ldaps?:\/\//i, '').replace(/\/$/, '');
}

/** The stored settings with a ping's overrides; the stored password goes with the stored search DN only. */
export function pingSettings(stored: LdapSettings, overrides: LdapPingDto): LdapSettings {
  const searchDn = overrides.ldap_search_dn ?? stored.searchDn;
  // As in Harbor: an administrator who can change ldap_url may already send the stored password anywhere.
  const samePrincipal = searchDn === stored.searchDn;
  return {
    ...stored,
    url: overrides.ldap_url ?? stored.url,
    searchDn,
    searchPassword: overrides.ldap_search_password ?? (samePrincipal ? stored.searchPassword : ''),
    baseDn: overrides.ldap_base_dn ?? stored.baseDn,
    filter: overrides.ldap_filter ?? stored.filter,
    uidAttribute: overrides.ldap_uid ?? stored.uidAttribute,
    scope: overrides.ldap_scope ?? stored.scope,
    timeoutSeconds: overrides.ldap_connection_timeout ?? stored.timeoutSeconds,
    verifyCert: overrides.ldap_verify_cert ?? stored.verifyCert,
  };
}
