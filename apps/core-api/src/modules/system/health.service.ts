import { BERTH_VERSION, type ComponentHealth, type OverallHealth, overall, probe } from '@berth/common';
import { workerHeartbeatPattern } from '@berth/queue';
import { BLOB_DRIVER, type BlobDriver } from '@berth/storage';
import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { CORE_API_CONFIG, type CoreApiConfig } from '../../config/core-api.config';
import { REDIS } from '../../infrastructure/infrastructure.module';

/** Upper bound on heartbeat keys read per health check; far more workers than any install runs. */
const MAX_WORKER_KEYS = 1000;

/** Checks every component of the platform, each with a bounded probe, all in parallel. */
@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(
    @Inject(CORE_API_CONFIG) private readonly config: CoreApiConfig,
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(BLOB_DRIVER) private readonly blobs: BlobDriver,
  ) {}

  /** Probes core, database, redis, storage, registry and worker. */
  async check(): Promise<OverallHealth> {
    const components: ComponentHealth[] = await Promise.all([
      probe('core', async () => ({
        version: BERTH_VERSION,
        uptime_seconds: Math.round((Date.now() - this.startedAt) / 1000),
      })),
      probe('database', async () => {
        const [row] = await this.dataSource.query('SELECT count(*)::int AS migrations FROM schema_migration');
        return { migrations: row.migrations };
      }),
      probe('redis', async () => {
        const pong = await this.redis.ping();
        if (pong !== 'PONG') throw new Error(`unexpected PING answer ${pong}`);
      }),
      probe('storage', async () => {
        await this.blobs.ping();
        return { backend: this.blobs.kind };
      }),
      probe('registry', async () => {
        const response = await fetch(this.config.BERTH_REGISTRY_HEALTH_URL);
        if (!response.ok) throw new Error(`registry health answered ${response.status}`);
      }),
      probe('worker', async () => {
        const [, keys] = await this.redis.scan(
          '0',
          'MATCH',
          workerHeartbeatPattern(this.config.BERTH_REDIS_PREFIX),
          'COUNT',
          MAX_WORKER_KEYS,
        );
        if (keys.length === 0) throw new Error('no worker has reported a heartbeat recently');
        return { workers: keys.length };
      }),
    ]);
    return overall(components);
  }
}
