/**
 * Legal-form words (company types) that say nothing about which company is meant, so names are
 * compared without them: "Rosoboronexport JSC" = "OAO Rosoboronexport". Written from the public
 * lists of business entity types per jurisdiction (Wikipedia "List of legal entity types by
 * country"), in their folded form (see name-normalization.ts: lower case ASCII, dots between
 * single letters removed, so "S.A." folds to "sa" and "Co." to "co").
 */
export const LEGAL_FORMS: ReadonlySet<string> = new Set([
  // English-speaking jurisdictions
  'llc', 'l l c', 'ltd', 'limited', 'co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'plc', 'llp', 'lp',
  'pte', 'pty', 'pvt', 'private', 'public', 'holding', 'holdings',
  // Russian, Ukrainian, Belarusian, Kazakh and other post-Soviet forms (Latin transliterations)
  'ooo', 'oao', 'zao', 'pao', 'ao', 'jsc', 'ojsc', 'cjsc', 'pjsc', 'tov', 'pat', 'too', 'fgup', 'gup', 'mup', 'ip', 'nko', 'ano',
  // Continental Europe
  'gmbh', 'ag', 'kg', 'ohg', 'ug', 'se', 'sa', 'sarl', 'sas', 'srl', 'spa', 'sl', 'bv', 'nv', 'ab', 'as', 'asa', 'oy', 'oyj', 'aps',
  'sp', 'zoo', 'doo', 'dd', 'ad', 'ead', 'eood', 'kft', 'zrt', 'nyrt', 'sro', 'as', 'sia', 'uab', 'ou', 'ltda', 'cia', 'sac', 'saa',
  // Gulf free zones and the Middle East
  'fze', 'fzco', 'fzc', 'fz', 'fzllc', 'dmcc', 'wll', 'spc', 'psc', 'pjs', 'pjsc', 'sal', 'saog', 'saoc', 'sak', 'kscc', 'ksc', 'bsc',
  // Asia
  'bhd', 'sdn', 'tbk', 'pt', 'kk', 'jsc', 'jv',
  // Turkey, Iran
  'sti',
]);

/**
 * Multi-word legal forms, folded; removed before the word list above is applied.
 * Longest first so "limited liability company" wins over "company".
 */
export const LEGAL_FORM_PHRASES: readonly string[] = [
  'limited liability company',
  'limited liability partnership',
  'joint stock company',
  'closed joint stock company',
  'open joint stock company',
  'public joint stock company',
  'private joint stock company',
  'sociedad anonima',
  'societe anonyme',
  'general trading',
  'free zone establishment',
  'free zone company',
  'trading company',
  'sanayi ve ticaret',
  'sa de cv',
  's de rl de cv',
  's de rl',
  'de cv',
].sort((a, b) => b.length - a.length);
