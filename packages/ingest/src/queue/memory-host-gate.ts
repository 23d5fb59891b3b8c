import type { HostGate, HostSlot, PolitenessOptions } from './interfaces/host-gate.ts';

interface SlotState {
  busy: boolean;
  freeAt: number;
}

/** Host politeness within one process (in-process crawl mode). */
export class MemoryHostGate implements HostGate {
  readonly #options: PolitenessOptions;
  readonly #hosts = new Map<string, SlotState[]>();
  readonly #now: () => number;

  constructor(options: PolitenessOptions, now: () => number = Date.now) {
    this.#options = options;
    this.#now = now;
  }

  async tryAcquire(host: string): Promise<HostSlot | { waitMs: number }> {
    let slots = this.#hosts.get(host);
    if (!slots) {
      slots = Array.from({ length: Math.max(1, this.#options.perHostConcurrency) }, () => ({ busy: false, freeAt: 0 }));
      this.#hosts.set(host, slots);
    }
    const now = this.#now();
    let waitMs = Number.POSITIVE_INFINITY;
    for (const slot of slots) {
      if (slot.busy) continue;
      if (slot.freeAt <= now) {
        slot.busy = true;
        let released = false;
        return {
          release: async () => {
            if (released) return;
            released = true;
            slot.busy = false;
            slot.freeAt = this.#now() + this.#options.perHostDelayMs;
          },
        };
      }
      waitMs = Math.min(waitMs, slot.freeAt - now);
    }
    // Every slot busy: look again after about one politeness delay.
    return { waitMs: Number.isFinite(waitMs) ? Math.max(1, waitMs) : Math.max(50, this.#options.perHostDelayMs) };
  }
}
