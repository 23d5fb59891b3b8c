/**
 * The host has no turn for this request now (per-host politeness): the queue puts the job back,
 * delayed by `waitMs` (until its reserved turn), without counting an attempt.
 */
export class HostBusyError extends Error {
  readonly host: string;
  readonly waitMs: number;
  constructor(host: string, waitMs: number) {
    super(`host ${host} is busy (politeness); its turn comes in ${waitMs} ms`);
    this.name = 'HostBusyError';
    this.host = host;
    this.waitMs = waitMs;
  }
}
