import { Global, Module } from '@nestjs/common';
import { AccessService } from '../../common/auth/access.service';
import { Authenticator } from '../../common/auth/authenticator';
import { UsersModule } from '../users/users.module';
import { CredentialsVerifier } from './credentials-verifier';
import { RequestAuthenticator } from './request-authenticator';

/** Who is calling and what they may do: the authenticator behind the global guard and the access decisions. */
@Global()
@Module({
  imports: [UsersModule],
  providers: [AccessService, CredentialsVerifier, { provide: Authenticator, useClass: RequestAuthenticator }],
  exports: [AccessService, Authenticator, CredentialsVerifier],
})
export class AuthModule {}
