import { Module } from '@nestjs/common';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

/** Project members: users and LDAP groups with Harbor's roles. */
@Module({ controllers: [MembersController], providers: [MembersService] })
export class MembersModule {}
