import { OciError } from './oci-error';
import { type HttpMethod, type Route } from './route';

const KNOWN_METHODS: readonly string[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** A route chosen for a request, with the named groups its pattern captured. */
export interface RouteMatch {
  route: Route;
  method: HttpMethod;
  params: Record<string, string>;
}

/**
 * Picks the first route whose pattern matches the path and which serves the method. A path that no route knows is a
 * 404 UNSUPPORTED (the endpoint does not exist here, which is how clients probing optional APIs such as referrers
 * expect an unsupported API to answer); a known path with another method is a 405 UNSUPPORTED with an Allow header.
 */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const allowed = new Set<string>();
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (KNOWN_METHODS.includes(method) && route.methods.includes(method as HttpMethod)) {
      return { route, method: method as HttpMethod, params: { ...match.groups } };
    }
    route.methods.forEach((m) => allowed.add(m));
  }
  if (allowed.size === 0) {
    throw new OciError('UNSUPPORTED', { path }, { status: 404 });
  }
  throw new OciError('UNSUPPORTED', { method, path }, { headers: { Allow: [...allowed].join(', ') } });
}
