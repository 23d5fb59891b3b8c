import { randomUUID } from 'node:crypto';
import type { HostGate, HostTurn, PolitenessOptions } from './interfaces/host-gate.ts';
import { DEFAULT_MAX_PAUSE_MS } from './interfaces/host-gate.ts';
import { emptySchedule, isIdleSchedule, markStarted, takeTurn, type HostSchedule } from './host-turns.ts';

/** The host scheduler within one process (in-process crawl mode): takeTurn over a Map. */
export class MemoryHostGate implements HostGate {
  readonly #options: PolitenessOptions;
  readonly #hosts = new Map<string, HostSchedule>();
  readonly #now: () => number;
  #calls = 0;

  constructor(options: PolitenessOptions, now: () => number = Date.now) {
    this.#options = options;
    this.#now = now;
  }

  #schedule(host: string): HostSchedule {
    let s = this.#hosts.get(host);
    if (!s) {
      s = emptySchedule();
      this.#hosts.set(host, s);
    }
    return s;
  }

  async tryAcquire(host: string, token: string, options: { crawlDelayMs?: number | null } = {}): Promise<HostTurn> {
    if (++this.#calls % 1000 === 0) this.#sweep();
    const s = this.#schedule(host);
    const leaseId = randomUUID();
    const turn = takeTurn(s, token, leaseId, this.#now(), this.#options, options.crawlDelayMs);
    if (!turn.granted) return { waitMs: turn.waitMs };
    let released = false;
    return {
      started: async () => markStarted(s, leaseId, this.#now()),
      release: async () => {
        if (released) return;
        released = true;
        markStarted(s, leaseId, this.#now());
        s.leases.delete(leaseId);
      },
    };
  }

  async pause(host: string, ms: number): Promise<void> {
    const s = this.#schedule(host);
    s.pausedUntil = Math.max(s.pausedUntil, this.#now() + Math.min(Math.max(0, ms), this.#options.maxPauseMs ?? DEFAULT_MAX_PAUSE_MS));
  }

  async pausedFor(host: string): Promise<number> {
    const s = this.#hosts.get(host);
    return s ? Math.max(0, s.pausedUntil - this.#now()) : 0;
  }

  /** Hosts tracked now (memory stays flat: idle hosts are forgotten). */
  get size(): number {
    return this.#hosts.size;
  }

  #sweep(): void {
    const now = this.#now();
    for (const [host, s] of this.#hosts) if (isIdleSchedule(s, now, this.#options)) this.#hosts.delete(host);
  }
}
