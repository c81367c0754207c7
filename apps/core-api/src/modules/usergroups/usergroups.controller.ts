import { Action, SystemResource } from '@berth/rbac';
import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ParseIdPipe } from '../../common/pipes/parse-id.pipe';
import { type Actor } from '../../common/auth/principal';
import { CurrentActor } from '../../common/decorators/current.decorator';
import {
  RequireAuthenticated,
  RequireSystemAdmin,
  RequireSystemPermission,
} from '../../common/decorators/require-permission.decorator';
import { ListQuery, type ListQueryOf, type Page, Paginated } from '../../common/query';
import {
  CreateUserGroupDto,
  UpdateUserGroupDto,
  USER_GROUP_LIST,
  USER_GROUP_SEARCH,
  UserGroupDto,
  UserGroupListParamsDto,
  UserGroupSearchItemDto,
} from './dto/user-group.dto';
import { UserGroupsService } from './usergroups.service';

/** The absolute path of the user group collection, for the Location of a created group. */
const USER_GROUPS_LOCATION = '/api/v2.0/usergroups';

/** User groups (LDAP groups that can be project members), as Harbor's /usergroups. */
@ApiTags('usergroup')
@Controller('usergroups')
export class UserGroupsController {
  constructor(private readonly groups: UserGroupsService) {}

  @Get()
  @RequireSystemPermission(SystemResource.UserGroup, Action.List)
  @ApiOperation({ summary: 'Lists user groups, optionally by ldap_group_dn or part of group_name.' })
  @Paginated(UserGroupDto)
  list(
    @ListQuery(USER_GROUP_LIST) query: ListQueryOf<typeof USER_GROUP_LIST>,
    @Query() params: UserGroupListParamsDto,
  ): Promise<Page<UserGroupDto>> {
    return this.groups.list(query, params);
  }

  @Post()
  @RequireSystemAdmin()
  @ApiOperation({ summary: 'Registers an LDAP group by DN; in ldap_auth mode the DN must exist in LDAP.' })
  @ApiCreatedResponse({ type: UserGroupDto, headers: { Location: { description: 'The new group.' } } })
  @ApiBadRequestResponse({ description: 'Not a DN, or no such group in LDAP.' })
  @ApiConflictResponse({ description: 'A group with that DN exists.' })
  @ApiServiceUnavailableResponse({ description: 'LDAP cannot be reached to check the DN.' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateUserGroupDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserGroupDto> {
    const group = await this.groups.create(actor, dto);
    res.location(`${USER_GROUPS_LOCATION}/${group.id}`);
    return group;
  }

  @Get('search')
  @RequireAuthenticated()
  @ApiOperation({ summary: 'Finds user groups whose name contains `groupname` (for adding project members).' })
  @ApiQuery({ name: 'groupname', required: true, type: String })
  @Paginated(UserGroupSearchItemDto)
  search(
    @Query('groupname') groupname: string | undefined,
    @ListQuery(USER_GROUP_SEARCH) query: ListQueryOf<typeof USER_GROUP_SEARCH>,
  ): Promise<Page<UserGroupSearchItemDto>> {
    return this.groups.search(groupname ?? '', query);
  }

  @Get(':group_id')
  @RequireSystemPermission(SystemResource.UserGroup, Action.Read)
  @ApiOperation({ summary: 'Reads a user group.' })
  @ApiParam({ name: 'group_id', type: Number })
  @ApiOkResponse({ type: UserGroupDto })
  @ApiNotFoundResponse({ description: 'No such group.' })
  get(@Param('group_id', ParseIdPipe) id: number): Promise<UserGroupDto> {
    return this.groups.get(id);
  }

  @Put(':group_id')
  @RequireSystemAdmin()
  @ApiOperation({ summary: 'Renames a user group (its DN never changes).' })
  @ApiParam({ name: 'group_id', type: Number })
  @ApiOkResponse({ description: 'Renamed.' })
  update(
    @CurrentActor() actor: Actor,
    @Param('group_id', ParseIdPipe) id: number,
    @Body() dto: UpdateUserGroupDto,
  ): Promise<void> {
    return this.groups.rename(actor, id, dto.group_name);
  }

  @Delete(':group_id')
  @RequireSystemAdmin()
  @ApiOperation({ summary: 'Deletes a user group and its project memberships.' })
  @ApiParam({ name: 'group_id', type: Number })
  @ApiOkResponse({ description: 'Deleted.' })
  delete(@CurrentActor() actor: Actor, @Param('group_id', ParseIdPipe) id: number): Promise<void> {
    return this.groups.delete(actor, id);
  }
}
