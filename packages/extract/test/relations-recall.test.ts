import { describe, expect, it } from 'vitest';
import { extractRelations } from '../src/relations/extract-relations.ts';
import { analysisFromMarkup } from './relations-fixture.ts';

/**
 * Recall on real reporting: nominal and clause-level forms of meetings, trade and supply that
 * reporters use. Sentences are our own, with hand-marked entities.
 */

/** "subject PREDICATE object modality rule" strings, sorted. */
function claims(markup: string, predicate: string): string[] {
  return extractRelations(analysisFromMarkup(markup))
    .filter((r) => r.predicate === predicate)
    .map((r) => `${r.subject} ${r.predicate} ${r.object} ${r.evidence.modality ?? 'asserted'}`)
    .sort();
}

const P = (name: string): string => `[[${name}|Person]]`;
const C = (name: string, id: string): string => `[[${name}|Country|country:${id}]]`;

describe('MET_WITH in clauses and nouns', () => {
  it('reads the clause subject at a meeting with someone', () => {
    expect(claims(`Envoy ${P('Ada Lind')} put forward the proposal at a meeting with ${P('Bo Krantz')}, officials said.`, 'MET_WITH')).toEqual([
      'person:ada-lind MET_WITH person:bo-krantz asserted',
    ]);
    expect(claims(`${P('Ada Lind')} raised the issue during lengthy talks with ${P('Bo Krantz')}.`, 'MET_WITH')).toEqual([
      'person:ada-lind MET_WITH person:bo-krantz asserted',
    ]);
    // A meeting the subject only heard about names no meeting of the subject.
    expect(claims(`${P('Ada Lind')} said that nothing was decided at a meeting with ${P('Bo Krantz')}.`, 'MET_WITH')).toEqual([]);
  });

  it('reads a demonym official after an article and a rank', () => {
    expect(claims(`${P('Ada Lind')} met with a senior [[Norlandic|Country|country:NL|adj]] official on Friday.`, 'MET_WITH')).toEqual([
      'country:NL MET_WITH person:ada-lind asserted',
    ]);
    // A demonym that qualifies a thing is no one met.
    expect(claims(`${P('Ada Lind')} met with a senior [[Norlandic|Country|country:NL|adj]] flag behind her.`, 'MET_WITH')).toEqual([]);
  });

  it('reads planned talks and "both" before a list', () => {
    expect(claims(`The [[Helix Council|Organization]] is to hold membership talks with both ${C('Norland', 'NL')} and ${C('Sudria', 'SD')}.`, 'MET_WITH')).toEqual([
      'country:NL MET_WITH org:helix-council planned',
      'country:SD MET_WITH org:helix-council planned',
    ]);
    expect(claims(`The [[Helix Council|Organization]] (HC) is still in talks with ${C('Norland', 'NL')}.`, 'MET_WITH')).toEqual([
      'country:NL MET_WITH org:helix-council asserted',
    ]);
  });

  it('reads meetings between two sides after a modifier chain and a title', () => {
    expect(claims(`The meetings scheduled next week in [[Riga|Place]] between ${P('Ada Lind')} and Prime Minister ${P('Bo Krantz')} will be long.`, 'MET_WITH')).toEqual([
      'person:ada-lind MET_WITH person:bo-krantz planned',
    ]);
    // "the gap between A and B" is no meeting.
    expect(claims(`The talks narrowed the gap between ${C('Norland', 'NL')} and ${C('Sudria', 'SD')}.`, 'MET_WITH')).toEqual([]);
  });

  it('reads a hyphenated pair before a meeting noun', () => {
    expect(claims(`The ${C('Norland', 'NL')}-${C('Sudria', 'SD')} talks resumed on Monday.`, 'MET_WITH')).toEqual(['country:NL MET_WITH country:SD asserted']);
    expect(claims(`The ${C('Norland', 'NL')}-${C('Sudria', 'SD')} border was closed.`, 'MET_WITH')).toEqual([]);
  });

  it('reads two people who signed or agreed something together', () => {
    expect(claims(`${P('Ada Lind')} and ${P('Bo Krantz')} signed the accord in [[Riga|Place]].`, 'MET_WITH')).toEqual([
      'person:ada-lind MET_WITH person:bo-krantz asserted',
    ]);
    expect(claims(`${P('Ada Lind')} and her [[Sudrian|Country|country:SD|adj]] counterpart ${P('Bo Krantz')} agreed to set up a joint body.`, 'MET_WITH')).toEqual([
      'person:ada-lind MET_WITH person:bo-krantz asserted',
    ]);
    // The signature of one person, and a pair joined by "with" (a relation already read elsewhere), claim nothing here.
    expect(claims(`${P('Ada Lind')} signed the accord, ${P('Bo Krantz')} said.`, 'MET_WITH')).toEqual([]);
    expect(claims(`${P('Ada Lind')} and ${P('Bo Krantz')} disagreed.`, 'MET_WITH')).toEqual([]);
  });
});

describe('TRADES_WITH from a hyphenated pair', () => {
  it('reads "the A-B trade dispute" and "A-B trade relations"', () => {
    expect(claims(`Officials met to end the ${C('Norland', 'NL')}-${C('Sudria', 'SD')} trade dispute.`, 'TRADES_WITH')).toEqual([
      'country:NL TRADES_WITH country:SD asserted',
    ]);
    expect(claims(`He spoke at a forum on ${C('Norland', 'NL')}-${C('Sudrian', 'SD')} trade relations.`, 'TRADES_WITH')).toEqual([
      'country:NL TRADES_WITH country:SD asserted',
    ]);
    expect(claims(`They cited a ${C('Norland', 'NL')}-${C('Sudria', 'SD')} micro chip trade pact.`, 'TRADES_WITH')).toEqual([
      'country:NL TRADES_WITH country:SD asserted',
    ]);
  });

  it('reads no trade from a pair before another noun or a trade union', () => {
    expect(claims(`The ${C('Norland', 'NL')}-${C('Sudria', 'SD')} border talks resumed.`, 'TRADES_WITH')).toEqual([]);
    expect(claims(`The ${C('Norland', 'NL')}-${C('Sudria', 'SD')} trade union federation met.`, 'TRADES_WITH')).toEqual([]);
  });
});

describe('TRADES_WITH from a trade agreement of joint parties', () => {
  it('reads every pair of the countries that signed a trade deal', () => {
    expect(claims(`${C('Norland', 'NL')} and ${C('Sudria', 'SD')} seal free-trade pact`, 'TRADES_WITH')).toEqual([
      'country:NL TRADES_WITH country:SD asserted',
    ]);
    expect(claims(`${C('Norland', 'NL')}, ${C('Sudria', 'SD')} and ${C('Ostria', 'OS')} have signed a new regional trade agreement.`, 'TRADES_WITH')).toEqual([
      'country:NL TRADES_WITH country:OS asserted',
      'country:NL TRADES_WITH country:SD asserted',
      'country:OS TRADES_WITH country:SD asserted',
    ]);
  });

  it('reads no trade from a deal that is not about trade or from a single signer', () => {
    expect(claims(`${C('Norland', 'NL')} and ${C('Sudria', 'SD')} signed a peace deal.`, 'TRADES_WITH')).toEqual([]);
    expect(claims(`Officials said ${C('Norland', 'NL')} signed a trade deal.`, 'TRADES_WITH')).toEqual([]);
  });
});

describe('VISITED from departures and arrivals that are due', () => {
  it('reads "left for X" and "is due in X"', () => {
    expect(claims(`${P('Ada Lind')} left for [[Riga|Place]] on Monday.`, 'VISITED')).toEqual(['person:ada-lind VISITED place:riga asserted']);
    expect(claims(`After the vote, ${P('Ada Lind')} is due in [[Riga|Place]] at the end of May.`, 'VISITED')).toEqual(['person:ada-lind VISITED place:riga asserted']);
  });

  it('reads no visit from a payment that is due or a sum left for someone', () => {
    expect(claims(`${P('Ada Lind')} said the payment is due in May.`, 'VISITED')).toEqual([]);
    expect(claims(`Little was left for ${C('Norland', 'NL')} after the auction.`, 'VISITED')).toEqual([]);
  });
});
