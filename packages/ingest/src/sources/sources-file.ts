import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';
import { InputError } from '@newsgraph/shared';
import { canonicalizeUrl } from '../dedupe/canonicalize-url.ts';
import {
  DEFAULT_INTERVAL_MINUTES,
  formatDurationMinutes,
  MAX_INTERVAL_MINUTES,
  MIN_INTERVAL_MINUTES,
  parseDurationMinutes,
  sourceIdFor,
  type SourceDefinition,
  type SourceInput,
} from './source-definition.ts';

/**
 * The sources file (config.sourcesFile, default ./sources.yaml):
 *
 *     sources:
 *       - id: bbc-world                 # optional: derived from the URL
 *         url: https://feeds.bbci.co.uk/news/world/rss.xml
 *         kind: feed                    # feed | sitemap (default feed)
 *         interval: 15m                 # or intervalMinutes: 15 (default 30m)
 *         selectors: { body: "article" }
 *         tags: [world, uk]
 *         enabled: true
 *
 * A bare list (without `sources:`) is accepted too. Every problem is reported with the file and
 * line, e.g. `sources.yaml:12: source "bbc-world": interval "5x" is not a duration`. Saving
 * rewrites atomically (temp file + rename) and keeps comments and layout of untouched entries.
 */

/** All problems of a sources file, one `file:line: ...` line each. */
export class SourcesFileError extends InputError {
  readonly problems: string[];
  constructor(file: string, problems: string[]) {
    const first = problems[0] ?? `${file}: invalid sources file`;
    const colon = first.indexOf(': ');
    super(colon > 0 ? first.slice(0, colon) : file, colon > 0 ? first.slice(colon + 2) : first);
    this.name = 'SourcesFileError';
    this.problems = problems;
    this.message = problems.join('\n');
  }
}

const KNOWN_KEYS = new Set(['id', 'url', 'kind', 'interval', 'intervalMinutes', 'selectors', 'tags', 'enabled', 'name', 'title']);
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

interface ParsedSourcesFile {
  sources: SourceDefinition[];
  doc: Document;
  /** The sequence holding the entries (null for an empty file). */
  seq: YAMLSeq | null;
}

function lineOf(lineCounter: LineCounter, node: YamlNode | null | undefined): number {
  const offset = node?.range?.[0];
  return offset === undefined ? 1 : lineCounter.linePos(offset).line;
}

function sourcesSeq(doc: Document, file: string, lineCounter: LineCounter): YAMLSeq | null {
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) return null;
  if (isSeq(contents)) return contents;
  if (isMap(contents)) {
    const node = contents.get('sources', true) as YamlNode | undefined;
    if (node === undefined || (isScalar(node) && node.value === null)) return null;
    if (isSeq(node)) return node;
    throw new SourcesFileError(file, [`${file}:${lineOf(lineCounter, node)}: "sources" must be a list of sources`]);
  }
  throw new SourcesFileError(file, [`${file}:${lineOf(lineCounter, contents as YamlNode)}: expected a list of sources (or a "sources:" key holding one)`]);
}

function validateUrl(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return 'has no "url"';
  try {
    const u = new URL(value.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return `url "${value}" is not http or https`;
  } catch {
    return `url "${value}" is not a valid URL`;
  }
  return null;
}

/** Parses and validates sources text; `file` names it in errors. */
export function parseSources(text: string, file: string): ParsedSourcesFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new SourcesFileError(
      file,
      doc.errors.map((e) => `${file}:${e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line}: YAML error: ${e.message.split('\n')[0]}`),
    );
  }
  const seq = sourcesSeq(doc, file, lineCounter);
  const sources: SourceDefinition[] = [];
  const problems: string[] = [];
  const ids = new Map<string, number>();
  const urls = new Map<string, number>();
  for (const [index, item] of (seq?.items ?? []).entries()) {
    const itemNode = item as YamlNode;
    const line = lineOf(lineCounter, itemNode);
    if (!isMap(itemNode)) {
      problems.push(`${file}:${line}: source #${index + 1} must be a mapping with at least a "url"`);
      continue;
    }
    const map = itemNode as YAMLMap;
    const raw = map.toJSON() as Record<string, unknown>;
    const at = (key: string) => lineOf(lineCounter, (map.get(key, true) as YamlNode | undefined) ?? itemNode);
    const urlProblem = validateUrl(raw.url);
    const label = typeof raw.id === 'string' ? raw.id : typeof raw.url === 'string' ? raw.url : `#${index + 1}`;
    const problem = (key: string, message: string) => problems.push(`${file}:${at(key)}: source "${label}": ${message}`);
    if (urlProblem) {
      problem('url', urlProblem);
      continue;
    }
    const url = (raw.url as string).trim();
    for (const key of Object.keys(raw)) if (!KNOWN_KEYS.has(key)) problem(key, `unknown setting "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`);

    let id: string;
    if (raw.id === undefined || raw.id === null) id = sourceIdFor(url);
    else if (typeof raw.id !== 'string' || !ID_PATTERN.test(raw.id)) {
      problem('id', `id ${JSON.stringify(raw.id)} must be 1-80 letters, digits, '.', '_' or '-'`);
      continue;
    } else id = raw.id;

    let kind: SourceDefinition['kind'] = 'feed';
    if (raw.kind !== undefined && raw.kind !== null) {
      if (raw.kind === 'feed' || raw.kind === 'sitemap') kind = raw.kind;
      else if (typeof raw.kind === 'string' && ['rss', 'atom', 'rdf', 'json'].includes(raw.kind)) kind = 'feed';
      else problem('kind', `kind ${JSON.stringify(raw.kind)} must be "feed" or "sitemap"`);
    }

    let intervalMinutes = DEFAULT_INTERVAL_MINUTES;
    if (raw.interval !== undefined && raw.intervalMinutes !== undefined) problem('intervalMinutes', 'give either "interval" or "intervalMinutes", not both');
    const intervalValue = raw.interval ?? raw.intervalMinutes;
    if (intervalValue !== undefined && intervalValue !== null) {
      const key = raw.interval !== undefined ? 'interval' : 'intervalMinutes';
      const minutes = typeof intervalValue === 'string' || typeof intervalValue === 'number' ? parseDurationMinutes(intervalValue) : null;
      if (minutes === null) problem(key, `${key} ${JSON.stringify(intervalValue)} is not a duration (e.g. "15m", "1h", "1h30m", "2d")`);
      else if (minutes < MIN_INTERVAL_MINUTES || minutes > MAX_INTERVAL_MINUTES) {
        problem(key, `${key} ${JSON.stringify(intervalValue)} must be between ${MIN_INTERVAL_MINUTES} minute and ${MAX_INTERVAL_MINUTES / 1440} days`);
      } else intervalMinutes = minutes;
    }

    const selectors: SourceDefinition['selectors'] = {};
    if (raw.selectors !== undefined && raw.selectors !== null) {
      if (typeof raw.selectors !== 'object' || Array.isArray(raw.selectors)) problem('selectors', '"selectors" must be a mapping like { body: "article" }');
      else {
        const body = (raw.selectors as Record<string, unknown>).body;
        if (body !== undefined && body !== null) {
          if (typeof body !== 'string' || !body.trim()) problem('selectors', 'selectors.body must be a CSS selector string');
          else selectors.body = body.trim();
        }
      }
    }

    let tags: string[] = [];
    if (raw.tags !== undefined && raw.tags !== null) {
      const list = typeof raw.tags === 'string' ? [raw.tags] : raw.tags;
      if (!Array.isArray(list) || !list.every((t) => typeof t === 'string' || typeof t === 'number')) problem('tags', '"tags" must be a list of words');
      else tags = [...new Set(list.map((t) => String(t).trim()).filter(Boolean))];
    }

    let enabled = true;
    if (raw.enabled !== undefined && raw.enabled !== null) {
      if (typeof raw.enabled !== 'boolean') problem('enabled', '"enabled" must be true or false');
      else enabled = raw.enabled;
    }

    if (ids.has(id)) problem('id', `duplicate id "${id}" (first used on line ${ids.get(id)})`);
    else ids.set(id, line);
    const canonical = canonicalizeUrl(url);
    if (urls.has(canonical)) problem('url', `duplicate url ${url} (first listed on line ${urls.get(canonical)})`);
    else urls.set(canonical, line);

    sources.push({ id, url, kind, intervalMinutes, selectors, tags, enabled });
  }
  if (problems.length > 0) throw new SourcesFileError(file, problems);
  return { sources, doc, seq };
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new InputError(path, `cannot read sources file: ${(error as Error).message}`);
  }
}

/** Loads and validates the sources file. A missing file is an empty list (nothing configured yet). */
export async function loadSources(path: string): Promise<SourceDefinition[]> {
  const text = await readIfExists(path);
  if (text === null) return [];
  return parseSources(text, path).sources;
}

/** The YAML value written for a source: defaults omitted, interval as a duration string. */
function serializeSource(source: SourceDefinition, intervalKey: 'interval' | 'intervalMinutes'): Record<string, unknown> {
  const out: Record<string, unknown> = { id: source.id, url: source.url, kind: source.kind };
  out[intervalKey] = intervalKey === 'interval' ? formatDurationMinutes(source.intervalMinutes) : source.intervalMinutes;
  if (source.selectors.body) out.selectors = { body: source.selectors.body };
  if (source.tags.length) out.tags = source.tags;
  if (!source.enabled) out.enabled = false;
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Writes `text` to `path` atomically: a temp file in the same directory, then rename. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flush: true });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Saves `sources` to `path` (atomic). When the file exists, entries are matched by id and only
 * changed fields are rewritten, so comments and formatting of the rest survive.
 */
export async function saveSources(path: string, sources: SourceDefinition[]): Promise<void> {
  const existing = await readIfExists(path);
  let doc: Document;
  let seq: YAMLSeq | null = null;
  if (existing !== null && existing.trim()) {
    const parsed = parseSources(existing, path);
    doc = parsed.doc;
    seq = parsed.seq;
  } else {
    doc = new Document({ sources: [] });
    doc.commentBefore = ' newsgraph sources: feeds and sitemaps the crawler polls (see `newsgraph sources --help`)';
  }
  if (!seq) {
    seq = doc.createNode([]) as YAMLSeq;
    if (isSeq(doc.contents)) doc.contents = seq;
    else if (isMap(doc.contents)) doc.set('sources', seq);
    else doc.contents = doc.createNode({ sources: seq }) as unknown as typeof doc.contents;
  }
  const byId = new Map<string, YAMLMap>();
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const raw = item.toJSON() as Record<string, unknown>;
    const id = typeof raw.id === 'string' ? raw.id : typeof raw.url === 'string' ? sourceIdFor(raw.url) : null;
    if (id) byId.set(id, item);
  }
  const items: unknown[] = [];
  for (const source of sources) {
    const node = byId.get(source.id);
    if (!node) {
      items.push(doc.createNode(serializeSource(source, 'interval')));
      continue;
    }
    const current = node.toJSON() as Record<string, unknown>;
    const intervalKey = 'intervalMinutes' in current && !('interval' in current) ? 'intervalMinutes' : 'interval';
    const wanted = serializeSource(source, intervalKey);
    // The id stays implicit when the file left it out and it still derives from the URL.
    if (!('id' in current) && sourceIdFor(source.url) === source.id) delete wanted.id;
    for (const [key, value] of Object.entries(wanted)) {
      if (key === 'interval' && typeof current.interval === 'string' && parseDurationMinutes(current.interval) === source.intervalMinutes) continue;
      if (key === 'kind' && !('kind' in current) && value === 'feed') continue;
      // An absent interval means the default: leave it absent.
      if (key === 'interval' && !('interval' in current) && !('intervalMinutes' in current) && source.intervalMinutes === DEFAULT_INTERVAL_MINUTES) continue;
      if (!sameValue(current[key], value)) node.set(key, doc.createNode(value));
    }
    for (const key of ['selectors', 'tags', 'enabled']) if (!(key in wanted) && key in current) node.delete(key);
    items.push(node);
  }
  seq.items = items;
  await writeFileAtomic(path, doc.toString({ lineWidth: 0 }));
}

/** Builds a validated SourceDefinition from user input (CLI flags, OPML). */
export function sourceFromInput(input: SourceInput, label = input.url): SourceDefinition {
  const urlProblem = validateUrl(input.url);
  if (urlProblem) throw new InputError(label, `source ${urlProblem}`);
  const url = input.url.trim();
  const id = input.id ?? sourceIdFor(url);
  if (!ID_PATTERN.test(id)) throw new InputError(label, `id "${id}" must be 1-80 letters, digits, '.', '_' or '-'`);
  let intervalMinutes = DEFAULT_INTERVAL_MINUTES;
  if (input.interval !== undefined) {
    const minutes = parseDurationMinutes(input.interval);
    if (minutes === null) throw new InputError(label, `interval "${input.interval}" is not a duration (e.g. "15m", "1h")`);
    if (minutes < MIN_INTERVAL_MINUTES || minutes > MAX_INTERVAL_MINUTES) {
      throw new InputError(label, `interval "${input.interval}" must be between ${MIN_INTERVAL_MINUTES} minute and ${MAX_INTERVAL_MINUTES / 1440} days`);
    }
    intervalMinutes = minutes;
  }
  const kind = input.kind ?? 'feed';
  if (kind !== 'feed' && kind !== 'sitemap') throw new InputError(label, `kind "${String(kind)}" must be "feed" or "sitemap"`);
  const body = input.selectors?.body?.trim();
  return {
    id,
    url,
    kind,
    intervalMinutes,
    selectors: body ? { body } : {},
    tags: [...new Set((input.tags ?? []).map((t) => t.trim()).filter(Boolean))],
    enabled: input.enabled ?? true,
  };
}

export interface AddSourcesResult {
  added: SourceDefinition[];
  /** Inputs not added, with why (already present, invalid). */
  skipped: Array<{ url: string; reason: string }>;
}

/** Adds several sources to the file in one atomic save; duplicates (same id or canonical URL) are skipped. */
export async function addSources(path: string, inputs: Array<SourceInput | SourceDefinition>): Promise<AddSourcesResult> {
  const sources = await loadSources(path);
  const ids = new Set(sources.map((s) => s.id));
  const urls = new Map(sources.map((s) => [canonicalizeUrl(s.url), s.id]));
  const added: SourceDefinition[] = [];
  const skipped: AddSourcesResult['skipped'] = [];
  for (const input of inputs) {
    let source: SourceDefinition;
    try {
      source = 'intervalMinutes' in input ? sourceFromInput({ ...input, interval: input.intervalMinutes }) : sourceFromInput(input);
    } catch (error) {
      skipped.push({ url: input.url, reason: error instanceof InputError ? error.reason : String(error) });
      continue;
    }
    const canonical = canonicalizeUrl(source.url);
    if (urls.has(canonical)) {
      skipped.push({ url: source.url, reason: `already present as "${urls.get(canonical)}"` });
      continue;
    }
    if (ids.has(source.id)) {
      if (input.id) {
        skipped.push({ url: source.url, reason: `id "${source.id}" is already used by another source` });
        continue;
      }
      // A derived id that collides (same host and path, other query): make it unique.
      let n = 2;
      while (ids.has(`${source.id}-${n}`)) n++;
      source = { ...source, id: `${source.id}-${n}` };
    }
    ids.add(source.id);
    urls.set(canonical, source.id);
    sources.push(source);
    added.push(source);
  }
  if (added.length > 0) await saveSources(path, sources);
  return { added, skipped };
}

/** Adds one source; throws InputError when it is invalid or already present. */
export async function addSource(path: string, input: SourceInput): Promise<SourceDefinition> {
  const result = await addSources(path, [input]);
  const skipped = result.skipped[0];
  if (skipped) throw new InputError(input.url, skipped.reason);
  return result.added[0]!;
}

/** Removes the source with this id or URL (compared canonically); throws InputError when there is none. */
export async function removeSource(path: string, idOrUrl: string): Promise<SourceDefinition> {
  const sources = await loadSources(path);
  let canonical: string | null = null;
  try {
    canonical = canonicalizeUrl(idOrUrl);
  } catch {
    canonical = null;
  }
  const index = sources.findIndex((s) => s.id === idOrUrl || (canonical !== null && canonicalizeUrl(s.url) === canonical));
  if (index < 0) throw new InputError(idOrUrl, `no source with this id or URL in ${path}`);
  const [removed] = sources.splice(index, 1);
  await saveSources(path, sources);
  return removed!;
}
