import { describe, expect, it } from 'vitest';
import { markTitleOwners } from '../src/entities/passes/title-owners.ts';
import { newCandidate } from '../src/entities/recognizer/index.ts';
import type { Candidate } from '../src/entities/recognizer/index.ts';
import { tokenize } from '../src/text/tokenizer.ts';
import { splitSentences } from '../src/text/sentence-splitter.ts';

/** The pass over hand-made candidates: a person at each given span, nothing else found. */
function owners(text: string, persons: ReadonlyArray<[number, number]>): string[] {
  const tokens = tokenize(text);
  const sentences = splitSentences(tokens);
  const sentenceOf = (k: number) => sentences.findIndex((s) => k >= s.firstToken && k < s.lastToken);
  const candidates: Candidate[] = persons.map(([first, last]) => newCandidate({ first, last, type: 'Person', source: 'name-list' }, sentenceOf(first)));
  const lower = new Set(tokens.filter((t) => /^[a-z]/.test(t.text)).map((t) => t.text));
  markTitleOwners(tokens, candidates, lower, new Set(sentences.map((s) => s.start)));
  return candidates.map((c) => `${tokens.slice(c.first, c.last).map((t) => t.text).join(' ')}:${c.type}:${c.source}`);
}

describe('title owners', () => {
  it('adds an organization for an uncovered capitalised word before a post and a person', () => {
    // Tokens: Talks(0) ended(1) .(2) Later(3) Ostreb(4) boss(5) Lena(6) Kovac(7) left(8) ,(9) and(10) Ostreb(11) ...
    const text = 'Talks ended. Later Ostreb boss Lena Kovac left, and Ostreb said so.';
    expect(owners(text, [[6, 8]])).toEqual(['Ostreb:Organization:title-owner', 'Lena Kovac:Person:name-list']);
  });

  it('needs the word capitalised inside a sentence somewhere, a post, and a person after it', () => {
    expect(owners('Talks ended. Ostreb boss Lena Kovac left.', [[5, 7]])).toEqual(['Lena Kovac:Person:name-list']);
    expect(owners('Talks ended. Later Ostreb saw Lena Kovac, and Ostreb said so.', [[6, 8]])).toEqual(['Lena Kovac:Person:name-list']);
    expect(owners('Talks ended. Later Ostreb boss left, and Ostreb said so.', [])).toEqual([]);
  });
});
