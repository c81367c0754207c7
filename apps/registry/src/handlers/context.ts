import { type RepositoryName } from '@berth/oci';
import { type RequestContext } from '../http/route';

/** Returns the name the validName guard parsed; a route that serves `<name>` without that guard is a programming error. */
export function repositoryName(ctx: RequestContext): RepositoryName {
  if (!ctx.name) throw new Error(`route for ${ctx.path} has no validName guard`);
  return ctx.name;
}

/** Returns a named group of the route pattern; a missing group is a programming error. */
export function param(ctx: RequestContext, key: string): string {
  const value = ctx.params[key];
  if (value === undefined) throw new Error(`route for ${ctx.path} has no ${key} group`);
  return value;
}
