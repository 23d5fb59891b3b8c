import { describe, expect, it } from 'vitest';
import { claimsOfRule } from './relation-claims.ts';

/**
 * Party, club, affiliation and subsidiary rules, each with a near miss. Our own sentences, with
 * hand-marked entities so the rules are tested apart from the recognizer.
 */

const PARTY = (name: string): string => `[[${name}|Organization|org:party|kind=PoliticalParty]]`;
const P = (name: string): string => `[[${name}|Person]]`;
/** Enough words of sport for the story to be about sport. */
const SPORT = 'The league match ended after the coach made two substitutes and the keeper saved a late goal in the cup.';

describe('party', () => {
  it('reads a party post, a bare party word, an owner and an apposition', () => {
    expect(claimsOfRule(`${PARTY('Labour')} MP ${P('Jane Doe')} spoke first.`, 'party.')).toEqual(['person:jane-doe HOLDS_ROLE org:party party.post']);
    expect(claimsOfRule(`Senior ${PARTY('Tory')} backbencher ${P('John Roe')} agreed.`, 'party.')).toEqual(['person:john-roe HOLDS_ROLE org:party party.post']);
    expect(claimsOfRule(`The seat was won from ${PARTY('Tory')} ${P('Ann Poe')} in 1997.`, 'party.')).toEqual(['person:ann-poe HOLDS_ROLE org:party party.bare']);
    expect(claimsOfRule(`${PARTY('Labour')}'s ${P('Tom Loe')} said the vote was close.`, 'party.')).toEqual(['person:tom-loe HOLDS_ROLE org:party party.possessive']);
    expect(claimsOfRule(`${P('Mary Voe')}, the ${PARTY('Liberal Democrats')}' health spokeswoman, said it was late.`, 'party.')).toEqual(['person:mary-voe HOLDS_ROLE org:party party.appositive']);
  });

  it('reads no membership from a name used as a modifier, a non-party body or an apposition without a post', () => {
    expect(claimsOfRule(`${PARTY('Labour')}'s ${P('Blair')} government fell.`, 'party.')).toEqual([]);
    expect(claimsOfRule(`[[Acme|Organization|org:acme|kind=Company]] ${P('Jane Doe')} said so.`, 'party.')).toEqual([]);
    expect(claimsOfRule(`${P('Mary Voe')}, the ${PARTY('Labour')} voters' favourite, said it was late.`, 'party.')).toEqual([]);
  });
});

describe('club', () => {
  const CLUB = (name: string): string => `[[${name}|Organization|org:club]]`;
  it('reads a post, a possessive, an apposition and a squad list in a sports story', () => {
    expect(claimsOfRule(`${SPORT} ${CLUB('Rovers')} keeper ${P('Sam Hale')} was injured.`, 'club.')).toEqual(['person:sam-hale HOLDS_ROLE org:club club.post']);
    expect(claimsOfRule(`${SPORT} ${CLUB('Rovers')}' ${P('Sam Hale')} scored twice.`, 'club.')).toEqual(['person:sam-hale HOLDS_ROLE org:club club.possessive']);
    expect(claimsOfRule(`${SPORT} ${P('Sam Hale')}, the ${CLUB('Rovers')} striker, scored twice.`, 'club.')).toEqual(['person:sam-hale HOLDS_ROLE org:club club.appositive']);
    expect(claimsOfRule(`${SPORT}\nSquad: ${P('A Bell')} (${CLUB('Rovers')}, capt), ${P('C Dunn')} ([[Millbrook|Place]]).`, 'club.')).toEqual([
      'person:a-bell HOLDS_ROLE org:club club.roster',
      'person:c-dunn HOLDS_ROLE place:millbrook club.roster',
    ]);
  });

  it('needs a sports story, and two squad entries; a country in brackets is a nationality', () => {
    expect(claimsOfRule(`${CLUB('Rovers')} star ${P('Sam Hale')} opened the shop.`, 'club.')).toEqual([]);
    expect(claimsOfRule(`${SPORT}\nShe beat ${P('A Bell')} ([[Millbrook|Place]]) in the final.`, 'club.')).toEqual([]);
    const REGION = '[[Wessex|Place|place:wessex|kind=region]]';
    expect(claimsOfRule(`${SPORT}\n${REGION}'s ${P('A Bell')} won the race.`, 'club.')).toEqual([]);
    expect(claimsOfRule(`${SPORT}\n${REGION}'s captain ${P('A Bell')} won the toss.`, 'club.')).toEqual(['person:a-bell HOLDS_ROLE place:wessex club.possessive']);
    expect(claimsOfRule(`${SPORT}\nResults: ${P('A Bell')} ([[France|Country]]), ${P('C Dunn')} ([[Spain|Country]]).`, 'club.')).toEqual([]);
    // A selection of national players: the home nation in brackets is the national side, no club.
    expect(claimsOfRule(`${SPORT}\nSquad: ${P('A Bell')} (${REGION}), ${P('C Dunn')} (${REGION}, capt).`, 'club.')).toEqual([]);
  });
});

describe('affiliation', () => {
  const ORG = (name: string): string => `[[${name}|Organization|org:acme|kind=Company]]`;
  it('reads "from", "for", a possessive post and announced appointments', () => {
    expect(claimsOfRule(`"It is late," said ${P('Jo Kay')}, from ${ORG('Acme')}.`, 'affiliation.')).toEqual(['person:jo-kay HOLDS_ROLE org:acme affiliation.from']);
    expect(claimsOfRule(`${P('Jo Kay')}, for the ${ORG('Acme')}, said it was late.`, 'affiliation.')).toEqual(['person:jo-kay HOLDS_ROLE org:acme affiliation.for']);
    expect(claimsOfRule(`${P('Jo Kay')}, ${ORG('Acme')}'s chief financial officer, said it was late.`, 'affiliation.')).toEqual(['person:jo-kay HOLDS_ROLE org:acme affiliation.possessive-post']);
    expect(claimsOfRule(`${ORG('Acme Corp')} said it named ${P('Jo Kay')} president and chief operating officer.`, 'affiliation.')).toEqual(['person:jo-kay HOLDS_ROLE org:acme affiliation.named']);
    expect(claimsOfRule(`${ORG('Acme Corp')} said its chief executive ${P('Jo Kay')} will retire.`, 'affiliation.')).toEqual(['person:jo-kay HOLDS_ROLE org:acme affiliation.said-its']);
  });

  it('reads no post from a home town, a former post, a customer or a named product', () => {
    expect(claimsOfRule(`${P('Jo Kay')}, from [[Leeds|Place]], said it was late.`, 'affiliation.')).toEqual([]);
    expect(claimsOfRule(`${P('Jo Kay')}, ${ORG('Acme')}'s former chief executive, said it was late.`, 'affiliation.')).toEqual([]);
    expect(claimsOfRule(`${P('Jo Kay')}, ${ORG('Acme')}'s biggest customer, said it was late.`, 'affiliation.')).toEqual([]);
    expect(claimsOfRule(`${ORG('Acme Corp')} said it named ${P('Jo Kay')} in a lawsuit.`, 'affiliation.')).toEqual([]);
  });
});

describe('subsidiary', () => {
  const A = '[[Acme Corp|Organization|org:acme|kind=Company]]';
  const Z = '[[Zed Co|Organization|org:zed|kind=Company]]';
  it('reads "said its X unit", a copula and "wholly owned by"', () => {
    expect(claimsOfRule(`${A} said its ${Z} subsidiary will redeem its notes.`, 'subsidiary.')).toEqual(['org:zed PART_OF org:acme subsidiary.said-its']);
    expect(claimsOfRule(`${Z} is a wholly owned subsidiary of ${A}.`, 'subsidiary.')).toEqual(['org:zed PART_OF org:acme subsidiary.copula']);
    expect(claimsOfRule(`${Z}, wholly owned by ${A}, said sales fell.`, 'subsidiary.')).toEqual(['org:zed PART_OF org:acme subsidiary.owned']);
  });

  it('reads no ownership from a deal, a stake or a pending purchase', () => {
    expect(claimsOfRule(`${A} said its ${Z} deal was approved.`, 'subsidiary.')).toEqual([]);
    expect(claimsOfRule(`${Z}, 40 pct owned by ${A}, said sales fell.`, 'subsidiary.')).toEqual([]);
    expect(claimsOfRule(`${A} agreed to buy ${Z} for 10 mln dlrs.`, 'subsidiary.')).toEqual([]);
  });
});
