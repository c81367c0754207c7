import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  type Type,
  UseInterceptors,
} from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './list-query';

/** One page of a list as a service returns it: the items of the page and the number of items on all pages. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** Where `@ListQuery` leaves the parsed page and size on the request, for the pagination headers. */
export const LIST_PAGE = Symbol('berth:list-page');

/** A request that went through `@ListQuery`. */
export type RequestWithListPage = Request & { [LIST_PAGE]?: { page: number; pageSize: number } };

/** Header with the number of items on all pages, as in Harbor. */
export const TOTAL_COUNT_HEADER = 'X-Total-Count';

/** Builds Harbor's RFC 8288 (ex-5988) `Link` value with `prev` and `next`, or undefined when there is neither. */
export function buildLinkHeader(
  originalUrl: string,
  page: number,
  pageSize: number,
  total: number,
): string | undefined {
  // The base only lets URL parse a path; the links stay relative, like Harbor's, so they hold behind any gateway.
  const url = new URL(originalUrl, 'http://berth.invalid');
  const link = (target: number, rel: 'prev' | 'next'): string => {
    const params = new URLSearchParams(url.search);
    params.set('page', String(target));
    params.set('page_size', String(pageSize));
    return `<${url.pathname}?${params.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page * pageSize < total) links.push(link(page + 1, 'next'));
  return links.length ? links.join(', ') : undefined;
}

/** Sets `X-Total-Count` and `Link` on a list response; the interceptor does it for `@Paginated` routes. */
export function setPaginationHeaders(req: Request, res: Response, total: number): void {
  const { page, pageSize } = (req as RequestWithListPage)[LIST_PAGE] ?? { page: 1, pageSize: DEFAULT_PAGE_SIZE };
  res.setHeader(TOTAL_COUNT_HEADER, String(total));
  const link = buildLinkHeader(req.originalUrl, page, pageSize, total);
  if (link) res.setHeader('Link', link);
}

/** Turns a route's `Page<T>` into a bare JSON array with Harbor's paging headers. */
@Injectable()
export class PaginationInterceptor implements NestInterceptor {
  /** Maps the handler's page onto the response. */
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    return next.handle().pipe(
      map((result: unknown) => {
        if (!isPage(result)) {
          throw new Error(`@Paginated route ${context.getClass().name}.${context.getHandler().name} returned no Page`);
        }
        setPaginationHeaders(http.getRequest<Request>(), http.getResponse<Response>(), result.total);
        return result.items;
      }),
    );
  }
}

/** Tells a `Page` from other return values. */
function isPage(value: unknown): value is Page<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as Page<unknown>).items) &&
    typeof (value as Page<unknown>).total === 'number'
  );
}

/**
 * Marks a list route whose handler returns `Page<item>`: answers the items as a JSON array with `X-Total-Count` and
 * `Link`, and documents that 200 response. Pair it with a `@ListQuery(spec)` parameter.
 */
export function Paginated(item: Type<unknown>, description = 'One page of the list.'): MethodDecorator {
  return applyDecorators(
    UseInterceptors(PaginationInterceptor),
    ApiOkResponse({
      description,
      type: item,
      isArray: true,
      headers: {
        [TOTAL_COUNT_HEADER]: { description: 'The number of items on all pages.', schema: { type: 'integer' } },
        Link: {
          description:
            `Links to the previous and next pages (RFC 8288), e.g. \`</api/v2.0/projects?page=2&page_size=${DEFAULT_PAGE_SIZE}>; rel="next"\`; ` +
            `page_size is at most ${MAX_PAGE_SIZE}.`,
          schema: { type: 'string' },
        },
      },
    }),
  );
}
