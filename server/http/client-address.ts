import type { IncomingMessage } from 'node:http';

/**
 * The address the rate limit counts against. Behind a reverse proxy (nginx, a
 * load balancer, Cloudflare) every request arrives from the proxy, so one busy
 * CLP page would rate-limit everyone; `trustedProxies` says how many proxies
 * in front of this server append to X-Forwarded-For. Only that many entries,
 * counted from the right, are believed: anything further left was written by
 * the client and could be spoofed to dodge the limit. 0 (the default) ignores
 * the header entirely, which is right when nothing sits in front.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: number): string {
  const socket = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxies <= 0) return socket;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket];
  // chain[last] is the nearest proxy; each trusted proxy vouches for the hop before it.
  return chain[Math.max(0, chain.length - 1 - trustedProxies)];
}
