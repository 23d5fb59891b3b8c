import { InputError } from '@newsgraph/shared';
import type { Publication } from '../interfaces/graph-store.ts';
import { toUtcInstant } from '../store-dates.ts';

export interface CheckedPublication {
  publication: Publication;
  /** publishedAt, else fetchedAt, as a UTC instant: what listPublications orders by. */
  sortDate: string;
}

/** Validates a republication before any store writes it; InputError names the publication. */
export function checkPublication(articleId: string, publication: Publication): CheckedPublication {
  const input = `publication ${String(publication?.url)} of article ${articleId}`;
  if (typeof articleId !== 'string' || articleId === '') throw new InputError(input, 'article id must be a non-empty string');
  if (typeof publication?.url !== 'string' || publication.url === '') throw new InputError(input, 'url must be a non-empty string');
  if (typeof publication.title !== 'string') throw new InputError(input, 'title must be a string');
  if (publication.outlet !== null && publication.outlet !== undefined && typeof publication.outlet !== 'string') throw new InputError(input, 'outlet must be a string or null');
  if (typeof publication.fetchedAt !== 'string') throw new InputError(input, 'fetchedAt must be a string');
  const fetched = toUtcInstant(publication.fetchedAt, `${input} fetchedAt`);
  const sortDate = publication.publishedAt ? toUtcInstant(publication.publishedAt, `${input} publishedAt`) : fetched;
  return {
    publication: { url: publication.url, title: publication.title, outlet: publication.outlet ?? null, publishedAt: publication.publishedAt ?? null, fetchedAt: publication.fetchedAt },
    sortDate,
  };
}
