import { vi } from 'vitest';

/** One request the console made, as the stub saw it. */
export interface StubCall {
  method: string;
  /** The path without the query, e.g. `/api/v2.0/projects`. */
  path: string;
  url: URL;
  body: string;
  headers: Headers;
}

/** An answer of the stub: status (200 by default), a JSON body and headers. */
export interface StubReply {
  status?: number;
  statusText?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What a route answers: a reply, a network failure, `pending` (never answers), or a function of the call. */
export type StubAnswer = StubReply | Error | 'pending';
export type StubRoute = StubAnswer | ((call: StubCall) => StubAnswer);

/**
 * Replaces fetch with a fake Berth API answering per `METHOD /path` (e.g. `GET /api/v2.0/projects`), the way
 * core-api would: JSON bodies, Harbor's error body for anything unknown. Returns the calls made, for assertions.
 */
export function stubApi(routes: Record<string, StubRoute>) {
  const calls: StubCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const call: StubCall = {
      method: request.method,
      path: url.pathname,
      url,
      body: await request.clone().text(),
      headers: request.headers,
    };
    calls.push(call);
    const route = routes[`${call.method} ${call.path}`];
    const answer = typeof route === 'function' ? route(call) : route;
    if (answer === 'pending') return new Promise<Response>(() => undefined);
    if (answer instanceof Error) throw answer;
    if (!answer) {
      return json(404, { errors: [{ code: 'NOT_FOUND', message: `no stub for ${call.method} ${call.path}` }] });
    }
    return json(answer.status ?? 200, answer.body, answer.headers, answer.statusText);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}, statusText = ''): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    statusText,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** Harbor's error body with one error. */
export function harborError(code: string, message: string) {
  return { errors: [{ code, message }] };
}
