import { Controller, Delete, Get, type INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type OpenAPIObject } from '@nestjs/swagger';
import { resolve } from 'node:path';
import { Public } from '../common/decorators/public.decorator';
import { buildOpenApiDocument, renderApiClientFiles } from './api-client-files';
import { createOpenApiDocument, CSRF_HEADER, SESSION_COOKIE, sortKeys } from './openapi-document';

const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

/** Collects every object's key list, depth first, to check that all of them are sorted. */
function keyLists(value: unknown, out: string[][] = []): string[][] {
  if (Array.isArray(value)) value.forEach((item) => keyLists(item, out));
  else if (value !== null && typeof value === 'object') {
    out.push(Object.keys(value));
    Object.values(value).forEach((item) => keyLists(item, out));
  }
  return out;
}

describe('the generated OpenAPI document and client schema', () => {
  let first: Awaited<ReturnType<typeof renderApiClientFiles>>;

  beforeAll(async () => {
    // Built in preview mode with unreachable placeholder addresses: finishing at all shows nothing connects.
    first = await renderApiClientFiles(await buildOpenApiDocument(), WORKSPACE_ROOT);
  });

  it('is byte-for-byte the same on every run', async () => {
    const second = await renderApiClientFiles(await buildOpenApiDocument(), WORKSPACE_ROOT);
    expect(second).toEqual(first);
    expect(first.map((file) => file.name)).toEqual(['openapi.json', 'schema.ts']);
  });

  it('sorts every object key and describes Harbor-shaped security, server and errors', () => {
    const document = JSON.parse(first[0]!.text) as OpenAPIObject;
    for (const keys of keyLists(document)) expect(keys).toEqual([...keys].sort());
    expect(document.servers).toEqual([{ url: '/api/v2.0' }]);
    expect(document.components?.securitySchemes).toEqual({
      basic: expect.objectContaining({ type: 'http', scheme: 'basic' }),
      session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }),
      csrf: expect.objectContaining({ type: 'apiKey', in: 'header', name: CSRF_HEADER }),
    });
    expect(document.paths['/ping']?.get?.security).toEqual([]);
    expect(document.paths['/ping']?.get?.responses['default']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } },
    });
    expect(first[0]!.text).not.toContain('x-berth-public');
    expect(first[0]!.text.endsWith('}\n')).toBe(true);
  });

  it('types the client from the document', () => {
    const schema = first[1]!.text;
    expect(schema.startsWith('// Generated from openapi.json')).toBe(true);
    expect(schema).toContain("'/systeminfo': {");
    expect(schema).toContain('SystemInfoDto: {');
  });
});

@Controller('things')
class ThingsController {
  @Get()
  list(): string[] {
    return [];
  }

  @Post()
  create(): void {}

  @Delete(':id')
  remove(): void {}

  @Get('open')
  @Public()
  open(): string {
    return 'open';
  }
}

@Public()
@Controller('open-things')
class OpenThingsController {
  @Post()
  create(): void {}
}

@Module({ controllers: [ThingsController, OpenThingsController] })
class ThingsModule {}

describe('createOpenApiDocument', () => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    app = await NestFactory.create(ThingsModule, { logger: false, preview: true });
    app.setGlobalPrefix('api/v2.0');
    document = createOpenApiDocument(app);
  });

  it('asks Basic or the session for protected routes, and the CSRF header with the session on unsafe methods', () => {
    const safe = [{ basic: [] }, { session: [] }];
    const unsafe = [{ basic: [] }, { session: [], csrf: [] }];
    expect(document.paths['/things']?.get?.security).toEqual(safe);
    expect(document.paths['/things']?.post?.security).toEqual(unsafe);
    expect(document.paths['/things/{id}']?.delete?.security).toEqual(unsafe);
  });

  it('marks @Public() routes and controllers as needing no credentials', () => {
    expect(document.paths['/things/open']?.get?.security).toEqual([]);
    expect(document.paths['/open-things']?.post?.security).toEqual([]);
  });
});

describe('sortKeys', () => {
  it('sorts nested object keys, keeps array order and drops undefined values', () => {
    const sorted = sortKeys({ b: 1, a: { d: [{ z: 1, y: 2 }, 3], c: undefined } });
    expect(JSON.stringify(sorted)).toBe('{"a":{"d":[{"y":2,"z":1},3]},"b":1}');
  });
});
