/**
 * An AbortSignal that fires on the first SIGINT/SIGTERM, for graceful shutdown: the crawler
 * stops taking jobs, lets in-flight ones finish and closes its connections, and the process
 * exits 0. A second signal exits at once (130), leaving unfinished jobs to stalled-job recovery.
 */
export function abortOnSignals(
  signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'],
  onSignal?: (signal: NodeJS.Signals) => void,
): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    onSignal?.(signal);
    controller.abort(new Error(`received ${signal}`));
  };
  for (const s of signals) process.on(s, handler);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const s of signals) process.off(s, handler);
    },
  };
}
