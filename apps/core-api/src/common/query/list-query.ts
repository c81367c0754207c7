import { MAX_INT4, MIN_INT4, fitsInt4 } from '../pg-int';
import { ListQueryError, parseQ, type RawTerm } from './q-syntax';

/** The type of a filterable key, which decides how its values are read and which match kinds it allows. */
export type FilterType = 'string' | 'int' | 'bool' | 'date';

/** What an endpoint accepts in `q` and `sort`; declare it once with `defineListQuery` next to the controller. */
export interface ListQuerySpec<
  F extends Record<string, FilterType> = Record<string, FilterType>,
  S extends string = string,
> {
  /** The keys `q` may filter on, with their types. */
  filters: F;
  /** The fields `sort` may order by. */
  sort: readonly S[];
  /** The order when the request gives no `sort`, e.g. `['-creation_time']`; empty means the repository's own order. */
  defaultSort?: readonly (S | `-${S}`)[];
}

/** The JavaScript value of a filter type. */
export type FilterValue<T extends FilterType> = T extends 'string'
  ? string
  : T extends 'int'
    ? number
    : T extends 'bool'
      ? boolean
      : Date;

/** One typed condition of `q` on key `K` of type `T`. */
export type Filter<K extends string = string, T extends FilterType = FilterType> =
  | { key: K; type: T; kind: 'exact'; value: FilterValue<T> }
  | { key: K; type: T; kind: 'fuzzy'; value: string }
  | { key: K; type: T; kind: 'range'; min?: FilterValue<T>; max?: FilterValue<T> }
  | { key: K; type: T; kind: 'set'; values: FilterValue<T>[] };

/** Any filter an endpoint with filter map `F` may receive. */
export type FilterOf<F extends Record<string, FilterType>> = {
  [K in keyof F & string]: Filter<K, F[K]>;
}[keyof F & string];

/** One ordering of `sort`. */
export interface SortField<S extends string = string> {
  field: S;
  desc: boolean;
}

/** A list request, parsed and checked against its endpoint's spec. */
export interface ParsedListQuery<
  F extends Record<string, FilterType> = Record<string, FilterType>,
  S extends string = string,
> {
  /** The filters of `q`, in the order given. */
  q: FilterOf<F>[];
  /** The orderings of `sort` (or the spec's default), most significant first. */
  sort: SortField<S>[];
  /** The 1-based page number. */
  page: number;
  /** Items per page, 1..MAX_PAGE_SIZE. */
  pageSize: number;
}

/** Page size when the request gives none, as in Harbor. */
export const DEFAULT_PAGE_SIZE = 10;

/** Largest page size; Harbor refuses larger ones with 400 rather than clamping. */
export const MAX_PAGE_SIZE = 100;

/** Largest page number, so `(page - 1) * page_size` stays a safe integer offset. */
const MAX_PAGE = 1_000_000_000;

/** Which match kinds each type allows: fuzzy needs text, ranges need an order, and a set of booleans is pointless. */
const KINDS_BY_TYPE: Record<FilterType, readonly RawTerm['kind'][]> = {
  string: ['exact', 'fuzzy', 'set'],
  int: ['exact', 'range', 'set'],
  bool: ['exact'],
  date: ['exact', 'range'],
};

/** Longest single string value accepted, generously above any name or label the API stores. */
export const MAX_VALUE_LENGTH = 1024;

/** A date, or a date and time with optional seconds, fraction and zone; without a zone it is UTC (as in Harbor). */
const DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Declares an endpoint's list spec, keeping its literal keys so that parsed queries and field maps are typed. */
export function defineListQuery<const F extends Record<string, FilterType>, const S extends string = never>(
  spec: ListQuerySpec<F, S>,
): ListQuerySpec<F, S> {
  return spec;
}

/** Reads an integer as written in decimal, or undefined. */
function toInt(text: string): number | undefined {
  if (!/^-?\d{1,16}$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Reads a calendar date or timestamp, refusing impossible dates such as 2024-02-30. */
function toDate(text: string): Date | undefined {
  const m = DATE_PATTERN.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const utc = new Date(Date.UTC(...fields));
  // Date.UTC rolls 2024-02-30 over to March; comparing the fields back catches that.
  const roundTrip = [
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
  ];
  if (roundTrip.some((value, i) => value !== fields[i])) return undefined;
  const millis = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = zone.replace(':', '');
    const sign = digits[0] === '-' ? -1 : 1;
    const hours = Number(digits.slice(1, 3));
    const minutes = Number(digits.slice(3, 5));
    if (hours > 23 || minutes > 59) return undefined;
    offsetMinutes = sign * (hours * 60 + minutes);
  }
  return new Date(utc.getTime() + millis - offsetMinutes * 60_000);
}

/** Converts one written value to the key's type, or explains why it cannot be. */
function convert(key: string, type: FilterType, text: string): FilterValue<FilterType> {
  switch (type) {
    case 'string':
      if (text.length > MAX_VALUE_LENGTH) {
        throw new ListQueryError(`q: the value of "${key}" is longer than ${MAX_VALUE_LENGTH} characters`);
      }
      return text;
    case 'int': {
      const value = toInt(text);
      if (value === undefined) throw new ListQueryError(`q: "${key}" must be an integer, got "${text}"`);
      // Integer filters are integer columns: a value beyond them would fail the query in Postgres.
      if (!fitsInt4(value)) {
        throw new ListQueryError(`q: "${key}" must be between ${MIN_INT4} and ${MAX_INT4}, got "${text}"`);
      }
      return value;
    }
    case 'bool':
      if (text === 'true') return true;
      if (text === 'false') return false;
      throw new ListQueryError(`q: "${key}" must be true or false, got "${text}"`);
    case 'date': {
      const value = toDate(text);
      if (value === undefined) {
        throw new ListQueryError(
          `q: "${key}" must be a date such as 2024-05-01 or 2024-05-01T12:00:00Z, got "${text}"`,
        );
      }
      return value;
    }
  }
}

/** Orders two values of one type, for checking that a range's ends are not reversed. */
function compare(a: FilterValue<FilterType>, b: FilterValue<FilterType>): number {
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Applies the endpoint's key types to one raw term. */
function typeTerm(spec: ListQuerySpec, term: RawTerm): Filter {
  const type = Object.hasOwn(spec.filters, term.key) ? spec.filters[term.key] : undefined;
  if (type === undefined) {
    const allowed = Object.keys(spec.filters);
    throw new ListQueryError(
      `q: unknown key "${term.key}"; ` +
        (allowed.length ? `this endpoint filters on ${allowed.join(', ')}` : 'this endpoint does not filter'),
    );
  }
  if (!KINDS_BY_TYPE[type].includes(term.kind)) {
    throw new ListQueryError(`q: "${term.key}" (${type}) does not support ${term.kind} matches`);
  }
  const { key } = term;
  switch (term.kind) {
    case 'exact':
      return { key, type, kind: 'exact', value: convert(key, type, term.value) } as Filter;
    case 'fuzzy':
      return { key, type, kind: 'fuzzy', value: convert(key, type, term.value) as string } as Filter;
    case 'set':
      return { key, type, kind: 'set', values: term.values.map((v) => convert(key, type, v)) } as Filter;
    case 'range': {
      const min = term.min === undefined ? undefined : convert(key, type, term.min);
      const max = term.max === undefined ? undefined : convert(key, type, term.max);
      if (min !== undefined && max !== undefined && compare(min, max) > 0) {
        throw new ListQueryError(`q: range of "${key}" has its lower end above its upper end`);
      }
      return {
        key,
        type,
        kind: 'range',
        ...(min === undefined ? {} : { min }),
        ...(max === undefined ? {} : { max }),
      } as Filter;
    }
  }
}

/** Parses `sort=name,-creation_time` against the endpoint's sort fields. */
export function parseSort<S extends string>(
  spec: ListQuerySpec<Record<string, FilterType>, S>,
  sort: string,
): SortField<S>[] {
  const written = sort.trim() === '' ? (spec.defaultSort ?? []) : sort.split(',');
  const seen = new Set<string>();
  return written.map((item) => {
    const desc = item.startsWith('-');
    const field = (desc ? item.slice(1) : item).trim();
    if (field === '') throw new ListQueryError(`sort: empty field in "${sort}"`);
    if (!(spec.sort as readonly string[]).includes(field)) {
      throw new ListQueryError(
        `sort: unknown field "${field}"; ` +
          (spec.sort.length ? `this endpoint sorts by ${spec.sort.join(', ')}` : 'this endpoint does not sort'),
      );
    }
    if (seen.has(field)) throw new ListQueryError(`sort: field "${field}" is given more than once`);
    seen.add(field);
    return { field: field as S, desc };
  });
}

/** Reads a positive integer paging parameter within [1, max]. */
function parsePositive(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined || text === '') return fallback;
  const value = toInt(text.trim());
  if (value === undefined) throw new ListQueryError(`${name} must be an integer, got "${text}"`);
  if (value < 1) throw new ListQueryError(`${name} must be at least 1, got ${value}`);
  if (value > max) throw new ListQueryError(`${name} must be at most ${max}, got ${value}`);
  return value;
}

/** Takes a single string parameter as the HTTP layer delivers it, refusing repeats and nested forms (`q[a]=b`). */
function single(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  throw new ListQueryError(`${name} must be given once, as a plain string`);
}

/** Parses and checks `q`, `sort`, `page` and `page_size` of one request against an endpoint's spec. */
export function parseListQuery<F extends Record<string, FilterType>, S extends string>(
  spec: ListQuerySpec<F, S>,
  query: { q?: unknown; sort?: unknown; page?: unknown; page_size?: unknown },
): ParsedListQuery<F, S> {
  const generic = spec as unknown as ListQuerySpec;
  return {
    q: parseQ(single('q', query.q) ?? '').map((term) => typeTerm(generic, term)) as FilterOf<F>[],
    sort: parseSort(spec, single('sort', query.sort) ?? ''),
    page: parsePositive('page', single('page', query.page), 1, MAX_PAGE),
    pageSize: parsePositive('page_size', single('page_size', query.page_size), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
  };
}

/** The parsed query type of a spec declared with `defineListQuery`: `ListQueryOf<typeof PROJECT_LIST>`. */
export type ListQueryOf<T> = T extends ListQuerySpec<infer F, infer S> ? ParsedListQuery<F, S> : never;
