import { HostBusyError } from '../http/host-busy-error.ts';
import type { Fetcher, FetchRequest, FetchResponse } from '../interfaces/fetcher.ts';
import type { HostGate } from './interfaces/host-gate.ts';

export { HostBusyError };

/**
 * Wraps a plain Fetcher (a test double, anything but HttpFetcher) so that every request first
 * takes a turn from the host scheduler. HttpFetcher takes its turns itself (per redirect hop and
 * robots.txt, with the host's Crawl-delay and Retry-After): give it the gate as `hostGate`.
 */
export class GatedFetcher implements Fetcher {
  readonly #inner: Fetcher;
  readonly #gate: HostGate;

  constructor(inner: Fetcher, gate: HostGate) {
    this.#inner = inner;
    this.#gate = gate;
  }

  async fetch(request: FetchRequest): Promise<FetchResponse> {
    let host: string;
    try {
      host = new URL(request.url).host.toLowerCase();
    } catch {
      return this.#inner.fetch(request); // the inner fetcher reports the invalid URL
    }
    const slot = await this.#gate.tryAcquire(host, `${request.kind} ${request.url}`);
    if ('waitMs' in slot) throw new HostBusyError(host, slot.waitMs);
    try {
      return await this.#inner.fetch(request);
    } finally {
      // A plain Fetcher does not say when its request reached the host: the whole fetch counts.
      await slot.release();
    }
  }

  close(): Promise<void> {
    return this.#inner.close();
  }
}
