import { Injectable } from '@nestjs/common';
import { type Reply, type RequestContext } from '../http/route';
import { DiscoveryStore } from '../stores/discovery.store';
import { nextPageLink, parsePageRequest } from './pagination';

/** The largest catalog page, also the page size without `n`: CNCF distribution's default `catalog.maxentries`. */
export const CATALOG_MAX_ENTRIES = 1000;

const JSON_TYPE = 'application/json';

/** `GET /v2/_catalog[?n=&last=]`: the repositories of the registry, in lexical (byte) order. */
@Injectable()
export class CatalogHandler {
  constructor(private readonly discovery: DiscoveryStore) {}

  /**
   * Answers `{ repositories }` the caller may see (the projects its token names), at most `n` (capped at CATALOG_MAX_ENTRIES, which is also the default) after `last`,
   * with a `Link` to the next page when more follow. The catalog is outside the OCI spec; this is distribution's API.
   */
  list = async (ctx: RequestContext): Promise<Reply> => {
    const request = parsePageRequest(ctx.query);
    const n = Math.min(request.n ?? CATALOG_MAX_ENTRIES, CATALOG_MAX_ENTRIES);
    // Without auth the guard sets nothing and the whole catalog is listed.
    const page = await this.discovery.listRepositories(request.last, n, ctx.catalogProjects ?? '*');
    const headers: Record<string, string> = { 'Content-Type': JSON_TYPE };
    const lastName = page.items.at(-1);
    if (page.more && lastName !== undefined) headers['Link'] = nextPageLink(ctx.path, n, lastName);
    return { status: 200, headers, body: Buffer.from(JSON.stringify({ repositories: page.items })) };
  };
}
