/**
 * Home countries of national news outlets, used only as the last hint for a generic body ("the
 * Treasury" in a BBC story with no country named). Hand-written public facts: no data package
 * lists outlets. International agencies (Reuters, AP, AFP, Bloomberg) have no home here on purpose:
 * their stories are about everywhere.
 */
const HOMES: ReadonlyArray<[string, string]> = [
  ['bbc', 'GB'], ['bbc news', 'GB'], ['the guardian', 'GB'], ['guardian', 'GB'], ['the times', 'GB'], ['financial times', 'GB'],
  ['the telegraph', 'GB'], ['sky news', 'GB'], ['the independent', 'GB'], ['itv news', 'GB'],
  ['nikkei asia', 'JP'], ['nikkei', 'JP'], ['nhk', 'JP'], ['le monde', 'FR'], ['der spiegel', 'DE'], ['cbc', 'CA'], ['abc news', 'US'],
  ['the new york times', 'US'], ['new york times', 'US'], ['the washington post', 'US'], ['washington post', 'US'], ['cnn', 'US'],
  ['npr', 'US'], ['the wall street journal', 'US'], ['wall street journal', 'US'], ['abc australia', 'AU'], ['rte', 'IE'],
];
const BY_NAME = new Map(HOMES);

export function outletHomeCountry(outlet: string | null | undefined): string | null {
  if (!outlet) return null;
  return BY_NAME.get(outlet.trim().toLowerCase()) ?? null;
}
