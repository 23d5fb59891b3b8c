import neo4j from 'neo4j-driver';

/**
 * Converts values coming back from the driver into plain JSON-able JS: Neo4j Integers (and
 * `{low, high}` objects) into numbers, temporal values into ISO strings, nodes, relationships and
 * paths into plain objects. Callers never see driver classes.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return typeof value === 'bigint' ? bigintToNumber(value) : value;
  if (neo4j.isInt(value)) return integerToNumber(value as { toNumber(): number; inSafeRange(): boolean; toString(): string });
  if (isLowHigh(value)) return neo4j.int(value).toNumber();
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value)
  ) {
    return String(value);
  }
  if (neo4j.isPoint(value)) {
    const p = value as { srid: unknown; x: number; y: number; z?: number };
    return { srid: toNative(p.srid), x: p.x, y: p.y, ...(p.z === undefined ? {} : { z: p.z }) };
  }
  if (neo4j.isNode(value)) {
    const node = value as { elementId: string; labels: string[]; properties: Record<string, unknown> };
    return { elementId: node.elementId, labels: [...node.labels], properties: toNative(node.properties) };
  }
  if (neo4j.isRelationship(value)) {
    const rel = value as { elementId: string; type: string; startNodeElementId: string; endNodeElementId: string; properties: Record<string, unknown> };
    return { elementId: rel.elementId, type: rel.type, start: rel.startNodeElementId, end: rel.endNodeElementId, properties: toNative(rel.properties) };
  }
  if (neo4j.isPath(value)) {
    const path = value as { start: unknown; segments: Array<{ start: unknown; relationship: unknown; end: unknown }> };
    return {
      start: toNative(path.start),
      segments: path.segments.map((s) => ({ start: toNative(s.start), relationship: toNative(s.relationship), end: toNative(s.end) })),
    };
  }
  if (Array.isArray(value)) return value.map(toNative);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toNative(v);
  return out;
}

function integerToNumber(value: { toNumber(): number; inSafeRange(): boolean; toString(): string }): number {
  if (!value.inSafeRange()) throw new RangeError(`Neo4j integer ${value.toString()} is outside the safe JavaScript range`);
  return value.toNumber();
}

function bigintToNumber(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`integer ${value} is outside the safe JavaScript range`);
  return n;
}

function isLowHigh(value: object): value is { low: number; high: number } {
  const keys = Object.keys(value);
  return keys.length === 2 && keys.includes('low') && keys.includes('high') && typeof (value as { low: unknown }).low === 'number';
}

/** A record as a plain object with every value converted. */
export function recordToObject(record: { toObject(): Record<string, unknown> }): Record<string, unknown> {
  return toNative(record.toObject()) as Record<string, unknown>;
}

/**
 * Parameters for researcher queries: whole numbers go as Neo4j Integers, because a JS number
 * travels as a float and `LIMIT $n` or `range(0, $n)` refuse floats.
 */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toNeo4jParams(v);
    return out;
  }
  return value;
}

/** A number from a converted value (counts come back as numbers or null). */
export function asNumber(value: unknown): number {
  const v = toNative(value);
  return typeof v === 'number' ? v : 0;
}

export function asString(value: unknown): string | null {
  const v = toNative(value);
  return v === null ? null : String(v);
}

export function asStringArray(value: unknown): string[] {
  const v = toNative(value);
  return Array.isArray(v) ? v.map(String) : [];
}

export function asNumberArray(value: unknown): number[] {
  const v = toNative(value);
  return Array.isArray(v) ? v.map(asNumber) : [];
}
