/**
 * The commonest family names of Korea, China, Vietnam and Singapore in their usual romanisation
 * (public census rankings; no npm package ships a romanised list). These names come first:
 * "Kim Jong Un", "Tan Wei Liang", "Sun Liwei". Several are also Western given names or English
 * words (Kim, Lee, Sun, Song), so the first word alone says nothing about gender and, before
 * unknown name words, opens a person's name. Hand-written on purpose: fifty names, not a lexicon
 * derived from any corpus.
 */
export const EAST_ASIAN_FAMILY_NAMES: ReadonlySet<string> = new Set(
  `kim lee park choi jung jeong kang cho yoon yun jang lim han oh seo shin kwon hwang ahn song yoo hong jeon ko moon
  wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang xie tang deng feng
  nguyen tran le pham hoang vu dang bui ngo
  tan ong goh teo chua koh ng`
    .split(/\s+/)
    .filter(Boolean),
);

/** "Kim Jong Un", "Lee Jae-hoon": a family name first, then two given-name parts (or one with a hyphen). */
export function isFamilyNameFirst(name: string): boolean {
  const words = name.split(/\s+/);
  const first = (words[0] ?? '').toLowerCase();
  if (!EAST_ASIAN_FAMILY_NAMES.has(first)) return false;
  return words.length >= 3 || (words.length === 2 && (words[1] ?? '').includes('-'));
}
