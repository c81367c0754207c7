import { Module } from '@nestjs/common';
import { ConfigurationsModule } from '../configurations/configurations.module';
import { LdapModule } from '../ldap/ldap.module';
import { UserGroupsController } from './usergroups.controller';
import { UserGroupsService } from './usergroups.service';

/** User groups: the /usergroups API. */
@Module({
  imports: [ConfigurationsModule, LdapModule],
  controllers: [UserGroupsController],
  providers: [UserGroupsService],
})
export class UserGroupsModule {}
