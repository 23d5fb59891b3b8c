import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_TOKENS, splitSentences } from '../src/text/sentence-splitter.ts';
import { tokenize } from '../src/text/tokenizer.ts';

/** The text of each sentence. */
function sentences(text: string): string[] {
  return splitSentences(tokenize(text)).map((s) => text.slice(s.start, s.end));
}

describe('sentence splitter', () => {
  it('ends a sentence at a stop before a capital, a quote or a digit, and at a line break', () => {
    expect(sentences('Talks ended. "We left," he said. 3 died.\nNext line')).toEqual(['Talks ended.', '"We left," he said.', '3 died.', 'Next line']);
    expect(sentences('Mr. Smith met Acme Inc. in Vienna.')).toEqual(['Mr. Smith met Acme Inc. in Vienna.']);
    expect(sentences('')).toEqual([]);
    expect(sentences('One')).toEqual(['One']);
  });

  it('cuts a sentence longer than the token limit into pieces that cover every token once', () => {
    const text = Array.from({ length: MAX_SENTENCE_TOKENS * 2 + 5 }, (_, i) => `w${i}`).join(' ');
    const parts = splitSentences(tokenize(text));
    expect(parts.map((p) => p.lastToken - p.firstToken)).toEqual([MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 5]);
    for (let i = 1; i < parts.length; i++) expect(parts[i]?.firstToken).toBe(parts[i - 1]?.lastToken);
  });
});
