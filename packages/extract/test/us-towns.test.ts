import { describe, expect, it } from 'vitest';
import { analyzeEntities } from '../src/analyze-entities.ts';

/** "mention text:source" of every mention. */
function mentions(text: string): string[] {
  return analyzeEntities(text).mentions.map((m) => `${m.text}:${m.source}`);
}

describe('us-towns pass', () => {
  it('reads a small town before its state, over the joiners inside its name', () => {
    expect(mentions('Officials in Aiken, S.C., said so.')).toEqual(['Aiken:us-town', 'S.C.:us-state']);
    // The hyphen is passed over, not an end of the town's words.
    expect(mentions('The mill in Sedro-Woolley, Wash., will close.')).toEqual(['Sedro-Woolley:us-town', 'Wash:us-state']);
  });

  it('leaves a person named in full before a state alone, and needs the comma', () => {
    expect(mentions('He met Andrew Hall of Miami, Florida, on Monday.').filter((m) => m.endsWith(':us-town'))).toEqual([]);
    expect(mentions('Officials in Aiken S.C. said so.').filter((m) => m.endsWith(':us-town'))).toEqual([]);
  });
});
