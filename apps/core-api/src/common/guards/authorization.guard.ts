import { type ProjectEntity, ProjectRepository } from '@berth/db';
import { Action, ProjectResource } from '@berth/rbac';
import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessService } from '../auth/access.service';
import { Authenticator } from '../auth/authenticator';
import { type Principal, isSysadmin } from '../auth/principal';
import { MAX_INT4 } from '../pg-int';
import { type AuthenticatedRequest } from '../decorators/current.decorator';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { type AccessRequirement, PERMISSION_METADATA } from '../decorators/require-permission.decorator';

/** Harbor's header telling that `project_name_or_id` is a name even when it looks like a number. */
const RESOURCE_NAME_HEADER = 'x-is-resource-name';

/**
 * The one global guard. It resolves the caller on every route (so public routes still know who calls), then enforces
 * the route's declared requirement. A route must be declared public or carry a requirement; a route with neither is
 * refused, so nothing becomes reachable by accident.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly access: AccessService,
    private readonly projects: ProjectRepository,
  ) {}

  /** Authenticates the request and checks the route's requirement. */
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const requirement = this.reflector.getAllAndOverride<AccessRequirement | undefined>(PERMISSION_METADATA, targets);
    const principal = await this.authenticator.authenticate(request);
    request.principal = principal;
    if (isPublic) return true;
    if (!requirement) throw new UnauthorizedException('authentication required');
    return this.enforce(principal, requirement, request);
  }

  private async enforce(
    principal: Principal,
    requirement: AccessRequirement,
    request: AuthenticatedRequest,
  ): Promise<boolean> {
    if (principal.kind === 'anonymous' && requirement.kind !== 'project') {
      throw new UnauthorizedException('authentication required');
    }
    switch (requirement.kind) {
      case 'authenticated':
        return true;
      case 'system-admin':
        // A personal access token is scoped to resource permissions; administration needs the account itself.
        if (principal.kind === 'user' && principal.token) {
          throw new ForbiddenException('personal access tokens cannot be used for system administration');
        }
        if (isSysadmin(principal)) return true;
        throw new ForbiddenException('only system administrators may do this');
      case 'system':
        if (this.access.canSystem(principal, requirement.resource, requirement.action)) return true;
        throw new ForbiddenException(`permission ${requirement.resource}:${requirement.action} is required`);
      case 'project': {
        const param = request.params[requirement.param];
        const raw = Array.isArray(param) ? param.join('/') : param;
        const project = raw === undefined ? null : await this.findProject(raw, request);
        const permissions = project ? await this.access.projectPermissions(principal, project) : new Set();
        if (!project || !permissions.has(`${ProjectResource.Project}:${Action.Read}`)) {
          // The same answer whether the project is missing or hidden, so private projects do not leak.
          if (principal.kind === 'anonymous') throw new UnauthorizedException('authentication required');
          throw new NotFoundException(`project ${raw ?? ''} not found`);
        }
        if (!permissions.has(`${requirement.resource}:${requirement.action}`)) {
          if (principal.kind === 'anonymous') throw new UnauthorizedException('authentication required');
          throw new ForbiddenException(`permission ${requirement.resource}:${requirement.action} is required`);
        }
        request.project = project;
        return true;
      }
    }
  }

  private findProject(raw: string, request: AuthenticatedRequest): Promise<ProjectEntity | null> {
    const byName = request.header(RESOURCE_NAME_HEADER)?.toLowerCase() === 'true';
    if (!byName && /^[0-9]{1,10}$/.test(raw) && Number(raw) <= MAX_INT4) return this.projects.findById(Number(raw));
    return this.projects.findByName(raw);
  }
}
