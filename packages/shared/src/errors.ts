/**
 * An error about one input (a file, URL, feed, setting, query parameter) that the user can act on.
 * Its message always names the input and the problem, so a batch can print one line per failure
 * and go on.
 */
export class InputError extends Error {
  readonly input: string;
  readonly reason: string;
  constructor(input: string, reason: string, options?: { cause?: unknown }) {
    super(`${input}: ${reason}`, options);
    this.name = 'InputError';
    this.input = input;
    this.reason = reason;
  }
}

/** A setting that is missing or invalid. The message names the setting (environment variable or file key). */
export class ConfigError extends Error {
  readonly setting: string;
  constructor(setting: string, problem: string) {
    super(`invalid configuration ${setting}: ${problem}`);
    this.name = 'ConfigError';
    this.setting = setting;
  }
}

/** Message of any thrown value, for one-line reports. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * The graph store cannot be used right now: the server is unreachable, stopped, paused or too
 * slow. Not about any input, so a batch should stop after a few of these in a row and a crawler
 * job should be retried later. The message names the setting to look at (NEO4J_URI,
 * NEO4J_TX_TIMEOUT_MS ...) and never contains a password.
 */
export class StoreUnavailableError extends Error {
  readonly setting: string;
  constructor(message: string, options: { setting: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'StoreUnavailableError';
    this.setting = options.setting;
  }
}
