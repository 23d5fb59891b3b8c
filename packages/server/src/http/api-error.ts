/**
 * An error with an HTTP status and a stable machine-readable code, rendered as
 * `{ "error": { "code", "message", "parameter"? } }` by the server's error handler.
 */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly parameter: string | undefined;
  constructor(statusCode: number, code: string, message: string, parameter?: string) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.code = code;
    this.parameter = parameter;
  }
}

export interface ErrorBody {
  error: { code: string; message: string; parameter?: string };
}

/** Minimal shape of one Ajv error as Fastify attaches it to validation failures. */
export interface ValidationIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/**
 * Turns a Fastify/Ajv validation failure into a message that names the parameter, e.g.
 * `maxHops must be <= 6` or `predicate must be one of VISITED, MET_WITH, ...`.
 */
export function describeValidationIssue(issue: ValidationIssue, context: string | undefined): { parameter: string; message: string } {
  const params = issue.params ?? {};
  const path = (issue.instancePath ?? '').replace(/^\//, '').split('/').filter(Boolean);
  let parameter = path[0] ?? '';
  let problem = issue.message ?? 'is invalid';
  if (issue.keyword === 'required' && typeof params.missingProperty === 'string') {
    parameter = params.missingProperty;
    problem = 'is required';
  } else if (issue.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    parameter = params.additionalProperty;
    problem = 'is not a known parameter';
  } else if (issue.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    problem = `must be one of ${params.allowedValues.join(', ')}`;
  } else if (issue.keyword === 'pattern' && path[0] && /since|until/.test(path[0])) {
    problem = 'must be an ISO 8601 date (YYYY-MM-DD) or date-time';
  }
  const where = context === 'params' ? 'path parameter' : 'parameter';
  return { parameter, message: `${where} ${parameter || '(request)'} ${problem}`.replace(/\s+/g, ' ').trim() };
}
