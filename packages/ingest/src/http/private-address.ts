import { isIP } from 'node:net';
import { blockedAddressReason, blockedHostnameReason } from './address-policy.ts';
import { systemDnsLookup, type DnsLookup } from './guarded-lookup.ts';

/**
 * Why the crawler would refuse `url` as a private or local address (the SSRF guard's rules: a
 * local host name, a private, loopback or link-local literal, or a name resolving to one), or
 * null when it is public or cannot be resolved now (that is reported at crawl time). For
 * `sources add`, which accepts the source but warns: an operator who means it sets
 * NEWSGRAPH_ALLOW_PRIVATE_NETWORK=true.
 */
export async function privateAddressReason(url: string, options: { dnsLookup?: DnsLookup; timeoutMs?: number } = {}): Promise<string | null> {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
  const byName = blockedHostnameReason(host);
  if (byName) return byName;
  if (isIP(host)) return blockedAddressReason(host);
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), options.timeoutMs ?? 2_000);
    });
    const addresses = await Promise.race([(options.dnsLookup ?? systemDnsLookup)(host), timeout]);
    for (const { address } of addresses ?? []) {
      const reason = blockedAddressReason(address);
      if (reason) return `${host} resolves to ${address}: ${reason}`;
    }
    return null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
