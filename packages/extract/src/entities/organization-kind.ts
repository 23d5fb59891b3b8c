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

/** Guess an organization's kind from its name ("... Ministry" is a government agency). */
export function organizationKindFor(name: string): OrganizationKind {
  for (const [re, kind] of RULES) if (re.test(name)) return kind;
  return 'Company';
}
