import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract.ts';
import { GOVERNMENT_ROLE_HEADS } from '../src/lexicon/titles.ts';
import { PERSON_NOUNS, PERSON_NOUN_PLURALS } from '../src/lexicon/person-nouns.ts';
import { ruleFamily } from '../src/relations/rule-registry.ts';

/**
 * NATIONAL_OF (rules/national.ts): a nationality the text states next to a name. Sentences and
 * names are our own.
 */

/** "Subject NATIONAL_OF Object [rule]", by entity names, sorted. */
function nationals(text: string): string[] {
  const result = extract(text);
  const name = new Map(result.entities.map((e) => [e.id, e.name]));
  return result.relations
    .filter((r) => r.predicate === 'NATIONAL_OF')
    .map((r) => `${name.get(r.subject) ?? r.subject} NATIONAL_OF ${name.get(r.object) ?? r.object} [${r.evidence.rule}]`)
    .sort();
}

function predicates(text: string): string[] {
  return [...new Set(extract(text).relations.map((r) => r.predicate))].sort();
}

describe('national: a nationality before the name', () => {
  it('reads a demonym or a country name before a noun for a person', () => {
    expect(nationals('British actress Jane Doe won the award on Sunday.')).toEqual(['Jane Doe NATIONAL_OF United Kingdom [national.before]']);
    expect(nationals('The Russian businessman Ivan Petrov was arrested in London.')).toEqual(['Ivan Petrov NATIONAL_OF Russia [national.before]']);
    expect(nationals('Kenyan runner Peter Kamau won the race in Berlin.')).toEqual(['Peter Kamau NATIONAL_OF Kenya [national.before]']);
    expect(nationals('A French citizen, Marie Lefebvre, was released on Friday.')).toEqual(['Marie Lefebvre NATIONAL_OF France [national.before]']);
    expect(nationals('US tycoon Walter Brennan bought the club.')).toEqual(['Walter Brennan NATIONAL_OF United States [national.before]']);
    expect(nationals('The former Italian long-distance runner Marco Rossi coached them.')).toEqual(['Marco Rossi NATIONAL_OF Italy [national.before]']);
  });

  it('gives every member of a plural description, and only then', () => {
    expect(nationals('Russian nationals Ivan Petrov and Oleg Sidorov were charged.')).toEqual([
      'Ivan Petrov NATIONAL_OF Russia [national.before]',
      'Oleg Sidorov NATIONAL_OF Russia [national.before.list]',
    ]);
    // One actress: the second name is someone else.
    expect(nationals('British actress Jane Doe and John Smith arrived together.')).toEqual(['Jane Doe NATIONAL_OF United Kingdom [national.before]']);
  });

  it('reads a demonym alone directly before a known name', () => {
    expect(nationals('Briton Andy Carter beat Spaniard Pablo Romero in straight sets.')).toEqual([
      'Andy Carter NATIONAL_OF United Kingdom [national.bare]',
      'Pablo Romero NATIONAL_OF Spain [national.bare]',
    ]);
  });
});

describe('national: a nationality after the name', () => {
  it('reads an apposition and a copula', () => {
    expect(nationals('Ivan Petrov, a Russian national, was detained at the border.')).toEqual(['Ivan Petrov NATIONAL_OF Russia [national.appositive]']);
    expect(nationals('The fund is run by John Smith, 54, a British banker living in Geneva.')).toEqual(['John Smith NATIONAL_OF United Kingdom [national.appositive]']);
    expect(nationals('The stake was sold to Carlos Mendez, an Argentine, last year.')).toEqual(['Carlos Mendez NATIONAL_OF Argentina [national.appositive]']);
    expect(nationals('John Smith is a British citizen.')).toEqual(['John Smith NATIONAL_OF United Kingdom [national.copula]']);
  });

  it('reads no negation and no possessive', () => {
    expect(nationals('John Smith is not a British citizen.')).toEqual([]);
    expect(nationals("John Smith, the British actress's agent, declined to comment.")).toEqual([]);
  });
});

describe('national: hyphenated nationalities and citizenship', () => {
  it('gives the last of a hyphenated pair, and both to a dual national', () => {
    expect(nationals('Iranian-American journalist Sam Karimi was released.')).toEqual(['Sam Karimi NATIONAL_OF United States [national.before]']);
    expect(nationals('Lena Hartley, a dual British-Iranian national, was jailed.')).toEqual([
      'Lena Hartley NATIONAL_OF Iran [national.appositive]',
      'Lena Hartley NATIONAL_OF United Kingdom [national.appositive]',
    ]);
  });

  it('reads a citizenship someone holds, never one denied', () => {
    expect(nationals('John Smith holds British and Canadian citizenship.')).toEqual([
      'John Smith NATIONAL_OF Canada [national.citizenship]',
      'John Smith NATIONAL_OF United Kingdom [national.citizenship]',
    ]);
    expect(nationals('John Smith does not hold British citizenship.')).toEqual([]);
    expect(nationals("John Smith, Britain's citizenship minister, spoke.")).toEqual([]);
  });
});

describe('national: a country in brackets in an individual result', () => {
  it('reads a result line with a time or a score, or several ranked names', () => {
    expect(nationals('1. Jane Doe (Britain) 2:21.04 2. Mary Wanjiru (Kenya) 2:22.10')).toEqual([
      'Jane Doe NATIONAL_OF United Kingdom [national.result]',
      'Mary Wanjiru NATIONAL_OF Kenya [national.result]',
    ]);
    expect(nationals('Pablo Romero (Spain) beat Andy Carter (Britain) 6-3 6-4')).toEqual([
      'Andy Carter NATIONAL_OF United Kingdom [national.result]',
      'Pablo Romero NATIONAL_OF Spain [national.result]',
    ]);
  });

  it('reads no lone bracket outside a result', () => {
    expect(nationals('The panel was chaired by John Smith (Britain) and met twice.')).toEqual([]);
  });
});

describe('national: what is not a nationality', () => {
  it('adds nothing to an office of a country: that is HOLDS_ROLE', () => {
    const text = 'French President Emmanuel Macron met German Chancellor Olaf Scholz.';
    expect(nationals(text)).toEqual([]);
    expect(predicates(text)).toContain('HOLDS_ROLE');
    expect(nationals('Ivan Petrov, the Russian ambassador, left the talks.')).toEqual([]);
  });

  it('reads no organization, team or organization-qualified description', () => {
    expect(nationals('French carmaker Renault said profits rose.')).toEqual([]);
    expect(nationals('The British team won the relay.')).toEqual([]);
    expect(nationals('The British team doctor John Smith said the player was fit.')).toEqual([]);
    expect(nationals('A British Airways pilot, John Smith, landed the plane.')).toEqual([]);
    expect(nationals('A British army soldier, John Smith, was wounded.')).toEqual([]);
  });

  it('reads no adjective that qualifies something else or sits inside a longer word or name', () => {
    expect(nationals('A Russian-made rifle owner, John Smith, was fined.')).toEqual([]);
    expect(nationals('The British-born actress Jane Doe moved to Los Angeles.')).toEqual([]);
    expect(nationals('The Latin American singer Carlos Vives sang.')).toEqual([]);
    expect(nationals('Earnings per American Depository Receipt rose to 1.96 crowns.')).toEqual([]);
  });

  it('reads no ethnic, regional or ambiguous adjective', () => {
    expect(nationals('Kurdish activist Leyla Demir spoke in Ankara.')).toEqual([]);
    expect(nationals('Arab businessman Omar Haddad bought the hotel.')).toEqual([]);
    expect(nationals('Korean actress Kim Min-ji won the prize.')).toEqual([]);
    expect(nationals('Congolese singer Jean Mbala toured Europe.')).toEqual([]);
  });

  it('reads no branch of an organization, no given name and no firm named after a demonym', () => {
    // "its UK director": the firm's British arm, not the director's nationality.
    expect(nationals('Vodafone moved its UK director John Smith to Tokyo.')).toEqual([]);
    // "German" is the minister's given name here.
    expect(nationals('Economy minister German Gref told the newspaper.')).toEqual([]);
    expect(nationals('The ferry of the British Townsend Thorensen company sank off the coast.')).toEqual([]);
  });

  it('reads no verb between the country and the noun', () => {
    expect(nationals('Iran gave judo world champion Reza Karimi a reward.')).toEqual([]);
  });
});

describe('national: the rule and its word list', () => {
  it('is registered for Person to Country', () => {
    expect(ruleFamily('national.before')).toMatchObject({ predicate: 'NATIONAL_OF', subjectTypes: ['Person'], objectTypes: ['Country'] });
  });

  it('holds no office of a state among its person nouns', () => {
    for (const head of GOVERNMENT_ROLE_HEADS) expect(PERSON_NOUNS.has(head), head).toBe(false);
    expect(PERSON_NOUN_PLURALS.has('businessmen')).toBe(true);
    expect(PERSON_NOUN_PLURALS.has('nationals')).toBe(true);
  });

  it('is always asserted: a description is no verb to negate', () => {
    const result = extract('British actress Jane Doe did not attend the ceremony.');
    const claim = result.relations.find((r) => r.predicate === 'NATIONAL_OF');
    expect(claim?.evidence.modality).toBeUndefined();
  });
});

describe('national: BBC sport and arts descriptions (branch claims-news)', () => {
  it('reads a nationality after a capitalised function word that opens the sentence', () => {
    expect(nationals('And Irish actress Nora Keane is tipped to win.')).toEqual(['Nora Keane NATIONAL_OF Ireland [national.before]']);
    expect(nationals('But Spanish star Pablo Romero stayed at home.')).toEqual(['Pablo Romero NATIONAL_OF Spain [national.before]']);
    expect(nationals('Former Irish international Sean Daly coached them.')).toEqual(['Sean Daly NATIONAL_OF Ireland [national.before]']);
    // A capitalised word that is no function word still opens a longer name.
    expect(nationals('Latin American singer Rosa Delgado toured Europe.')).toEqual([]);
  });

  it('reads competitors, referees and musicians described by their nationality', () => {
    expect(nationals('Dutch qualifier Pieter de Boer beat Chilean wild card Tomas Ruiz.')).toEqual([
      'Pieter de Boer NATIONAL_OF Netherlands [national.before]',
      'Tomas Ruiz NATIONAL_OF Chile [national.before]',
    ]);
    expect(nationals('Australian referee Greg Hollis sent him off.')).toEqual(['Greg Hollis NATIONAL_OF Australia [national.before]']);
    expect(nationals('Canadian singer-songwriter Ella Marsh played two nights.')).toEqual(['Ella Marsh NATIONAL_OF Canada [national.before]']);
    expect(nationals('Swedish triple jumper Lars Berg won the title.')).toEqual(['Lars Berg NATIONAL_OF Sweden [national.before]']);
  });

  it('reads "X of <country>" only in a sports story, and not after a post', () => {
    const race = 'The race was won by Joana Pires of Portugal in 31 minutes, ahead of Ana Novak of Serbia. The championship was the last of the season, and the medal went to the champions of the league.';
    expect(nationals(race)).toEqual(['Ana Novak NATIONAL_OF Serbia [national.of-country]', 'Joana Pires NATIONAL_OF Portugal [national.of-country]']);
    expect(nationals('Jean Morel of France said the talks would resume next week.')).toEqual([]);
  });
});

describe('national: what the sports nouns must not read (branch claims-news)', () => {
  it('takes no verb of the clause for a modifier and no sport for a nationality', () => {
    const match = 'Gil will face Lopez in the semi-finals after the Spaniard ousted sixth seed Marco Ricci of Italy 6-4 6-3. The tournament final is on Sunday and the champion takes the cup after the match.';
    expect(nationals(match)).toEqual(['Marco Ricci NATIONAL_OF Italy [national.of-country]']);
    expect(nationals('Pole vaulter Anna Berg cleared 4.80 metres.')).toEqual([]);
  });
});
