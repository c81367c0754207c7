import { Module } from '@nestjs/common';
import { LdapController } from './ldap.controller';
import { LdapDirectory } from './ldap-directory';
import { LdapLoginAdapter } from './ldap-login.adapter';
import { LdapUserProvisioner } from './ldap-user.provisioner';
import { LdapService } from './ldap.service';

/** LDAP sign-in, onboarding and administration. */
@Module({
  controllers: [LdapController],
  providers: [LdapDirectory, LdapLoginAdapter, LdapService, LdapUserProvisioner],
  exports: [LdapService, LdapUserProvisioner],
})
export class LdapModule {}
