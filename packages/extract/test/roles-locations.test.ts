import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract.ts';

/**
 * HOLDS_ROLE and LOCATED_IN on whole texts, through the recognizer passes that feed them (us-towns,
 * title-owners, appositive-persons) and the rules role.team, role.uk-office and located.name.
 * Sentences are our own; the names of towns, clubs and offices are public facts.
 */

/** "Subject PREDICATE Object [rule]" for one predicate, by entity names. */
function claims(text: string, predicate: string): string[] {
  const result = extract(text);
  const name = new Map(result.entities.map((e) => [e.id, e.name]));
  return result.relations
    .filter((r) => r.predicate === predicate)
    .map((r) => `${name.get(r.subject) ?? r.subject} ${r.predicate} ${name.get(r.object) ?? r.object}`)
    .sort();
}

function typeOf(text: string, surface: string): string | undefined {
  return extract(text).entities.find((e) => e.name === surface)?.type;
}

describe('us-towns: a small town named with its state or country', () => {
  it('reads the town before a state abbreviation when GeoNames knows it in that state', () => {
    expect(claims('The new clinic opened in Belen, N.M., last spring.', 'LOCATED_IN')).toEqual(['Belen LOCATED_IN New Mexico']);
    expect(claims('Crews left Gunnison, Colo., before dawn.', 'LOCATED_IN')).toEqual(['Gunnison LOCATED_IN Colorado']);
  });

  it('leaves a full name alone and reads no town GeoNames lacks there', () => {
    // A person named in full before ", of <town>, <state>" stays a person.
    expect(typeOf('Ann Reyes of Aiken, S.C., won the prize.', 'Ann Reyes')).toBe('Person');
    // No town of that name in that state: nothing is made up.
    expect(claims('The letter reached Quorvale, Md., on Monday.', 'LOCATED_IN')).toEqual([]);
  });
});

describe('title-owners and appositive-persons', () => {
  it('reads the organization written before a company or club post', () => {
    expect(claims('Yukos boss Mikhail Khodorkovsky appeared in court again.', 'HOLDS_ROLE')).toEqual(['Mikhail Khodorkovsky HOLDS_ROLE Yukos']);
    expect(claims('Arsenal boss Arsene Wenger praised the squad. The win left Arsenal top.', 'HOLDS_ROLE')).toEqual(['Arsene Wenger HOLDS_ROLE Arsenal']);
    expect(claims('Qantas boss Mr Dixon said costs would fall.', 'HOLDS_ROLE')).toEqual(['Dixon HOLDS_ROLE Qantas']);
  });

  it('does not make an organization of an ordinary word or the end of a longer name', () => {
    // "Charity" opens the sentence and the text writes it in lower case: a word, not a name.
    expect(claims('Charity boss Tom Reed said the charity needed money.', 'HOLDS_ROLE')).toEqual([]);
    expect(claims('Former boss Tom Reed said little.', 'HOLDS_ROLE')).toEqual([]);
  });

  it('reads a surname with an age or a post only people hold as a person', () => {
    expect(typeOf('Harlow, 61, a former Ohio State University law professor, retired.', 'Harlow')).toBe('Person');
    expect(claims('Harlow, a professor of chemistry at Rice University, led the study.', 'HOLDS_ROLE')).toEqual(['Harlow HOLDS_ROLE Rice University']);
    // A firm can be "the fund manager": no person.
    expect(typeOf('Wexcombe, the fund manager, sold its stake.', 'Wexcombe')).not.toBe('Person');
  });
});

describe('role.team and role.uk-office', () => {
  it('reads a national side named by its country, not a nationality', () => {
    expect(claims('Scotland manager Walter Smith named his squad on Monday.', 'HOLDS_ROLE')).toEqual(['Walter Smith HOLDS_ROLE Scotland']);
    expect(claims('Germany coach Jurgen Klinsmann picked three new players.', 'HOLDS_ROLE')).toEqual(['Jurgen Klinsmann HOLDS_ROLE Germany']);
    // "Dutch coach X" is a coach from the Netherlands, not of its side.
    expect(claims('Dutch coach Rinus Michels was honoured.', 'HOLDS_ROLE')).toEqual([]);
  });

  it('reads offices only the UK government has, in a text naming the UK, but no shadow post', () => {
    expect(claims('Home Secretary Charles Clarke said the UK would act.', 'HOLDS_ROLE')).toEqual(['Charles Clarke HOLDS_ROLE United Kingdom']);
    expect(claims('Shadow Home Secretary David Davis said the UK would suffer.', 'HOLDS_ROLE')).toEqual([]);
    // Without the UK in the text the office names no country.
    expect(claims('Home Secretary Charles Clarke spoke.', 'HOLDS_ROLE')).toEqual([]);
  });
});

describe('located.name and tokenized possessives', () => {
  it('reads a company named for a country the text names, not other bodies', () => {
    expect(claims('Swiss Bank Corp said demand in Switzerland was firm.', 'LOCATED_IN')).toEqual(['Swiss Bank Corp LOCATED_IN Switzerland']);
    expect(claims('The Taiwan Textile Federation said exports from Taiwan fell.', 'LOCATED_IN')).toEqual([]);
    // A cut name ("... of America Inc") is not a company named for the US.
    expect(claims('Sales at Volkswagen of America Inc rose in the United States.', 'LOCATED_IN').filter((c) => c.startsWith('America Inc'))).toEqual([]);
  });

  it('reads a possessive written apart from its name, as tokenized sources do', () => {
    expect(claims("Protesters gathered in Beijing 's Tiananmen Square.", 'LOCATED_IN')).toEqual(['Tiananmen Square LOCATED_IN Beijing']);
  });
});
