import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../scripts/neo4j.ts', import.meta.url));

describe('scripts/neo4j.ts bad arguments', () => {
  it('refuses a password Neo4j would refuse, in one line, before starting anything', () => {
    const r = spawnSync(process.execPath, [SCRIPT, '--password', 'short', '--port', '1'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('neo4j: --password: Neo4j needs at least 8 characters (got 5)');
    expect(r.stdout).toBe('');
  });

  it('refuses a port that is no port number', () => {
    const r = spawnSync(process.execPath, [SCRIPT, '--port', '70000'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('--port 70000: must be a port number (1-65535)');
  });
});
