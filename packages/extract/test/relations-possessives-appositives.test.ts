import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract.ts';

/**
 * Constructions of business, politics and sports news added together: an employer written after
 * a post in an appositive (title-owners pass, then role.appositive), a country's possessive before
 * a person's full name (national-possessive), a company's possessive before a company it owns
 * (part-of.possessive), and a cabinet office in lower case (role-context). Sentences are our own;
 * the names are invented.
 */

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

describe('title-owners: the employer after a post in a person\'s appositive', () => {
  it('reads an unknown name after "<post> of/at/for/with" as the organization the person works for', () => {
    expect(claims('Prices will stay flat this year, said Carl Brenner, president of Dunmore Analytics.', 'HOLDS_ROLE')).toEqual(['Carl Brenner HOLDS_ROLE Dunmore Analytics']);
    expect(claims('Nora Bell, head of equity research at Tarnwick Brokers, said shares were cheap.', 'HOLDS_ROLE')).toEqual(['Nora Bell HOLDS_ROLE Tarnwick Brokers']);
    expect(claims('Ann Lowe, marketing manager at Snappy Prints believes prices will fall.', 'HOLDS_ROLE')).toEqual(['Ann Lowe HOLDS_ROLE Snappy Prints']);
    expect(claims('"It was a weak month," said Ian Cole, an analyst with Brackley Research.', 'HOLDS_ROLE')).toEqual(['Ian Cole HOLDS_ROLE Brackley Research']);
  });

  it('leaves a portfolio, a clause and a cut or modifying name alone', () => {
    // A government post names a portfolio, not a body.
    expect(typeOf('Dan Ruiz, minister of Finance, spoke on Monday.', 'Finance')).toBeUndefined();
    // A verb between the comma and the preposition: no appositive post.
    expect(claims('Dan Ruiz, who once worked as a lawyer for Kelso, spoke.', 'HOLDS_ROLE')).toEqual([]);
    // The name goes on past the candidate ("Dai-ichi", "Wilkinson's club", "Latin American"): no employer.
    expect(claims('Mia Ford, coach of Wilkinson\'s club side Norbury, spoke.', 'HOLDS_ROLE').filter((c) => c.endsWith('Wilkinson'))).toEqual([]);
    expect(claims('Jo Penn, head of strategy for Latin American markets at Dorrit Bank, spoke.', 'HOLDS_ROLE').filter((c) => c.endsWith('Latin'))).toEqual([]);
    // A noun after the name makes it a modifier: "Jewish" here describes the group.
    expect(claims('Ida Marr, founder of Jewish rights group Beth Shalom, spoke.', 'HOLDS_ROLE').filter((c) => c.endsWith('Jewish'))).toEqual([]);
  });
});

describe('national-possessive: a country\'s possessive before a person\'s full name', () => {
  it('reads the nationality of a named person', () => {
    expect(claims("Serbia's Ana Novak won the final.", 'NATIONAL_OF')).toEqual(['Ana Novak NATIONAL_OF Serbia']);
    expect(claims("In the second round he beat Spain's Pablo Ortega 6-3 6-2.", 'NATIONAL_OF')).toEqual(['Pablo Ortega NATIONAL_OF Spain']);
  });

  it('reads no post between, no firm named like a person, no longer phrase and no list', () => {
    expect(claims("Britain's Prime Minister Tom Hale spoke.", 'NATIONAL_OF')).toEqual([]);
    // "Illva" is no given name: the shape alone does not make a person of a firm.
    expect(claims("Italy's Illva Saronno bought a stake.", 'NATIONAL_OF')).toEqual([]);
    expect(claims("The president of France's Pablo Ortega spoke.", 'NATIONAL_OF')).toEqual([]);
    // "Spain's A and B" says nothing of B.
    expect(claims("Spain's Pablo Ortega and Ana Novak reached the final.", 'NATIONAL_OF')).toEqual(['Pablo Ortega NATIONAL_OF Spain']);
  });
});

describe('part-of.possessive: a company\'s possessive before a company it owns', () => {
  it('reads a name ending its phrase after an owner with a legal ending, whatever its own ending', () => {
    expect(claims("Norvex Corp's Talbot Airlines said fares would rise.", 'PART_OF')).toEqual(['Talbot Airlines PART_OF Norvex Corp']);
    expect(claims("Kestrel Inc's Kestrel Marine unit posted a loss.", 'PART_OF')).toEqual(['Kestrel Marine PART_OF Kestrel Inc']);
  });

  it('reads no modifier and no public body the company deals with', () => {
    expect(claims("Norvex Corp's Talbot Airlines bid failed.", 'PART_OF')).toEqual([]);
    // Failed on the old code: a commission after a company's possessive was read as its unit.
    expect(claims("Halden Inc's SEC filing showed a loss.", 'PART_OF')).toEqual([]);
  });
});

describe('role-context: a cabinet office written in lower case', () => {
  it('holds the office for the story country', () => {
    expect(claims('Growth in Norway slowed, said finance minister Siv Jensen. Norway\'s exports fell. Norway will cut taxes.', 'HOLDS_ROLE')).toEqual(['Siv Jensen HOLDS_ROLE Norway']);
  });

  it('not when an owner is written before the office', () => {
    expect(claims("Growth in Norway slowed, said the party's finance minister Siv Jensen. Norway's exports fell. Norway will cut taxes.", 'HOLDS_ROLE')).toEqual([]);
  });
});

describe('national-possessive: a surname standing for a person named in full before', () => {
  it('reads the surname when the text named the person in full', () => {
    expect(claims("Ana Novak reached the final. There Serbia's Novak beat the top seed.", 'NATIONAL_OF')).toEqual(['Ana Novak NATIONAL_OF Serbia']);
  });

  it('not a lone name the text never gives in full', () => {
    expect(claims("In the final Serbia's Novak beat the top seed.", 'NATIONAL_OF')).toEqual([]);
  });
});

describe('title-owners: no employer from a generic noun or a partnership name cut at its comma', () => {
  it('reads none', () => {
    expect(claims('Lea Grant, director of the Committee, told reporters it would act.', 'HOLDS_ROLE')).toEqual([]);
    expect(claims('Sam Hale, oil analyst at Pardoe, Lutton and Kemp Securities, said prices would fall.', 'HOLDS_ROLE').filter((c) => c.endsWith('Pardoe'))).toEqual([]);
  });
});
