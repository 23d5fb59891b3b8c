#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --max-semi-space-size=4 --heap-growing-percent=50
// --max-semi-space-size=4: V8's young generation otherwise grows with the machine's memory (128 MB
// per isolate on 24 GiB), resident memory a crawler's main thread does not need; 4 MB semi-spaces
// (12 MB young generation) took 30-60 MB off a crawl's resident size against 16 MB, with no more
// CPU per page (pnpm bench:crawl, docs/crawler.md). --heap-growing-
// percent=50: after each full collection a heap may grow to 1.5x its live data before the next,
// instead of up to 4x, which let an extraction thread with 135 MB live reach 470 MB (V8 flags
// apply to every thread of the process; docs/crawler.md, "Memory"). MALLOC_ARENA_MAX=2: glibc
// otherwise gives threads malloc arenas of their own (up to 8 per core), whose freed memory stays
// resident; it is read before node starts, so it is set here and not in code. The `newsgraph` and
// `start` scripts of the workspace pass the same flags and variable.
import { enableCompileCache } from 'node:module';

// V8's code cache for every module loaded after this line (in the OS temp directory, keyed by
// file contents): repeated commands skip most of the parsing and TypeScript stripping. The CLI
// is therefore imported dynamically, after the cache is on.
enableCompileCache();

// `newsgraph query neighbors X | head`: once the reader has gone, the rest of the output has
// nowhere to go. End quietly instead of dying on an unhandled EPIPE with a stack trace; every
// store write is one transaction, so stopping mid-command leaves nothing half-written.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const { runCli } = await import('./cli.ts');
const code = await runCli(process.argv.slice(2));
// Long-lived commands (crawl, serve) resolve only when they have shut down; then exit.
process.exitCode = code;
