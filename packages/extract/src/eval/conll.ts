import { readFile } from 'node:fs/promises';
import { InputError } from '@newsgraph/shared';
import type { NerLabel } from '../lexicon/type-lexicon.ts';

/** One token of a CoNLL-2003 file with its IOB1 tag split into label and begin flag. */
export interface ConllToken {
  text: string;
  label: NerLabel | null;
  begin: boolean;
}

export interface ConllDocument {
  sentences: ConllToken[][];
}

const LABELS = new Set(['PER', 'ORG', 'LOC', 'MISC']);

/** Parse CoNLL-2003 text (columns: token POS chunk NER; documents start with -DOCSTART-). */
export function parseConll(text: string, name = 'CoNLL input'): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | null = null;
  let sentence: ConllToken[] = [];
  let lineNo = 0;
  const flush = () => {
    if (sentence.length) {
      if (!doc) {
        doc = { sentences: [] };
        docs.push(doc);
      }
      doc.sentences.push(sentence);
    }
    sentence = [];
  };
  for (const rawLine of text.split('\n')) {
    lineNo++;
    const line = rawLine.trimEnd();
    if (!line) {
      flush();
      continue;
    }
    const cols = line.split(' ');
    if (cols[0] === '-DOCSTART-') {
      flush();
      doc = { sentences: [] };
      docs.push(doc);
      continue;
    }
    if (cols.length < 2) throw new InputError(name, `line ${lineNo} is not "token ... tag"`);
    const tag = cols[cols.length - 1] as string;
    let label: NerLabel | null = null;
    let begin = false;
    if (tag !== 'O') {
      const m = /^([BI])-(\w+)$/.exec(tag);
      if (!m || !LABELS.has(m[2] as string)) throw new InputError(name, `line ${lineNo} has an unknown tag "${tag}"`);
      label = m[2] as NerLabel;
      begin = m[1] === 'B';
    }
    sentence.push({ text: cols[0] as string, label, begin });
  }
  flush();
  return docs.filter((d) => d.sentences.length > 0);
}

export async function readConll(path: string): Promise<ConllDocument[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError(path, `cannot read CoNLL file: ${(err as Error).message}`);
  }
  return parseConll(text, path);
}
