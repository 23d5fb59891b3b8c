/**
 * Common nouns that say what kind of body an organization is, as English writes them before a name
 * ("US supermarket giant Wal-Mart", "German football club Schalke", "the French news agency AFP")
 * or in an apposition after it ("Gazprom, the Russian gas monopoly"). Singular forms; the rules
 * accept the plural too. Written by hand from ordinary English; no names are listed here.
 */
export const ORGANIZATION_NOUNS: readonly string[] = `firm company group giant maker manufacturer producer monopoly
  conglomerate bank lender insurer broker brokerage carrier airline operator retailer chain supermarket grocer
  brewer distiller winemaker carmaker automaker steelmaker chipmaker drugmaker shipbuilder shipper refiner miner
  utility developer builder contractor exporter importer supplier distributor wholesaler trader house label studio
  network broadcaster channel newspaper daily magazine weekly publisher agency band club side consortium venture
  rival subsidiary unit arm affiliate partner outfit concern enterprise business start-up startup institution
  exchange fund investor regulator watchdog body organisation organization association federation union charity
  foundation institute university think-tank party provider platform operator`
  .split(/\s+/)
  .filter(Boolean);

/** One alternation of the nouns, singular or plural ("company", "companies", "giants"). */
export const ORGANIZATION_NOUN_PATTERN = ORGANIZATION_NOUNS.map((w) => (w.endsWith('y') && !/[aeiou]y$/.test(w) ? `${w.slice(0, -1)}(?:y|ies)` : `${w}(?:e?s)?`)).join('|');
