import { LEGAL_FORM_OPENERS } from '../../../lexicon/company-words.ts';
import type { RunSegmenter } from '../run.ts';

/**
 * Heads that open a company or bank name in Romance languages and German ("Banca Nazionale del
 * Lavoro", "Banco Santander", "Compagnie Generale", "Grupo Mexico"), and legal forms written first
 * ("OOO Tekhnopark Rubin", see LEGAL_FORM_OPENERS): the whole run is one Organization.
 */
const ORG_OPENERS = new Set(['banca', 'banco', 'banque', 'caja', 'caixa', 'cassa', 'compagnie', 'compagnia', 'compañía', 'compania', 'societe', 'société', 'sociedad', 'societa', 'società', 'groupe', 'grupo', 'gruppo', 'istituto', 'instituto', 'fondazione', 'fundación', 'fundacion']);

/** Words that open sports clubs' names across Europe ("Deportivo Coruna", "Borussia Dortmund", "Dynamo Kiev"). */
const CLUB_OPENERS = new Set(['deportivo', 'borussia', 'dynamo', 'dinamo', 'spartak', 'lokomotiv', 'lokomotiva', 'olympique', 'sporting', 'atletico', 'athletico', 'rapid', 'slavia', 'sparta', 'steaua', 'partizan', 'hapoel', 'maccabi', 'cska', 'torpedo', 'racing', 'fortuna', 'eintracht', 'hertha', 'werder', 'alemannia', 'sportul', 'vitesse', 'willem', 'feyenoord', 'standard', 'inter', 'internazionale']);

export const orgPrefix: RunSegmenter = {
  name: 'org-prefix',
  run(s, r) {
    if (r.end - r.start < 2 || !(ORG_OPENERS.has(s.lower(r.start)) || LEGAL_FORM_OPENERS.has(s.tok(r.start).text) || (CLUB_OPENERS.has(s.lower(r.start)) && !s.isKnown(r.start, r.end)))) return false;
    s.push({ first: r.start, last: r.end, type: 'Organization', source: 'org-prefix' });
    return true;
  },
};
