import { type ProjectEntity } from '@berth/db';
import { Action, ProjectResource } from '@berth/rbac';
import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ParseIdPipe } from '../../common/pipes/parse-id.pipe';
import { type Actor } from '../../common/auth/principal';
import { CurrentActor, CurrentProject } from '../../common/decorators/current.decorator';
import { RequirePermission } from '../../common/decorators/require-permission.decorator';
import { ListQuery, type ListQueryOf, type Page, Paginated } from '../../common/query';
import { CreateMemberDto, MemberResponseDto, RoleRequestDto } from './dto/member.dto';
import { MEMBER_LIST } from './member-list.query';
import { MembersService } from './members.service';

/** The users and LDAP groups holding a role in a project, as Harbor's /projects/{p}/members. */
@ApiTags('member')
@Controller('projects/:project_name_or_id/members')
@ApiParam({ name: 'project_name_or_id', type: String, description: 'The project’s name or id.' })
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @RequirePermission(ProjectResource.Member, Action.List)
  @ApiOperation({ summary: 'Lists the project’s members.' })
  @ApiQuery({ name: 'entityname', required: false, description: 'Part of the user or group name.' })
  @Paginated(MemberResponseDto)
  list(
    @CurrentProject() project: ProjectEntity,
    @ListQuery(MEMBER_LIST) query: ListQueryOf<typeof MEMBER_LIST>,
    @Query('entityname') entityName?: string,
  ): Promise<Page<MemberResponseDto>> {
    return this.members.list(project, query, entityName);
  }

  @Post()
  @RequirePermission(ProjectResource.Member, Action.Create)
  @ApiOperation({
    summary: 'Adds a user (by user_id or username) or a group (by id, group_name or ldap_group_dn) with a role.',
  })
  @ApiCreatedResponse({ description: 'Added; `Location` names the membership.' })
  @ApiConflictResponse({ description: 'Already a member.' })
  async add(
    @CurrentActor() actor: Actor,
    @CurrentProject() project: ProjectEntity,
    @Body() dto: CreateMemberDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    res.location(`/api/v2.0/projects/${project.id}/members/${await this.members.add(actor, project, dto)}`);
  }

  @Get(':mid')
  @RequirePermission(ProjectResource.Member, Action.Read)
  @ApiOperation({ summary: 'Shows one membership.' })
  @ApiOkResponse({ type: MemberResponseDto })
  @ApiNotFoundResponse({ description: 'No such member in the project.' })
  get(@CurrentProject() project: ProjectEntity, @Param('mid', ParseIdPipe) mid: number): Promise<MemberResponseDto> {
    return this.members.get(project, mid);
  }

  @Put(':mid')
  @RequirePermission(ProjectResource.Member, Action.Update)
  @ApiOperation({ summary: 'Changes a member’s role; demoting the last projectAdmin is refused with 409.' })
  @ApiOkResponse({ description: 'Changed.' })
  update(
    @CurrentActor() actor: Actor,
    @CurrentProject() project: ProjectEntity,
    @Param('mid', ParseIdPipe) mid: number,
    @Body() dto: RoleRequestDto,
  ): Promise<void> {
    return this.members.updateRole(actor, project, mid, dto.role_id);
  }

  @Delete(':mid')
  @RequirePermission(ProjectResource.Member, Action.Delete)
  @ApiOperation({ summary: 'Removes a member; removing the last projectAdmin is refused with 409.' })
  @ApiOkResponse({ description: 'Removed.' })
  remove(
    @CurrentActor() actor: Actor,
    @CurrentProject() project: ProjectEntity,
    @Param('mid', ParseIdPipe) mid: number,
  ): Promise<void> {
    return this.members.remove(actor, project, mid);
  }
}
