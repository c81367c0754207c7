import { type IncomingMessage } from 'node:http';
import { clientAddress } from './client-address';

function request(remoteAddress: string | undefined, forwardedFor?: string): IncomingMessage {
  return {
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  } as unknown as IncomingMessage;
}

describe('clientAddress', () => {
  it.each([
    ['a direct client', '203.0.113.9', undefined, '203.0.113.9'],
    ['an IPv4-mapped peer', '::ffff:203.0.113.9', undefined, '203.0.113.9'],
    ['a client that forges X-Forwarded-For', '203.0.113.9', '198.51.100.1', '203.0.113.9'],
    ['a client behind a local gateway', '127.0.0.1', '198.51.100.7', '198.51.100.7'],
    ['a client behind two private proxies', '10.0.0.2', '198.51.100.7, 10.0.0.1', '198.51.100.7'],
    ['a forged first hop behind a gateway', '10.0.0.2', '1.2.3.4, 198.51.100.7', '198.51.100.7'],
    ['a local client without the header', '::1', undefined, '::1'],
    ['a garbage header', '127.0.0.1', 'not-an-ip', '127.0.0.1'],
    ['no peer address', undefined, undefined, null],
  ])('finds %s', (_, peer, header, expected) => {
    expect(clientAddress(request(peer, header))).toBe(expected);
  });
});
