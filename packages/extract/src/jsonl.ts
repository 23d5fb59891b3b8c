import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { errorMessage, type ExtractionResult } from '@newsgraph/shared';
import { extract } from './extract.ts';
import type { ExtractOptions } from './interfaces/analysis.ts';
import type { EntityCorpus } from './interfaces/corpus.ts';
import { CorpusIndex } from './corpus/corpus-index.ts';

/**
 * `newsgraph extract --jsonl`: one JSON object per input line, `{"id", "text"}` with optional
 * `"outlet"` and `"title"`; one JSON object per output line, in input order:
 *
 *   {"id","entities":[{"id","type","name","attributes","mentions":[{"start","end","text"}]}],
 *    "relations":[{"subject","predicate","object","evidence":{"sentence","start","end","rule","confidence","modality","antecedent"?}}]}
 *
 * Offsets are UTF-16 code units into the line's `text`; subject/object are entity ids of the same
 * line (or `ARTICLE` for a REPORTED_BY claim about the article itself).
 * A line that cannot be processed (invalid JSON, no string `text`, ...) yields
 * `{"id": <id or null>, "error": "line N: <reason>"}` in its place and processing continues.
 * Blank lines are skipped and produce no output. Lines are read and written one at a time, waiting
 * for the output to drain, so memory does not grow with the number of lines.
 */

export interface JsonlOptions {
  /** Outlet used for lines that do not carry their own. */
  outlet?: string | null;
  /** Replaces the extractor (tests; the CLI's --lists adds known names). */
  extractor?: (text: string, options: ExtractOptions) => ExtractionResult;
  /** The corpus index shared by the lines of one run; a new one per run when absent. Pass `false` to analyse each line alone. */
  corpus?: EntityCorpus | false;
  /** More fields for each output entity (the CLI's --lists adds "listings"). */
  entityFields?: (entity: ExtractionResult['entities'][number]) => Record<string, unknown>;
}

export interface JsonlStats {
  /** Non-blank input lines read (= output lines written). */
  lines: number;
  /** Lines answered with an error object. */
  errors: number;
}

type LineId = string | number | null;

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

/** The output object for one input line; throws an Error whose message is the reason. */
function processLine(line: string, options: JsonlOptions, setId: (id: LineId) => void): unknown {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (error) {
    throw new Error(`invalid JSON (${errorMessage(error)})`, { cause: error });
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error(`expected a JSON object, got ${describe(input)}`);
  const record = input as Record<string, unknown>;
  const id = record['id'];
  if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) setId(id);
  else if (id === undefined) throw new Error('missing "id"');
  else throw new Error(`"id" must be a string or a number, got ${describe(id)}`);
  const text = record['text'];
  if (typeof text !== 'string') throw new Error(`"text" must be a string, got ${describe(text)}`);
  const outlet = record['outlet'];
  const title = record['title'];
  if (outlet !== undefined && outlet !== null && typeof outlet !== 'string') throw new Error(`"outlet" must be a string, got ${describe(outlet)}`);
  if (title !== undefined && title !== null && typeof title !== 'string') throw new Error(`"title" must be a string, got ${describe(title)}`);
  const extractOptions: ExtractOptions = {
    outlet: (outlet as string | null | undefined) ?? options.outlet ?? null,
    title: (title as string | null | undefined) ?? null,
    ...(options.corpus ? { corpus: options.corpus } : {}),
  };
  const result = (options.extractor ?? extract)(text, extractOptions);
  return {
    id,
    entities: result.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      attributes: e.attributes,
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
      ...options.entityFields?.(e),
    })),
    relations: result.relations.map((r) => ({
      subject: r.subject,
      predicate: r.predicate,
      object: r.object,
      evidence: {
        sentence: r.evidence.sentence,
        start: r.evidence.start,
        end: r.evidence.end,
        rule: r.evidence.rule,
        confidence: r.evidence.confidence,
        // Absent means asserted; the antecedent is there when one side is named in another sentence.
        modality: r.evidence.modality ?? 'asserted',
        ...(r.evidence.antecedent ? { antecedent: r.evidence.antecedent } : {}),
      },
    })),
  };
}

export async function runExtractJsonl(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  options: JsonlOptions = {},
): Promise<JsonlStats> {
  // Names learned from earlier lines help later ones (a surname after its full name), as in `ingest`.
  options = { ...options, corpus: options.corpus === false ? false : (options.corpus ?? new CorpusIndex()) };
  const reader = createInterface({ input, crlfDelay: Infinity, terminal: false });
  let lineNumber = 0;
  let lines = 0;
  let errors = 0;
  let outputError: unknown = null;
  const onError = (error: unknown): void => {
    outputError = error;
  };
  output.on('error', onError);
  try {
    for await (const raw of reader) {
      lineNumber++;
      const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      lines++;
      let id: LineId = null;
      let answer: unknown;
      try {
        answer = processLine(line, options, (value) => {
          id = value;
        });
      } catch (error) {
        errors++;
        answer = { id, error: `line ${lineNumber}: ${errorMessage(error)}` };
      }
      if (outputError) throw outputError;
      if (!output.write(`${JSON.stringify(answer)}\n`)) {
        await Promise.race([once(output, 'drain'), once(output, 'close')]);
      }
      if (outputError) throw outputError;
    }
  } finally {
    output.off('error', onError);
    reader.close();
  }
  return { lines, errors };
}
