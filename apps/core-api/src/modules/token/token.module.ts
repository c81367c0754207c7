import { Module } from '@nestjs/common';
import { ConfigurationsModule } from '../configurations/configurations.module';
import { RegistryTokenIssuer } from './registry-token.issuer';
import { TokenController } from './token.controller';
import { TokenKeys } from './token-keys';
import { TokenService } from './token.service';

/** The docker token service at /service/token, and the issuer of core-api's own registry tokens. */
@Module({
  imports: [ConfigurationsModule],
  controllers: [TokenController],
  providers: [TokenKeys, TokenService, RegistryTokenIssuer],
  exports: [RegistryTokenIssuer],
})
export class TokenModule {}
