import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.ts';
import { COMMAND_MODULES, commandModulesFor } from '../src/commands/index.ts';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = '';
  let e = '';
  out.on('data', (c: Buffer) => (o += c.toString('utf8')));
  err.on('data', (c: Buffer) => (e += c.toString('utf8')));
  const code = await runCli(argv, { env: { NEWSGRAPH_DB: ':memory:', NEWSGRAPH_LOG_LEVEL: 'silent' }, stdout: out, stderr: err, stdin: Readable.from(['']) });
  return { code, out: o, err: e };
}

describe('commands are loaded per invocation', () => {
  it('a command loads its own module only; --version loads none; help and typos load all', () => {
    expect(commandModulesFor(['query', 'stats']).map((m) => m.names)).toEqual([['query']]);
    expect(commandModulesFor(['jobs', 'failed']).map((m) => m.names)).toEqual([['crawl', 'worker', 'jobs']]);
    expect(commandModulesFor(['--version'])).toEqual([]);
    expect(commandModulesFor(['--help'])).toBe(COMMAND_MODULES);
    expect(commandModulesFor(['quer'])).toBe(COMMAND_MODULES);
    expect(commandModulesFor([])).toBe(COMMAND_MODULES);
  });

  it('every registered top-level command is named in the table, so none is unreachable', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    const listed = [...help.out.slice(help.out.indexOf('Commands:')).matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]).filter((n) => n !== 'help');
    expect(listed.length).toBeGreaterThanOrEqual(14);
    expect(listed.sort()).toEqual(COMMAND_MODULES.flatMap((m) => m.names).sort());
  });

  it('--version answers, a typo is suggested', async () => {
    expect((await run(['--version'])).out.trim()).toBe('0.1.0');
    const typo = await run(['quer']);
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/unknown command 'quer'[\s\S]*query/);
  });
});
