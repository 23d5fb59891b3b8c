import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { foldName } from './name-normalization.ts';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json') as countries.LocaleData);

/**
 * Names the sanctions lists use for countries that i18n-iso-countries' English names do not
 * cover (OFAC writes "Korea, North" and "Burma"; the UN writes "Democratic People's Republic of
 * Korea" and "Syrian Arab Republic"), folded.
 */
const LIST_COUNTRY_NAMES: Record<string, string> = {
  syria: 'SY',
  'syrian arab republic': 'SY',
  burma: 'MM',
  'korea north': 'KP',
  'democratic peoples republic of korea': 'KP',
  'korea south': 'KR',
  'viet nam': 'VN',
  'west bank': 'PS',
  gaza: 'PS',
  'palestinian territories': 'PS',
  'state of palestine': 'PS',
  turkiye: 'TR',
  'iran islamic republic of': 'IR',
  'lao peoples democratic republic': 'LA',
  'the former yugoslav republic of macedonia': 'MK',
  'congo democratic republic of the': 'CD',
  'republic of moldova': 'MD',
  'united republic of tanzania': 'TZ',
  'bolivia plurinational state of': 'BO',
  'venezuela bolivarian republic of': 'VE',
  'region crimea': 'UA',
  crimea: 'UA',
  kosovo: 'XK',
};

/** ISO 3166-1 alpha-2 code of a country name as lists write it ("Russia", "Iran", "Korea, North"), or an alpha-2 code as is; null when unknown. */
export function countryCode(name: string): string | null {
  const trimmed = name.trim();
  if (/^[A-Z]{2}$/.test(trimmed)) return trimmed;
  if (/^[a-z]{2}$/.test(trimmed)) return trimmed.toUpperCase();
  const known = LIST_COUNTRY_NAMES[foldName(trimmed)];
  if (known) return known;
  return countries.getAlpha2Code(trimmed, 'en') ?? countries.getSimpleAlpha2Code(trimmed, 'en') ?? null;
}
