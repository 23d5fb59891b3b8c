import { pino, type Logger, type LevelWithSilent } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/**
 * Logs on stderr (fd 2), so that stdout stays free for command output such as `--json` and
 * `--jsonl`: structured JSON by default, or (`pretty`) one readable, coloured line per record for
 * a person at a terminal (pino-pretty, synchronous so nothing is lost at exit).
 */
export function createLogger(name: string, level: LevelWithSilent = 'info', options: { pretty?: boolean } = {}): Logger {
  if (options.pretty) {
    return pino({ name, level, base: { name } }, pretty({ destination: 2, sync: true, colorize: true, singleLine: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname,name' }));
  }
  return pino({ name, level, base: { name } }, pino.destination({ fd: 2, sync: true }));
}

/** A logger that drops everything: the default for library code and tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
