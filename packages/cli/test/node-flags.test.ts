import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The CLI's node flags and MALLOC_ARENA_MAX are written in three places that cannot import one
 * another: the shebang of main.ts, the workspace's `newsgraph` and `start` scripts, and the
 * measured run of `pnpm bench:crawl` (which must measure the crawler as the CLI starts it).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

function shebang(): { env: string; flags: string[] } {
  const line = read('packages/cli/src/main.ts').split('\n')[0]!;
  const m = /^#!\/usr\/bin\/env -S (MALLOC_ARENA_MAX=\d+) node ((?:--\S+ ?)+)$/.exec(line);
  if (!m) throw new Error(`unexpected shebang: ${line}`);
  return { env: m[1]!, flags: m[2]!.trim().split(' ') };
}

describe('node flags of the CLI', () => {
  it('are the same in the shebang, the workspace scripts and bench:crawl', () => {
    const { env, flags } = shebang();
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['newsgraph', 'start']) expect(scripts[name]).toMatch(new RegExp(`^${env} node ${flags.join(' ')} packages/cli/src/main\\.ts`));
    const bench = read('scripts/bench-crawl.ts');
    const benchFlags = /^const PIPELINE_NODE_FLAGS = \[([^\]]*)\];$/m.exec(bench)?.[1];
    expect(benchFlags?.split(',').map((f) => f.trim().replace(/^'|'$/g, ''))).toEqual(flags);
    const [key, value] = env.split('=');
    expect(bench).toMatch(new RegExp(`^const PIPELINE_ENV = \\{ ${key}: '${value}' \\};$`, 'm'));
  });

  it('keep the main thread young generation small: 4 MB semi-spaces', () => {
    // 16 MB semi-spaces held 30-60 MB more resident memory in a crawl for no CPU gain (docs/crawler.md "Memory").
    expect(shebang().flags).toContain('--max-semi-space-size=4');
  });
});
