/**
 * Sanctions and watch lists: the vocabulary shared by the importers and the matcher
 * (@newsgraph/lists), the stores (@newsgraph/graph), the CLI, the API and the explorer.
 */

/** What a list entry designates. Lists' own words map onto these (SDN "individual" → person, UN ENTITY → organization). */
export const LIST_ENTRY_TYPES = ['person', 'organization', 'vessel', 'aircraft'] as const;
export type ListEntryType = (typeof LIST_ENTRY_TYPES)[number];

/** File formats `newsgraph lists import` reads. */
export const LIST_FORMATS = ['ofac-sdn-csv', 'ofac-sdn-xml', 'un-xml', 'ftm-jsonl', 'opensanctions-csv'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** Longest remarks kept per entry; longer remarks are cut (with a warning) so a bad file cannot bloat the store. */
export const MAX_LIST_REMARKS_CHARS = 4000;
/** A list name given at import: a short slug, used in ids, CLI options and API paths. */
export const LIST_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export interface ListIdentifier {
  /** "Passport", "IMO", "Registration Number", ... as the list writes it. */
  type: string;
  value: string;
  country?: string | null;
}

/** One designated person, organization, vessel or aircraft on a list. */
export interface ListEntry {
  /** The list's name given at import (e.g. "ofac-sdn"). */
  list: string;
  /** The entry's own id on its list: SDN ent_num, UN reference number (IRe.055), FtM entity id. */
  id: string;
  type: ListEntryType;
  name: string;
  /** Other names (a.k.a., f.k.a., low-quality aliases, original script), never containing `name`. */
  aliases: string[];
  programs: string[];
  /** YYYY-MM-DD when the list says so. */
  listedOn: string | null;
  nationalities: string[];
  /** Countries of address, registration or jurisdiction. */
  countries: string[];
  identifiers: ListIdentifier[];
  remarks: string | null;
}

/** One import of a list: the version it replaced the previous one with, and what changed. */
export interface ListVersion {
  list: string;
  format: ListFormat;
  /** The date the file says it was published (YYYY-MM-DD), else null. */
  versionDate: string | null;
  /** When it was imported (UTC ISO instant). */
  importedAt: string;
  /** The file(s) it was read from. */
  source: string;
  entryCount: number;
  added: string[];
  removed: string[];
}

/** Why an entity matched an entry: named features with their contribution (see docs/sanctions.md). */
export type MatchFeatures = Record<string, number>;

/** A link (:Entity)-[:LISTED_AS {score, features}]->(:ListEntry). */
export interface ListingLink {
  entityId: string;
  list: string;
  entryId: string;
  /** 0..1 */
  score: number;
  features: MatchFeatures;
  /** The entry name or alias that matched. */
  matchedName: string;
}

/** A listing as shown with an entity: the link and the entry it points at. */
export interface Listing extends ListingLink {
  entry: ListEntry;
}
