import { type IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * The proxies whose X-Forwarded-For is believed: loopback, link-local and unique-local/private addresses, the same set
 * core-api trusts (Express' `loopback, linklocal, uniquelocal`), where a gateway in front of the registry lives.
 */
const TRUSTED_PROXIES = (() => {
  const list = new BlockList();
  list.addSubnet('127.0.0.0', 8, 'ipv4');
  list.addSubnet('169.254.0.0', 16, 'ipv4');
  list.addSubnet('10.0.0.0', 8, 'ipv4');
  list.addSubnet('172.16.0.0', 12, 'ipv4');
  list.addSubnet('192.168.0.0', 16, 'ipv4');
  list.addAddress('::1', 'ipv6');
  list.addSubnet('fe80::', 10, 'ipv6');
  list.addSubnet('fc00::', 7, 'ipv6');
  return list;
})();

/** Writes IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`) as the IPv4 address they are. */
function normalise(address: string): string {
  const trimmed = address.trim();
  return trimmed.toLowerCase().startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

function isTrusted(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && TRUSTED_PROXIES.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Finds the client's address: the peer, or, when the peer is a trusted proxy, the nearest X-Forwarded-For hop that is
 * not one (read right to left, so a client cannot forge its address by sending the header itself).
 */
export function clientAddress(req: IncomingMessage): string | null {
  const peer = req.socket.remoteAddress ? normalise(req.socket.remoteAddress) : null;
  if (!peer || !isTrusted(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map(normalise).filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) break;
    client = hop;
    if (!isTrusted(hop)) break;
  }
  return client;
}
