import type { ListIdentifier } from '@newsgraph/shared';

/**
 * What OFAC writes inside the Remarks field of the legacy SDN files: aliases
 * ("a.k.a. 'BNC'", "f.k.a.", "n.k.a."), nationality and citizenship, and identifiers
 * ("Passport 042833 (Lebanon)"), separated by semicolons.
 */
export interface SdnRemarks {
  aliases: string[];
  nationalities: string[];
  identifiers: ListIdentifier[];
}

const ALIAS = /\b[afn]\.k\.a\.,?\s*'(.+?)'(?=\s*[;.,)]|\s*$)/g;
const NATIONALITY = /(?:^|;\s*)(?:alt\.\s*)?(?:nationality|citizen)\s+([^;]+?)\s*(?=;|\.?$)/gi;
const IDENTIFIER_TYPES = [
  'Passport',
  'National ID No\\.',
  'Identification Number',
  'Registration Number',
  'Registration ID',
  'Business Registration Number',
  'Tax ID No\\.',
  'Cedula No\\.',
  'D-U-N-S Number',
  'SWIFT/BIC',
  'Vessel Registration Identification IMO',
  'IMO',
  'MMSI',
  'Aircraft Serial Identification',
  'Aircraft Manufacturer.s Serial Number \\(MSN\\)',
];
const IDENTIFIER = new RegExp(`(?:^|;\\s*)(?:alt\\.\\s*)?(${IDENTIFIER_TYPES.join('|')})\\s+([A-Za-z0-9][A-Za-z0-9/\\-. ]*?)(?:\\s+\\(([^)]+)\\))?\\s*(?=;|\\.?$)`, 'g');

export function parseSdnRemarks(remarks: string | null): SdnRemarks {
  const out: SdnRemarks = { aliases: [], nationalities: [], identifiers: [] };
  if (!remarks) return out;
  for (const m of remarks.matchAll(ALIAS)) out.aliases.push(m[1]!);
  for (const m of remarks.matchAll(NATIONALITY)) out.nationalities.push(m[1]!);
  for (const m of remarks.matchAll(IDENTIFIER)) {
    const type = m[1]!.replace(/\\/g, '').replace(/^Vessel Registration Identification IMO$/, 'IMO');
    out.identifiers.push({ type, value: m[2]!.trim(), country: m[3] ?? null });
  }
  return out;
}

/** "SDGT] [IFSR" (the legacy CSV's bracket-joined programs) → ["SDGT", "IFSR"]. */
export function splitSdnPrograms(field: string | null): string[] {
  if (!field) return [];
  return field
    .split(/\]\s*\[/)
    .map((p) => p.replace(/[[\]]/g, '').trim())
    .filter(Boolean);
}
