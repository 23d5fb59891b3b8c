import type { GraphStore } from '@newsgraph/graph';
import type { CurationEntry, Logger } from '@newsgraph/shared';
import type { FastifyInstance } from 'fastify';

export interface ServerOptions {
  /** The store every route reads from; the server never writes to it and never closes it. */
  store: GraphStore;
  /** Interface to bind; default 127.0.0.1 (loopback only). */
  host?: string;
  /** TCP port; 0 picks a free one. Default 8787. */
  port?: number;
  /** When set, every /api/* request needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Requests per minute per client address on /api/*; default 600. */
  rateLimitPerMinute?: number;
  /** Request and error logs; default silent. */
  logger?: Logger;
  /**
   * Records and applies corrections (the CLI passes ingest's Curator). Without it the curation
   * routes are not served; with it, writes need `token`.
   */
  curation?: CurationService;
}

/** What the curation routes need: the log, and recording and undoing with their rewrites. */
export interface CurationService {
  log(): Promise<CurationEntry[]>;
  record(input: { action: unknown; author: unknown; reason?: unknown }): Promise<{ entry: CurationEntry; articlesRewritten: number }>;
  undo(id: string, input: { author: unknown; reason?: unknown }): Promise<{ entry: CurationEntry; articlesRewritten: number }>;
}

export interface RunningServer {
  /** Base URL the server listens on, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /** Stops listening and waits for open requests; does not close the store. */
  close(): Promise<void>;
  /** The Fastify instance, for `app.inject()` in tests and embedding. */
  app: FastifyInstance;
}
