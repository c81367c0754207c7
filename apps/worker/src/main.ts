import 'reflect-metadata';
import { PinoNestLogger, createLogger, exitOnStopSignals } from '@berth/common';
import { loadConfig, redactConfig } from '@berth/config';
import { NestFactory } from '@nestjs/core';
import { workerEnv } from './config/worker.config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig('worker', workerEnv);
  const logger = createLogger('worker', config.LOG_LEVEL);
  logger.info({ config: redactConfig(config) }, 'starting');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  exitOnStopSignals(() => app.close(), logger);
}

main().catch((err: unknown) => {
  process.stderr.write(`berth-worker: failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
