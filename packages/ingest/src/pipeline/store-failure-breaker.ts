import { errorMessage, StoreUnavailableError } from '@newsgraph/shared';

/** Store failures in a row after which a batch stops (a blip on one article does not). */
export const MAX_CONSECUTIVE_STORE_FAILURES = 3;

/** What the breaker throws: the batch stopped because the store is unavailable. */
export class StoreFailureStreakError extends StoreUnavailableError {
  override readonly name = 'StoreFailureStreakError';
}

/**
 * Stops a batch when the store itself is gone: after `limit` StoreUnavailableErrors in a row
 * (no stored article in between), `failed` throws one error that says so and names the setting,
 * instead of letting every remaining input wait out its own timeout. Other failures (a bad
 * file, a page without text) are about their input and neither count nor reset the streak.
 */
export class StoreFailureBreaker {
  readonly limit: number;
  #streak = 0;
  #last: StoreUnavailableError | undefined;

  constructor(limit = MAX_CONSECUTIVE_STORE_FAILURES) {
    this.limit = limit;
  }

  /** An article reached the store. */
  succeeded(): void {
    this.#streak = 0;
  }

  /** Records a failure; throws when it is the limit-th store failure in a row. */
  failed(error: unknown): void {
    if (!(error instanceof StoreUnavailableError)) return;
    this.#streak++;
    this.#last = error;
    if (this.#streak >= this.limit) {
      throw new StoreFailureStreakError(`stopped after ${this.#streak} store failures in a row, nothing more was written: ${errorMessage(this.#last)}`, {
        setting: error.setting,
        cause: error,
      });
    }
  }
}
