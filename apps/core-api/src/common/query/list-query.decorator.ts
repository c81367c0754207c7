import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import {
  DEFAULT_PAGE_SIZE,
  type FilterType,
  type ListQuerySpec,
  MAX_PAGE_SIZE,
  type ParsedListQuery,
  parseListQuery,
} from './list-query';
import { LIST_PAGE, type RequestWithListPage } from './pagination';
import { ListQueryError } from './q-syntax';

/** The match kinds each filter type supports, as the API documentation lists them. */
const KIND_SYNTAX: Record<FilterType, string> = {
  string: 'k=v, k=~v (substring, case-insensitive), k={a b}',
  int: 'k=v, k=[a~b], k={a b}',
  bool: 'k=true|false',
  date: 'k=v, k=[a~b] (dates such as 2024-05-01T12:00:00Z)',
};

/** Parses the request's list parameters, leaving page and size on the request for the pagination headers. */
const ListQueryParam = createParamDecorator((spec: ListQuerySpec, ctx: ExecutionContext): ParsedListQuery => {
  const req = ctx.switchToHttp().getRequest<RequestWithListPage>();
  try {
    const parsed = parseListQuery(spec, req.query);
    req[LIST_PAGE] = { page: parsed.page, pageSize: parsed.pageSize };
    return parsed;
  } catch (err) {
    if (err instanceof ListQueryError) throw new BadRequestException(err.message);
    throw err;
  }
});

/** Describes `q` for the OpenAPI document from the spec. */
function describeQ(spec: ListQuerySpec): string {
  const keys = Object.entries(spec.filters).map(([key, type]) => `\`${key}\` (${type}: ${KIND_SYNTAX[type]})`);
  return (
    'Filter as comma-separated terms: `k=v` exact, `k=~v` fuzzy, `k=[a~b]` range (either end may be open), ' +
    '`k={a b}` any of. ' +
    (keys.length ? `Keys: ${keys.join('; ')}.` : 'This endpoint has no filter keys.')
  );
}

/** Describes `sort` for the OpenAPI document from the spec. */
function describeSort(spec: ListQuerySpec): string {
  const fields = spec.sort.length ? spec.sort.map((f) => `\`${f}\``).join(', ') : 'none';
  const fallback = spec.defaultSort?.length ? ` Default: \`${spec.defaultSort.join(',')}\`.` : '';
  return `Comma-separated fields, \`-\` for descending, e.g. \`name,-creation_time\`. Fields: ${fields}.${fallback}`;
}

/**
 * Injects the request's `q`, `sort`, `page` and `page_size`, parsed and checked against `spec` (400 BAD_REQUEST
 * naming the offending key otherwise), and documents the four query parameters in the OpenAPI document.
 */
export function ListQuery<F extends Record<string, FilterType>, S extends string>(
  spec: ListQuerySpec<F, S>,
): ParameterDecorator {
  const generic = spec as unknown as ListQuerySpec;
  return (target, key, index) => {
    ListQueryParam(generic)(target, key, index);
    // ApiQuery is a method decorator; the method already exists on the prototype when its parameters are decorated.
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (!key || !descriptor) throw new Error('@ListQuery() decorates a parameter of a route method');
    const documented = [
      ApiQuery({ name: 'q', required: false, type: String, description: describeQ(generic) }),
      ApiQuery({ name: 'sort', required: false, type: String, description: describeSort(generic) }),
      ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } }),
      ApiQuery({
        name: 'page_size',
        required: false,
        schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
      }),
    ];
    for (const decorate of documented) decorate(target, key, descriptor);
  };
}
