import { Injectable } from '@nestjs/common';
import { type Reply, type RequestContext } from '../http/route';
import { DiscoveryStore } from '../stores/discovery.store';
import { repositoryName } from './context';
import { nextPageLink, parsePageRequest } from './pagination';

const JSON_TYPE = 'application/json';

/** `GET /v2/<name>/tags/list[?n=&last=]`: a repository's tags in lexical (byte) order. */
@Injectable()
export class TagsHandler {
  constructor(private readonly discovery: DiscoveryStore) {}

  /**
   * Answers `{ name, tags }`: every tag without `n`, else at most `n` after `last` with a `Link` to the next page when
   * more follow (never for `n=0`, which the spec answers with an empty list and no Link).
   */
  list = async (ctx: RequestContext): Promise<Reply> => {
    const name = repositoryName(ctx);
    const { n, last } = parsePageRequest(ctx.query);
    const page = await this.discovery.listTags(name, last, n);
    const headers: Record<string, string> = { 'Content-Type': JSON_TYPE };
    if (n !== null && n > 0 && page.more && page.lastTag !== null) {
      headers['Link'] = nextPageLink(ctx.path, n, page.lastTag);
    }
    // The tag array arrives as JSON text from Postgres; only the name is serialised here.
    const body = Buffer.from(`{"name":${JSON.stringify(name.name)},"tags":${page.tagsJson}}`);
    return { status: 200, headers, body };
  };
}
