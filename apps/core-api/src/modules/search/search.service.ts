import { ProjectRepository, RepositoryQuery } from '@berth/db';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../../common/auth/access.service';
import { type Principal } from '../../common/auth/principal';
import { ProjectsService } from '../projects/projects.service';
import { type SearchResponseDto } from './dto/search.dto';

/** Most projects and most repositories one search answers: a search box shows the best few, not a catalog. */
export const MAX_SEARCH_RESULTS = 100;

/** Searches project and repository names among what the caller can see. */
@Injectable()
export class SearchService {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly repositories: RepositoryQuery,
    private readonly projectsService: ProjectsService,
    private readonly access: AccessService,
  ) {}

  /** Finds the visible projects and repositories whose names contain `text` (case-insensitive). */
  async search(principal: Principal, text: string): Promise<SearchResponseDto> {
    const visibility = await this.access.visibleProjectIds(principal);
    const [projects, repositories] = await Promise.all([
      this.projects.searchVisible(visibility, text, MAX_SEARCH_RESULTS),
      this.repositories.searchVisible(visibility, text, MAX_SEARCH_RESULTS),
    ]);
    return {
      project: await this.projectsService.describe(principal, projects),
      repository: repositories.map((repository) => ({
        project_id: repository.projectId,
        project_name: repository.projectName,
        project_public: repository.projectPublic,
        repository_name: repository.name,
        pull_count: repository.pullCount,
        artifact_count: repository.artifactCount,
      })),
    };
  }
}
