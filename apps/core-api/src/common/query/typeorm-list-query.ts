import { type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { type Filter, type FilterType, type ParsedListQuery } from './list-query';

/**
 * Where each API key of a list spec lives in SQL: `{ name: 'p.name', creation_time: 'p.creation_time' }`. The
 * expressions are written by the repository, never taken from the request; values always travel as parameters.
 */
export type ListQueryFieldMap<F extends Record<string, FilterType>, S extends string> = {
  readonly [K in (keyof F & string) | S]: string;
};

/** How `applyListQuery` orders and pages besides the request's own `q` and `sort`. */
export interface ApplyListQueryOptions {
  /**
   * A unique SQL expression appended last to ORDER BY (e.g. `p.id`), so that rows with equal sort values keep one
   * order across requests and pages neither repeat nor skip rows. Strongly recommended.
   */
  tieBreaker?: string;
  /**
   * `offset` (default) pages with OFFSET/LIMIT; `skip-take` uses TypeORM's skip/take, which stays correct when
   * one-to-many joins multiply rows; `none` leaves paging to the caller.
   */
  paging?: 'offset' | 'skip-take' | 'none';
  /** Prefix of the generated parameter names, to avoid clashes with the repository's own (default `lq`). */
  parameterPrefix?: string;
}

/** The character that escapes `%`, `_` and itself in the LIKE patterns built here. */
const LIKE_ESCAPE = '\\';

/** Escapes LIKE's wildcards so a fuzzy value matches as a literal substring. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => LIKE_ESCAPE + c);
}

/** Adds one filter's condition with its values as named parameters. */
function addCondition<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  column: string,
  filter: Filter,
  param: string,
): void {
  switch (filter.kind) {
    case 'exact':
      qb.andWhere(`${column} = :${param}`, { [param]: filter.value });
      return;
    case 'fuzzy':
      // ESCAPE is spelled out because the default escape character of LIKE is not guaranteed by every setting.
      qb.andWhere(`${column} ILIKE :${param} ESCAPE '${LIKE_ESCAPE}'`, { [param]: `%${escapeLike(filter.value)}%` });
      return;
    case 'set':
      qb.andWhere(`${column} IN (:...${param})`, { [param]: filter.values });
      return;
    case 'range':
      if (filter.min !== undefined) qb.andWhere(`${column} >= :${param}_min`, { [`${param}_min`]: filter.min });
      if (filter.max !== undefined) qb.andWhere(`${column} <= :${param}_max`, { [`${param}_max`]: filter.max });
      return;
  }
}

/**
 * Applies a parsed list query to a query builder: one parameterised condition per filter, the requested order (then
 * the tie-breaker) and the page. Call it in the repository, then `getManyAndCount()` for `{ items, total }`.
 */
export function applyListQuery<T extends ObjectLiteral, F extends Record<string, FilterType>, S extends string>(
  qb: SelectQueryBuilder<T>,
  query: ParsedListQuery<F, S>,
  fields: ListQueryFieldMap<F, S>,
  options: ApplyListQueryOptions = {},
): SelectQueryBuilder<T> {
  const prefix = options.parameterPrefix ?? 'lq';
  const column = (key: string): string => {
    const expression = (fields as Readonly<Record<string, string | undefined>>)[key];
    // The types make this unreachable; a spec and field map that drifted apart must fail loudly, not filter nothing.
    if (!expression) throw new Error(`applyListQuery: no column for list key "${key}"`);
    return expression;
  };
  query.q.forEach((filter, i) => addCondition(qb, column(filter.key), filter as Filter, `${prefix}_${i}`));
  for (const { field, desc } of query.sort) qb.addOrderBy(column(field), desc ? 'DESC' : 'ASC');
  if (options.tieBreaker) qb.addOrderBy(options.tieBreaker, 'ASC');
  const offset = (query.page - 1) * query.pageSize;
  switch (options.paging ?? 'offset') {
    case 'offset':
      qb.offset(offset).limit(query.pageSize);
      break;
    case 'skip-take':
      qb.skip(offset).take(query.pageSize);
      break;
    case 'none':
      break;
  }
  return qb;
}
