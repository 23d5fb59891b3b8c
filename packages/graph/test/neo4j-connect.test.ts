import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@newsgraph/shared';
import { Neo4jStore } from '../src/neo4j/neo4j-store.ts';
import { Neo4jConnectionError } from '../src/neo4j/neo4j-errors.ts';

/**
 * The real neo4j-driver against local sockets that are not a Neo4j server: the error at start
 * must say what is wrong. (No Neo4j server is needed; nothing leaves 127.0.0.1.)
 */

const servers: Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
});

async function listen(onConnection?: (socket: import('node:net').Socket) => void): Promise<number> {
  const server = createServer(onConnection);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function configFor(uri: string) {
  return loadConfig({ env: { NEO4J_URI: uri, NEO4J_PASSWORD: 'not-the-password' }, cwd: '/nonexistent' });
}

describe('Neo4jStore.connect with the real driver', () => {
  it('says the server cannot be reached when nothing listens on the port', async () => {
    const port = await listen();
    servers.pop()!.close();
    const error = await Neo4jStore.connect(configFor(`bolt://127.0.0.1:${port}`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Neo4jConnectionError);
    expect((error as Error).message).toMatch(new RegExp(`cannot reach Neo4j at bolt://127\\.0\\.0\\.1:${port}: .*is the server running`));
    expect((error as Error).message).not.toContain('not-the-password');
  });

  it('passes on the driver’s explanation when the port speaks HTTP instead of Bolt', async () => {
    const port = await listen((socket) => socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n')));
    await expect(Neo4jStore.connect(configFor(`bolt://127.0.0.1:${port}`))).rejects.toThrow(/Neo4j at bolt:\/\/127\.0\.0\.1:\d+: .*HTTP/);
  });
});
