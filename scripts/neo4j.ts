/**
 * `scripts/run neo4j [--version 5|latest|X.Y.Z] [--home DIR] [--port N] [--password P] [--heap 2g] [--page-cache 1g]`
 *
 * Starts Neo4j Community (from Maven Central, see scripts/neo4j/pom.xml) on a loopback port with
 * auth, prints how to point newsgraph at it, and keeps it running until Ctrl-C or SIGTERM. With
 * --home the store survives between runs; without it a temp dir is used and removed on stop.
 */
import { parseArgs } from 'node:util';
import { startNeo4jServer } from './neo4j/neo4j-server.ts';

const { values } = parseArgs({
  options: {
    version: { type: 'string', default: '5' },
    home: { type: 'string' },
    port: { type: 'string' },
    password: { type: 'string' },
    heap: { type: 'string' },
    'page-cache': { type: 'string' },
  },
});

const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`--port ${values.port}: must be a port number (1-65535)`);
  process.exit(2);
}

let server;
try {
  server = await startNeo4jServer({
    version: values.version,
    home: values.home,
    port,
    password: values.password,
    heap: values.heap,
    pageCache: values['page-cache'],
    onLog: (line) => console.error(line),
  });
} catch (error) {
  console.error(`neo4j: ${(error as Error).message}`);
  process.exit(1);
}

console.log(`Neo4j ${server.version} is listening on ${server.uri} (pid ${server.pid}, home ${server.home})`);
console.log('Point newsgraph at it with:');
console.log(`export NEO4J_URI=${server.uri}`);
console.log(`export NEO4J_USER=${server.user}`);
console.log(`export NEO4J_PASSWORD=${server.password}`);
console.log('Ctrl-C stops it.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.error('neo4j: stopping ...');
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
await server.exited();
if (!stopping) {
  console.error('neo4j: the server exited');
  process.exit(1);
}
