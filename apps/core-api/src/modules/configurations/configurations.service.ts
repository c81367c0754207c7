import { ConfigurationRepository } from '@berth/db';
import { Injectable, Logger } from '@nestjs/common';
import { type Actor } from '../../common/auth/principal';
import { SecretBox } from '../../common/crypto/secret-box';
import { AuditService } from '../audit/audit.service';
import {
  type AuthMode,
  CONFIGURATION_KEYS,
  type ConfigurationKey,
  effectiveConfiguration,
  LDAP_SEARCH_PASSWORD_CONTEXT,
  LDAP_SEARCH_PASSWORD_KEY,
  type SystemConfiguration,
} from './configuration-keys';
import { ConfigurationsException } from './configurations.exception';
import { type ConfigurationsDto } from './dto/configurations.dto';
import { type ConfigurationsResponseDto } from './dto/configurations-response.dto';
import { type LdapSettings, type SecurityPolicy, toLdapSettings, toSecurityPolicy } from './ldap-settings';

/**
 * How long a replica trusts its copy of the settings: a change made through another replica is seen within this
 * time, and a burst of logins reads the table once.
 */
export const CONFIGURATION_CACHE_MS = 5_000;

/** What a configuration update changed: the hook for the audit log and for anyone reacting to settings. */
export interface ConfigurationUpdate {
  /** Keys whose stored value changed, sorted; `ldap_search_password` when the password changed. */
  changedKeys: string[];
}

interface Snapshot {
  config: SystemConfiguration;
  sealedPassword: string;
}

/** The system settings: typed reads for every module (cached briefly) and the validated, audited update. */
@Injectable()
export class ConfigurationsService {
  private readonly logger = new Logger(ConfigurationsService.name);
  private snapshot?: Promise<Snapshot>;

  constructor(
    private readonly repository: ConfigurationRepository,
    private readonly secretBox: SecretBox,
    private readonly audit: AuditService,
  ) {}

  /** Returns every setting's effective value (never the LDAP bind password). */
  async getAll(): Promise<SystemConfiguration> {
    return (await this.load()).config;
  }

  /** Returns how people sign in. */
  async getAuthMode(): Promise<AuthMode> {
    return (await this.load()).config.auth_mode;
  }

  /** Returns the LDAP settings with the bind password decrypted. */
  async getLdapSettings(): Promise<LdapSettings> {
    const snapshot = await this.load();
    return toLdapSettings(snapshot.config, this.openPassword(snapshot.sealedPassword));
  }

  /** Returns the rules on sign-in, tokens, robots and the audit log. */
  async getSecurityPolicy(): Promise<SecurityPolicy> {
    return toSecurityPolicy((await this.load()).config);
  }

  /** Lists every setting in Harbor's `{ value, editable }` shape. */
  async describe(): Promise<ConfigurationsResponseDto> {
    const snapshot = await this.load();
    const items: Record<string, { value: unknown; editable: boolean }> = {};
    for (const key of CONFIGURATION_KEYS) items[key] = { value: snapshot.config[key], editable: true };
    items['ldap_search_password_set'] = { value: snapshot.sealedPassword !== '', editable: false };
    return items as unknown as ConfigurationsResponseDto;
  }

  /**
   * Applies a partial update, stores only what differs, audits the changed keys after the write and returns them.
   * Switching to ldap_auth is allowed while local users exist (Harbor refuses it once non-admin users exist): local
   * accounts stay, and whether they may still sign in is the sign-in code's rule.
   */
  async update(actor: Actor, dto: ConfigurationsDto): Promise<ConfigurationUpdate> {
    const current = await this.load(true);
    const { ldap_search_password: password, ...settings } = dto;
    const changes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(settings) as [ConfigurationKey, unknown][]) {
      if (value !== undefined && value !== current.config[key]) changes[key] = value;
    }
    const next = { ...current.config, ...changes } as SystemConfiguration;
    if (next.auth_mode === 'ldap_auth' && (next.ldap_url === '' || next.ldap_base_dn === '')) {
      throw new ConfigurationsException('INVALID_COMBINATION', 'auth_mode ldap_auth needs ldap_url and ldap_base_dn');
    }
    if (password !== undefined && password !== this.openPasswordOrUndefined(current.sealedPassword)) {
      changes[LDAP_SEARCH_PASSWORD_KEY] = password === '' ? '' : this.sealPassword(password);
    }
    const changedKeys = await this.repository.setMany(changes);
    this.snapshot = undefined;
    if (changedKeys.length > 0) {
      await this.audit.record(actor, {
        operation: 'update',
        resourceType: 'configuration',
        resource: 'configurations',
        detail: { changed_keys: changedKeys },
      });
    }
    return { changedKeys };
  }

  /** Loads the settings, from the short-lived cache unless `fresh`; concurrent callers share one query. */
  private load(fresh = false): Promise<Snapshot> {
    const cached = this.snapshot;
    if (!fresh && cached) return cached;
    const loading = this.repository.getAll().then((stored) => {
      const sealed = stored.get(LDAP_SEARCH_PASSWORD_KEY);
      const snapshot: Snapshot = {
        config: effectiveConfiguration(stored),
        sealedPassword: typeof sealed === 'string' ? sealed : '',
      };
      const expiry = setTimeout(() => {
        if (this.snapshot === loading) this.snapshot = undefined;
      }, CONFIGURATION_CACHE_MS);
      expiry.unref();
      return snapshot;
    });
    this.snapshot = loading;
    // A failed load must not stay cached: the next caller tries the database again.
    loading.catch(() => {
      if (this.snapshot === loading) this.snapshot = undefined;
    });
    return loading;
  }

  private sealPassword(password: string): string {
    if (!this.secretBox.hasKey) {
      throw new ConfigurationsException(
        'SECRET_KEY_MISSING',
        'cannot store ldap_search_password: core-api runs without BERTH_SECRET_KEY',
      );
    }
    return this.secretBox.seal(password, LDAP_SEARCH_PASSWORD_CONTEXT);
  }

  private openPassword(sealed: string): string {
    if (sealed === '') return '';
    try {
      return this.secretBox.open(sealed, LDAP_SEARCH_PASSWORD_CONTEXT);
    } catch (err) {
      this.logger.error(`the stored ldap_search_password cannot be decrypted: ${(err as Error).message}`);
      throw new ConfigurationsException(
        'STORED_SECRET_UNREADABLE',
        'the stored LDAP bind password cannot be decrypted with BERTH_SECRET_KEY; set the password again',
      );
    }
  }

  /** The stored password, or undefined when it cannot be opened (so any new value counts as a change). */
  private openPasswordOrUndefined(sealed: string): string | undefined {
    try {
      return this.openPassword(sealed);
    } catch {
      return undefined;
    }
  }
}
