import type { RunSegmenter } from '../run.ts';

/** Heads of a numbered formation: "6th Fleet", "12th Brigade", "82nd Airborne Division", "9th Circuit". */
const NUMBERED_UNIT_HEADS = new Set(['fleet', 'army', 'armies', 'brigade', 'division', 'battalion', 'regiment', 'corps', 'squadron', 'wing', 'infantry', 'airborne', 'armored', 'armoured', 'cavalry', 'mechanized', 'mechanised', 'marine', 'marines', 'artillery', 'flotilla', 'air', 'panzer', 'guards', 'circuit', 'district']);
const ORDINAL = /^\d+(st|nd|rd|th)$/i;

/**
 * "the U.S. 6th Fleet", "the 21st Brigade of Cerro Muriano": an ordinal before a formation's head
 * names that formation, an organization (the ordinal is part of the name). A district is a place.
 */
export const ordinalUnit: RunSegmenter = {
  name: 'ordinal-unit',
  run: (s, r) => {
    if (r.start <= s.sentence.firstToken || !ORDINAL.test(s.tok(r.start - 1).text)) return false;
    const head = s.lower(r.start);
    if (!NUMBERED_UNIT_HEADS.has(head)) return false;
    s.push({ first: r.start - 1, last: r.end, type: head === 'district' ? 'Place' : 'Organization', source: 'ordinal-unit' });
    return true;
  },
};
