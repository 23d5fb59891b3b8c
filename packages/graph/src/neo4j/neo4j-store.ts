import neo4j from 'neo4j-driver';
import { ConfigError, type NewsgraphConfig } from '@newsgraph/shared';
import type { TransactionPolicy } from './neo4j-transactions.ts';
import { StoreCore } from '../core/store-core.ts';
import { createDialect, parseServerVersion, READ_SERVER_VERSION, type Neo4jDialect } from '../cypher/neo4j-dialect.ts';
import type { DriverLike } from './interfaces/neo4j-driver-like.ts';
import type { MigrationReport } from './migration-report.ts';
import { Neo4jBackend, run, type Row } from './neo4j-backend.ts';
import { Neo4jListStore } from '../lists/neo4j-list-store.ts';
import { connectionError, Neo4jConnectionError, redactUri, type ConnectionTarget } from './neo4j-errors.ts';
import { asStringArray, recordToObject, toNeo4jParams } from './neo4j-values.ts';

export interface Neo4jStoreOptions {
  /** Database name; omitted: the server's default (and the only choice on Neo4j 3.5). */
  database?: string;
  /** Rows per UNWIND statement and the size of export pages (a write transaction holds up to 4×). */
  batchSize?: number;
  dialect: Neo4jDialect;
  /** Called once by close(): releases the shared driver. */
  release?: () => Promise<void>;
  /** Prefix of every node label and schema name: a store of its own beside other data (cypher/label-prefix.ts). */
  labelPrefix?: string;
  /** Timeouts and retry limit (default NEO4J_TIMEOUT_DEFAULTS), and the server named in errors. */
  policy?: TransactionPolicy;
  target?: ConnectionTarget;
}

export interface ConnectOptions {
  /** Creates the driver; tests pass a fake. Default: neo4j-driver with numbers instead of Integers. */
  createDriver?: (uri: string, user: string, password: string, policy: TransactionPolicy) => DriverLike;
  /** See Neo4jStoreOptions.labelPrefix (tests and benchmarks use one per run). */
  labelPrefix?: string;
}


/**
 * One driver per process and connection target, shared by every store opened on it: a driver
 * owns a connection pool, and opening one per store or per query wastes sockets and handshakes.
 */
const drivers = new Map<string, { driver: DriverLike; refs: number }>();

function defaultCreateDriver(uri: string, user: string, password: string, policy: TransactionPolicy): DriverLike {
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    // Counts and offsets come back as JS numbers; the store never hands out Integer objects.
    disableLosslessIntegers: true,
    userAgent: 'newsgraph/0.1',
    // Fail fast: a dead server costs seconds per call, not the driver's default 30 s retry and
    // 60 s connection wait (NEO4J_MAX_RETRY_MS, NEO4J_CONNECT_TIMEOUT_MS).
    maxTransactionRetryTime: policy.maxRetryMs,
    connectionTimeout: policy.connectTimeoutMs,
    connectionAcquisitionTimeout: 2 * policy.connectTimeoutMs,
  });
}

/**
 * The production GraphStore on Neo4j: the store core (core/store-core.ts) over the Neo4j backend
 * (neo4j-backend.ts, model in docs/graph-model.md), plus connection handling, schema migration
 * and read-only Cypher for researchers.
 */
export class Neo4jStore extends StoreCore<Neo4jBackend> {
  readonly dialect: Neo4jDialect;
  readonly batchSize: number;
  readonly lists: Neo4jListStore;

  constructor(driver: DriverLike, options: Neo4jStoreOptions) {
    const batchSize = options.batchSize ?? 5000;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new ConfigError('NEO4J_BATCH_SIZE', `must be a positive integer, got ${batchSize}`);
    super(
      new Neo4jBackend(driver, {
        database: options.database,
        batchSize,
        dialect: options.dialect,
        release: options.release,
        labelPrefix: options.labelPrefix,
        policy: options.policy,
        target: options.target,
      }),
    );
    this.dialect = options.dialect;
    this.batchSize = batchSize;
    this.lists = new Neo4jListStore(driver, { database: options.database, batchSize, labelPrefix: options.labelPrefix });
  }

  /**
   * Connects with the configured URI and credentials, verifies connectivity and reads the server
   * version. Every failure is a Neo4jConnectionError (or ConfigError) saying what is wrong.
   */
  static async connect(config: NewsgraphConfig, options: ConnectOptions = {}): Promise<Neo4jStore> {
    const { uri, user, password, database, batchSize, txTimeoutMs, maxRetryMs, connectTimeoutMs } = config.neo4j;
    const policy: TransactionPolicy = { txTimeoutMs, maxRetryMs, connectTimeoutMs };
    if (!uri) throw new ConfigError('NEO4J_URI', 'is not set (it selects the Neo4j store)');
    const target = { uri, user, database };
    const key = `${uri}\u0000${user}\u0000${password}\u0000${maxRetryMs}\u0000${connectTimeoutMs}`;
    let entry = drivers.get(key);
    if (!entry) {
      let driver: DriverLike;
      try {
        driver = (options.createDriver ?? defaultCreateDriver)(uri, user, password, policy);
      } catch (error) {
        throw connectionError(error, target);
      }
      entry = { driver, refs: 0 };
      drivers.set(key, entry);
    }
    entry.refs++;
    const shared = entry;
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      shared.refs--;
      if (shared.refs === 0) {
        drivers.delete(key);
        await shared.driver.close();
      }
    };
    try {
      await shared.driver.verifyConnectivity(database ? { database } : {});
      const version = await readServerVersion(shared.driver, database);
      let dialect: Neo4jDialect;
      try {
        dialect = createDialect(parseServerVersion(version));
      } catch (error) {
        throw new Neo4jConnectionError(`Neo4j at ${redactUri(uri)}: ${(error as Error).message}`, { cause: error });
      }
      return new Neo4jStore(shared.driver, { database, batchSize, dialect, release, labelPrefix: options.labelPrefix, policy, target });
    } catch (error) {
      await release().catch(() => undefined);
      if (error instanceof Neo4jConnectionError) throw error;
      throw connectionError(error, target);
    }
  }

  /**
   * Runs a researcher's query in a READ transaction and returns columns and converted rows.
   * Whole numbers in `params` go as Neo4j Integers (`LIMIT $n` refuses floats). Callers check
   * the text first (`runReadOnlyCypher` does); this only sends it.
   */
  async runRead(cypher: string, params: Record<string, unknown>, options: { timeoutMs?: number } = {}): Promise<{ columns: string[]; rows: Row[] }> {
    const neo4jParams = toNeo4jParams(params) as Record<string, unknown>;
    return this.backend.readTx(async (tx) => {
      const result = await tx.run(cypher, neo4jParams);
      const columns = result.records[0] ? result.records[0].keys.map(String) : [];
      return { columns, rows: result.records.map(recordToObject) };
    }, options.timeoutMs);
  }

  /** Creates the constraints and indexes this server version needs; idempotent. */
  migrateSchema(): Promise<MigrationReport> {
    return this.backend.migrateSchema();
  }
}

async function readServerVersion(driver: DriverLike, database: string | undefined): Promise<string> {
  const session = driver.session(database ? { database, defaultAccessMode: 'READ' } : { defaultAccessMode: 'READ' });
  try {
    const rows = await session.executeRead((tx) => run(tx, { cypher: READ_SERVER_VERSION, params: {} }));
    const kernel = rows.find((r) => String(r.name).toLowerCase().includes('kernel')) ?? rows[0];
    const versions = kernel ? asStringArray(kernel.versions) : [];
    return versions[0] ?? '';
  } finally {
    await session.close();
  }
}

