import { errorMessage, StoreUnavailableError } from '@newsgraph/shared';

/**
 * A Neo4j server that cannot be used: unreachable, wrong credentials, missing or read-only
 * database, bad URI or unsupported version. The message says what is wrong and which setting to
 * look at (`setting`); it never contains the password. A StoreUnavailableError, so batches stop
 * and crawler jobs retry on it.
 */
export class Neo4jConnectionError extends StoreUnavailableError {
  readonly code: string | undefined;
  constructor(message: string, options?: { cause?: unknown; code?: string; setting?: string }) {
    super(message, { cause: options?.cause, setting: options?.setting ?? 'NEO4J_URI' });
    this.name = 'Neo4jConnectionError';
    this.code = options?.code;
  }
}

export interface ConnectionTarget {
  uri: string;
  user: string;
  database?: string;
}

/** Removes user:password@ from a URI before it appears in a message. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//');
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Maps a driver error at start-up to an error saying what is wrong. */
export function connectionError(error: unknown, target: ConnectionTarget): Neo4jConnectionError {
  const code = codeOf(error);
  const detail = errorMessage(error);
  const where = `Neo4j at ${redactUri(target.uri)}`;
  const make = (message: string, setting = 'NEO4J_URI') => new Neo4jConnectionError(message, { cause: error, code, setting });
  switch (code) {
    case 'Neo.ClientError.Security.Unauthorized':
      return make(`${where} refused the credentials of user "${target.user}": check NEO4J_USER and NEO4J_PASSWORD`, 'NEO4J_PASSWORD');
    case 'Neo.ClientError.Security.AuthenticationRateLimit':
      return make(`${where} is blocking logins after too many failed attempts for user "${target.user}": wait, then check NEO4J_PASSWORD`, 'NEO4J_PASSWORD');
    case 'Neo.ClientError.Security.CredentialsExpired':
      return make(`${where}: the password of user "${target.user}" has expired and must be changed (e.g. in Neo4j Browser) before newsgraph can log in`, 'NEO4J_PASSWORD');
    case 'Neo.ClientError.Security.Forbidden':
    case 'Neo.ClientError.Security.AuthorizationExpired':
      return make(`${where}: user "${target.user}" is not allowed to do this (${detail}): check NEO4J_USER`, 'NEO4J_USER');
    case 'Neo.ClientError.Database.DatabaseNotFound':
      return make(`${where} has no database "${target.database ?? ''}": check NEO4J_DATABASE (unset it to use the default database)`, 'NEO4J_DATABASE');
    case 'Neo.ClientError.Database.DatabaseUnavailable':
    case 'Neo.TransientError.General.DatabaseUnavailable':
      return make(`${where}: database ${target.database ? `"${target.database}" ` : ''}is not available (${detail}): check NEO4J_DATABASE and the server`, 'NEO4J_DATABASE');
    case 'Neo.ClientError.General.WriteOnReadOnlyAccessDatabase':
    case 'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase':
      return make(
        `${where}: database ${target.database ? `"${target.database}" ` : ''}is read-only, newsgraph cannot write to it: point NEO4J_URI/NEO4J_DATABASE at a writable database (${detail})`,
        'NEO4J_DATABASE',
      );
    case 'ServiceUnavailable':
    case 'SessionExpired':
      return make(`cannot reach ${where}: ${detail} (is the server running, and are the host, port and scheme in NEO4J_URI right?)`);
    default:
      break;
  }
  if (/multi.?database|database name|NEO4J_DATABASE/i.test(detail) && target.database) {
    return make(`${where} does not support selecting database "${target.database}" (${detail}): unset NEO4J_DATABASE for Neo4j 3.5`, 'NEO4J_DATABASE');
  }
  if (/acquisition timed out|Failed to connect|ECONNREFUSED|ECONNRESET/i.test(detail)) {
    return make(`cannot reach ${where}: ${detail} (is the server running, and are the host, port and scheme in NEO4J_URI right? NEO4J_CONNECT_TIMEOUT_MS bounds the wait)`);
  }
  if (/URL|URI|scheme|routing context|Unknown scheme/i.test(detail) && !code) {
    return make(`NEO4J_URI ${redactUri(target.uri)} is not a usable Neo4j URI: ${detail}`);
  }
  return make(`cannot use ${where}: ${detail}${code ? ` [${code}]` : ''}`);
}

/** Server codes of a transaction that ran past its timeout (NEO4J_TX_TIMEOUT_MS). */
const TX_TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.TransactionTimedOut',
]);

/**
 * Maps an error of a running store (after connect) to what the caller should do about it: a
 * server that is gone, unusable or too slow becomes a StoreUnavailableError naming the setting;
 * anything else (a Cypher error, a refused value) is returned unchanged.
 */
export function runtimeError(error: unknown, target: ConnectionTarget, txTimeoutMs: number): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const code = codeOf(error);
  if (code && TX_TIMEOUT_CODES.has(code)) {
    return new StoreUnavailableError(
      `Neo4j at ${redactUri(target.uri)} stopped a transaction that ran longer than NEO4J_TX_TIMEOUT_MS (${txTimeoutMs} ms): the server is overloaded, or raise NEO4J_TX_TIMEOUT_MS / lower NEO4J_BATCH_SIZE`,
      { setting: 'NEO4J_TX_TIMEOUT_MS', cause: error },
    );
  }
  const mapped = connectionError(error, target);
  // The fallback ("cannot use ...") is for start-up; at run time an unknown error is the caller's.
  return mapped.message.startsWith('cannot use ') ? error : mapped;
}
