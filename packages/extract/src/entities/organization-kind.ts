import { BANK_HEADS, BANK_WORD, COMPANY_HEADS } from '../lexicon/company-words.ts';
import type { OrganizationKind } from '../lexicon/organizations.ts';

const RULES: Array<[RegExp, OrganizationKind]> = [
  [/\b(ministry|department|bureau|agency|authority|commission|office|administration|government|embassy|consulate|directorate|secretariat|parliament|senate|congress|court|tribunal|police|army|navy|cabinet)\b/i, 'GovernmentAgency'],
  [/\b(news|times|post|journal|herald|tribune|gazette|daily|weekly|magazine|radio|television|tv|broadcasting|press|media)\b/i, 'MediaOutlet'],
  [/\b(association|federation|union|society|institute|chamber|league|council|committee|foundation|alliance|coalition|forum)\b/i, 'Association'],
  [/\b(bank|bancorp|banks)\b/i, 'Bank'],
  [/\b(university|college|school|academy)\b/i, 'University'],
  [/\b(party|movement|front)\b/i, 'PoliticalParty'],
  [/\b(fc|united|rovers|wanderers|athletic|club)\b/i, 'SportsTeam'],
];

/**
 * The head word of a name: the last word, or the last word before an "of"/"for" complement
 * ("Bank of China" → bank, "Ministry of Energy" → ministry). Trailing dots are dropped ("Co.").
 */
function headWord(name: string): string {
  const words = name.toLowerCase().replace(/[,.]/g, ' ').split(/\s+/).filter(Boolean);
  const of = words.findIndex((w, i) => i > 0 && (w === 'of' || w === 'for'));
  return (of > 0 ? words[of - 1] : words[words.length - 1]) ?? '';
}

/**
 * Guess an organization's kind from its name. A corporate head word decides first ("Volna
 * Maritime", "Union Trading Co" are companies, "Commerce Bank" is a bank); otherwise a word of the
 * name does ("... Ministry" is a government agency).
 */
export function organizationKindFor(name: string): OrganizationKind {
  const head = headWord(name);
  if (BANK_HEADS.has(head) || BANK_WORD.test(name)) return 'Bank';
  if (COMPANY_HEADS.has(head)) return 'Company';
  for (const [re, kind] of RULES) if (re.test(name)) return kind;
  return 'Company';
}
