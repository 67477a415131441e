import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { isIPv4, isIPv6 } from 'node:net';
import type { NodeEnv } from './server.js';

/**
 * The address the rate limit counts against. Behind a reverse proxy (nginx, a
 * load balancer, Cloudflare) every request arrives from the proxy, so one busy
 * CLP page would rate-limit everyone; `trustedProxies` says how many proxies
 * in front of this server append to X-Forwarded-For. Only that many entries,
 * counted from the right, are believed: anything further left was written by
 * the client and could be spoofed to dodge the limit. 0 (the default) ignores
 * the header entirely, which is right when nothing sits in front.
 */
export function clientAddress(c: Context<NodeEnv>, trustedProxies: number): string {
  const socket = getConnInfo(c).remote.address ?? 'unknown';
  if (trustedProxies <= 0) return rateLimitKey(socket);
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket];
  // chain[last] is the nearest proxy; each trusted proxy vouches for the hop before it.
  return rateLimitKey(chain[Math.max(0, chain.length - 1 - trustedProxies)]!);
}

/**
 * One key per client however its address is spelt: an IPv4 address as itself
 * (also when IPv4-mapped, ::ffff:a.b.c.d), an IPv6 address as its /64, the
 * block one subscriber usually holds whole, so hopping addresses within it
 * does not buy more tries. Anything else (not an address) is kept as it is.
 */
export function rateLimitKey(address: string): string {
  const bare = address.trim().replace(/%.*$/, ''); // zone index (fe80::1%eth0)
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return address;
  const groups = ipv6Groups(bare);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  // The URL parser writes IPv6 in its canonical form (lower case, longest zero run compressed).
  return `${new URL(`http://[${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::]/`).hostname.slice(1, -1)}/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, "::" and a dotted IPv4 tail expanded. */
function ipv6Groups(address: string): number[] {
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1); // the dotted tail becomes two hex groups
  const [head, tail] = canonical.includes('::') ? canonical.split('::') : [canonical, undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}
