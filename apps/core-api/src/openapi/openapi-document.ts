import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX } from '../app.module';
import { PUBLIC_EXTENSION } from '../common/decorators/public.decorator';

/** Name of the console's session cookie, as in Harbor. */
export const SESSION_COOKIE = 'sid';

/** Header carrying the CSRF token on state-changing requests made with the session cookie, as in Harbor. */
export const CSRF_HEADER = 'X-Harbor-CSRF-Token';

/** Security scheme names of the document. */
const BASIC = 'basic';
const SESSION = 'session';
const CSRF = 'csrf';

/** Methods that change state: with the session cookie they need the CSRF header too. */
const UNSAFE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** Every HTTP method an OpenAPI path item may hold. */
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Builds the document's header: title, server, and the Harbor-shaped security schemes. */
export function openApiConfig(): Omit<OpenAPIObject, 'paths'> {
  return new DocumentBuilder()
    .setTitle('Berth API')
    .setDescription(
      'The REST API of Berth, shaped after Harbor v2.0. Scripts authenticate with HTTP Basic (users, robot ' +
        'accounts, personal access tokens); the console uses the session cookie and sends the CSRF token header on ' +
        'every request that changes state. Lists take `q`, `sort`, `page` and `page_size` and answer ' +
        '`X-Total-Count` and `Link` headers; errors are `{"errors":[{"code","message"}]}`.',
    )
    .setVersion('2.0')
    .addServer(`/${API_PREFIX}`)
    .addBasicAuth({ type: 'http', scheme: 'basic', description: 'Username and password, robot or token.' }, BASIC)
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', description: 'The console session.' }, SESSION)
    .addApiKey(
      { type: 'apiKey', in: 'header', name: CSRF_HEADER, description: 'Required with the session on unsafe methods.' },
      CSRF,
    )
    .build();
}

/** Harbor's error body, shared by every operation's default response. */
const ERRORS_SCHEMA = {
  type: 'object',
  required: ['errors'],
  properties: {
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', example: 'BAD_REQUEST' },
          message: { type: 'string', example: 'page_size must be at most 100, got 500' },
        },
      },
    },
  },
};

/** Sets each operation's security from `@Public()` and the method, and gives it the shared error response. */
function completeOperations(document: OpenAPIObject): void {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method] as (Record<string, unknown> & { responses: object }) | undefined;
      if (!operation) continue;
      const isPublic = operation[PUBLIC_EXTENSION] === true;
      delete operation[PUBLIC_EXTENSION];
      if (isPublic) operation['security'] = [];
      else if (!operation['security']) {
        operation['security'] = [
          { [BASIC]: [] },
          UNSAFE_METHODS.has(method) ? { [SESSION]: [], [CSRF]: [] } : { [SESSION]: [] },
        ];
      }
      operation.responses = {
        default: {
          description: 'Error: `{"errors":[{"code","message"}]}`.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } },
        },
        ...operation.responses,
      };
    }
  }
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Errors: ERRORS_SCHEMA } };
}

/** Returns a copy with every object's keys sorted, so the committed document does not churn with module order. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)])) as T;
}

/**
 * Builds the OpenAPI document of an application whose global prefix is set. The served `/api/v2.0/openapi.json` and
 * the committed `libs/shared/api-client/src/openapi.json` both come from here, so they cannot differ.
 */
export function createOpenApiDocument(app: INestApplication, unprefixedPaths: readonly string[] = []): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, openApiConfig(), { ignoreGlobalPrefix: true });
  completeOperations(document);
  // Routes outside the REST prefix (the token service, the console's sign-in) are served from the site root.
  for (const path of unprefixedPaths) {
    const item = document.paths[`/${path.replace(/^\//, '')}`];
    if (item) item.servers = [{ url: '/' }];
  }
  return sortKeys(document);
}
