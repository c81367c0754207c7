import { type ProjectEntity } from '@berth/db';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { type Actor, ANONYMOUS, type Principal } from '../auth/principal';

/** What the AuthorizationGuard attaches to a request. */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
  project?: ProjectEntity;
}

/** Injects the caller's principal (anonymous when none was resolved). */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal ?? ANONYMOUS,
);

/** Injects the actor (principal and source address) that services take first and audit. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  return { principal: request.principal ?? ANONYMOUS, sourceIp: request.ip ?? null };
});

/** Injects the project a `@RequirePermission` route was authorized against. */
export const CurrentProject = createParamDecorator((_: unknown, context: ExecutionContext): ProjectEntity => {
  const project = context.switchToHttp().getRequest<AuthenticatedRequest>().project;
  if (!project) throw new Error('@CurrentProject() used on a route without @RequirePermission');
  return project;
});
