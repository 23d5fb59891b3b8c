import { z } from 'zod';

/**
 * What a user can say about an article that its text does not: where it was published, by
 * whom, when. One schema for the three ways of saying it: a `NAME.meta.json` sidecar beside a
 * local file, the fields of a `ingest --jsonl` line, and (outlet, date) `ingest --outlet/--published`.
 */

/** `2024-02-24`, or a timestamp with a time zone (`2024-02-24T10:00:00Z`, `…+01:00`). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A publication date as newsgraph stores it: a bare date stays a date, a timestamp becomes UTC.
 * Null when the value is not an ISO 8601 date or timestamp with a zone, or not a real day
 * (February 30th). Years from 1800: news archives (Reuters-21578 is from 1987) are old.
 */
export function normalizePublishedDate(value: string): string | null {
  const s = value.trim();
  if (ISO_DATE.test(s)) {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && d.getUTCFullYear() >= 1800 ? s : null;
  }
  if (!ISO_TIMESTAMP.test(s)) return null;
  const t = Date.parse(s.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(t)) return null;
  const iso = new Date(t).toISOString();
  // Date.parse rolls 2024-02-30 over into March: the day written must be the day parsed (before the zone shift).
  const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const written = new Date(Date.UTC(y, m - 1, d));
  if (written.getUTCMonth() !== m - 1 || written.getUTCDate() !== d || y < 1800) return null;
  return iso;
}

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const publishedAt = z.string().transform((value, ctx) => {
  const normalized = normalizePublishedDate(value);
  if (normalized === null) {
    ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 date like 2024-02-24 or a timestamp with a zone like 2024-02-24T10:00:00Z' });
    return z.NEVER;
  }
  return normalized;
});

const url = z
  .string()
  .trim()
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL');

/** BCP 47 language tags as pages give them: `en`, `de-CH`, `zh-Hant-TW`. */
const language = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$/, 'must be a language tag like en or de-CH')
  .transform((tag) => tag.replace(/_/g, '-'));

/** The fields of a sidecar, and of a JSONL line besides its text. Unknown fields are refused (a typo would otherwise vanish). */
export const ARTICLE_METADATA_FIELDS = {
  url: url.optional(),
  title: text(1000).optional(),
  outlet: text(200).optional(),
  author: text(500).optional(),
  publishedAt: publishedAt.optional(),
  language: language.optional(),
} as const;

export const articleMetadataSchema = z.strictObject(ARTICLE_METADATA_FIELDS);
export type ArticleMetadata = z.output<typeof articleMetadataSchema>;

/** One `ingest --jsonl` line: `text`, the metadata fields, and an optional `id` naming the article within its file. */
export const jsonlArticleSchema = z.strictObject({
  ...ARTICLE_METADATA_FIELDS,
  id: z.union([z.string().trim().min(1).max(200), z.number().int()]).optional(),
  text: z.string().refine((t) => t.trim().length > 0, 'must hold the article text'),
});
export type JsonlArticle = z.output<typeof jsonlArticleSchema>;

/** Batch-wide defaults (`ingest --outlet`, `--published`): used where an article says nothing itself. */
export interface ArticleMetadataDefaults {
  outlet?: string;
  publishedAt?: string;
}

/** "publishedAt: must be …; outlet: must not be empty": every problem of a value, each with its field. */
export function describeIssues(error: z.ZodError, known: readonly string[] = Object.keys(ARTICLE_METADATA_FIELDS)): string {
  return error.issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (known: ${known.join(', ')})`;
      }
      const field = issue.path.join('.');
      if (issue.code === 'invalid_type') {
        if (!field) return 'value: must be a JSON object';
        // zod leaves the input out of issues; its message says what it received.
        return /received undefined/.test(issue.message) ? `${field}: missing` : `${field}: must be a ${issue.expected}`;
      }
      return field ? `${field}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
