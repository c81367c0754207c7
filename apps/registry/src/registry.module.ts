import { type DynamicModule, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Logger } from '@berth/common';
import {
  BlobRepository,
  ManifestRepository,
  RepositoryRepository,
  TagRepository,
  UploadRepository,
  dataSourceOptions,
} from '@berth/db';
import { BLOB_DRIVER, type BlobDriver, createBlobDriver } from '@berth/storage';
import { BaseHandler } from './handlers/base.handler';
import { BlobHandler } from './handlers/blob.handler';
import { registryEventsProvider } from './events/registry-events.provider';
import { CatalogHandler } from './handlers/catalog.handler';
import { ManifestHandler } from './handlers/manifest.handler';
import { ReferrersHandler } from './handlers/referrers.handler';
import { TagsHandler } from './handlers/tags.handler';
import { UploadHandler } from './handlers/upload.handler';
import { RegistryAuth } from './http/auth/registry-auth';
import { RegistryHttpServer } from './http/http-server';
import { RouteTable } from './http/route-table';
import { REGISTRY_CONFIG, REGISTRY_LOGGER, type RegistryConfig } from './registry.config';
import { BlobStore } from './stores/blob.store';
import { DiscoveryStore } from './stores/discovery.store';
import { ManifestStore } from './stores/manifest.store';
import { RepositoryStore } from './stores/repository.store';
import { UploadStore } from './stores/upload.store';

/** The application_name the registry's connections show in pg_stat_activity. */
export const REGISTRY_DB_APPLICATION_NAME = 'berth-registry';

/** Closes the database pool last, after the HTTP server drained (onApplicationShutdown runs after every before-hook). */
@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  /** Destroys the connection pool. */
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

const repository = <T>(Repo: new (dataSource: DataSource) => T) => ({
  provide: Repo,
  useFactory: (dataSource: DataSource) => new Repo(dataSource),
  inject: [DataSource],
});

/** The registry: route table → handlers → stores → repositories and the blob driver, served by RegistryHttpServer. */
@Module({})
export class RegistryModule {
  /** Builds the module for a parsed configuration and the process logger. */
  static forRoot(config: RegistryConfig, logger: Logger): DynamicModule {
    return {
      module: RegistryModule,
      providers: [
        { provide: REGISTRY_CONFIG, useValue: config },
        { provide: REGISTRY_LOGGER, useValue: logger },
        {
          provide: DataSource,
          useFactory: () =>
            new DataSource(dataSourceOptions(config, { applicationName: REGISTRY_DB_APPLICATION_NAME })).initialize(),
        },
        {
          provide: BLOB_DRIVER,
          useFactory: async (): Promise<BlobDriver> => {
            const driver = createBlobDriver(config);
            if ('ensureBucket' in driver) await driver.ensureBucket();
            return driver;
          },
        },
        repository(RepositoryRepository),
        repository(BlobRepository),
        repository(ManifestRepository),
        repository(TagRepository),
        repository(UploadRepository),
        RepositoryStore,
        BlobStore,
        UploadStore,
        ManifestStore,
        DiscoveryStore,
        BaseHandler,
        BlobHandler,
        UploadHandler,
        ManifestHandler,
        TagsHandler,
        ReferrersHandler,
        CatalogHandler,
        registryEventsProvider,
        RegistryAuth,
        RouteTable,
        RegistryHttpServer,
        DatabaseLifecycle,
      ],
    };
  }
}
