import { InputError } from '@newsgraph/shared';

/**
 * Parses `--param k=v` values into typed Cypher parameters: integers and decimals become numbers,
 * true/false booleans, null null, and anything starting with `[`, `{` or `"` is read as JSON;
 * everything else stays a string. Quote a value (`k='"42"'`) to pass a number as a string.
 */
export function parseCypherParam(assignment: string): [string, unknown] {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw new InputError(`--param ${assignment}`, 'must look like name=value');
  const name = assignment.slice(0, eq).trim();
  if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) throw new InputError(`--param ${assignment}`, `"${name}" is not a valid parameter name`);
  return [name, parseParamValue(assignment.slice(eq + 1), assignment)];
}

function parseParamValue(raw: string, assignment: string): unknown {
  const text = raw.trim();
  if (/^-?(0|[1-9]\d*)$/.test(text)) {
    const n = Number(text);
    if (!Number.isSafeInteger(n)) throw new InputError(`--param ${assignment}`, 'integer is too large for a JavaScript number; quote it to pass a string');
    return n;
  }
  if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return Number(text);
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (/^[[{"]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new InputError(`--param ${assignment}`, `value is not valid JSON: ${(error as Error).message}`);
    }
  }
  return raw;
}

/** All `--param` values into one parameter map; a repeated name is an error. */
export function parseCypherParams(assignments: readonly string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const assignment of assignments) {
    const [name, value] = parseCypherParam(assignment);
    if (Object.hasOwn(params, name)) throw new InputError(`--param ${assignment}`, `parameter "${name}" is given twice`);
    params[name] = value;
  }
  return params;
}
