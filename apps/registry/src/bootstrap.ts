import 'reflect-metadata';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PinoNestLogger, createLogger, exitOnStopSignals } from '@berth/common';
import { RegistryHttpServer } from './http/http-server';
import { type RegistryConfig } from './registry.config';
import { RegistryModule } from './registry.module';

/** A started registry. */
export interface RunningRegistry {
  app: INestApplicationContext;
  /** The base URL it listens on, e.g. http://127.0.0.1:5000. */
  url: string;
  port: number;
  /** Drains requests, closes the server and the database pool. */
  close(): Promise<void>;
}

/** Boots the registry's Nest context and starts its HTTP server; `shutdownHooks` makes SIGTERM/SIGINT stop it cleanly. */
export async function startRegistry(
  config: RegistryConfig,
  options: { shutdownHooks?: boolean } = {},
): Promise<RunningRegistry> {
  const logger = createLogger('registry', config.LOG_LEVEL);
  const app = await NestFactory.createApplicationContext(RegistryModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  if (options.shutdownHooks) exitOnStopSignals(() => app.close(), logger);
  const address = await app.get(RegistryHttpServer).listen(config.BERTH_REGISTRY_PORT, config.BERTH_LISTEN_HOST);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { app, url: `http://${host}:${address.port}`, port: address.port, close: () => app.close() };
}
