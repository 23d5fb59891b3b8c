/** Word sets more than one recognizer pass reads (each pass keeps its own private ones). */

/** Lower-case particles inside personal names ("van der Westhuizen", "bin Salman"). */
export const NAME_PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'du', 'van', 'von', 'der', 'den', 'ter', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'dos', 'das', 'y']);
/** Forms of address that are no role ("Mr", "Dr", "Sir"). */
export const PURE_HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'rev', 'fr', 'madam', 'mme', 'm']);
/** Legal forms and corporate words that end a company name ("Co", "Holdings"). */
export const LEGAL_FORM_WORDS = new Set(['co', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'plc', 'llc', 'ag', 'sa', 'nv', 'bv', 'gmbh', 'company', 'cos', 'group', 'holdings']);
