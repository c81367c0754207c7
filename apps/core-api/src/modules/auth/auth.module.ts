import { Global, Module } from '@nestjs/common';
import { AccessService } from '../../common/auth/access.service';
import { Authenticator } from '../../common/auth/authenticator';
import { ConfigurationsModule } from '../configurations/configurations.module';
import { LdapModule } from '../ldap/ldap.module';
import { LdapService } from '../ldap/ldap.service';
import { RobotsModule } from '../robots/robots.module';
import { PersonalAccessTokenVerifier } from '../tokens/personal-access-token.verifier';
import { PasswordHasher } from '../users/password-hasher';
import { CredentialsVerifier } from './credentials-verifier';
import { LDAP_GROUP_LOOKUP } from './ldap-group-lookup';
import { LoginThrottle } from './login-throttle';
import { RequestAuthenticator } from './request-authenticator';
import { SessionController } from './session.controller';
import { SessionService } from './session.service';
import { SessionStore } from './session.store';
import { UserPrincipalResolver } from './user-principal.resolver';

/**
 * Who is calling and what they may do: credentials of every kind (local and LDAP passwords, robots, personal access
 * tokens), lockout, console sessions with CSRF protection, the authenticator behind the global guard and the access
 * decisions.
 */
@Global()
@Module({
  imports: [ConfigurationsModule, LdapModule, RobotsModule],
  controllers: [SessionController],
  providers: [
    AccessService,
    PasswordHasher,
    LoginThrottle,
    UserPrincipalResolver,
    PersonalAccessTokenVerifier,
    CredentialsVerifier,
    SessionStore,
    SessionService,
    { provide: Authenticator, useClass: RequestAuthenticator },
    { provide: LDAP_GROUP_LOOKUP, useExisting: LdapService },
  ],
  exports: [
    AccessService,
    Authenticator,
    CredentialsVerifier,
    PasswordHasher,
    LoginThrottle,
    SessionStore,
    UserPrincipalResolver,
  ],
})
export class AuthModule {}
