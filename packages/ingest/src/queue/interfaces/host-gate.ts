/** A held fetch slot of one host; releasing starts the host's politeness delay. */
export interface HostSlot {
  release(): Promise<void>;
}

/**
 * Per-host politeness shared by every fetch: at most `perHostConcurrency` requests in flight per
 * host and `perHostDelayMs` between the end of one and the start of the next on the same slot.
 * `tryAcquire` never blocks: a busy host answers how long to wait, and the queue puts the job
 * back (delayed) instead of tying up a worker slot on a slow host.
 */
export interface HostGate {
  tryAcquire(host: string): Promise<HostSlot | { waitMs: number }>;
}

export interface PolitenessOptions {
  perHostConcurrency: number;
  perHostDelayMs: number;
  /**
   * Longest a slot is held (a crashed process's slot frees itself after this); use the fetch
   * timeout plus a margin.
   */
  slotTtlMs: number;
}
