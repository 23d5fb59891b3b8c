import { errorMessage } from '@newsgraph/shared';

/**
 * A Neo4j server that cannot be used: unreachable, wrong credentials, missing database, bad URI
 * or unsupported version. The message says what is wrong and which setting to look at; it never
 * contains the password.
 */
export class Neo4jConnectionError extends Error {
  readonly code: string | undefined;
  constructor(message: string, options?: { cause?: unknown; code?: string }) {
    super(message, options);
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

/** Maps a driver error at start-up to an error saying what is wrong. */
export function connectionError(error: unknown, target: ConnectionTarget): Neo4jConnectionError {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? ((error as { code: string }).code) : undefined;
  const detail = errorMessage(error);
  const where = `Neo4j at ${redactUri(target.uri)}`;
  const make = (message: string) => new Neo4jConnectionError(message, { cause: error, code });
  switch (code) {
    case 'Neo.ClientError.Security.Unauthorized':
      return make(`${where} refused the credentials of user "${target.user}": check NEO4J_USER and NEO4J_PASSWORD`);
    case 'Neo.ClientError.Security.AuthenticationRateLimit':
      return make(`${where} is blocking logins after too many failed attempts for user "${target.user}": wait, then check NEO4J_PASSWORD`);
    case 'Neo.ClientError.Security.CredentialsExpired':
      return make(`${where}: the password of user "${target.user}" has expired and must be changed (e.g. in Neo4j Browser) before newsgraph can log in`);
    case 'Neo.ClientError.Security.Forbidden':
    case 'Neo.ClientError.Security.AuthorizationExpired':
      return make(`${where}: user "${target.user}" is not allowed to do this (${detail})`);
    case 'Neo.ClientError.Database.DatabaseNotFound':
      return make(`${where} has no database "${target.database ?? ''}": check NEO4J_DATABASE (unset it to use the default database)`);
    case 'Neo.ClientError.Database.DatabaseUnavailable':
    case 'Neo.TransientError.General.DatabaseUnavailable':
      return make(`${where}: database ${target.database ? `"${target.database}" ` : ''}is not available (${detail})`);
    case 'ServiceUnavailable':
    case 'SessionExpired':
      return make(`cannot reach ${where}: ${detail} (is the server running, and are the host, port and scheme in NEO4J_URI right?)`);
    default:
      break;
  }
  if (/multi.?database|database name|NEO4J_DATABASE/i.test(detail) && target.database) {
    return make(`${where} does not support selecting database "${target.database}" (${detail}): unset NEO4J_DATABASE for Neo4j 3.5`);
  }
  if (/URL|URI|scheme|routing context|Unknown scheme/i.test(detail) && !code) {
    return make(`NEO4J_URI ${redactUri(target.uri)} is not a usable Neo4j URI: ${detail}`);
  }
  return make(`cannot use ${where}: ${detail}${code ? ` [${code}]` : ''}`);
}
