import { Global, Module } from '@nestjs/common';
import { SecretBox } from '../../common/crypto/secret-box';
import { CORE_API_CONFIG, type CoreApiConfig } from '../../config/core-api.config';
import { ConfigurationsController } from './configurations.controller';
import { ConfigurationsService } from './configurations.service';

/**
 * The system settings: the /configurations API, the typed reads every module uses, and the SecretBox. Global because
 * settings are read across the application (sign-in, tokens, robots, audit retention).
 */
@Global()
@Module({
  controllers: [ConfigurationsController],
  providers: [
    ConfigurationsService,
    {
      provide: SecretBox,
      useFactory: (config: CoreApiConfig) => new SecretBox(config.BERTH_SECRET_KEY ? [config.BERTH_SECRET_KEY] : []),
      inject: [CORE_API_CONFIG],
    },
  ],
  exports: [ConfigurationsService, SecretBox],
})
export class ConfigurationsModule {}
