import { Action, ProjectResource, SystemResource } from '@berth/rbac';
import { type ProjectEntity } from '@berth/db';
import {
  Body,
  Controller,
  Delete,
  Get,
  Head,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
  Put,
  Query,
  Res,
  applyDecorators,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPreconditionFailedResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, type Principal } from '../../common/auth/principal';
import { CurrentActor, CurrentPrincipal, CurrentProject } from '../../common/decorators/current.decorator';
import { Public } from '../../common/decorators/public.decorator';
import { RequirePermission, RequireSystemPermission } from '../../common/decorators/require-permission.decorator';
import { ListQuery, type ListQueryOf, type Page, Paginated } from '../../common/query';
import { CreateProjectDto, ProjectResponseDto, ProjectSummaryDto, UpdateProjectDto } from './dto/project.dto';
import { PROJECT_LIST } from './project-list.query';
import { ProjectsService } from './projects.service';

/**
 * Documents a route's `project_name_or_id` path parameter and Harbor's header telling that it is a name even when it
 * looks like a number; without the parameter the generated client could not fill the path.
 */
const PROJECT_PARAMS = applyDecorators(
  ApiParam({ name: 'project_name_or_id', type: String, description: 'The project’s id, or its name.' }),
  ApiHeader({
    name: 'X-Is-Resource-Name',
    required: false,
    description: '`true` when project_name_or_id is a name that looks like a number.',
  }),
);

/** Projects: the tenants of the registry, as Harbor's /projects. */
@ApiTags('project')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  // Declared before GET: Express answers HEAD with the first GET route of the path otherwise.
  @Head()
  @Public()
  @ApiOperation({
    summary:
      'Tells whether a project name exists: 200 or 404. Callers who cannot create projects learn it only for projects they can see.',
  })
  @ApiQuery({ name: 'project_name', required: true })
  @ApiOkResponse({ description: 'The project exists.' })
  @ApiNotFoundResponse({ description: 'No such project (as far as the caller may know).' })
  async exists(@CurrentPrincipal() principal: Principal, @Query('project_name') name?: string): Promise<void> {
    if (!name || !(await this.projects.exists(principal, name)))
      throw new NotFoundException(`project ${name ?? ''} not found`);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Lists the projects the caller can see: public ones, their own, all for administrators.' })
  @ApiQuery({ name: 'name', required: false, description: 'Part of the project name (case-insensitive).' })
  @ApiQuery({ name: 'public', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'owner', required: false, description: 'The owner’s username.' })
  @Paginated(ProjectResponseDto)
  list(
    @CurrentPrincipal() principal: Principal,
    @ListQuery(PROJECT_LIST) query: ListQueryOf<typeof PROJECT_LIST>,
    @Query('name') name?: string,
    @Query('public') isPublic?: string,
    @Query('owner') owner?: string,
  ): Promise<Page<ProjectResponseDto>> {
    return this.projects.list(principal, query, { name, public: isPublic, owner });
  }

  @Post()
  @RequireSystemPermission(SystemResource.Project, Action.Create)
  @ApiOperation({ summary: 'Creates a project; a user creating it becomes its projectAdmin.' })
  @ApiCreatedResponse({ description: 'Created; `Location` names the new project.' })
  @ApiConflictResponse({ description: 'A project of that name exists.' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateProjectDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    res.location(`/api/v2.0/projects/${await this.projects.create(actor, dto)}`);
  }

  @Get(':project_name_or_id')
  @RequirePermission(ProjectResource.Project, Action.Read)
  @PROJECT_PARAMS
  @ApiOperation({ summary: 'Shows a project.' })
  @ApiOkResponse({ type: ProjectResponseDto })
  get(@CurrentPrincipal() principal: Principal, @CurrentProject() project: ProjectEntity): Promise<ProjectResponseDto> {
    return this.projects.get(principal, project);
  }

  @Put(':project_name_or_id')
  @RequirePermission(ProjectResource.Project, Action.Update)
  @PROJECT_PARAMS
  @ApiOperation({ summary: 'Changes a project’s publicity, metadata or quota; its name cannot change.' })
  @ApiOkResponse({ description: 'Changed.' })
  update(
    @CurrentActor() actor: Actor,
    @CurrentProject() project: ProjectEntity,
    @Body() dto: UpdateProjectDto,
  ): Promise<void> {
    return this.projects.update(actor, project, dto);
  }

  @Delete(':project_name_or_id')
  @RequirePermission(ProjectResource.Project, Action.Delete)
  @PROJECT_PARAMS
  @ApiOperation({ summary: 'Deletes a project; refused with 412 while it holds repositories.' })
  @ApiOkResponse({ description: 'Deleted, with its members and robots.' })
  @ApiPreconditionFailedResponse({ description: 'The project still holds repositories.' })
  delete(@CurrentActor() actor: Actor, @CurrentProject() project: ProjectEntity): Promise<void> {
    return this.projects.delete(actor, project);
  }

  @Get(':project_name_or_id/summary')
  @RequirePermission(ProjectResource.Project, Action.Read)
  @PROJECT_PARAMS
  @ApiOperation({ summary: 'Summarises a project: repositories, members per role, quota.' })
  @ApiOkResponse({ type: ProjectSummaryDto })
  summary(@CurrentProject() project: ProjectEntity): Promise<ProjectSummaryDto> {
    return this.projects.summary(project);
  }
}

/** A project's metadata map, as Harbor's /projects/{p}/metadatas. */
@ApiTags('projectMetadata')
@Controller('projects/:project_name_or_id/metadatas')
export class ProjectMetadataController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @RequirePermission(ProjectResource.Metadata, Action.List)
  @PROJECT_PARAMS
  @ApiOperation({ summary: 'Lists the project’s metadata, `public` included; every value is a string.' })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: { type: 'string' } } })
  list(@CurrentProject() project: ProjectEntity): Record<string, string> {
    return this.projects.metadata(project);
  }

  @Post()
  @RequirePermission(ProjectResource.Metadata, Action.Create)
  @PROJECT_PARAMS
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sets several metadata entries at once.' })
  @ApiOkResponse({ description: 'Set.' })
  add(@CurrentActor() actor: Actor, @CurrentProject() project: ProjectEntity, @Body() body: unknown): Promise<void> {
    return this.projects.setMetadata(actor, project, body);
  }

  @Get(':meta_name')
  @RequirePermission(ProjectResource.Metadata, Action.Read)
  @PROJECT_PARAMS
  @ApiOperation({ summary: 'Shows one metadata entry as `{ name: value }`.' })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: { type: 'string' } } })
  get(@CurrentProject() project: ProjectEntity, @Param('meta_name') name: string): Record<string, string> {
    return this.projects.metadataEntry(project, name);
  }

  @Put(':meta_name')
  @RequirePermission(ProjectResource.Metadata, Action.Update)
  @PROJECT_PARAMS
  @ApiOperation({ summary: 'Changes one metadata entry; the body is `{ name: value }`.' })
  @ApiOkResponse({ description: 'Changed.' })
  update(
    @CurrentActor() actor: Actor,
    @CurrentProject() project: ProjectEntity,
    @Param('meta_name') name: string,
    @Body() body: unknown,
  ): Promise<void> {
    return this.projects.setMetadata(actor, project, body, name);
  }

  @Delete(':meta_name')
  @RequirePermission(ProjectResource.Metadata, Action.Delete)
  @PROJECT_PARAMS
  @ApiOperation({ summary: 'Removes one metadata entry (`public` cannot be removed).' })
  @ApiOkResponse({ description: 'Removed.' })
  delete(
    @CurrentActor() actor: Actor,
    @CurrentProject() project: ProjectEntity,
    @Param('meta_name') name: string,
  ): Promise<void> {
    return this.projects.deleteMetadata(actor, project, name);
  }
}
