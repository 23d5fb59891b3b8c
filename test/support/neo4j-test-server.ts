import { inject } from 'vitest';

/** The server the `neo4j` test project talks to, as neo4j-global-setup.ts provides it. */
export interface Neo4jTestServer {
  uri: string;
  user: string;
  password: string;
  database?: string | undefined;
  /** What the server reports, or `external` for a NEO4J_URI given by the caller. */
  version: string;
  /** The Maven version the setup started (failure tests start their own of it), or null when external. */
  launched: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTestServer | { skipped: string };
  }
}

/**
 * The Neo4j server for this test file, or null (after printing why) when there is none: the
 * file then registers its suites with `describe.skipIf(!server)`, so a skip is visible.
 */
export function neo4jTestServer(file: string): Neo4jTestServer | null {
  const provided = inject('neo4j');
  if (provided === undefined) {
    console.warn(`${file}: skipped: run it in the vitest project "neo4j" (vitest.config.ts), which provides the server`);
    return null;
  }
  if ('skipped' in provided) {
    console.warn(`${file}: skipped: ${provided.skipped}`);
    return null;
  }
  return provided;
}

/** Timeouts a run may raise from its own environment (a loaded machine: a cold server's first writes take longer than the 30 s default). */
const PASSED_THROUGH = ['NEO4J_TX_TIMEOUT_MS', 'NEO4J_MAX_RETRY_MS'] as const;

/** The environment that points newsgraph's configuration at the test server. */
export function neo4jEnv(server: Neo4jTestServer, extra: Record<string, string> = {}): Record<string, string> {
  const passed: Record<string, string> = {};
  for (const name of PASSED_THROUGH) {
    const value = process.env[name];
    if (value) passed[name] = value;
  }
  return {
    NEO4J_URI: server.uri,
    NEO4J_USER: server.user,
    NEO4J_PASSWORD: server.password,
    ...(server.database ? { NEO4J_DATABASE: server.database } : {}),
    ...passed,
    // A test's own settings win (the failure tests set short deadlines on purpose).
    ...extra,
  };
}
