import { BlockList, isIP } from 'node:net';

/**
 * SSRF guard: which addresses a crawler fetching untrusted URLs must never connect to.
 * Checked on the address DNS actually returned (in the connect lookup, so the socket is pinned
 * to the checked address and DNS rebinding cannot swap it), and on IP-literal hosts.
 */

/** Returns why `ip` must not be contacted, or null when it is a public address. */
export type AddressPolicy = (ip: string, hostname: string) => string | null;

const blocked = new BlockList();
const V4_RANGES: Array<[string, number, string]> = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];
const V6_RANGES: Array<[string, number, string]> = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['100::', 64, 'discard'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'unique local (private)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];
const reasons: Array<{ list: BlockList; reason: string }> = [];
for (const [net, prefix, reason] of V4_RANGES) {
  const list = new BlockList();
  list.addSubnet(net, prefix, 'ipv4');
  blocked.addSubnet(net, prefix, 'ipv4');
  reasons.push({ list, reason });
}
for (const [net, prefix, reason] of V6_RANGES) {
  const list = new BlockList();
  list.addSubnet(net, prefix, 'ipv6');
  blocked.addSubnet(net, prefix, 'ipv6');
  reasons.push({ list, reason });
}

const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254', '169.254.170.2', '100.100.100.200']);
const BLOCKED_HOSTNAMES = new Set(['metadata.google.internal', 'metadata', 'localhost', 'instance-data', 'instance-data.ec2.internal']);

/** Expands an IPv6 address to its 8 16-bit groups, or null. */
function ipv6Groups(ip: string): number[] | null {
  let text = ip.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  // Trailing dotted IPv4 (::ffff:1.2.3.4) → two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const parts = dotted[1]!.split('.').map(Number);
    text = text.slice(0, -dotted[1]!.length) + `${((parts[0]! << 8) | parts[1]!).toString(16)}:${((parts[2]! << 8) | parts[3]!).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  if (fill < 0) return null;
  const groups = [...head, ...Array<string>(fill).fill('0'), ...tail].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/** The IPv4 address embedded in an IPv4-mapped (::ffff:a.b.c.d), -compatible (::a.b.c.d) or NAT64 (64:ff9b::/96) IPv6 address. */
export function embeddedIpv4(ip: string): string | null {
  const g = ipv6Groups(ip);
  if (!g) return null;
  const mapped = g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0);
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0);
  if (!mapped && !nat64) return null;
  if (g[5] === 0 && !nat64 && g[6] === 0) return null; // :: and ::1 are not embedded IPv4
  return `${g[6]! >> 8}.${g[6]! & 0xff}.${g[7]! >> 8}.${g[7]! & 0xff}`;
}

/** Why `ip` must not be contacted (loopback, private, link-local, metadata ...), or null when public. */
export function blockedAddressReason(ip: string): string | null {
  const family = isIP(ip);
  if (family === 0) return `not an IP address: ${ip}`;
  if (family === 6) {
    const v4 = embeddedIpv4(ip);
    if (v4) {
      const inner = blockedAddressReason(v4);
      return inner ? `${inner} (IPv4 embedded in ${ip})` : null;
    }
  }
  const lower = ip.toLowerCase();
  if (METADATA_ADDRESSES.has(lower)) return 'cloud metadata address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (!blocked.check(lower, type)) return null;
  for (const { list, reason } of reasons) if (list.check(lower, type)) return `${reason} address`;
  return 'non-public address';
}

/** Host names refused before any DNS lookup (metadata services, localhost). */
export function blockedHostnameReason(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (BLOCKED_HOSTNAMES.has(host)) return host === 'localhost' ? 'loopback host name' : 'cloud metadata host name';
  if (host.endsWith('.localhost')) return 'loopback host name';
  return null;
}

/** The default policy: everything non-public is refused. */
export const defaultAddressPolicy: AddressPolicy = (ip) => blockedAddressReason(ip);
