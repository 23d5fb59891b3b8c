import { InputError } from '@newsgraph/shared';
import type { EntityAnalysis, ExtractOptions, Sentence } from './interfaces/analysis.ts';
import { SentenceRecognizer } from './entities/recognizer/index.ts';
import type { Candidate } from './entities/recognizer/index.ts';
import { defaultGazetteer, tokenKey } from './lexicon/gazetteer.ts';
import type { TypeLexicon } from './lexicon/type-lexicon.ts';
import { wordClasses } from './lexicon/word-classes.ts';
import { trailingChromeStart } from './text/chrome.ts';
import { splitSentences } from './text/sentence-splitter.ts';
import type { TokenSentence } from './text/sentence-splitter.ts';
import { tokenize } from './text/tokenizer.ts';
import type { Token } from './text/tokenizer.ts';
import { DOCUMENT_PASSES } from './entities/passes/index.ts';
import type { DocumentPass, DocumentState } from './entities/passes/index.ts';

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
  for (let si = 0; si < tokenSentences.length; si++) {
    const s = tokenSentences[si] as TokenSentence;
    sentences.push({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });
    sentenceStarts.add(s.start);
  }
  // (Indexed loops here and in the passes: V8's mid-tier compiler, which runs this code for much of
  // a first pass, allocates an iterator result per step of a for-of loop.)
  // One loop over the tokens for the facts every pass reads: each token's key, and the words
  // written in lower case somewhere in the document.
  const lowerInDocument = new Set<string>();
  const keys: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
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
  for (let i = 0; i < tokenSentences.length; i++) {
    const found = recognizer.recognize(tokenSentences[i] as TokenSentence, i);
    for (let k = 0; k < found.length; k++) candidates.push(found[k] as Candidate);
  }
  const state: DocumentState = { body, tokens, sentences, candidates, gazetteer: defaultGazetteer(), lowerInDocument, sentenceStarts, options, entities: [], mentions: [] };
  for (let i = 0; i < DOCUMENT_PASSES.length; i++) (DOCUMENT_PASSES[i] as DocumentPass).run(state);
  return { text, sentences, entities: state.entities, mentions: state.mentions };
}
