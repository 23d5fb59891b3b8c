import type { Fetcher, FetchRequest, FetchResponse } from '../interfaces/fetcher.ts';
import type { HostGate } from './interfaces/host-gate.ts';

/** The host has no free slot now; the queue re-delays the job by `waitMs` without counting an attempt. */
export class HostBusyError extends Error {
  readonly host: string;
  readonly waitMs: number;
  constructor(host: string, waitMs: number) {
    super(`host ${host} is busy (politeness); retry in ${waitMs} ms`);
    this.name = 'HostBusyError';
    this.host = host;
    this.waitMs = waitMs;
  }
}

/** Wraps a Fetcher so that every request first takes a per-host slot from the gate. */
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
    const slot = await this.#gate.tryAcquire(host);
    if ('waitMs' in slot) throw new HostBusyError(host, slot.waitMs);
    try {
      return await this.#inner.fetch(request);
    } finally {
      await slot.release();
    }
  }

  close(): Promise<void> {
    return this.#inner.close();
  }
}
