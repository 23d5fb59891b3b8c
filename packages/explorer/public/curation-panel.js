// Corrections by hand (merge, split an alias, rename, note; an edge or a claim wrong or confirmed),
// through the curation API. Writes need the server's token, sent in the Authorization header
// only (api.js); a server without a token takes no corrections, and the status line says so.
// Who and why are asked with the browser's own prompt (no inline markup, nothing for the CSP).

import { ApiFailure, apiGet, apiPost } from './api.js';
import { el } from './dom.js';

const AUTHOR_KEY = 'newsgraph.author';

export const NO_CORRECTIONS_MESSAGE = 'This server takes no corrections: it was started without NEWSGRAPH_API_TOKEN.';

function author() {
  try {
    return localStorage.getItem(AUTHOR_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberAuthor(name) {
  try {
    localStorage.setItem(AUTHOR_KEY, name);
  } catch {
    // Storage disabled: asked again next time.
  }
}

/** Who and why, asked for every correction: the log is only as useful as its reasons. Null when cancelled. */
function askWhoWhy(what) {
  const who = window.prompt(`${what}\n\nYour name (kept in the curation log):`, author());
  if (who === null || !who.trim()) return null;
  rememberAuthor(who.trim());
  const why = window.prompt(`${what}\n\nWhy? (kept in the curation log)`, '');
  if (why === null) return null;
  return { author: who.trim(), reason: why.trim() };
}

/** A 403 means "this server takes no writes": say how to allow them instead of the bare status. */
function explained(error) {
  return error instanceof ApiFailure && error.status === 403 ? new ApiFailure(403, NO_CORRECTIONS_MESSAGE, error.parameter) : error;
}

async function post(path, body, handlers) {
  try {
    const outcome = await apiPost(path, body);
    await handlers.onDone?.(outcome);
  } catch (error) {
    handlers.onError(explained(error));
  }
}

function edgeText(a) {
  return `${a.subject} ${a.predicate} ${a.object}`;
}

/** One line of the log as plain text (ids, not names: the log keeps ids, names change). */
export function describeEntry(entry) {
  const a = entry.action;
  switch (a.kind) {
    case 'merge':
      return `merged ${a.from} into ${a.into}`;
    case 'split-alias':
      return `split "${a.alias}" off ${a.entity}`;
    case 'rename':
      return `renamed ${a.entity} to "${a.name}"`;
    case 'note':
      return a.entity ? `note: ${a.text}` : `note on ${edgeText(a)}: ${a.text}`;
    case 'reject-claim':
      return `claim marked wrong: ${edgeText(a)} (article ${a.articleId}, at ${a.start})`;
    case 'confirm-claim':
      return `claim confirmed: ${edgeText(a)} (article ${a.articleId}, at ${a.start})`;
    case 'reject-edge':
      return `edge marked wrong: ${edgeText(a)}`;
    case 'confirm-edge':
      return `edge confirmed: ${edgeText(a)}`;
    default:
      return a.kind;
  }
}

/** Records `action`; `onDone(outcome)` runs after it was applied (the caller reloads what it shows). */
export async function recordCorrection(action, what, handlers) {
  const who = askWhoWhy(what);
  if (!who) return;
  await post('curation', { action, ...who }, handlers);
}

function logItem(entry, handlers) {
  const undone = entry.undoneAt !== null;
  const when = String(entry.at).slice(0, 10);
  const text = describeEntry(entry);
  const undo = undone
    ? el('span', { className: 'meta', text: ` · undone by ${entry.undoneBy ?? '?'}` })
    : el('button', {
        className: 'link-button curation-undo',
        text: 'undo',
        attrs: { type: 'button', 'aria-label': `Undo: ${text}` },
        on: {
          click: async () => {
            const who = askWhoWhy(`Undo: ${text}`);
            if (who) await post(`curation/${encodeURIComponent(entry.id)}/undo`, who, handlers);
          },
        },
      });
  return el(
    'li',
    { className: undone ? 'curation-entry undone' : 'curation-entry', attrs: { 'data-entry': entry.id } },
    el('span', { className: 'curation-what', text }),
    el('span', { className: 'meta', text: ` · ${entry.author}, ${when}${entry.reason ? ` · "${entry.reason}"` : ''} ` }),
    undo,
  );
}

/**
 * The node to merge into `entity`, from what was typed: an id as it is (`person:…`), else the
 * best search match of the same type that is not the entity itself.
 */
async function resolveOther(entity, typed) {
  if (/^[a-z]+:/i.test(typed)) return typed;
  const { results } = await apiGet('search', { q: typed, type: entity.type, limit: 5 });
  const match = results.find((r) => r.id !== entity.id);
  if (!match) throw new Error(`No other ${entity.type} matches "${typed}".`);
  return match.id;
}

let served = null;

/**
 * Whether the server has the curation routes (a server embedded without a curation service has
 * none): read once from its OpenAPI document, so that such a page asks nothing that answers 404.
 */
export function curationServed() {
  served ??= fetch('/openapi.json', { headers: { accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then((doc) => Boolean(doc?.paths?.['/api/curation']))
    .catch(() => false);
  return served;
}

/**
 * The entity panel's "Corrections" part: what the log says about the entity (with undo), and
 * buttons to rename, merge another node into it, split one of its aliases off, or add a note.
 * handlers: onDone(outcome) after a write, onError(error).
 */
export async function curationSection(entity, handlers) {
  if (!(await curationServed())) return null;
  const section = el('div', { className: 'curation' });
  let entries;
  try {
    ({ entries } = await apiGet('curation', { entity: entity.id }));
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 404) return null;
    throw error;
  }
  const list = el('ul', { className: 'curation-log', attrs: { 'aria-label': 'Corrections of this entity' } });
  if (entries.length === 0) list.append(el('li', { className: 'meta', text: 'no corrections or notes' }));
  // Newest first: the one just made is on top, next to its undo.
  for (const entry of [...entries].reverse()) list.append(logItem(entry, handlers));

  const button = (text, label, onClick) => el('button', { text, attrs: { type: 'button', 'aria-label': label }, on: { click: onClick } });
  const aliasSelect = el('select', { attrs: { 'aria-label': 'Alias to split off' } });
  for (const alias of entity.aliases) aliasSelect.append(el('option', { text: alias, attrs: { value: alias } }));
  const hasAliases = entity.aliases.length > 0;
  const actions = el(
    'div',
    { className: 'curation-actions' },
    button('Rename…', `Rename ${entity.name}`, () => {
      const name = window.prompt(`New name for ${entity.name}:`, entity.name);
      const trimmed = name?.trim();
      if (trimmed && trimmed !== entity.name) recordCorrection({ kind: 'rename', entity: entity.id, name: trimmed }, `Rename ${entity.name} to "${trimmed}"`, handlers);
    }),
    button('Merge another node into this…', `Merge another node into ${entity.name}`, async () => {
      const typed = window.prompt(`Name or id of the ${entity.type} that is the same as ${entity.name} (it disappears; its mentions and relations move here):`, '')?.trim();
      if (!typed) return;
      let from;
      try {
        from = await resolveOther(entity, typed);
      } catch (error) {
        handlers.onError(error);
        return;
      }
      await recordCorrection({ kind: 'merge', into: entity.id, from }, `Merge ${from} into ${entity.name}`, handlers);
    }),
    hasAliases ? aliasSelect : null,
    hasAliases
      ? button('Split alias off', `Split the chosen alias off ${entity.name}`, () => {
          const alias = aliasSelect.value;
          if (alias) recordCorrection({ kind: 'split-alias', entity: entity.id, alias }, `Split "${alias}" off ${entity.name}: its mentions become a node of their own`, handlers);
        })
      : null,
    button('Add note…', `Add a note to ${entity.name}`, () => {
      const text = window.prompt(`Note on ${entity.name}:`, '')?.trim();
      if (text) recordCorrection({ kind: 'note', entity: entity.id, text }, `Note on ${entity.name}`, handlers);
    }),
  );
  section.append(list, actions);
  return section;
}

/** "edge wrong" and "edge confirmed" for the edge the evidence panel shows (null without curation). */
export async function edgeActions(edge, handlers) {
  if (!(await curationServed())) return null;
  const action = (kind) => ({ kind, subject: edge.subjectId, predicate: edge.predicate, object: edge.objectId });
  const make = (kind, text) =>
    el('button', {
      className: 'link-button',
      text,
      attrs: { type: 'button', 'aria-label': `${text}: ${edgeText(action(kind))}` },
      on: { click: () => recordCorrection(action(kind), `${text}: ${edgeText(action(kind))}`, handlers) },
    });
  return el('span', { className: 'curation-edge' }, make('reject-edge', 'edge wrong'), ' · ', make('confirm-edge', 'edge confirmed'));
}

/** "claim wrong" and "confirmed" for one claim (one sentence of one article); call only when curationServed(). */
export function claimActions(record, handlers) {
  const claim = { articleId: record.article.id, subject: record.subjectId, predicate: record.predicate, object: record.objectId, start: record.start };
  const what = `"${record.sentence.slice(0, 120)}"`;
  const make = (kind, text) =>
    el('button', {
      className: 'link-button',
      text,
      attrs: { type: 'button', 'aria-label': `${text}: this sentence` },
      on: { click: () => recordCorrection({ kind, ...claim }, `${text}: ${what}`, handlers) },
    });
  return el('span', { className: 'curation-claim' }, ' · ', make('reject-claim', 'claim wrong'), ' · ', make('confirm-claim', 'confirmed'));
}
