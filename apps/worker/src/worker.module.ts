import { type Logger } from '@berth/common';
import { dataSourceOptions } from '@berth/db';
import { BLOB_DRIVER, type BlobDriver, createBlobDriver } from '@berth/storage';
import {
  type DynamicModule,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WORKER_CONFIG, type WorkerConfig } from './config/worker.config';
import { WorkerRuntime, type WorkerOptions } from './worker.runtime';

/** Injection token of the worker's logger. */
export const WORKER_LOGGER = Symbol('WORKER_LOGGER');

/** Ties the runtime's start and stop to the Nest application lifecycle. */
@Injectable()
class WorkerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly runtime: WorkerRuntime) {}

  /** Starts processing once every provider is ready. */
  onApplicationBootstrap(): Promise<void> {
    return this.runtime.start();
  }

  /** Drains and stops on SIGTERM/SIGINT. */
  onApplicationShutdown(): Promise<void> {
    return this.runtime.stop();
  }
}

/** The worker application: no HTTP API, only BullMQ processors over the shared database and storage. */
@Module({})
export class WorkerModule {
  /** Builds the module for one parsed configuration (and, in tests, shorter task timings or another clock). */
  static forRoot(config: WorkerConfig, logger: Logger, options: WorkerOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config, { applicationName: 'berth-worker' }),
        }),
      ],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        { provide: WORKER_LOGGER, useValue: logger },
        { provide: BLOB_DRIVER, useFactory: () => createBlobDriver(config) },
        {
          provide: WorkerRuntime,
          useFactory: (ds: DataSource, blobs: BlobDriver) => new WorkerRuntime(config, ds, blobs, logger, options),
          inject: [DataSource, BLOB_DRIVER],
        },
        WorkerLifecycle,
      ],
      exports: [WorkerRuntime],
    };
  }
}
