import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { z } from 'zod';
import type { parse as ParseYaml } from 'yaml';
import { ConfigError } from './errors.ts';

/**
 * Configuration is read once, at the edge (the CLI or a server's start), from the environment
 * and an optional YAML/JSON file, validated, and then passed down as a plain object. Nothing
 * below the edge reads `process.env`.
 *
 * Precedence: environment variable > config file > default.
 * The file is `NEWSGRAPH_CONFIG` if set, else `./newsgraph.config.yaml` when it exists.
 */

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

const boolish = z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])]).transform((v) =>
  typeof v === 'boolean' ? v : v === 'true' || v === '1' || v === 'yes',
);

/** Chosen on the development matching gold (`newsgraph eval matching`): P ≥ 0.97 at R ≥ 0.97. */
export const DEFAULT_LIST_MATCH_THRESHOLD = 0.85;

const positiveInt = z.coerce.number().int().positive();
const nonNegativeInt = z.coerce.number().int().nonnegative();

/** Defaults of NEO4J_TX_TIMEOUT_MS, NEO4J_MAX_RETRY_MS and NEO4J_CONNECT_TIMEOUT_MS. */
export const NEO4J_TIMEOUT_DEFAULTS = { txTimeoutMs: 30_000, maxRetryMs: 5_000, connectTimeoutMs: 5_000 } as const;

const configSchema = z.object({
  db: z.string().min(1).default('./data/newsgraph.db'),
  neo4j: z
    .object({
      uri: z
        .string()
        .regex(/^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/.+/, 'must be a neo4j:// or bolt:// URI')
        .optional(),
      user: z.string().default('neo4j'),
      password: z.string().default(''),
      database: z.string().min(1).optional(),
      batchSize: positiveInt.default(5000),
      // Fail fast (CLI-suited defaults): the server aborts a transaction after txTimeoutMs; the
      // driver retries transient failures for at most maxRetryMs; connecting (socket, TLS,
      // handshake, or waiting for a pooled connection) gives up after connectTimeoutMs.
      txTimeoutMs: positiveInt.min(100).max(3_600_000).default(NEO4J_TIMEOUT_DEFAULTS.txTimeoutMs),
      maxRetryMs: nonNegativeInt.max(600_000).default(NEO4J_TIMEOUT_DEFAULTS.maxRetryMs),
      connectTimeoutMs: positiveInt.min(100).max(600_000).default(NEO4J_TIMEOUT_DEFAULTS.connectTimeoutMs),
    })
    .default({ user: 'neo4j', password: '', batchSize: 5000, ...NEO4J_TIMEOUT_DEFAULTS }),
  redisUrl: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL')
    .optional(),
  logLevel: logLevel.default('info'),
  /** Log lines: 'auto' = readable on a terminal, JSON elsewhere (files, pipes, journald). */
  logFormat: z.enum(['auto', 'json', 'pretty']).default('auto'),
  sourcesFile: z.string().min(1).default('./sources.yaml'),
  http: z
    .object({
      userAgent: z.string().min(1).default('newsgraph/0.1 (+https://github.com/newsgraph/newsgraph)'),
      connectTimeoutMs: positiveInt.default(10_000),
      timeoutMs: positiveInt.default(30_000),
      maxBodyBytes: positiveInt.default(10 * 1024 * 1024),
      maxRedirects: nonNegativeInt.default(5),
      allowPrivateNetwork: boolish.default(false),
      respectRobots: boolish.default(true),
      perHostConcurrency: positiveInt.default(2),
      perHostDelayMs: nonNegativeInt.default(1000),
    })
    .default({
      userAgent: 'newsgraph/0.1 (+https://github.com/newsgraph/newsgraph)',
      connectTimeoutMs: 10_000,
      timeoutMs: 30_000,
      maxBodyBytes: 10 * 1024 * 1024,
      maxRedirects: 5,
      allowPrivateNetwork: false,
      respectRobots: true,
      perHostConcurrency: 2,
      perHostDelayMs: 1000,
    }),
  crawler: z
    .object({
      concurrency: positiveInt.default(8),
      metricsPort: nonNegativeInt.default(9464),
      metricsHost: z.string().default('127.0.0.1'),
    })
    .default({ concurrency: 8, metricsPort: 9464, metricsHost: '127.0.0.1' }),
  server: z
    .object({
      host: z.string().min(1).default('127.0.0.1'),
      port: nonNegativeInt.max(65535).default(8787),
      token: z.string().min(1).optional(),
      rateLimitPerMinute: positiveInt.default(600),
    })
    .default({ host: '127.0.0.1', port: 8787, rateLimitPerMinute: 600 }),
  lists: z
    .object({
      /** Lowest match score (0..1] that links an entity to a list entry (docs/sanctions.md). */
      matchThreshold: z.coerce.number().gt(0).max(1).default(DEFAULT_LIST_MATCH_THRESHOLD),
    })
    .default({ matchThreshold: DEFAULT_LIST_MATCH_THRESHOLD }),
});

export type NewsgraphConfig = z.infer<typeof configSchema>;

/** Environment variable → path in the config object. */
const ENV_KEYS: Record<string, string[]> = {
  NEWSGRAPH_DB: ['db'],
  NEO4J_URI: ['neo4j', 'uri'],
  NEO4J_USER: ['neo4j', 'user'],
  NEO4J_PASSWORD: ['neo4j', 'password'],
  NEO4J_DATABASE: ['neo4j', 'database'],
  NEO4J_BATCH_SIZE: ['neo4j', 'batchSize'],
  NEO4J_TX_TIMEOUT_MS: ['neo4j', 'txTimeoutMs'],
  NEO4J_MAX_RETRY_MS: ['neo4j', 'maxRetryMs'],
  NEO4J_CONNECT_TIMEOUT_MS: ['neo4j', 'connectTimeoutMs'],
  REDIS_URL: ['redisUrl'],
  NEWSGRAPH_LOG_LEVEL: ['logLevel'],
  NEWSGRAPH_LOG_FORMAT: ['logFormat'],
  NEWSGRAPH_SOURCES: ['sourcesFile'],
  NEWSGRAPH_USER_AGENT: ['http', 'userAgent'],
  NEWSGRAPH_CONNECT_TIMEOUT_MS: ['http', 'connectTimeoutMs'],
  NEWSGRAPH_TIMEOUT_MS: ['http', 'timeoutMs'],
  NEWSGRAPH_MAX_BODY_BYTES: ['http', 'maxBodyBytes'],
  NEWSGRAPH_MAX_REDIRECTS: ['http', 'maxRedirects'],
  NEWSGRAPH_ALLOW_PRIVATE_NETWORK: ['http', 'allowPrivateNetwork'],
  NEWSGRAPH_RESPECT_ROBOTS: ['http', 'respectRobots'],
  NEWSGRAPH_PER_HOST_CONCURRENCY: ['http', 'perHostConcurrency'],
  NEWSGRAPH_PER_HOST_DELAY_MS: ['http', 'perHostDelayMs'],
  NEWSGRAPH_CONCURRENCY: ['crawler', 'concurrency'],
  NEWSGRAPH_METRICS_PORT: ['crawler', 'metricsPort'],
  NEWSGRAPH_METRICS_HOST: ['crawler', 'metricsHost'],
  NEWSGRAPH_HOST: ['server', 'host'],
  NEWSGRAPH_PORT: ['server', 'port'],
  NEWSGRAPH_API_TOKEN: ['server', 'token'],
  NEWSGRAPH_RATE_LIMIT: ['server', 'rateLimitPerMinute'],
  NEWSGRAPH_LIST_MATCH_THRESHOLD: ['lists', 'matchThreshold'],
};

/** Names of every environment variable newsgraph reads, for `--help` and the README. */
export const CONFIG_ENV_VARS: readonly string[] = ['NEWSGRAPH_CONFIG', ...Object.keys(ENV_KEYS)];

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

/** The YAML parser, loaded only when there is a config file to read (most runs have none; every command pays for an import). */
function parseYaml(text: string): ReturnType<typeof ParseYaml> {
  const yaml = createRequire(import.meta.url)('yaml') as { parse: typeof ParseYaml };
  return yaml.parse(text);
}

function readConfigFile(path: string): Record<string, unknown> {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`NEWSGRAPH_CONFIG (${path})`, `cannot read file: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(raw);
  } catch (error) {
    throw new ConfigError(path, `not valid YAML/JSON: ${(error as Error).message}`);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(path, 'must be a mapping of settings');
  }
  return parsed as Record<string, unknown>;
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Explicit config file; overrides NEWSGRAPH_CONFIG. */
  file?: string;
}

/** Reads, merges and validates the configuration. Throws ConfigError naming the bad setting. */
export function loadConfig(options: LoadConfigOptions = {}): NewsgraphConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const explicit = options.file ?? env.NEWSGRAPH_CONFIG;
  const defaultFile = resolve(cwd, 'newsgraph.config.yaml');
  const file = explicit ? resolve(cwd, explicit) : existsSync(defaultFile) ? defaultFile : undefined;
  const merged: Record<string, unknown> = file ? readConfigFile(file) : {};
  const origin = new Map<string, string>();
  for (const [name, path] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    setPath(merged, path, value);
    origin.set(path.join('.'), name);
  }
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = issue.path.join('.');
    const setting = origin.get(key) ?? (file ? `${key} in ${file}` : key);
    throw new ConfigError(setting, issue.message);
  }
  return result.data;
}

/** Which store the configuration selects: Neo4j when `NEO4J_URI` is set, SQLite otherwise. */
export function storeKind(config: NewsgraphConfig): 'neo4j' | 'sqlite' {
  return config.neo4j.uri ? 'neo4j' : 'sqlite';
}
