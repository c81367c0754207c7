import 'reflect-metadata';
import { loadConfig } from '@berth/config';
import { createLogger } from '@berth/common';
import { startRegistry } from './bootstrap';
import { registryConfigSchema } from './registry.config';

const config = loadConfig('registry', registryConfigSchema);
startRegistry(config, { shutdownHooks: true }).catch((err: unknown) => {
  createLogger('registry', config.LOG_LEVEL).fatal({ err }, 'registry failed to start');
  process.exit(1);
});
