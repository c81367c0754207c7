import { Inject, Injectable, Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { CORE_API_CONFIG, type CoreApiConfig } from '../../config/core-api.config';
import { REDIS } from '../../infrastructure/infrastructure.module';
import { ConfigurationsService } from '../configurations/configurations.service';

/**
 * A source address may fail this many times the per-account threshold before it is locked out: high enough that a
 * shared NAT address of an office is not locked by a few people mistyping, low enough that one address cannot try
 * many passwords on each of many accounts.
 */
export const SOURCE_THRESHOLD_FACTOR = 5;

/** What is locked, for the message and the audit entry. */
export type LockScope = 'account' | 'address';

/** Whether a sign-in may be attempted now. */
export type LockState = { locked: false } | { locked: true; scope: LockScope; retryAfterSeconds: number };

/**
 * Counts failed sign-ins in Redis per login name and per source address and locks either out for
 * login_lockout_minutes once it reaches its threshold (login_lockout_threshold, 0 turns locking off). The counters
 * are shared by every replica. Redis being down must not stop people signing in, so lockout then fails open.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CORE_API_CONFIG) private readonly config: CoreApiConfig,
    private readonly configurations: ConfigurationsService,
  ) {}

  /** Tells whether the account or the source address is locked out. */
  async state(username: string, sourceIp: string | null): Promise<LockState> {
    const policy = await this.policy();
    if (!policy) return { locked: false };
    const keys = this.keys(username, sourceIp);
    try {
      const pipeline = this.redis.pipeline().get(keys.account).pttl(keys.account);
      if (keys.address) pipeline.get(keys.address).pttl(keys.address);
      const replies = ((await pipeline.exec()) ?? []).map(([err, value]) => (err ? null : value));
      const [accountCount, accountTtl, addressCount, addressTtl] = replies as (string | number | null)[];
      if (Number(accountCount ?? 0) >= policy.threshold) {
        return { locked: true, scope: 'account', retryAfterSeconds: toSeconds(accountTtl) };
      }
      if (keys.address && Number(addressCount ?? 0) >= policy.threshold * SOURCE_THRESHOLD_FACTOR) {
        return { locked: true, scope: 'address', retryAfterSeconds: toSeconds(addressTtl) };
      }
      return { locked: false };
    } catch (err) {
      this.logger.warn(`login lockout unavailable, not enforced: ${(err as Error).message}`);
      return { locked: false };
    }
  }

  /**
   * Counts a failed sign-in against the account and the address. A counter's window starts at its first failure and
   * is restarted by the failure that reaches the threshold, so a lock lasts login_lockout_minutes from then.
   */
  async recordFailure(username: string, sourceIp: string | null): Promise<void> {
    const policy = await this.policy();
    if (!policy) return;
    const keys = this.keys(username, sourceIp);
    const lockMs = policy.minutes * 60_000;
    try {
      await this.count(keys.account, policy.threshold, lockMs);
      if (keys.address) await this.count(keys.address, policy.threshold * SOURCE_THRESHOLD_FACTOR, lockMs);
    } catch (err) {
      this.logger.warn(`could not count a failed sign-in: ${(err as Error).message}`);
    }
  }

  /** Forgets the failures of an account after it signed in or an administrator reset its password. */
  async reset(username: string): Promise<void> {
    try {
      await this.redis.del(this.keys(username, null).account);
    } catch (err) {
      this.logger.warn(`could not reset the failed sign-ins of an account: ${(err as Error).message}`);
    }
  }

  private async count(key: string, threshold: number, lockMs: number): Promise<void> {
    const count = await this.redis.incr(key);
    if (count === 1 || count === threshold) await this.redis.pexpire(key, lockMs);
  }

  private async policy(): Promise<{ threshold: number; minutes: number } | null> {
    const { loginLockoutThreshold, loginLockoutMinutes } = await this.configurations.getSecurityPolicy();
    return loginLockoutThreshold > 0 ? { threshold: loginLockoutThreshold, minutes: loginLockoutMinutes } : null;
  }

  /** Login names are compared lower-cased, so changing the case of a name cannot escape its counter. */
  private keys(username: string, sourceIp: string | null): { account: string; address?: string } {
    const prefix = `${this.config.BERTH_REDIS_PREFIX}:auth:failures`;
    return {
      account: `${prefix}:user:${encodeURIComponent(username.toLowerCase())}`,
      address: sourceIp ? `${prefix}:ip:${sourceIp}` : undefined,
    };
  }
}

function toSeconds(pttl: string | number | null): number {
  const ms = Number(pttl ?? 0);
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}
