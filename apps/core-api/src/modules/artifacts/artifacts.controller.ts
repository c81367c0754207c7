import { type ProjectEntity } from '@berth/db';
import { Action, ProjectResource } from '@berth/rbac';
import { BadRequestException, Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor } from '../../common/auth/principal';
import { CurrentActor, CurrentProject } from '../../common/decorators/current.decorator';
import { RequirePermission } from '../../common/decorators/require-permission.decorator';
import { ListQuery, type ListQueryOf, type Page, Paginated } from '../../common/query';
import { REPOSITORY_NAME_PARAM } from '../repositories/repositories.controller';
import { ARTIFACT_LIST, REFERRER_LIST } from './artifact-list.query';
import { ArtifactsService } from './artifacts.service';
import { ArtifactResponseDto, BuildHistoryEntryDto, CreateTagDto } from './dto/artifact.dto';

/** A JSON document answered as is (a manifest, a config). */
const JSON_DOCUMENT = { type: 'object', additionalProperties: true } as const;

const WITH_TAG = ApiQuery({
  name: 'with_tag',
  required: false,
  enum: ['true', 'false'],
  description: 'Whether to include the tags (default true).',
});

/** Reads Harbor's `with_tag` flag, true unless `false`. */
function withTagFlag(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'true') return true;
  if (value === 'false') return false;
  throw new BadRequestException(`with_tag must be true or false, got "${value}"`);
}

/** The artifacts of a repository and their tags, as Harbor's /projects/{p}/repositories/{r}/artifacts. */
@ApiTags('artifact')
@Controller('projects/:project_name_or_id/repositories/:repository_name/artifacts')
@ApiParam({ name: 'project_name_or_id', type: String, description: 'The project’s name or id.' })
@REPOSITORY_NAME_PARAM
export class ArtifactsController {
  constructor(private readonly artifacts: ArtifactsService) {}

  @Get()
  @RequirePermission(ProjectResource.Artifact, Action.List)
  @ApiOperation({ summary: 'Lists the repository’s artifacts with their tags; an index lists its manifests.' })
  @WITH_TAG
  @Paginated(ArtifactResponseDto)
  list(
    @CurrentProject() project: ProjectEntity,
    @Param('repository_name') repository: string,
    @ListQuery(ARTIFACT_LIST) query: ListQueryOf<typeof ARTIFACT_LIST>,
    @Query('with_tag') withTag?: string,
  ): Promise<Page<ArtifactResponseDto>> {
    return this.artifacts.list(project, repository, query, withTagFlag(withTag));
  }

  @Post()
  @RequirePermission(ProjectResource.Artifact, Action.Create)
  @ApiOperation({ summary: 'Copies an artifact (with its tags) from another repository the caller can pull from.' })
  @ApiQuery({ name: 'from', required: true, description: '`<project>/<repository>@<digest>` or `…:<tag>`.' })
  @ApiCreatedResponse({ description: 'Copied; `Location` names the copy.' })
  async copy(
    @CurrentActor() actor: Actor,
    @CurrentProject() project: ProjectEntity,
    @Param('repository_name') repository: string,
    @Res({ passthrough: true }) res: Response,
    @Query('from') from?: string,
  ): Promise<void> {
    const digest = await this.artifacts.copy(actor, project, repository, from);
    res.location(
      `/api/v2.0/projects/${project.name}/repositories/${encodeURIComponent(repository)}/artifacts/${digest}`,
    );
  }

  @Get(':reference')
  @RequirePermission(ProjectResource.Artifact, Action.Read)
  @ApiOperation({ summary: 'Shows one artifact by digest or tag.' })
  @WITH_TAG
  @ApiOkResponse({ type: ArtifactResponseDto })
  @ApiNotFoundResponse({ description: 'No such artifact.' })
  get(
    @CurrentProject() project: ProjectEntity,
    @Param('repository_name') repository: string,
    @Param('reference') reference: string,
    @Query('with_tag') withTag?: string,
  ): Promise<ArtifactResponseDto> {
    return this.artifacts.get(project, repository, reference, withTagFlag(withTag));
  }

  @Get(':reference/manifest')
  @RequirePermission(ProjectResource.Artifact, Action.Read)
  @ApiOperation({ summary: 'Shows the artifact’s manifest (or index) as pushed, as JSON.' })
  @ApiOkResponse({ description: 'The manifest document.', schema: JSON_DOCUMENT })
  @ApiNotFoundResponse({ description: 'No such artifact.' })
  manifest(
    @CurrentProject() project: ProjectEntity,
    @Param('repository_name') repository: string,
    @Param('reference') reference: string,
  ): Promise<Record<string, unknown>> {
    return this.artifacts.manifest(project, repository, reference);
  }

  @Get(':reference/config')
  @RequirePermission(ProjectResource.Artifact, Action.Read)
  @ApiOperation({ summary: 'Shows the image’s config blob as JSON (at most 4 MiB), read through the registry.' })
  @ApiOkResponse({ description: 'The config document.', schema: JSON_DOCUMENT })
  @ApiNotFoundResponse({ description: 'No such artifact, or it has no config (an index).' })
  @ApiUnprocessableEntityResponse({ description: 'The config is not a JSON object, or too large to show.' })
  config(
    @CurrentProject() project: ProjectEntity,
    @Param('repository_name') repository: string,
    @Param('reference') reference: string,
  ): Promise<Record<string, unknown>> {
    return this.artifacts.config(project, repository, reference);
  }

  @Get(':reference/additions/build_history')
  @RequirePermission(ProjectResource.Artifact, Action.Read)
  @ApiOperation({ summary: 'Lists the image’s build steps from its config’s history, as Harbor’s build_history.' })
  @ApiOkResponse({ type: [BuildHistoryEntryDto] })
  @ApiNotFoundResponse({ description: 'No such artifact, or it has no config (an index).' })
  @ApiUnprocessableEntityResponse({ description: 'The config is not a JSON object, or too large to show.' })
  buildHistory(
    @CurrentProject() project: ProjectEntity,
    @Param('repository_name') repository: string,
    @Param('reference') reference: string,
  ): Promise<BuildHistoryEntryDto[]> {
    return this.artifacts.buildHistory(project, repository, reference);
  }

  @Get(':reference/referrers')
  @RequirePermission(ProjectResource.Artifact, Action.List)
  @ApiOperation({
    summary: 'Lists the artifacts whose subject is this one (signatures, SBOMs, attestations), by artifact type.',
  })
  @WITH_TAG
  @Paginated(ArtifactResponseDto)
  @ApiNotFoundResponse({ description: 'No such artifact.' })
  referrers(
    @CurrentProject() project: ProjectEntity,
    @Param('repository_name') repository: string,
    @Param('reference') reference: string,
    @ListQuery(REFERRER_LIST) query: ListQueryOf<typeof REFERRER_LIST>,
    @Query('with_tag') withTag?: string,
  ): Promise<Page<ArtifactResponseDto>> {
    return this.artifacts.referrers(project, repository, reference, query, withTagFlag(withTag));
  }

  @Delete(':reference')
  @RequirePermission(ProjectResource.Artifact, Action.Delete)
  @ApiOperation({ summary: 'Deletes an artifact with its tags (an index with the manifests only it lists).' })
  @ApiOkResponse({ description: 'Deleted.' })
  @ApiConflictResponse({ description: 'An index lists the artifact; delete the index first.' })
  delete(
    @CurrentActor() actor: Actor,
    @CurrentProject() project: ProjectEntity,
    @Param('repository_name') repository: string,
    @Param('reference') reference: string,
  ): Promise<void> {
    return this.artifacts.delete(actor, project, repository, reference);
  }

  @Post(':reference/tags')
  @RequirePermission(ProjectResource.Tag, Action.Create)
  @ApiOperation({ summary: 'Adds a tag to an artifact.' })
  @ApiCreatedResponse({ description: 'Tagged.' })
  @ApiConflictResponse({ description: 'The repository already has that tag.' })
  addTag(
    @CurrentActor() actor: Actor,
    @CurrentProject() project: ProjectEntity,
    @Param('repository_name') repository: string,
    @Param('reference') reference: string,
    @Body() dto: CreateTagDto,
  ): Promise<void> {
    return this.artifacts.addTag(actor, project, repository, reference, dto.name);
  }

  @Delete(':reference/tags/:tag_name')
  @RequirePermission(ProjectResource.Tag, Action.Delete)
  @ApiOperation({ summary: 'Removes a tag from an artifact; the artifact stays.' })
  @ApiOkResponse({ description: 'Removed.' })
  deleteTag(
    @CurrentActor() actor: Actor,
    @CurrentProject() project: ProjectEntity,
    @Param('repository_name') repository: string,
    @Param('reference') reference: string,
    @Param('tag_name') tag: string,
  ): Promise<void> {
    return this.artifacts.deleteTag(actor, project, repository, reference, tag);
  }
}
