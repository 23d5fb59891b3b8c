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
  /** More articles to go: the bar's total counts articles, announced as inputs are listed. */
  addTotal(n: number): void;
  /** One article done (stored, unchanged or failed). */
  tick(): void;
  /** A line above the bar, or on `stream` (default stderr) when there is no bar. */
  log(line: string, stream?: 'stdout' | 'stderr'): void;
  stop(): void;
}

/** "12.3/s" over the whole run so far: steadier than cli-progress's own short-window figure. */
function rate(done: number, startedAt: number): string {
  const seconds = (performance.now() - startedAt) / 1000;
  return seconds > 0 ? (done / seconds).toFixed(1) : '0.0';
}

/**
 * One progress bar on stderr, over articles, with rate and ETA, when both stdout and stderr are
 * terminals (never in pipes, CI or --json). Lines logged while it runs are printed above it, so
 * redraws never tangle with them.
 */
export function createProgress(ctx: CliContext, enabled: boolean): Progress {
  const write = (line: string, stream: 'stdout' | 'stderr' = 'stderr') => (stream === 'stdout' ? ctx.stdout : ctx.stderr).write(`${line}\n`);
  if (!enabled || !ctx.stdout.isTTY || !ctx.stderr.isTTY) {
    return { addTotal() {}, tick() {}, log: write, stop() {} };
  }
  const bars = new cliProgress.MultiBar(
    {
      format: '{bar} {value}/{total} articles | {rate}/s | ETA {eta_formatted}',
      stream: ctx.stderr as NodeJS.WriteStream,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | null = null;
  let total = 0;
  let done = 0;
  const startedAt = performance.now();
  const ensure = () => (bar ??= bars.create(total, done, { rate: '0.0' }));
  return {
    addTotal(n) {
      total += n;
      ensure().setTotal(total);
    },
    tick() {
      done++;
      // An article can finish before its input was counted (a page that failed to fetch): never show more done than total.
      if (done > total) total = done;
      const b = ensure();
      b.setTotal(total);
      b.increment(1, { rate: rate(done, startedAt) });
    },
    log(line) {
      bars.log(`${line}\n`);
    },
    stop() {
      // Flush lines logged since the last redraw (stop alone would drop them), then clear the bar.
      (bars as unknown as { update(): void }).update();
      bars.stop();
    },
  };
}
