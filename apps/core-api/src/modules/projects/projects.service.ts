import {
  PROJECT_LIST_FIELDS,
  type ProjectEntity,
  ProjectMemberRepository,
  ProjectRepository,
  type ProjectView,
  UNLIMITED_STORAGE,
} from '@berth/db';
import { ProjectRole, highestRole, isProjectRole } from '@berth/rbac';
import { BadRequestException, Injectable } from '@nestjs/common';
import { AccessService } from '../../common/auth/access.service';
import { type Actor, type Principal } from '../../common/auth/principal';
import { type ListQueryOf, type Page, applyListQuery, escapeLike } from '../../common/query';
import { AuditService } from '../audit/audit.service';
import {
  type CreateProjectDto,
  type ProjectMetadataDto,
  type ProjectResponseDto,
  type ProjectSummaryDto,
  type UpdateProjectDto,
} from './dto/project.dto';
import { type PROJECT_LIST, type ProjectListFilters } from './project-list.query';
import { PUBLIC_KEY, metadataProblem } from './project-rules';
import { ProjectsException } from './projects.exception';

/** Project use cases: list what a caller may see, create with its first admin, change, delete when empty. */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly members: ProjectMemberRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** Lists the projects the caller may see (public ones, their own, all for administrators), filtered and paged. */
  async list(
    principal: Principal,
    query: ListQueryOf<typeof PROJECT_LIST>,
    filters: ProjectListFilters,
  ): Promise<Page<ProjectResponseDto>> {
    const isPublic = parseBooleanFilter('public', filters.public);
    const visibility = await this.access.visibleProjectIds(principal);
    const page = await this.projects.listVisible(visibility, (qb) => {
      if (filters.name)
        qb.andWhere("p.name ILIKE :nameLike ESCAPE '\\'", { nameLike: `%${escapeLike(filters.name)}%` });
      if (isPublic !== undefined) qb.andWhere('p.public = :isPublic', { isPublic });
      if (filters.owner) qb.andWhere('o.username = :owner', { owner: filters.owner });
      applyListQuery(qb, query, PROJECT_LIST_FIELDS, { tieBreaker: 'p.id' });
    });
    return { total: page.total, items: await this.describe(principal, page.items) };
  }

  /** Shapes projects for the API with the caller's roles in each, loaded in one query. */
  async describe(principal: Principal, views: readonly ProjectView[]): Promise<ProjectResponseDto[]> {
    const roles = await this.callerRoles(
      principal,
      views.map((view) => view.project.id),
    );
    return views.map((view) => toDto(view, roles.get(view.project.id) ?? []));
  }

  /**
   * Tells whether a project of that name exists, as far as the caller may know: callers who may create projects
   * learn it for any name (a create would tell them anyway), others only for projects they can see.
   */
  async exists(principal: Principal, name: string): Promise<boolean> {
    const project = await this.projects.findByName(name);
    if (!project) return false;
    if (this.access.canSystem(principal, 'project', 'create')) return true;
    return this.access.can(principal, project, 'project', 'read');
  }

  /** Shows one project as the caller sees it. */
  async get(principal: Principal, project: ProjectEntity): Promise<ProjectResponseDto> {
    const roles = await this.callerRoles(principal, [project.id]);
    return toDto(await this.projects.view(project), roles.get(project.id) ?? []);
  }

  /** Creates a project; a user creating it becomes its projectAdmin in the same transaction. Returns its id. */
  async create(actor: Actor, dto: CreateProjectDto): Promise<number> {
    const { isPublic, metadata } = splitMetadata(dto.metadata, dto.public);
    const ownerId = actor.principal.kind === 'user' ? actor.principal.id : null;
    const created = await this.projects.create(
      {
        name: dto.project_name,
        public: isPublic ?? false,
        ownerId,
        storageLimit: checkStorageLimit(dto.storage_limit) ?? UNLIMITED_STORAGE,
        metadata,
      },
      ProjectRole.ProjectAdmin,
    );
    if (!created) throw new ProjectsException('NAME_TAKEN', `a project named ${dto.project_name} already exists`);
    await this.audit.record(actor, {
      operation: 'create',
      resourceType: 'project',
      resource: created.name,
      projectId: created.id,
      detail: { public: created.public, storage_limit: created.storageLimit },
    });
    return created.id;
  }

  /** Changes a project's publicity, metadata and quota. */
  async update(actor: Actor, project: ProjectEntity, dto: UpdateProjectDto): Promise<void> {
    if (dto.project_name !== undefined && dto.project_name !== project.name) {
      throw new BadRequestException(`a project cannot be renamed (${project.name} to ${dto.project_name})`);
    }
    const { isPublic, metadata } = splitMetadata(dto.metadata, dto.public);
    const storageLimit = checkStorageLimit(dto.storage_limit);
    await this.projects.update(project.id, {
      ...(isPublic === undefined ? {} : { public: isPublic }),
      ...(storageLimit === undefined ? {} : { storageLimit }),
      ...(Object.keys(metadata).length ? { metadata } : {}),
    });
    await this.audit.record(actor, {
      operation: 'update',
      resourceType: 'project',
      resource: project.name,
      projectId: project.id,
      detail: { public: isPublic ?? null, storage_limit: storageLimit ?? null, metadata },
    });
  }

  /** Deletes a project that holds no repositories; refuses with 412 otherwise. */
  async delete(actor: Actor, project: ProjectEntity): Promise<void> {
    const result = await this.projects.deleteIfEmpty(project.id);
    if (!result.deleted && result.reason === 'not-empty') {
      throw new ProjectsException(
        'NOT_EMPTY',
        `project ${project.name} still holds ${result.repositoryCount} ${result.repositoryCount === 1 ? 'repository' : 'repositories'}; delete them first`,
      );
    }
    if (!result.deleted) throw new ProjectsException('NOT_FOUND', `project ${project.name} not found`);
    await this.audit.record(actor, {
      operation: 'delete',
      resourceType: 'project',
      resource: project.name,
      projectId: project.id,
    });
  }

  /** Summarises a project: repositories, members per role, quota. */
  async summary(project: ProjectEntity): Promise<ProjectSummaryDto> {
    const [view, counts] = await Promise.all([this.projects.view(project), this.members.countByRole(project.id)]);
    const count = (role: ProjectRole): number => counts.get(role) ?? 0;
    return {
      repo_count: view.repoCount,
      chart_count: 0,
      project_admin_count: count(ProjectRole.ProjectAdmin),
      maintainer_count: count(ProjectRole.Maintainer),
      developer_count: count(ProjectRole.Developer),
      guest_count: count(ProjectRole.Guest),
      limited_guest_count: count(ProjectRole.LimitedGuest),
      quota: { hard: { storage: project.storageLimit }, used: { storage: project.storageUsed } },
    };
  }

  /** Returns a project's metadata map, `public` included. */
  metadata(project: ProjectEntity): Record<string, string> {
    return metadataOf(project);
  }

  /** Returns one metadata entry as `{ name: value }`, 404 when unset. */
  metadataEntry(project: ProjectEntity, name: string): Record<string, string> {
    const all = metadataOf(project);
    if (!Object.hasOwn(all, name)) {
      throw new ProjectsException('METADATA_NOT_FOUND', `project ${project.name} has no metadata "${name}"`);
    }
    return { [name]: all[name]! };
  }

  /**
   * Sets metadata entries (POST adds several, PUT one by name); `only` names the single key a PUT may change.
   */
  async setMetadata(actor: Actor, project: ProjectEntity, body: unknown, only?: string): Promise<void> {
    const entries = checkMetadataBody(body);
    if (only !== undefined) {
      const keys = Object.keys(entries);
      if (keys.length !== 1 || keys[0] !== only) {
        throw new ProjectsException('INVALID_METADATA', `the body must set exactly the metadata "${only}"`);
      }
      if (!Object.hasOwn(metadataOf(project), only)) {
        throw new ProjectsException('METADATA_NOT_FOUND', `project ${project.name} has no metadata "${only}"`);
      }
    }
    const { [PUBLIC_KEY]: publicText, ...rest } = entries;
    await this.projects.update(project.id, {
      ...(publicText === undefined ? {} : { public: publicText === 'true' }),
      ...(Object.keys(rest).length ? { metadata: rest } : {}),
    });
    await this.audit.record(actor, {
      operation: 'update',
      resourceType: 'project-metadata',
      resource: project.name,
      projectId: project.id,
      detail: entries,
    });
  }

  /** Removes one metadata entry; `public` cannot be removed, only set. */
  async deleteMetadata(actor: Actor, project: ProjectEntity, name: string): Promise<void> {
    if (name === PUBLIC_KEY) {
      throw new ProjectsException('INVALID_METADATA', 'metadata "public" cannot be deleted; set it to "false" instead');
    }
    this.metadataEntry(project, name);
    await this.projects.removeMetadata(project.id, [name]);
    await this.audit.record(actor, {
      operation: 'delete',
      resourceType: 'project-metadata',
      resource: `${project.name}:${name}`,
      projectId: project.id,
    });
  }

  /** Maps project ids to the roles a user principal holds in them (nothing for robots and anonymous callers). */
  private async callerRoles(principal: Principal, projectIds: number[]): Promise<Map<number, number[]>> {
    if (principal.kind !== 'user') return new Map();
    return this.members.rolesByProject(principal.id, principal.groupIds, projectIds);
  }
}

/** Reads `true`/`false` of a separate boolean filter, 400 otherwise. */
function parseBooleanFilter(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new BadRequestException(`${name} must be true or false, got "${value}"`);
}

/** Refuses a zero quota: Harbor's limits are -1 (unlimited) or a positive number of bytes. */
function checkStorageLimit(limit: number | undefined): number | undefined {
  if (limit === 0) throw new BadRequestException('storage_limit must be -1 (unlimited) or a positive number of bytes');
  return limit;
}

/** Separates `public` (a column) from the rest of the metadata (a map), honouring Harbor's deprecated top-level flag. */
function splitMetadata(
  dto: ProjectMetadataDto | undefined,
  topLevelPublic: boolean | undefined,
): { isPublic: boolean | undefined; metadata: Record<string, string> } {
  const { public: publicText, ...rest } = dto ?? {};
  const metadata = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
  const isPublic = publicText !== undefined ? publicText === 'true' : topLevelPublic;
  return { isPublic, metadata };
}

/** Checks a metadata map sent to /metadatas: a flat object of known keys with allowed string values. */
function checkMetadataBody(body: unknown): Record<string, string> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ProjectsException('INVALID_METADATA', 'the body must be a JSON object of metadata names and values');
  }
  const entries = Object.entries(body as Record<string, unknown>);
  if (entries.length === 0) throw new ProjectsException('INVALID_METADATA', 'the body sets no metadata');
  for (const [key, value] of entries) {
    const problem = metadataProblem(key, value);
    if (problem) throw new ProjectsException('INVALID_METADATA', problem);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/** The metadata map as the API shows it: the stored map plus `public` from its column. */
function metadataOf(project: ProjectEntity): Record<string, string> {
  return { ...project.metadata, [PUBLIC_KEY]: String(project.public) };
}

/** Shapes a project for the API, with the caller's roles in it. */
function toDto(view: ProjectView, roleIds: number[]): ProjectResponseDto {
  const { project } = view;
  const roles = [...new Set(roleIds)].filter(isProjectRole).sort((a, b) => a - b);
  return {
    project_id: project.id,
    name: project.name,
    owner_id: project.ownerId,
    owner_name: view.ownerName,
    metadata: metadataOf(project),
    repo_count: view.repoCount,
    chart_count: 0,
    storage_limit: project.storageLimit,
    storage_used: project.storageUsed,
    current_user_role_id: highestRole(roles) ?? 0,
    current_user_role_ids: roles,
    togglable: true,
    deleted: false,
    creation_time: project.createdAt.toISOString(),
    update_time: project.updatedAt.toISOString(),
  };
}
