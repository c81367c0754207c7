import 'reflect-metadata';
import { createLogger, exitOnStopSignals } from '@berth/common';
import { loadConfig, redactConfig } from '@berth/config';
import { createCoreApi } from './bootstrap';
import { coreApiEnv } from './config/core-api.config';

async function main(): Promise<void> {
  const config = loadConfig('core-api', coreApiEnv);
  const logger = createLogger('core-api', config.LOG_LEVEL);
  logger.info({ config: redactConfig(config) }, 'starting');
  const app = await createCoreApi(config, logger);
  exitOnStopSignals(() => app.close(), logger);
  await app.listen(config.BERTH_HTTP_PORT, config.BERTH_LISTEN_HOST);
  logger.info({ port: config.BERTH_HTTP_PORT, host: config.BERTH_LISTEN_HOST }, 'core-api listening');
}

main().catch((err: unknown) => {
  process.stderr.write(`berth-core-api: failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
