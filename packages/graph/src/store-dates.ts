import { InputError, type Article } from '@newsgraph/shared';

/**
 * Dates as every store compares and returns them: ISO 8601 instants in UTC with milliseconds
 * (`Date.prototype.toISOString()`), so that string order is time order and a store's answers do
 * not depend on how a publisher wrote its timezone.
 */

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** `value` as a UTC ISO instant; throws InputError naming `input` when it is not a date. */
export function toUtcInstant(value: string, input: string): string {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) {
    throw new InputError(input, `"${value}" is not an ISO 8601 date`);
  }
  return new Date(ms).toISOString();
}

/** The date an article counts at: published, else fetched (UTC ISO instant). */
export function articleEventDate(article: Article): string {
  if (article.publishedAt) return toUtcInstant(article.publishedAt, `article ${article.id} publishedAt`);
  return toUtcInstant(article.fetchedAt, `article ${article.id} fetchedAt`);
}

/** Lower bound of a query window (inclusive). */
export function sinceBound(since: string | undefined, input = 'since'): string | undefined {
  if (since === undefined || since === '') return undefined;
  return toUtcInstant(since, input);
}

/**
 * Upper bound of a query window (inclusive). A date without a time (`2024-03-31`) means the
 * whole of that UTC day.
 */
export function untilBound(until: string | undefined, input = 'until'): string | undefined {
  if (until === undefined || until === '') return undefined;
  if (DATE_ONLY.test(until)) return toUtcInstant(`${until}T23:59:59.999Z`, input);
  return toUtcInstant(until, input);
}
