import {
  ArtifactQuery,
  AuditLogRepository,
  ConfigurationRepository,
  dataSourceOptions,
  ProjectMemberRepository,
  ProjectRepository,
  RepositoryQuery,
  RobotRepository,
  UserRepository,
  UserAccountRepository,
  UserGroupRepository,
  PersonalAccessTokenRepository,
} from '@berth/db';
import { BLOB_DRIVER, createBlobDriver } from '@berth/storage';
import { type DynamicModule, Global, Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { CORE_API_CONFIG, type CoreApiConfig } from '../config/core-api.config';

/** Injection token of the shared ioredis client. */
export const REDIS = Symbol('REDIS');

/** The repositories of libs/server/db that core-api injects; each is built over the one DataSource. */
const REPOSITORIES = [
  UserRepository,
  ConfigurationRepository,
  ProjectRepository,
  ProjectMemberRepository,
  AuditLogRepository,
  RepositoryQuery,
  ArtifactQuery,
  RobotRepository,
  UserAccountRepository,
  UserGroupRepository,
  PersonalAccessTokenRepository,
] as const;

/** Closes the Redis client when the application shuts down. */
@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Quits the Redis connection. */
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** Connections to the backing services (Postgres, Redis, blob storage) and the repositories over them. */
@Global()
export class InfrastructureModule {
  /** Builds the module for one parsed configuration. */
  static forRoot(config: CoreApiConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config, { applicationName: 'berth-core-api' }),
        }),
      ],
      providers: [
        { provide: CORE_API_CONFIG, useValue: config },
        {
          provide: REDIS,
          // Health checks must fail fast when Redis is down instead of queueing commands forever.
          useFactory: () =>
            new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false }),
        },
        RedisCloser,
        { provide: BLOB_DRIVER, useFactory: () => createBlobDriver(config) },
        ...REPOSITORIES.map((Repository) => ({
          provide: Repository,
          useFactory: (ds: DataSource) => new Repository(ds),
          inject: [DataSource],
        })),
      ],
      exports: [CORE_API_CONFIG, REDIS, BLOB_DRIVER, ...REPOSITORIES],
    };
  }
}
