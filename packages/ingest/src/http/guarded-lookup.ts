import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOneOptions, LookupAllOptions } from 'node:dns';
import { isIP } from 'node:net';
import type { AddressPolicy } from './address-policy.ts';

/** Resolves a host name to its addresses. Injectable so tests never depend on real DNS. */
export type DnsLookup = (hostname: string) => Promise<LookupAddress[]>;

export const systemDnsLookup: DnsLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Raised inside the connect lookup when every address of a host is refused by the policy. */
export class BlockedAddressError extends Error {
  readonly code = 'ENEWSGRAPH_BLOCKED';
  readonly hostname: string;
  readonly address: string;
  readonly reason: string;
  constructor(hostname: string, address: string, reason: string) {
    super(`${hostname} resolves to ${address}: ${reason}`);
    this.name = 'BlockedAddressError';
    this.hostname = hostname;
    this.address = address;
    this.reason = reason;
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls.connect: resolves with `dns`, drops addresses the policy refuses and
 * fails when none is left. Because the socket connects to exactly the address returned here,
 * the checked address is the one used (no DNS-rebinding window between check and connect).
 * `policy` null means every address is allowed (allowPrivateNetwork).
 */
export function createGuardedLookup(dns: DnsLookup, policy: AddressPolicy | null) {
  return function guardedLookup(
    hostname: string,
    options: LookupOneOptions | LookupAllOptions | number | undefined,
    callback: LookupCallback,
  ): void {
    const opts = typeof options === 'object' && options !== null ? options : { family: options };
    const wantFamily = typeof opts.family === 'number' ? opts.family : opts.family === 'IPv4' ? 4 : opts.family === 'IPv6' ? 6 : 0;
    const resolved: Promise<LookupAddress[]> = isIP(hostname)
      ? Promise.resolve([{ address: hostname, family: isIP(hostname) }])
      : dns(hostname);
    resolved.then(
      (addresses) => {
        let candidates = wantFamily ? addresses.filter((a) => a.family === wantFamily) : addresses;
        if (candidates.length === 0) candidates = addresses;
        if (candidates.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          error.code = 'ENOTFOUND';
          callback(error, '', 0);
          return;
        }
        if (policy) {
          let firstRefusal: BlockedAddressError | null = null;
          const allowed: LookupAddress[] = [];
          for (const a of candidates) {
            const reason = policy(a.address, hostname);
            if (reason) firstRefusal ??= new BlockedAddressError(hostname, a.address, reason);
            else allowed.push(a);
          }
          if (allowed.length === 0) {
            callback(firstRefusal as unknown as NodeJS.ErrnoException, '', 0);
            return;
          }
          candidates = allowed;
        }
        if ((opts as LookupAllOptions).all) callback(null, candidates);
        else callback(null, candidates[0]!.address, candidates[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/** Finds a BlockedAddressError anywhere in an error's cause chain. */
export function findBlockedAddressError(error: unknown): BlockedAddressError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current; depth++) {
    if (current instanceof BlockedAddressError) return current;
    if (typeof current === 'object' && (current as { code?: unknown }).code === 'ENEWSGRAPH_BLOCKED') {
      return current as BlockedAddressError;
    }
    if (current instanceof AggregateError) {
      for (const inner of current.errors) {
        const found = findBlockedAddressError(inner);
        if (found) return found;
      }
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
