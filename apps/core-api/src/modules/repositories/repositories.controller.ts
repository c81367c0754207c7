import { type ProjectEntity } from '@berth/db';
import { Action, ProjectResource } from '@berth/rbac';
import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Actor } from '../../common/auth/principal';
import { CurrentActor, CurrentProject } from '../../common/decorators/current.decorator';
import { RequirePermission } from '../../common/decorators/require-permission.decorator';
import { ListQuery, type ListQueryOf, type Page, Paginated } from '../../common/query';
import { RepositoryResponseDto, UpdateRepositoryDto } from './dto/repository.dto';
import { REPOSITORY_LIST } from './repository-list.query';
import { RepositoriesService } from './repositories.service';

/** Documents the repository_name parameter: the path after the project, URL-encoded. */
export const REPOSITORY_NAME_PARAM = ApiParam({
  name: 'repository_name',
  description: 'The repository name without the project, URL-encoded (`a/b` as `a%2Fb`; Harbor’s `a%252Fb` works too).',
});

/** The repositories of a project, as Harbor's /projects/{p}/repositories. */
@ApiTags('repository')
@Controller('projects/:project_name_or_id/repositories')
@ApiParam({ name: 'project_name_or_id', type: String, description: 'The project’s name or id.' })
export class RepositoriesController {
  constructor(private readonly repositories: RepositoriesService) {}

  @Get()
  @RequirePermission(ProjectResource.Repository, Action.List)
  @ApiOperation({ summary: 'Lists the project’s repositories that hold artifacts.' })
  @Paginated(RepositoryResponseDto)
  list(
    @CurrentProject() project: ProjectEntity,
    @ListQuery(REPOSITORY_LIST) query: ListQueryOf<typeof REPOSITORY_LIST>,
  ): Promise<Page<RepositoryResponseDto>> {
    return this.repositories.list(project, query);
  }

  @Get(':repository_name')
  @RequirePermission(ProjectResource.Repository, Action.Read)
  @REPOSITORY_NAME_PARAM
  @ApiOperation({ summary: 'Shows one repository.' })
  @ApiOkResponse({ type: RepositoryResponseDto })
  @ApiNotFoundResponse({ description: 'No such repository in the project.' })
  get(
    @CurrentProject() project: ProjectEntity,
    @Param('repository_name') name: string,
  ): Promise<RepositoryResponseDto> {
    return this.repositories.get(project, name);
  }

  @Put(':repository_name')
  @RequirePermission(ProjectResource.Repository, Action.Update)
  @REPOSITORY_NAME_PARAM
  @ApiOperation({ summary: 'Changes the repository’s description.' })
  @ApiOkResponse({ description: 'Changed.' })
  update(
    @CurrentActor() actor: Actor,
    @CurrentProject() project: ProjectEntity,
    @Param('repository_name') name: string,
    @Body() dto: UpdateRepositoryDto,
  ): Promise<void> {
    return this.repositories.describe(actor, project, name, dto.description);
  }

  @Delete(':repository_name')
  @RequirePermission(ProjectResource.Repository, Action.Delete)
  @REPOSITORY_NAME_PARAM
  @ApiOperation({ summary: 'Deletes the repository: all its artifacts and tags, through the registry.' })
  @ApiOkResponse({ description: 'Deleted.' })
  delete(
    @CurrentActor() actor: Actor,
    @CurrentProject() project: ProjectEntity,
    @Param('repository_name') name: string,
  ): Promise<void> {
    return this.repositories.delete(actor, project, name);
  }
}
