import { type FactoryProvider } from '@nestjs/common';
import { type Logger } from '@berth/common';
import { REGISTRY_CONFIG, REGISTRY_LOGGER, type RegistryConfig } from '../registry.config';
import { BullMqEventSink } from './bullmq-event.sink';
import { RegistryEventEmitter } from './registry-event.emitter';

/** Provides the event emitter: over the events queue when REDIS_URL is set, otherwise one that sends nothing. */
export const registryEventsProvider: FactoryProvider<RegistryEventEmitter> = {
  provide: RegistryEventEmitter,
  inject: [REGISTRY_CONFIG, REGISTRY_LOGGER],
  useFactory: (config: RegistryConfig, logger: Logger) => {
    if (!config.REDIS_URL) {
      logger.warn('REDIS_URL is not set: pushes, pulls and deletes are not sent to the audit log or the pull counts');
      return new RegistryEventEmitter(null, logger);
    }
    return new RegistryEventEmitter(new BullMqEventSink(config.REDIS_URL, config.BERTH_REDIS_PREFIX, logger), logger);
  },
};
