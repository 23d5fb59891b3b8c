import cliProgress from 'cli-progress';
import type { CliContext } from './context.ts';

/** Writes one line to stdout. */
export function println(ctx: CliContext, line = ''): void {
  ctx.stdout.write(`${line}\n`);
}

/** Writes a value as one JSON document (pretty when stdout is a terminal, else compact). */
export function printJson(ctx: CliContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, ctx.stdout.isTTY ? 2 : undefined)}\n`);
}

/** One error line on stderr; `message` should already name the input. */
export function printError(ctx: CliContext, message: string): void {
  ctx.stderr.write(`error: ${message}\n`);
}

/**
 * A plain-text table. Control characters in cells (article text can hold anything) are shown
 * as spaces so that a hostile value cannot move the cursor or forge lines in a terminal.
 */
export function formatTable(headers: string[], rows: Array<Array<string | number | null | undefined>>, maxWidth = 60): string {
  const clean = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : String(v);
    // eslint-disable-next-line no-control-regex
    const flat = s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
    return flat.length > maxWidth ? `${flat.slice(0, maxWidth - 1)}…` : flat;
  };
  const cells = rows.map((r) => r.map(clean));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Strips terminal control characters from untrusted text before printing it. */
export function safeText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ');
}

export interface Progress {
  addTotal(n: number): void;
  tick(label?: string): void;
  stop(): void;
}

/** A progress bar on stderr when both stdout and stderr are terminals (never in pipes, CI or --json). */
export function createProgress(ctx: CliContext, enabled: boolean): Progress {
  if (!enabled || !ctx.stdout.isTTY || !ctx.stderr.isTTY) {
    return { addTotal() {}, tick() {}, stop() {} };
  }
  const bar = new cliProgress.SingleBar(
    { format: '{bar} {value}/{total} {label}', stream: ctx.stderr as NodeJS.WriteStream, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let total = 0;
  let started = false;
  return {
    addTotal(n) {
      total += n;
      if (!started) {
        bar.start(total, 0, { label: '' });
        started = true;
      } else bar.setTotal(total);
    },
    tick(label = '') {
      if (!started) {
        total = Math.max(total, 1);
        bar.start(total, 0, { label });
        started = true;
      }
      bar.increment(1, { label: label.slice(0, 40) });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
