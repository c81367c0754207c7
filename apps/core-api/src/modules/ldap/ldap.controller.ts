import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequireSystemAdmin } from '../../common/decorators/require-permission.decorator';
import {
  LdapFailedImportUserDto,
  LdapGroupSearchQueryDto,
  LdapImportUsersDto,
  LdapPingDto,
  LdapPingResultDto,
  LdapUserDto,
  LdapUserGroupDto,
  LdapUserSearchQueryDto,
} from './dto/ldap.dto';
import { LdapUserProvisioner } from './ldap-user.provisioner';
import { LdapService } from './ldap.service';

/** LDAP administration, as Harbor's /ldap: ping, user search and import, group search. */
@ApiTags('ldap')
@Controller('ldap')
export class LdapController {
  constructor(
    private readonly ldap: LdapService,
    private readonly provisioner: LdapUserProvisioner,
  ) {}

  @Post('ping')
  @RequireSystemAdmin()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Connects and binds with the stored settings, or with those in the body, within ldap_timeout.',
  })
  @ApiBody({ type: LdapPingDto, required: false })
  @ApiOkResponse({ type: LdapPingResultDto })
  ping(@Body() dto: LdapPingDto): Promise<LdapPingResultDto> {
    return this.ldap.ping(dto);
  }

  @Get('users/search')
  @RequireSystemAdmin()
  @ApiOperation({ summary: 'Lists LDAP users whose login name contains `username`.' })
  @ApiOkResponse({ type: [LdapUserDto] })
  searchUsers(@Query() query: LdapUserSearchQueryDto): Promise<LdapUserDto[]> {
    return this.ldap.searchUsers(query.username);
  }

  @Post('users/import')
  @RequireSystemAdmin()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Creates accounts for LDAP users before their first sign-in.' })
  @ApiOkResponse({ description: 'Every user was imported.' })
  @ApiNotFoundResponse({ type: [LdapFailedImportUserDto], description: 'The users that were not imported, and why.' })
  async importUsers(
    @Body() dto: LdapImportUsersDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LdapFailedImportUserDto[] | undefined> {
    const failures = await this.provisioner.importUsers(dto.ldap_uid_list);
    if (failures.length === 0) return undefined;
    res.status(HttpStatus.NOT_FOUND);
    return failures;
  }

  @Get('groups/search')
  @RequireSystemAdmin()
  @ApiOperation({ summary: 'Finds LDAP groups by DN, or by part of their name.' })
  @ApiOkResponse({ type: [LdapUserGroupDto] })
  searchGroups(@Query() query: LdapGroupSearchQueryDto): Promise<LdapUserGroupDto[]> {
    return this.ldap.searchGroups(query);
  }
}
