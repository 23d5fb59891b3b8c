import { InputError } from '@newsgraph/shared';
import type { EntityAnalysis, ExtractOptions, Sentence } from './interfaces/analysis.ts';
import { SentenceRecognizer } from './entities/recognizer/index.ts';
import type { Candidate } from './entities/recognizer/index.ts';
import { defaultGazetteer, tokenKey } from './lexicon/gazetteer.ts';
import type { TypeLexicon } from './lexicon/type-lexicon.ts';
import { wordClasses } from './lexicon/word-classes.ts';
import { trailingChromeStart } from './text/chrome.ts';
import { splitSentences } from './text/sentence-splitter.ts';
import { tokenize } from './text/tokenizer.ts';
import { DOCUMENT_PASSES } from './entities/passes/index.ts';
import type { DocumentState } from './entities/passes/index.ts';

export interface EntityAnalysisOptions extends ExtractOptions {
  /** A type lexicon learned from labelled data (e.g. `loadConllLexicon`), consulted before the rules. */
  typeLexicon?: TypeLexicon;
  /** Keep trailing page chrome ("Follow us ...", headline lists) instead of ignoring it. Default false. */
  keepTrailingChrome?: boolean;
}

/**
 * Entity recognition and canonicalisation for one text: Person, Organization, Country, Place and
 * Goods with attributes and every mention (UTF-16 offsets, end exclusive). Linear in the text length.
 */
export function analyzeEntities(text: string, options: EntityAnalysisOptions = {}): EntityAnalysis {
  if (typeof text !== 'string') throw new InputError('analyzeEntities text', `must be a string, got ${text === null ? 'null' : typeof text}`);
  const limit = options.keepTrailingChrome ? text.length : trailingChromeStart(text);
  const body = limit < text.length ? text.slice(0, limit) : text;
  const tokens = tokenize(body);
  const tokenSentences = splitSentences(tokens);
  const sentences: Sentence[] = [];
  const sentenceStarts = new Set<number>();
  for (const s of tokenSentences) {
    sentences.push({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });
    sentenceStarts.add(s.start);
  }
  // One loop over the tokens for the facts every pass reads: each token's key, and the words
  // written in lower case somewhere in the document.
  const lowerInDocument = new Set<string>();
  const keys: string[] = [];
  for (const t of tokens) {
    keys.push(tokenKey(t.text));
    const c0 = t.text.charCodeAt(0);
    if (c0 >= 97 && c0 <= 122 && t.kind === 'word') lowerInDocument.add(t.text);
  }
  const recognizer = new SentenceRecognizer({
    text: body,
    tokens,
    gazetteer: defaultGazetteer(),
    lexicon: options.typeLexicon,
    words: wordClasses(),
    lowerInDocument,
    keys,
  });
  const candidates: Candidate[] = [];
  tokenSentences.forEach((s, i) => {
    for (const c of recognizer.recognize(s, i)) candidates.push(c);
  });
  const state: DocumentState = { body, tokens, sentences, candidates, gazetteer: defaultGazetteer(), lowerInDocument, sentenceStarts, options, entities: [], mentions: [] };
  for (const pass of DOCUMENT_PASSES) pass.run(state);
  return { text, sentences, entities: state.entities, mentions: state.mentions };
}
