import { type AuthGuards } from './auth/registry-auth';
import { validName } from './guards';
import { OciError } from './oci-error';
import { type Guard, type Handler, type RequestContext } from './route';
import { type RouteHandlers, buildRoutes } from './routes';
import { matchRoute } from './router';

const handlerNames: (keyof RouteHandlers)[] = [
  'apiVersion',
  'health',
  'getBlob',
  'startUpload',
  'uploadStatus',
  'patchUpload',
  'completeUpload',
  'cancelUpload',
  'getManifest',
  'putManifest',
  'deleteManifest',
  'deleteBlob',
  'listTags',
  'listReferrers',
  'catalog',
];
// Each handler answers with its own name as the status text, so a match can be traced back to the handler.
const handlers = Object.fromEntries(
  handlerNames.map((name) => [name, (async () => ({ status: 200, headers: { handler: name } })) as Handler]),
) as unknown as RouteHandlers;
// Distinct no-op guards, so a test can tell which access check each route runs.
const authKinds: (keyof AuthGuards)[] = ['base', 'pull', 'push', 'delete', 'uploadSession', 'catalog'];
const auth = Object.fromEntries(authKinds.map((kind) => [kind, (() => undefined) as Guard])) as unknown as AuthGuards;
const routes = buildRoutes(handlers, auth);
const digest = `sha256:${'ab'.repeat(32)}`;
const uuid = '0b5c7c3e-9d59-4d8e-9a0d-2f8b3c4d5e6f';

async function handlerFor(method: string, path: string): Promise<string> {
  const match = matchRoute(routes, method, path);
  const reply = await match.route.handler({} as RequestContext);
  return String(reply.headers?.['handler']);
}

describe('route table', () => {
  it.each([
    ['GET', '/v2/', 'apiVersion', {}],
    ['HEAD', '/v2/', 'apiVersion', {}],
    ['GET', '/health', 'health', {}],
    ['GET', `/v2/library/alpine/blobs/${digest}`, 'getBlob', { name: 'library/alpine', digest }],
    ['HEAD', `/v2/a/b/c/blobs/${digest}`, 'getBlob', { name: 'a/b/c', digest }],
    ['POST', '/v2/library/alpine/blobs/uploads/', 'startUpload', { name: 'library/alpine' }],
    ['POST', '/v2/library/alpine/blobs/uploads', 'startUpload', { name: 'library/alpine' }],
    ['GET', `/v2/library/alpine/blobs/uploads/${uuid}`, 'uploadStatus', { name: 'library/alpine', uuid }],
    ['PATCH', `/v2/library/alpine/blobs/uploads/${uuid}`, 'patchUpload', { name: 'library/alpine', uuid }],
    ['PUT', `/v2/library/alpine/blobs/uploads/${uuid}`, 'completeUpload', { name: 'library/alpine', uuid }],
    ['DELETE', `/v2/library/alpine/blobs/uploads/${uuid}`, 'cancelUpload', { name: 'library/alpine', uuid }],
    ['GET', '/v2/library/alpine/manifests/latest', 'getManifest', { name: 'library/alpine', reference: 'latest' }],
    ['HEAD', `/v2/library/alpine/manifests/${digest}`, 'getManifest', { name: 'library/alpine', reference: digest }],
    ['PUT', '/v2/library/alpine/manifests/v1', 'putManifest', { name: 'library/alpine', reference: 'v1' }],
    ['DELETE', '/v2/library/alpine/manifests/v1', 'deleteManifest', { name: 'library/alpine', reference: 'v1' }],
    ['DELETE', `/v2/library/alpine/blobs/${digest}`, 'deleteBlob', { name: 'library/alpine', digest }],
    ['GET', '/v2/library/alpine/tags/list', 'listTags', { name: 'library/alpine' }],
    ['GET', `/v2/library/alpine/referrers/${digest}`, 'listReferrers', { name: 'library/alpine', digest }],
    ['GET', '/v2/_catalog', 'catalog', {}],
    // Names may contain the words the routes use as separators.
    ['GET', '/v2/team/blobs/manifests/manifests/v1', 'getManifest', { name: 'team/blobs/manifests', reference: 'v1' }],
    ['GET', `/v2/x/uploads/blobs/${digest}`, 'getBlob', { name: 'x/uploads', digest }],
  ])('%s %s → %s', async (method, path, handler, params) => {
    expect(await handlerFor(method, path)).toBe(handler);
    expect(matchRoute(routes, method, path).params).toEqual(params);
  });

  it.each([
    ['GET', '/'],
    ['GET', '/v2'],
    ['GET', '/v2/library/alpine'],
    ['GET', '/v2/library/alpine/tags'],
    ['GET', '/v2/library/alpine/referrers/'],
    ['GET', '/v2/library/alpine/manifests/'],
    ['GET', '/v2/library/alpine/blobs/'],
    ['GET', '/healthz'],
  ])('%s %s is an unknown endpoint: 404 UNSUPPORTED', (method, path) => {
    const error = catchError(() => matchRoute(routes, method, path));
    expect(error.status).toBe(404);
    expect(error.errors[0].code).toBe('UNSUPPORTED');
  });

  it.each([
    ['DELETE', '/v2/', 'GET, HEAD'],
    ['POST', `/v2/library/alpine/manifests/v1`, 'GET, HEAD, PUT, DELETE'],
    ['PUT', `/v2/library/alpine/blobs/${digest}`, 'GET, HEAD, DELETE'],
    ['BREW', '/v2/', 'GET, HEAD'],
  ])('%s %s is a known endpoint with another method: 405 UNSUPPORTED, Allow %s', (method, path, allow) => {
    const error = catchError(() => matchRoute(routes, method, path));
    expect(error.status).toBe(405);
    expect(error.errors[0].code).toBe('UNSUPPORTED');
    expect(error.headers['Allow']).toBe(allow);
  });

  it('guards every route under /v2/<name>/ with the name grammar', () => {
    for (const route of routes) {
      expect(route.guards.includes(validName)).toBe(route.pattern.source.includes('(?<name>'));
    }
  });

  it('checks access on every /v2/ route after the name grammar, with the action the route needs', () => {
    const kindOf = (guard: Guard | undefined) => authKinds.find((kind) => auth[kind] === guard) ?? 'none';
    const access = Object.fromEntries(routes.map((route) => [route.name, kindOf(route.guards.at(-1))]));
    expect(access).toEqual({
      'api-version': 'base',
      health: 'none',
      'upload-start': 'push',
      'upload-status': 'uploadSession',
      'upload-patch': 'uploadSession',
      'upload-complete': 'uploadSession',
      'upload-cancel': 'uploadSession',
      'blob-get': 'pull',
      'manifest-get': 'pull',
      'manifest-put': 'push',
      'manifest-delete': 'delete',
      'blob-delete': 'delete',
      'tags-list': 'pull',
      'referrers-list': 'pull',
      catalog: 'catalog',
    });
  });
});

describe('validName guard', () => {
  it.each(['library/alpine', 'a/b-c/d_e/f.g', 'single'])('accepts %j', (name) => {
    const ctx = { params: { name } } as unknown as RequestContext;
    validName(ctx);
    expect(ctx.name?.name).toBe(name);
  });

  it.each(['Library/alpine', 'library//alpine', 'library/-x', `library/${'a'.repeat(250)}`, 'library/a%2Fb'])(
    'rejects %j with NAME_INVALID',
    (name) => {
      const error = catchError(() => validName({ params: { name } } as unknown as RequestContext));
      expect(error.status).toBe(400);
      expect(error.errors[0]).toMatchObject({ code: 'NAME_INVALID', detail: { name } });
    },
  );
});

function catchError(fn: () => unknown): OciError {
  try {
    fn();
  } catch (err) {
    if (err instanceof OciError) return err;
    throw err;
  }
  throw new Error('expected an OciError');
}
