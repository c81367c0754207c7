import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBerthClient, CSRF_HEADER, totalCount } from './index';

/** A fetch that records requests and answers one JSON body. */
function recordingFetch(body: unknown, headers: Record<string, string> = {}) {
  const requests: Request[] = [];
  const fetch = async (...[input, init]: Parameters<typeof globalThis.fetch>): Promise<Response> => {
    requests.push(new Request(input, init));
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json', ...headers },
    });
  };
  return { requests, fetch: fetch as typeof globalThis.fetch };
}

describe('createBerthClient', () => {
  it('calls paths under the base URL and answers typed data', async () => {
    const { requests, fetch } = recordingFetch({ berth_version: '0.1.0' });
    const client = createBerthClient({ baseUrl: 'http://berth.test/api/v2.0/', fetch });
    const { data } = await client.GET('/systeminfo');
    expect(data?.berth_version).toBe('0.1.0');
    expect(requests[0]?.url).toBe('http://berth.test/api/v2.0/systeminfo');
  });

  it('sends the current CSRF token on unsafe methods only', async () => {
    const { requests, fetch } = recordingFetch({});
    let token = 'first';
    const client = createBerthClient({ baseUrl: 'http://berth.test/api/v2.0', fetch, csrfToken: () => token });
    await client.GET('/ping');
    // No write route exists yet; the middleware only looks at the method, so an untyped call is enough here.
    await (client.POST as unknown as (path: string, init: object) => Promise<unknown>)('/ping', {});
    token = 'second';
    await (client.DELETE as unknown as (path: string, init: object) => Promise<unknown>)('/ping', {});
    expect(requests.map((r) => [r.method, r.headers.get(CSRF_HEADER)])).toEqual([
      ['GET', null],
      ['POST', 'first'],
      ['DELETE', 'second'],
    ]);
  });

  it('names the same CSRF header as the committed OpenAPI document', () => {
    const document = JSON.parse(readFileSync(join(__dirname, 'openapi.json'), 'utf8')) as {
      components: { securitySchemes: Record<string, { name?: string }> };
    };
    expect(document.components.securitySchemes['csrf']?.name).toBe(CSRF_HEADER);
  });
});

describe('totalCount', () => {
  const cases: [Record<string, string>, number | undefined][] = [
    [{ 'X-Total-Count': '42' }, 42],
    [{ 'X-Total-Count': '0' }, 0],
    [{ 'X-Total-Count': 'many' }, undefined],
    [{}, undefined],
  ];
  it.each(cases)('reads %j', (headers, expected) => {
    expect(totalCount(new Response(null, { headers }))).toBe(expected);
  });
});
