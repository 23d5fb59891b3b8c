import { describe, expect, it } from 'vitest';
import { extractRelations } from '../src/relations/extract-relations.ts';
import { analysisFromMarkup } from './relations-fixture.ts';

/**
 * Party, club, affiliation and subsidiary rules, each with a near miss. Our own sentences, with
 * hand-marked entities so the rules are tested apart from the recognizer.
 */

function claims(markup: string, rulePrefix: string): string[] {
  return extractRelations(analysisFromMarkup(markup))
    .filter((r) => r.evidence.rule.startsWith(rulePrefix))
    .map((r) => `${r.subject} ${r.predicate} ${r.object} ${r.evidence.rule}`)
    .sort();
}

const PARTY = (name: string): string => `[[${name}|Organization|org:party|kind=PoliticalParty]]`;
const P = (name: string): string => `[[${name}|Person]]`;
/** Enough words of sport for the story to be about sport. */
const SPORT = 'The league match ended after the coach made two substitutes and the keeper saved a late goal in the cup.';

describe('party', () => {
  it('reads a party post, a bare party word, an owner and an apposition', () => {
    expect(claims(`${PARTY('Labour')} MP ${P('Jane Doe')} spoke first.`, 'party.')).toEqual(['person:jane-doe HOLDS_ROLE org:party party.post']);
    expect(claims(`Senior ${PARTY('Tory')} backbencher ${P('John Roe')} agreed.`, 'party.')).toEqual(['person:john-roe HOLDS_ROLE org:party party.post']);
    expect(claims(`The seat was won from ${PARTY('Tory')} ${P('Ann Poe')} in 1997.`, 'party.')).toEqual(['person:ann-poe HOLDS_ROLE org:party party.bare']);
    expect(claims(`${PARTY('Labour')}'s ${P('Tom Loe')} said the vote was close.`, 'party.')).toEqual(['person:tom-loe HOLDS_ROLE org:party party.possessive']);
    expect(claims(`${P('Mary Voe')}, the ${PARTY('Liberal Democrats')}' health spokeswoman, said it was late.`, 'party.')).toEqual(['person:mary-voe HOLDS_ROLE org:party party.appositive']);
  });

  it('reads no membership from a name used as a modifier, a non-party body or an apposition without a post', () => {
    expect(claims(`${PARTY('Labour')}'s ${P('Blair')} government fell.`, 'party.')).toEqual([]);
    expect(claims(`[[Acme|Organization|org:acme|kind=Company]] ${P('Jane Doe')} said so.`, 'party.')).toEqual([]);
    expect(claims(`${P('Mary Voe')}, the ${PARTY('Labour')} voters' favourite, said it was late.`, 'party.')).toEqual([]);
  });
});

describe('club', () => {
  const CLUB = (name: string): string => `[[${name}|Organization|org:club]]`;
  it('reads a post, a possessive, an apposition and a squad list in a sports story', () => {
    expect(claims(`${SPORT} ${CLUB('Rovers')} keeper ${P('Sam Hale')} was injured.`, 'club.')).toEqual(['person:sam-hale HOLDS_ROLE org:club club.post']);
    expect(claims(`${SPORT} ${CLUB('Rovers')}' ${P('Sam Hale')} scored twice.`, 'club.')).toEqual(['person:sam-hale HOLDS_ROLE org:club club.possessive']);
    expect(claims(`${SPORT} ${P('Sam Hale')}, the ${CLUB('Rovers')} striker, scored twice.`, 'club.')).toEqual(['person:sam-hale HOLDS_ROLE org:club club.appositive']);
    expect(claims(`${SPORT}\nSquad: ${P('A Bell')} (${CLUB('Rovers')}, capt), ${P('C Dunn')} ([[Millbrook|Place]]).`, 'club.')).toEqual([
      'person:a-bell HOLDS_ROLE org:club club.roster',
      'person:c-dunn HOLDS_ROLE place:millbrook club.roster',
    ]);
  });

  it('needs a sports story, and two squad entries; a country in brackets is a nationality', () => {
    expect(claims(`${CLUB('Rovers')} star ${P('Sam Hale')} opened the shop.`, 'club.')).toEqual([]);
    expect(claims(`${SPORT}\nShe beat ${P('A Bell')} ([[Millbrook|Place]]) in the final.`, 'club.')).toEqual([]);
    const REGION = '[[Wessex|Place|place:wessex|kind=region]]';
    expect(claims(`${SPORT}\n${REGION}'s ${P('A Bell')} won the race.`, 'club.')).toEqual([]);
    expect(claims(`${SPORT}\n${REGION}'s captain ${P('A Bell')} won the toss.`, 'club.')).toEqual(['person:a-bell HOLDS_ROLE place:wessex club.possessive']);
    expect(claims(`${SPORT}\nResults: ${P('A Bell')} ([[France|Country]]), ${P('C Dunn')} ([[Spain|Country]]).`, 'club.')).toEqual([]);
    // A selection of national players: the home nation in brackets is the national side, no club.
    expect(claims(`${SPORT}\nSquad: ${P('A Bell')} (${REGION}), ${P('C Dunn')} (${REGION}, capt).`, 'club.')).toEqual([]);
  });
});

describe('affiliation', () => {
  const ORG = (name: string): string => `[[${name}|Organization|org:acme|kind=Company]]`;
  it('reads "from", "for", a possessive post and announced appointments', () => {
    expect(claims(`"It is late," said ${P('Jo Kay')}, from ${ORG('Acme')}.`, 'affiliation.')).toEqual(['person:jo-kay HOLDS_ROLE org:acme affiliation.from']);
    expect(claims(`${P('Jo Kay')}, for the ${ORG('Acme')}, said it was late.`, 'affiliation.')).toEqual(['person:jo-kay HOLDS_ROLE org:acme affiliation.for']);
    expect(claims(`${P('Jo Kay')}, ${ORG('Acme')}'s chief financial officer, said it was late.`, 'affiliation.')).toEqual(['person:jo-kay HOLDS_ROLE org:acme affiliation.possessive-post']);
    expect(claims(`${ORG('Acme Corp')} said it named ${P('Jo Kay')} president and chief operating officer.`, 'affiliation.')).toEqual(['person:jo-kay HOLDS_ROLE org:acme affiliation.named']);
    expect(claims(`${ORG('Acme Corp')} said its chief executive ${P('Jo Kay')} will retire.`, 'affiliation.')).toEqual(['person:jo-kay HOLDS_ROLE org:acme affiliation.said-its']);
  });

  it('reads no post from a home town, a former post, a customer or a named product', () => {
    expect(claims(`${P('Jo Kay')}, from [[Leeds|Place]], said it was late.`, 'affiliation.')).toEqual([]);
    expect(claims(`${P('Jo Kay')}, ${ORG('Acme')}'s former chief executive, said it was late.`, 'affiliation.')).toEqual([]);
    expect(claims(`${P('Jo Kay')}, ${ORG('Acme')}'s biggest customer, said it was late.`, 'affiliation.')).toEqual([]);
    expect(claims(`${ORG('Acme Corp')} said it named ${P('Jo Kay')} in a lawsuit.`, 'affiliation.')).toEqual([]);
  });
});

describe('subsidiary', () => {
  const A = '[[Acme Corp|Organization|org:acme|kind=Company]]';
  const Z = '[[Zed Co|Organization|org:zed|kind=Company]]';
  it('reads "said its X unit", a copula and "wholly owned by"', () => {
    expect(claims(`${A} said its ${Z} subsidiary will redeem its notes.`, 'subsidiary.')).toEqual(['org:zed PART_OF org:acme subsidiary.said-its']);
    expect(claims(`${Z} is a wholly owned subsidiary of ${A}.`, 'subsidiary.')).toEqual(['org:zed PART_OF org:acme subsidiary.copula']);
    expect(claims(`${Z}, wholly owned by ${A}, said sales fell.`, 'subsidiary.')).toEqual(['org:zed PART_OF org:acme subsidiary.owned']);
  });

  it('reads no ownership from a deal, a stake or a pending purchase', () => {
    expect(claims(`${A} said its ${Z} deal was approved.`, 'subsidiary.')).toEqual([]);
    expect(claims(`${Z}, 40 pct owned by ${A}, said sales fell.`, 'subsidiary.')).toEqual([]);
    expect(claims(`${A} agreed to buy ${Z} for 10 mln dlrs.`, 'subsidiary.')).toEqual([]);
  });
});
