import {
  type ProjectEntity,
  ProjectRepository,
  type RobotEntity,
  ROBOT_LIST_ALIAS,
  RobotNameTakenError,
  type RobotPermissionGrant,
  RobotRepository,
} from '@berth/db';
import { Action, ProjectResource, SystemResource, permissionKey, type Permission } from '@berth/rbac';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../../common/auth/access.service';
import { type Actor, type Principal, isSysadmin, principalName } from '../../common/auth/principal';
import { type ListQueryOf, type Page, applyListQuery } from '../../common/query';
import { AuditService } from '../audit/audit.service';
import { ConfigurationsService } from '../configurations/configurations.service';
import { type CreateRobotDto } from './dto/create-robot.dto';
import { type PROJECT_ROBOT_LIST, type ROBOT_LIST } from './dto/robot-list.query';
import { type RobotCreatedResponseDto, type RobotResponseDto } from './dto/robot-response.dto';
import { type RefreshRobotSecretDto, type RobotSecretResponseDto } from './dto/robot-secret.dto';
import { type UpdateRobotDto } from './dto/update-robot.dto';
import {
  NEVER_EXPIRES,
  SECRET_ROTATION_GRACE_MS,
  checkGrants,
  expiryOf,
  projectNamespaces,
  resolveDuration,
  storedName,
} from './robot-rules';
import { chosenSecretProblem, generateRobotSecret, hashRobotSecret } from './robot-secret';
import { type RobotsErrorCode, RobotsException } from './robots.exception';

/** Where each list key lives in SQL. */
const ROBOT_FIELDS = {
  Level: `${ROBOT_LIST_ALIAS}.level`,
  ProjectID: `${ROBOT_LIST_ALIAS}.project_id`,
  name: `${ROBOT_LIST_ALIAS}.name`,
  creation_time: `${ROBOT_LIST_ALIAS}.created_at`,
} as const;

/** Milliseconds per second, for Harbor's unix-seconds expiry. */
const MS_PER_SECOND = 1000;

/** What a robot operation needs of its caller. */
type RobotAction = typeof Action.Read | typeof Action.List | typeof Action.Update | typeof Action.Delete;

/** Unwraps a rule's verdict or throws it as a robots error. */
function check<T>(verdict: ({ ok: true } & T) | { ok: false; reason: string }, code: RobotsErrorCode): T {
  if (!verdict.ok) throw new RobotsException(code, verdict.reason);
  return verdict;
}

/**
 * Robot accounts: system robots (managed by system administrators) and project robots (managed by whoever holds
 * `robot:*` in their project), each with an explicit permission list no wider than what its creator holds, a lifetime,
 * and a secret shown once, stored hashed, and rotated with a grace period for the old one.
 */
@Injectable()
export class RobotsService {
  constructor(
    private readonly robots: RobotRepository,
    private readonly projects: ProjectRepository,
    private readonly access: AccessService,
    private readonly configurations: ConfigurationsService,
    private readonly audit: AuditService,
  ) {}

  /** Creates a robot and returns it with its secret, which is never shown again. */
  async create(actor: Actor, dto: CreateRobotDto): Promise<RobotCreatedResponseDto> {
    const policy = await this.configurations.getSecurityPolicy();
    const { grants } = check(checkGrants(dto.level, dto.permissions), 'INVALID_PERMISSIONS');
    let project: ProjectEntity | undefined;
    if (dto.level === 'project') {
      project = await this.visibleProject(actor.principal, grants[0]!.namespace);
      await this.requireProjectAction(actor.principal, project, Action.Create);
      await this.requireHeld(actor.principal, project, grants[0]!);
    } else {
      this.requireSysadmin(actor.principal);
      await this.requireProjectsExist(grants);
    }
    const { name } = check(storedName(dto.level, dto.name, project?.name, policy.robotNamePrefix), 'INVALID_NAME');
    const { days } = check(
      resolveDuration(dto.duration, policy.robotTokenDurationDays, policy.robotNeverExpireAllowed),
      'INVALID_DURATION',
    );
    const secret = this.secretFrom(dto.secret);
    let robot: RobotEntity;
    try {
      robot = await this.robots.insert({
        name,
        description: dto.description ?? '',
        level: dto.level,
        projectId: project?.id ?? null,
        secretHash: hashRobotSecret(secret),
        permissions: grants,
        durationDays: days,
        expiresAt: expiryOf(new Date(), days),
        disabled: dto.disable ?? false,
        creator: principalName(actor.principal),
      });
    } catch (err) {
      if (err instanceof RobotNameTakenError) {
        throw new RobotsException('NAME_TAKEN', `a robot named ${policy.robotNamePrefix}${name} already exists`);
      }
      throw err;
    }
    const fullName = policy.robotNamePrefix + robot.name;
    await this.audit.record(actor, {
      operation: 'create',
      resourceType: 'robot',
      resource: fullName,
      projectId: robot.projectId,
      detail: { level: robot.level, duration: robot.durationDays },
    });
    return {
      id: robot.id,
      name: fullName,
      secret,
      creation_time: robot.createdAt.toISOString(),
      expires_at: unixExpiry(robot.expiresAt),
    };
  }

  /**
   * Lists robots: one project's with `q=ProjectID=<id>` (needs `robot:list` there), all of them otherwise (needs the
   * system-level `robot:list`, which system administrators hold).
   */
  async list(actor: Actor, query: ListQueryOf<typeof ROBOT_LIST>): Promise<Page<RobotResponseDto>> {
    const byProject = query.q.find((f) => f.key === 'ProjectID');
    let projectId: number | undefined;
    if (byProject) {
      if (byProject.kind !== 'exact') {
        throw new RobotsException('FORBIDDEN', 'filter robots by one project with q=ProjectID=<id>');
      }
      const project = await this.projects.findById(byProject.value);
      if (!project || !(await this.canSee(actor.principal, project))) {
        throw new RobotsException('PROJECT_NOT_FOUND', `project ${byProject.value} not found`);
      }
      await this.requireProjectAction(actor.principal, project, Action.List);
      projectId = project.id;
    } else if (!this.access.canSystem(actor.principal, SystemResource.Robot, Action.List)) {
      throw new RobotsException(
        'FORBIDDEN',
        'listing every robot needs the system permission robot:list; list a project’s robots with q=Level=project,ProjectID=<id>',
      );
    }
    return this.page({ projectId }, query);
  }

  /** Lists the robots of a project the guard already authorized. */
  listForProject(
    project: ProjectEntity,
    query: ListQueryOf<typeof PROJECT_ROBOT_LIST>,
  ): Promise<Page<RobotResponseDto>> {
    return this.page({ projectId: project.id }, query);
  }

  /** Returns one robot the caller may read (a robot may read itself). */
  async get(actor: Actor, id: number): Promise<RobotResponseDto> {
    const robot = await this.authorized(actor.principal, id, Action.Read, true);
    return this.toDto(robot, (await this.configurations.getSecurityPolicy()).robotNamePrefix);
  }

  /** Changes a robot's description, lifetime, enabled state or permissions; name and level stay. */
  async update(actor: Actor, id: number, dto: UpdateRobotDto): Promise<RobotResponseDto> {
    const robot = await this.authorized(actor.principal, id, Action.Update, false);
    const policy = await this.configurations.getSecurityPolicy();
    const prefix = policy.robotNamePrefix;
    if (dto.name !== undefined && ![robot.name, prefix + robot.name, shortName(robot)].includes(dto.name)) {
      throw new RobotsException('IMMUTABLE_FIELD', 'a robot’s name cannot change');
    }
    if (dto.level !== undefined && dto.level !== robot.level) {
      throw new RobotsException('IMMUTABLE_FIELD', 'a robot’s level cannot change');
    }
    const changes: Parameters<RobotRepository['update']>[1] = {};
    if (dto.description !== undefined && dto.description !== robot.description) changes.description = dto.description;
    if (dto.disable !== undefined && dto.disable !== robot.disabled) changes.disabled = dto.disable;
    if (dto.duration !== undefined) {
      const { days } = check(
        resolveDuration(dto.duration, policy.robotTokenDurationDays, policy.robotNeverExpireAllowed),
        'INVALID_DURATION',
      );
      if (days !== robot.durationDays) {
        changes.durationDays = days;
        changes.expiresAt = expiryOf(robot.createdAt, days);
      }
    }
    if (dto.permissions !== undefined) {
      const { grants } = check(checkGrants(robot.level, dto.permissions), 'INVALID_PERMISSIONS');
      if (robot.level === 'project') {
        const project = await this.projects.findById(robot.projectId!);
        if (!project || grants[0]!.namespace !== project.name) {
          throw new RobotsException('INVALID_PERMISSIONS', 'a project robot’s permission must name its own project');
        }
        await this.requireHeld(actor.principal, project, grants[0]!);
      } else {
        await this.requireProjectsExist(grants);
      }
      if (JSON.stringify(grants) !== JSON.stringify(robot.permissions)) changes.permissions = grants;
    }
    const updated = (await this.robots.update(robot.id, changes)) ?? robot;
    const changed = Object.keys(changes).sort();
    if (changed.length > 0) {
      await this.audit.record(actor, {
        operation: 'update',
        resourceType: 'robot',
        resource: prefix + robot.name,
        projectId: robot.projectId,
        detail: { changed },
      });
    }
    return this.toDto(updated, prefix);
  }

  /**
   * Replaces a robot's secret with a chosen or generated one, returned this once; the old secret keeps working for
   * SECRET_ROTATION_GRACE_MS so clients can switch over. A robot may refresh its own secret.
   */
  async refreshSecret(actor: Actor, id: number, dto: RefreshRobotSecretDto): Promise<RobotSecretResponseDto> {
    const robot = await this.authorized(actor.principal, id, Action.Update, true);
    const secret = this.secretFrom(dto.secret);
    const graceUntil = new Date(Date.now() + SECRET_ROTATION_GRACE_MS);
    if (!(await this.robots.rotateSecret(robot.id, hashRobotSecret(secret), graceUntil))) {
      throw new RobotsException('ROBOT_NOT_FOUND', `robot ${id} not found`);
    }
    const { robotNamePrefix } = await this.configurations.getSecurityPolicy();
    await this.audit.record(actor, {
      operation: 'update',
      resourceType: 'robot',
      resource: robotNamePrefix + robot.name,
      projectId: robot.projectId,
      detail: { secret: 'refreshed', previous_secret_valid_until: graceUntil.toISOString() },
    });
    return { secret };
  }

  /** Deletes a robot; its secret stops working at once. */
  async delete(actor: Actor, id: number): Promise<void> {
    const robot = await this.authorized(actor.principal, id, Action.Delete, false);
    if (!(await this.robots.delete(robot.id))) throw new RobotsException('ROBOT_NOT_FOUND', `robot ${id} not found`);
    const { robotNamePrefix } = await this.configurations.getSecurityPolicy();
    await this.audit.record(actor, {
      operation: 'delete',
      resourceType: 'robot',
      resource: robotNamePrefix + robot.name,
      projectId: robot.projectId,
    });
  }

  private async page(
    scope: { projectId?: number },
    query: ListQueryOf<typeof ROBOT_LIST> | ListQueryOf<typeof PROJECT_ROBOT_LIST>,
  ): Promise<Page<RobotResponseDto>> {
    const { robotNamePrefix } = await this.configurations.getSecurityPolicy();
    const page = await this.robots.list(scope, (qb) =>
      applyListQuery(qb, query as ListQueryOf<typeof ROBOT_LIST>, ROBOT_FIELDS, {
        tieBreaker: `${ROBOT_LIST_ALIAS}.id`,
      }),
    );
    return { items: page.items.map((robot) => this.toDto(robot, robotNamePrefix)), total: page.total };
  }

  /**
   * Loads a robot and checks the caller may act on it: system robots by system administrators (reads also with the
   * system-level robot permission), project robots by `robot:<action>` in their project. A project robot in a project
   * the caller cannot see is reported missing, so robots do not reveal private projects.
   */
  private async authorized(
    principal: Principal,
    id: number,
    action: RobotAction,
    selfAllowed: boolean,
  ): Promise<RobotEntity> {
    const robot = await this.robots.findById(id);
    if (!robot) throw new RobotsException('ROBOT_NOT_FOUND', `robot ${id} not found`);
    if (selfAllowed && principal.kind === 'robot' && principal.id === robot.id) return robot;
    if (robot.level === 'system') {
      const allowed =
        action === Action.Read || action === Action.List
          ? this.access.canSystem(principal, SystemResource.Robot, action)
          : isSysadmin(principal);
      if (!allowed) throw new RobotsException('FORBIDDEN', 'only system administrators manage system robots');
      return robot;
    }
    const project = robot.projectId === null ? null : await this.projects.findById(robot.projectId);
    if (!project || !(await this.canSee(principal, project))) {
      throw new RobotsException('ROBOT_NOT_FOUND', `robot ${id} not found`);
    }
    await this.requireProjectAction(principal, project, action);
    return robot;
  }

  private async canSee(principal: Principal, project: ProjectEntity): Promise<boolean> {
    return this.access.can(principal, project, ProjectResource.Project, Action.Read);
  }

  private async visibleProject(principal: Principal, name: string): Promise<ProjectEntity> {
    const project = await this.projects.findByName(name);
    if (!project || !(await this.canSee(principal, project))) {
      throw new RobotsException('PROJECT_NOT_FOUND', `project ${name} not found`);
    }
    return project;
  }

  private async requireProjectAction(principal: Principal, project: ProjectEntity, action: Action): Promise<void> {
    if (!(await this.access.can(principal, project, ProjectResource.Robot, action))) {
      throw new RobotsException('FORBIDDEN', `permission robot:${action} in project ${project.name} is required`);
    }
  }

  /** Refuses to grant a permission the caller does not hold in the project, so a robot never outranks its creator. */
  private async requireHeld(principal: Principal, project: ProjectEntity, grant: RobotPermissionGrant): Promise<void> {
    const held = await this.access.projectPermissions(principal, project);
    const missing = grant.access
      .map((a) => permissionKey({ resource: a.resource, action: a.action } as Permission))
      .filter((key) => !held.has(key));
    if (missing.length > 0) {
      throw new RobotsException(
        'FORBIDDEN',
        `you cannot grant what you do not hold in ${project.name}: ${missing.join(', ')}`,
      );
    }
  }

  private requireSysadmin(principal: Principal): void {
    if (!isSysadmin(principal))
      throw new RobotsException('FORBIDDEN', 'only system administrators manage system robots');
  }

  private async requireProjectsExist(grants: readonly RobotPermissionGrant[]): Promise<void> {
    const names = [...new Set(projectNamespaces(grants))];
    if (names.length === 0) return;
    if ((await this.projects.idsByNames(names)).length === names.length) return;
    const missing: string[] = [];
    for (const name of names) if (!(await this.projects.findByName(name))) missing.push(name);
    throw new RobotsException('PROJECT_NOT_FOUND', `project ${missing.join(', ')} not found`);
  }

  private secretFrom(chosen: string | undefined): string {
    if (chosen === undefined) return generateRobotSecret();
    const problem = chosenSecretProblem(chosen);
    if (problem) throw new RobotsException('INVALID_SECRET', problem);
    return chosen;
  }

  private toDto(robot: RobotEntity, prefix: string): RobotResponseDto {
    return {
      id: robot.id,
      name: prefix + robot.name,
      description: robot.description,
      level: robot.level,
      duration: robot.durationDays,
      editable: true,
      disable: robot.disabled,
      expires_at: unixExpiry(robot.expiresAt),
      permissions: robot.permissions.map((grant) => ({
        kind: grant.kind,
        namespace: grant.namespace,
        access: grant.access.map((a) => ({ resource: a.resource, action: a.action, effect: 'allow' as const })),
      })),
      creation_time: robot.createdAt.toISOString(),
      update_time: robot.updatedAt.toISOString(),
      last_used_time: robot.lastUsedAt?.toISOString() ?? null,
    };
  }
}

/** Harbor's expiry: unix seconds, or -1 for never. */
function unixExpiry(expiresAt: Date | null): number {
  return expiresAt === null ? NEVER_EXPIRES : Math.floor(expiresAt.getTime() / MS_PER_SECOND);
}

/** The name a project robot was created with, without `<project>+`. */
function shortName(robot: RobotEntity): string {
  const plus = robot.name.indexOf('+');
  return robot.level === 'project' && plus >= 0 ? robot.name.slice(plus + 1) : robot.name;
}
