import type { Request } from 'express';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { clearSessionCookies, readCookie, setSessionCookies } from './cookies';

const withCookie = (cookie?: string) => ({ headers: cookie === undefined ? {} : { cookie } }) as Request;

describe('readCookie', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['sid=abc', 'abc'],
    ['other=1; sid=abc; berth-csrf=x', 'abc'],
    ['xsid=abc', undefined],
    ['sid=', undefined],
    ['sid=a=b', 'a=b'],
    [`sid=${'a'.repeat(257)}`, undefined],
  ])('reads sid from %j as %j', (header, expected) => {
    expect(readCookie(withCookie(header), 'sid')).toBe(expected);
  });
});

describe('setSessionCookies', () => {
  const cookiesFrom = async (secure: boolean, clear = false): Promise<string[]> => {
    const server = createServer((_req, res) => {
      if (clear) clearSessionCookies(res, { secure });
      else setSessionCookies(res, 'the-sid', 'the-csrf', { secure });
      res.end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      return response.headers.getSetCookie();
    } finally {
      server.close();
    }
  };

  it('sets an httpOnly, SameSite=Lax session cookie and a readable CSRF cookie, Secure only over https', async () => {
    const plain = await cookiesFrom(false);
    expect(plain).toEqual(['sid=the-sid; Path=/; HttpOnly; SameSite=Lax', 'berth-csrf=the-csrf; Path=/; SameSite=Lax']);
    const secure = await cookiesFrom(true);
    expect(secure).toEqual([
      'sid=the-sid; Path=/; HttpOnly; Secure; SameSite=Lax',
      'berth-csrf=the-csrf; Path=/; Secure; SameSite=Lax',
    ]);
  });

  it('clears both cookies with empty values expired at the epoch', async () => {
    expect(await cookiesFrom(false, true)).toEqual([
      'sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax',
      'berth-csrf=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax',
    ]);
  });
});
