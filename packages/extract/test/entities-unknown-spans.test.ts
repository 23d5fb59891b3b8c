import { describe, expect, it } from 'vitest';
import { analyzeEntities } from '../src/analyze-entities.ts';

/** "Type name (source)" of every mention's entity, in text order; invented names throughout. */
function read(text: string): string[] {
  const a = analyzeEntities(text);
  return a.mentions.map((m) => {
    const e = a.entities.find((x) => x.id === m.entityId);
    return `${e?.type} ${e?.name} (${m.source})${e?.attributes.affiliation ? ` of ${e.attributes.affiliation}` : ''}`;
  });
}

describe('unknown capitalised spans typed from what is around them', () => {
  it('reads the second of two settlements named after their kind, unless a person opens a clause', () => {
    expect(read('Oil left the ports of Varnemo and Kestrova on Monday.')).toEqual(['Place Varnemo (settlement-of)', 'Place Kestrova (settlement-of)']);
    expect(read('Oil left the ports of Varnemo and Ivan Petrov said so.')).toEqual(['Place Varnemo (settlement-of)', 'Person Ivan Petrov (name-list)']);
  });

  it('reads a quoted surname, not a word right after a place', () => {
    expect(read('Zelbrak said the talks failed.')).toEqual(['Person Zelbrak (quoted-surname)']);
    expect(read('In Paris Zelbrak said the talks failed.')).toEqual(['Place Paris (gazetteer)']);
  });

  it('links a person after a role to the organization written before the role', () => {
    expect(read('Ostreb chief executive Lena Kovac resigned.')).toEqual(['Organization Ostreb (title-owner)', 'Person Lena Kovac (role-name) of org:ostreb']);
  });
});
