export { runCli, buildProgram } from './cli.ts';
export { createCliContext, type CliContext, type CliContextOptions } from './context.ts';
export { withListMatching, refreshListings, loadListMatching } from './lists/list-matching.ts';
