#!/usr/bin/env node
import { runCli } from './cli.ts';

const code = await runCli(process.argv.slice(2));
// Long-lived commands (crawl, serve) resolve only when they have shut down; then exit.
process.exitCode = code;
