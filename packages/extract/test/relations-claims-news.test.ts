import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract.ts';

/**
 * Constructions of BBC-style politics, sport and arts reporting read by the rules of branch
 * claims-news (issue 10). Sentences and names are our own.
 */

/** "Subject PREDICATE Object [rule]" of one predicate, by entity names, sorted. */
function claims(text: string, predicate: string): string[] {
  const result = extract(text);
  const name = new Map(result.entities.map((e) => [e.id, e.name]));
  return result.relations
    .filter((r) => r.predicate === predicate)
    .map((r) => `${name.get(r.subject) ?? r.subject} ${r.predicate} ${name.get(r.object) ?? r.object} [${r.evidence.rule}]`)
    .sort();
}

describe('role-uk-story: head offices of British government in a story about British politics', () => {
  const story =
    'Labour will fight the election on the economy, Chancellor Martin Hale said on Monday. ' +
    'Prime Minister Ruth Coyle backed him and said Britain had never been stronger. ' +
    'The Liberal Democrats said the figures did not add up.';

  it('gives the UK to "Chancellor X" and "Prime Minister X", recording the UK named elsewhere', () => {
    expect(claims(story, 'HOLDS_ROLE').filter((c) => c.includes('role-uk-story'))).toEqual([
      'Martin Hale HOLDS_ROLE United Kingdom [role-uk-story.head-office.description]',
      'Ruth Coyle HOLDS_ROLE United Kingdom [role-uk-story.head-office]',
    ]);
  });

  it('needs a British party and the UK, and no country named more often', () => {
    expect(claims('Chancellor Martin Hale said on Monday that Britain would cut taxes.', 'HOLDS_ROLE').filter((c) => c.includes('role-uk-story'))).toEqual([]);
    expect(claims('Labour said Chancellor Martin Hale would speak on Monday.', 'HOLDS_ROLE')).toEqual([]);
    const german = 'Labour welcomed the deal. Chancellor Karl Brandt said Germany and Britain agreed, and Germany would pay. Germany signed on Friday.';
    expect(claims(german, 'HOLDS_ROLE').filter((c) => c.includes('role-uk-story'))).toEqual([]);
  });

  it('leaves a qualified office and a described one to other rules', () => {
    const qualified = 'Labour leaders met in London. German Chancellor Karl Brandt told Britain to wait, and Chancellor Karl Brandt left.';
    expect(claims(qualified, 'HOLDS_ROLE').filter((c) => c.includes('role-uk-story'))).toEqual([]);
    const described = 'Labour MPs in Britain wonder how good a prime minister Martin Hale would make.';
    expect(claims(described, 'HOLDS_ROLE').filter((c) => c.includes('role-uk-story'))).toEqual([]);
  });
});

describe('role-context.sole-country: an unqualified office in a story that names one country', () => {
  it("gives the office to the only country named", () => {
    const story = 'Finance Minister Paolo Ferri said the budget would be cut. Italy will present the plan in May.';
    expect(claims(story, 'HOLDS_ROLE')).toEqual(['Paolo Ferri HOLDS_ROLE Italy [role-context.sole-country.description]']);
  });

  it('gives nothing when two countries are named, or in a British party story about a foreign country', () => {
    expect(claims('Finance Minister Paolo Ferri said Italy and Spain would cut the budget.', 'HOLDS_ROLE')).toEqual([]);
    expect(claims('The Tories were angry. Prime Minister Ruth Coyle said troops would stay in Iraq.', 'HOLDS_ROLE').filter((c) => c.includes('role-context'))).toEqual([]);
  });
});

describe('meet-gerund: a meeting stated inside the clause', () => {
  it('reads "after meeting X" and "for talks with X" with the clause subject', () => {
    expect(claims('Paulo Ramos would leave for Zurich tomorrow after meeting Gerhard Weber this evening.', 'MET_WITH')).toEqual([
      'Gerhard Weber MET_WITH Paulo Ramos [meet-gerund.phrase]',
    ]);
    const talks = 'Oil Minister Karim Haddad is expected here on Friday for talks with his Algerian counterpart Omar Benali.';
    expect(claims(talks, 'MET_WITH')).toEqual(['Karim Haddad MET_WITH Omar Benali [meet-gerund.phrase]']);
    // The counterpart is Algeria's; the visitor's country is another, not named.
    expect(claims(talks, 'HOLDS_ROLE')).toEqual(['Omar Benali HOLDS_ROLE Algeria [role-described.counterpart]']);
  });

  it('reads nothing across a new clause or for what a person owns', () => {
    expect(claims('Paulo Ramos said the bank, which lost money after meeting Gerhard Weber, would close.', 'MET_WITH')).toEqual([]);
    expect(claims("Paulo Ramos was praised after meeting Gerhard Weber's demands.", 'MET_WITH')).toEqual([]);
  });
});

describe('party: posts with a portfolio and appositions with "now" or "prospective"', () => {
  it('reads the party of the post', () => {
    expect(claims('Labour election supremo Alan Barker said the poll was wrong.', 'HOLDS_ROLE')).toEqual(['Alan Barker HOLDS_ROLE Labour Party [party.portfolio]']);
    expect(claims('Mr Tom Fenn, a prospective Labour MP, said he was confident.', 'HOLDS_ROLE')).toEqual(['Tom Fenn HOLDS_ROLE Labour Party [party.appositive]']);
    expect(claims('Tory shadow chancellor Oliver Lane said taxes would rise.', 'HOLDS_ROLE')).toEqual(['Oliver Lane HOLDS_ROLE Conservative Party [party.post]']);
  });

  it('takes no verb for a portfolio', () => {
    expect(claims('Labour MPs told Chancellor Martin Hale to wait.', 'HOLDS_ROLE').filter((c) => c.includes('party'))).toEqual([]);
  });
});

describe('recognition: a Korean given name whose second syllable spells an English word', () => {
  it('keeps "Jae-won" whole after a Korean family name', () => {
    const names = extract('The minister met Lee Jae-won in Seoul on Monday.').entities.filter((e) => e.type === 'Person').map((e) => e.name);
    expect(names).toEqual(['Lee Jae-won']);
  });
});

describe('role-definite: "the Tory leader" in subject position stands for the one the story titled so', () => {
  it('reads the description for the person introduced with that owner and job', () => {
    const story = 'Tory leader Michael Hart spoke in Leeds on Monday. Mr Blair replied in the Commons. The Tory leader said taxes would fall.';
    expect(claims(story, 'HOLDS_ROLE')).toEqual([
      'Michael Hart HOLDS_ROLE Conservative Party [party.post]',
      'Michael Hart HOLDS_ROLE Conservative Party [role-definite.subject.description]',
    ]);
    const match = 'Arsenal manager Pierre Lamont was angry after the match. "We were robbed," said the Arsenal boss after the league game in the cup season.';
    expect(claims(match, 'HOLDS_ROLE').filter((c) => c.includes('role-definite'))).toEqual(['Pierre Lamont HOLDS_ROLE Arsenal [role-definite.subject.description]']);
  });

  it('reads nobody without such a title, out of subject position, or for another job', () => {
    expect(claims('Mr Blair spoke in the Commons. The Tory leader said taxes would fall.', 'HOLDS_ROLE')).toEqual([]);
    const friend = 'Tory leader Michael Hart spoke on Monday. Ms Lee, a friend of the Tory leader, agreed.';
    expect(claims(friend, 'HOLDS_ROLE').filter((c) => c.includes('role-definite'))).toEqual([]);
    const other = 'Tory co-chairman Liam Ford spoke on Monday. The Tory leader said taxes would fall.';
    expect(claims(other, 'HOLDS_ROLE').filter((c) => c.includes('role-definite'))).toEqual([]);
  });
});

describe('sentence subject: a demonym title set off by commas before the name', () => {
  it('takes the named person, not the country, as the one who travels', () => {
    expect(claims('The Dutch trade minister, Anna de Vries, arrived in Jakarta on Monday.', 'VISITED')).toEqual(['Anna de Vries VISITED Jakarta [visit.verb]']);
  });
});

describe('affiliation.from: the body described, bracketed or named by its unit', () => {
  it('reads the body after "from"', () => {
    expect(claims('Jane Roe, from the pressure group Clean Rivers Trust, said the plan was unfair.', 'HOLDS_ROLE').filter((c) => c.includes('affiliation'))).toEqual([
      'Jane Roe HOLDS_ROLE Clean Rivers Trust [affiliation.from]',
    ]);
    expect(claims('"It is a big year," Tom Hart, from the Consumer Electronics Association (CEA) told reporters.', 'HOLDS_ROLE')).toEqual([
      'Tom Hart HOLDS_ROLE Consumer Electronics Association [affiliation.from]',
    ]);
    expect(claims("Ken Ito, from Panasonic's research laboratories, said storage would double.", 'HOLDS_ROLE')).toEqual(['Ken Ito HOLDS_ROLE Panasonic [affiliation.from]']);
  });

  it('reads no home town and no news outlet', () => {
    expect(claims('Jane Roe, from Leeds, said the plan was unfair.', 'HOLDS_ROLE')).toEqual([]);
  });
});

describe('role: British spellings and compound posts', () => {
  it('reads "co-ordinator" and "vice-chairman" as posts', () => {
    expect(claims('Ruth Mills, European co-ordinator for the Open Rights Group, spoke.', 'HOLDS_ROLE')).toEqual(['Ruth Mills HOLDS_ROLE Open Rights Group [role.appositive]']);
    expect(claims('Raj Mehta, vice-chairman of Tata Steel, stayed away.', 'HOLDS_ROLE')).toEqual(['Raj Mehta HOLDS_ROLE Tata Steel [role.appositive]']);
  });
});
