import { Controller, Get, type INestApplication, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, NestFactory } from '@nestjs/core';
import { ApiProperty, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { type AddressInfo } from 'node:net';
import { ApiExceptionFilter } from '../filters/api-exception.filter';
import { defineListQuery, type ListQueryOf } from './list-query';
import { ListQuery } from './list-query.decorator';
import { buildLinkHeader, type Page, Paginated } from './pagination';

describe('buildLinkHeader', () => {
  const cases: [string, number, number, number, string | undefined][] = [
    ['/api/v2.0/projects', 1, 10, 0, undefined],
    ['/api/v2.0/projects', 1, 10, 10, undefined],
    ['/api/v2.0/projects', 1, 10, 11, '</api/v2.0/projects?page=2&page_size=10>; rel="next"'],
    [
      '/api/v2.0/projects?page=2&page_size=10',
      2,
      10,
      25,
      '</api/v2.0/projects?page=1&page_size=10>; rel="prev", </api/v2.0/projects?page=3&page_size=10>; rel="next"',
    ],
    ['/api/v2.0/projects?page=3&page_size=10', 3, 10, 25, '</api/v2.0/projects?page=2&page_size=10>; rel="prev"'],
    // Other parameters are kept, in place and still encoded; page and page_size are replaced, not repeated.
    [
      '/api/v2.0/projects?q=name%3D~lib&page_size=5&sort=-name&with_detail=true',
      1,
      5,
      6,
      '</api/v2.0/projects?q=name%3D%7Elib&page_size=5&sort=-name&with_detail=true&page=2>; rel="next"',
    ],
  ];
  it.each(cases)('%s page %i size %i of %i', (url, page, size, total, expected) => {
    expect(buildLinkHeader(url, page, size, total)).toBe(expected);
  });
});

class ItemDto {
  @ApiProperty()
  name!: string;
}

const ITEMS = defineListQuery({ filters: { name: 'string', size: 'int' }, sort: ['name'], defaultSort: ['name'] });

/** Serves 23 items through the real decorators, echoing the parsed query in a header for the assertions. */
@Controller('items')
class ItemsController {
  static last: ListQueryOf<typeof ITEMS> | undefined;

  @Get()
  @Paginated(ItemDto)
  list(@ListQuery(ITEMS) query: ListQueryOf<typeof ITEMS>): Page<ItemDto> {
    ItemsController.last = query;
    const all = Array.from({ length: 23 }, (_, i) => ({ name: `item-${i}` }));
    const start = (query.page - 1) * query.pageSize;
    return { items: all.slice(start, start + query.pageSize), total: all.length };
  }

  @Get('broken')
  @Paginated(ItemDto)
  broken(@ListQuery(ITEMS) _query: ListQueryOf<typeof ITEMS>): unknown {
    return [];
  }
}

@Module({
  controllers: [ItemsController],
  providers: [
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
    },
  ],
})
class ItemsModule {}

describe('@ListQuery and @Paginated over HTTP', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create(ItemsModule, { logger: false });
    app.setGlobalPrefix('api/v2.0');
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/v2.0`;
  });
  afterAll(() => app.close());

  it('answers a bare array with X-Total-Count and Link', async () => {
    const res = await fetch(`${base}/items?page=2&page_size=10&q=name%3D~item&sort=-name`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-count')).toBe('23');
    expect(res.headers.get('link')).toBe(
      '</api/v2.0/items?page=1&page_size=10&q=name%3D%7Eitem&sort=-name>; rel="prev", ' +
        '</api/v2.0/items?page=3&page_size=10&q=name%3D%7Eitem&sort=-name>; rel="next"',
    );
    const body = (await res.json()) as ItemDto[];
    expect(body.map((item) => item.name)).toEqual(Array.from({ length: 10 }, (_, i) => `item-${i + 10}`));
    expect(ItemsController.last).toEqual({
      q: [{ key: 'name', type: 'string', kind: 'fuzzy', value: 'item' }],
      sort: [{ field: 'name', desc: true }],
      page: 2,
      pageSize: 10,
    });
  });

  it('uses Harbor defaults and sends no Link when everything fits', async () => {
    const res = await fetch(`${base}/items?page_size=100`);
    expect(res.headers.get('x-total-count')).toBe('23');
    expect(res.headers.get('link')).toBeNull();
    expect(((await res.json()) as unknown[]).length).toBe(23);
  });

  const refused: [string, string][] = [
    ['page_size=101', 'page_size must be at most 100, got 101'],
    ['q=owner%3Dbob', 'q: unknown key "owner"; this endpoint filters on name, size'],
    ['q=size%3D[1~', 'q: range of "size" must end with "]"'],
    ['sort=size', 'sort: unknown field "size"; this endpoint sorts by name'],
    ['page=0', 'page must be at least 1, got 0'],
    ['page=1&page=2', 'page must be given once, as a plain string'],
  ];
  it.each(refused)('answers 400 BAD_REQUEST to %s', async (query, message) => {
    const res = await fetch(`${base}/items?${query}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ code: 'BAD_REQUEST', message }] });
  });

  it('fails loudly when a @Paginated handler returns no Page', async () => {
    const res = await fetch(`${base}/items/broken`);
    expect(res.status).toBe(500);
  });

  it('documents the list parameters and paging headers', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const operation = document.paths['/api/v2.0/items']?.get;
    const params = (operation?.parameters ?? []) as { name: string; schema?: unknown; description?: string }[];
    expect(params.map((p) => p.name)).toEqual(['q', 'sort', 'page', 'page_size']);
    expect(params.find((p) => p.name === 'q')?.description).toContain('`size` (int: k=v, k=[a~b], k={a b})');
    expect(params.find((p) => p.name === 'page_size')?.schema).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 100,
      default: 10,
    });
    const ok = operation?.responses['200'] as { headers?: Record<string, unknown>; content?: unknown };
    expect(Object.keys(ok.headers ?? {})).toEqual(['X-Total-Count', 'Link']);
    expect(ok.content).toEqual({
      'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/ItemDto' } } },
    });
  });
});
