// newsgraph explorer: search an entity, see its neighbourhood, check every edge against the
// sentences it came from, find how two entities are connected, export what you see.
// All data reaches the page through textContent or validated attributes (see dom.js).

import { adoptTokenFromUrl, apiGet, ApiFailure, entityPath, getToken, setToken } from './api.js';
import { clear, download, el, externalLink, highlight } from './dom.js';
import { createGraphView, TYPE_COLORS } from './graph-view.js';
import { createMapView } from './map-view.js';
import { claimActions, curationSection, describeEntry, edgeActions } from './curation-panel.js';
import { createRelationsPanel } from './relations-panel.js';
import { toGraphML } from './graphml.js';
import { attachSuggestions } from './suggest.js';
import { timelineChart } from './timeline.js';
import { setupListings, showEntityListings } from './listings.js';

const PREDICATES = ['VISITED', 'MET_WITH', 'URGED', 'SUPPLIES', 'SHIPPED_VIA', 'SANCTIONS', 'TRADES_WITH', 'HOLDS_ROLE', 'PART_OF', 'LOCATED_IN', 'REPORTED_BY', 'NATIONAL_OF'];
const ENTITY_TYPES = Object.keys(TYPE_COLORS);
/** Relations without a direction (stored with the smaller id as subject). */
const SYMMETRIC = new Set(['MET_WITH', 'TRADES_WITH']);

/** `SUPPLIES →` (the entity is the subject), `← SUPPLIES` (the object), `TRADES_WITH ↔` (no direction). */
function relationLabel(predicate, outgoing) {
  if (SYMMETRIC.has(predicate)) return `${predicate} ↔`;
  return outgoing ? `${predicate} →` : `← ${predicate}`;
}
/**
 * Neighbours one expansion adds, strongest first. A hub has hundreds: the rest come a page at a
 * time (double-click again, "Expand neighbours") or by group from the entity panel.
 */
const EXPAND_PAGE = 30;

const $ = (id) => document.getElementById(id);

const state = {
  /** Entities whose neighbours are drawn, in the order they were expanded. */
  expanded: [],
  /** Entity shown in the entity panel. */
  current: null,
  /** Entity last asked to open (from the page or the address bar). */
  opening: null,
  /** Where the next expansion of an entity (or of one of its groups) starts. */
  pages: new Map(),
  /** Edge whose evidence the evidence panel shows: { subjectId, predicate, objectId }. */
  evidenceEdge: null,
};

/**
 * Each panel load takes a ticket; a response whose ticket is no longer the latest is dropped, so
 * a slow answer for the entity clicked first never overwrites the one clicked last.
 */
const tickets = { entity: 0, evidence: 0 };

// ---------------------------------------------------------------- status and errors

function showStatus(message, isError = false) {
  const status = $('status');
  status.textContent = message;
  status.classList.toggle('error', isError);
}

function showError(error) {
  if (error instanceof ApiFailure && error.status === 401) {
    showStatus('This server needs an API token: enter it with the Token button.', true);
    openTokenForm();
    return;
  }
  showStatus(error instanceof Error ? error.message : String(error), true);
}

// ---------------------------------------------------------------- token

function openTokenForm() {
  $('token-form').hidden = false;
  $('token-toggle').setAttribute('aria-expanded', 'true');
  $('token-input').value = getToken();
  $('token-input').focus();
}

function setupToken() {
  adoptTokenFromUrl();
  $('token-toggle').addEventListener('click', () => {
    if ($('token-form').hidden) openTokenForm();
    else {
      $('token-form').hidden = true;
      $('token-toggle').setAttribute('aria-expanded', 'false');
    }
  });
  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    setToken($('token-input').value.trim());
    $('token-form').hidden = true;
    $('token-toggle').setAttribute('aria-expanded', 'false');
    showStatus('Token saved for this tab.');
    loadStart();
  });
  $('token-clear').addEventListener('click', () => {
    setToken('');
    $('token-input').value = '';
    showStatus('Token forgotten.');
  });
}

// ---------------------------------------------------------------- filters

function checkedValues(container) {
  return [...container.querySelectorAll('input[type="checkbox"]')].filter((c) => c.checked).map((c) => c.value);
}

function buildChecks(container, values, name, checked = true) {
  for (const value of values) {
    const id = `${name}-${value}`;
    container.append(
      el(
        'label',
        { attrs: { for: id } },
        el('input', { attrs: { type: 'checkbox', id, value, checked } }),
        name === 'type' ? el('span', { className: `type-dot type-${value}`, attrs: { 'aria-hidden': 'true' } }) : null,
        value,
      ),
    );
  }
}

/** Current filters as /api/entities/:id/neighbors parameters; an all-checked group means no restriction. */
function neighborParams() {
  const predicates = checkedValues($('predicate-filters'));
  const types = checkedValues($('type-filters'));
  return {
    predicate: predicates.length === PREDICATES.length ? undefined : predicates,
    type: types.length === ENTITY_TYPES.length ? undefined : types,
    since: $('filter-since').value || undefined,
    until: $('filter-until').value || undefined,
  };
}

/** Predicates the path finder may follow: the relation filters minus its own "leave out" boxes. */
function pathParams() {
  const allowed = checkedValues($('predicate-filters'));
  const excluded = checkedValues($('path-exclude'));
  return {
    predicate: allowed.length === PREDICATES.length ? undefined : allowed,
    exclude: excluded.length === 0 ? undefined : excluded,
  };
}

/** Whether an edge with this predicate passes the relation filters. */
function predicateShown(predicate) {
  return checkedValues($('predicate-filters')).includes(predicate);
}

function setupFilters() {
  buildChecks($('predicate-filters'), PREDICATES, 'predicate');
  buildChecks($('type-filters'), ENTITY_TYPES, 'type');
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    redraw();
  });
  $('filters-reset').addEventListener('click', () => {
    for (const box of $('filters').querySelectorAll('input[type="checkbox"]')) box.checked = true;
    $('filter-since').value = '';
    $('filter-until').value = '';
    redraw();
  });
}

// ---------------------------------------------------------------- graph

const graph = createGraphView($('cy'), {
  onNodeTap: (id) => showEntity(id),
  onNodeDoubleTap: (id) => expand(id),
  onEdgeTap: (data) => showEvidence(data.source, data.predicate, data.target),
});

function updateEmptyHint() {
  $('graph-empty').hidden = !graph.isEmpty() || !$('map').hidden;
}

function filtersEmpty(params) {
  if (params.predicate?.length === 0 || params.type?.length === 0) {
    showStatus('Every relation or every entity type is unchecked in Filters: nothing to show.', true);
    return true;
  }
  return false;
}

/**
 * Adds the next page of `id`'s neighbours to the graph: the strongest EXPAND_PAGE first, then the
 * following ones each time it is expanded again. `group` ({ type, predicate }) pages through
 * one group only (expand by group).
 */
async function expand(id, group = null) {
  const params = neighborParams();
  if (filtersEmpty(params)) return;
  const key = group ? `${id}|${group.type}|${group.predicate}` : id;
  const offset = state.pages.get(key) ?? 0;
  const narrowed = group ? { predicate: [group.predicate], type: [group.type] } : {};
  try {
    showStatus('Loading…');
    const before = graph.nodeCount();
    let body = await apiGet(entityPath(id, '/neighbors'), { ...params, ...narrowed, limit: EXPAND_PAGE, offset });
    let end = offset + body.neighbors.length;
    const rows = [...body.neighbors];
    // A group's first rows are often drawn already (the entity's own first page holds its
    // strongest): read on until a page's worth of neighbours is new, or the group ends.
    const fresh = () => new Set(rows.filter((n) => !graph.nodeData(n.entity.id)).map((n) => n.entity.id)).size;
    while (group && fresh() < EXPAND_PAGE && end < body.total) {
      body = await apiGet(entityPath(id, '/neighbors'), { ...params, ...narrowed, limit: EXPAND_PAGE, offset: end });
      if (body.neighbors.length === 0) break;
      rows.push(...body.neighbors);
      end += body.neighbors.length;
    }
    if (!state.expanded.includes(id)) state.expanded.push(id);
    graph.addNeighborhood(body.entity, rows);
    // Past the end, start again: expanding once more re-reads the strongest.
    state.pages.set(key, end >= body.total ? 0 : end);
    updateEmptyHint();
    const what = group ? `${group.predicate} · ${group.type} relations` : 'relations';
    const added = graph.nodeCount() - before;
    const shown = body.total === 0 ? `no ${what}` : `${what} ${offset + 1}–${end} of ${body.total} (strongest first)`;
    const next = end < body.total ? `; expand again for the next ${Math.min(EXPAND_PAGE, body.total - end)}` : '';
    showStatus(`${body.entity.name}: ${shown}, ${added} new node${added === 1 ? '' : 's'}${next}. ${graph.nodeCount()} nodes in the graph.`);
  } catch (error) {
    showError(error);
  }
}

/** Re-draws every expanded entity with the current filters. */
async function redraw() {
  // The view on screen first: with the map shown, re-expanding many hubs must not delay it.
  if (mapShown()) await drawMap();
  const ids = [...state.expanded];
  graph.clear();
  state.expanded = [];
  state.pages.clear();
  for (const id of ids) await expand(id);
  updateEmptyHint();
  // The panels show what the graph shows: the relations list is re-read with the new filters,
  // and evidence for a relation the filters now hide is closed.
  if (state.evidenceEdge && !predicateShown(state.evidenceEdge.predicate)) hideEvidence();
  if (state.current) await showEntity(state.current.id);
}

/**
 * Opens an entity: graph, panel and address bar. Opening one from the page adds a history entry
 * (Back returns to the previous entity); following the address bar does not.
 */
async function openEntity(id, { fromAddressBar = false } = {}) {
  state.opening = id;
  const hash = `#entity=${encodeURIComponent(id)}`;
  if (window.location.hash !== hash) {
    if (fromAddressBar || !state.current) history.replaceState(null, '', hash);
    else history.pushState(null, '', hash);
  }
  await expand(id);
  graph.select(id);
  await showEntity(id);
}

/** The entity id in `#entity=<id>`, or null. */
function entityFromHash() {
  const match = /^#entity=(.+)$/.exec(window.location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** A new `#entity=` typed into the address bar (or a link to one) opens that entity. */
function followHash() {
  const id = entityFromHash();
  if (id && id !== state.opening) openEntity(id, { fromAddressBar: true });
}

// ---------------------------------------------------------------- entity panel

function entityChip(entity, count) {
  return el(
    'li',
    {},
    el(
      'button',
      { attrs: { type: 'button', title: `${entity.type}: open ${entity.name}` }, on: { click: () => openEntity(entity.id) } },
      el('span', { className: `type-dot type-${entity.type}`, attrs: { 'aria-hidden': 'true' } }),
      el('span', { text: entity.name }),
      count === undefined ? null : el('span', { className: 'count', text: String(count) }),
    ),
  );
}

function formatAttribute(value) {
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

async function showEntity(id) {
  const ticket = ++tickets.entity;
  // Evidence of an edge that does not touch the entity now opened belongs to the old one.
  if (state.evidenceEdge && state.evidenceEdge.subjectId !== id && state.evidenceEdge.objectId !== id) hideEvidence();
  try {
    const [entity, timeline, co] = await Promise.all([
      apiGet(entityPath(id)),
      apiGet(entityPath(id, '/timeline')),
      apiGet(entityPath(id, '/comentioned'), { limit: 12 }),
    ]);
    if (ticket !== tickets.entity) return;
    // The same relations as the graph's edges, as a list: reachable by keyboard and easy to tap.
    if (!(await relationsPanel.show(entity, neighborParams())) || ticket !== tickets.entity) return;
    state.current = entity;
    $('entity-panel').hidden = false;
    showEntityListings(id);
    $('entity-title').textContent = entity.name;
    const seen = entity.firstSeen ? ` · ${String(entity.firstSeen).slice(0, 10)} – ${String(entity.lastSeen ?? '').slice(0, 10)}` : '';
    $('entity-meta').textContent = `${entity.type} · ${entity.articleCount} article${entity.articleCount === 1 ? '' : 's'} · ${entity.mentionCount} mentions${seen}`;

    const aliases = clear($('entity-aliases'));
    if (entity.aliases.length === 0) aliases.append(el('li', { className: 'meta', text: 'none recorded' }));
    for (const alias of entity.aliases) aliases.append(el('li', { text: alias }));

    const attributes = clear($('entity-attributes'));
    const entries = Object.entries(entity.attributes ?? {});
    if (entries.length === 0) attributes.append(el('dt', { text: 'none recorded' }), el('dd'));
    for (const [key, value] of entries) attributes.append(el('dt', { text: key }), el('dd', { text: formatAttribute(value) }));

    clear($('entity-timeline')).append(timelineChart(timeline.points));

    const chips = clear($('entity-comentioned'));
    if (co.entities.length === 0) chips.append(el('li', { className: 'meta', text: 'nobody yet' }));
    for (const { entity: other, count } of co.entities) chips.append(entityChip(other, count));

    // The log's entries about the entity, with undo, and the corrections one can make to it. A
    // failure here leaves the rest of the panel in place.
    const curation = await curationSection(entity, correctionHandlers).catch((error) => {
      showError(error);
      return null;
    });
    if (ticket !== tickets.entity) return;
    clear($('entity-curation'));
    $('entity-curation-title').hidden = !curation;
    if (curation) $('entity-curation').append(curation);
  } catch (error) {
    showError(error);
  }
}

// ---------------------------------------------------------------- corrections

/**
 * After a correction (or its undo) the store has changed: the graph around the expanded
 * entities, the entity panel (name, aliases, relations, log) and the evidence are read again.
 */
async function afterCorrection({ entry, articlesRewritten }) {
  const action = entry.action;
  const undone = entry.undoneAt !== null;
  // A node merged away is gone: it is not expanded again, and evidence that names it is closed.
  if (action.kind === 'merge' && !undone) {
    state.expanded = state.expanded.filter((id) => id !== action.from);
    const edge = state.evidenceEdge;
    if (edge && (edge.subjectId === action.from || edge.objectId === action.from)) hideEvidence();
  }
  const edge = state.evidenceEdge;
  await redraw();
  if (edge && state.evidenceEdge) await showEvidence(edge.subjectId, edge.predicate, edge.objectId);
  const rewritten = articlesRewritten > 0 ? `; ${articlesRewritten} article${articlesRewritten === 1 ? '' : 's'} rewritten` : '';
  showStatus(`${undone ? 'Undone' : 'Recorded'}: ${describeEntry(entry)}${rewritten}.`);
}

const correctionHandlers = {
  onDone: (outcome) => afterCorrection(outcome),
  onError: (error) => showError(error),
};

// ---------------------------------------------------------------- evidence

function namesOf(id, known) {
  const data = graph.nodeData(id) ?? known?.[id];
  if (!data) return [];
  return [data.name, ...(data.aliases ?? [])];
}

async function toggleArticle(record, container, button) {
  if (container.childElementCount > 0) {
    clear(container);
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  try {
    const { article, publications } = await apiGet(`articles/${encodeURIComponent(record.article.id)}`);
    button.setAttribute('aria-expanded', 'true');
    const facts = [
      article.author ? `by ${article.author}` : null,
      article.outlet,
      article.publishedAt ? String(article.publishedAt).slice(0, 10) : null,
    ].filter(Boolean);
    container.append(el('p', { className: 'article-meta', text: facts.join(' · ') }));
    if (publications.length > 0) {
      const list = el('ul', { className: 'publications' });
      for (const p of publications) list.append(el('li', {}, externalLink(p.url, p.title || p.url), ` ${p.outlet ?? ''}`));
      container.append(el('p', { text: 'Also published as:' }), list);
    }
    const text = el('div', { className: 'article-text', attrs: { tabindex: 0, 'aria-label': 'Article text' } });
    text.append(highlight(article.text, record.antecedent?.sentence ? [record.sentence, record.antecedent.sentence] : [record.sentence]));
    container.append(text);
  } catch (error) {
    showError(error);
  }
}

function hideEvidence() {
  tickets.evidence += 1;
  state.evidenceEdge = null;
  $('evidence-panel').hidden = true;
  clear($('evidence-list'));
  clear($('evidence-edge'));
  clear($('evidence-curation'));
}

/** Not-asserted claims say so: "planned", "negated", "hypothetical". */
const MODALITY_LABELS = {
  planned: 'planned: the sentence says it will happen',
  negated: 'negated: the sentence says it did not happen',
  hypothetical: 'hypothetical: the sentence only considers it',
};

/**
 * One evidence row: the sentence with both names marked and, when the sentence only says "he" or
 * "the minister", the earlier sentence that names who is meant.
 */
function evidenceItem(record, terms, curation) {
  const details = el('div', { className: 'article-details' });
  const toggle = el('button', {
    className: 'link-button',
    text: 'article details',
    attrs: { type: 'button', 'aria-expanded': 'false' },
    on: { click: () => toggleArticle(record, details, toggle) },
  });
  const date = record.article.publishedAt ? String(record.article.publishedAt).slice(0, 10) : 'undated';
  const modality = record.modality && record.modality !== 'asserted' ? record.modality : null;
  const antecedent = record.antecedent?.sentence ? record.antecedent : null;
  return el(
    'li',
    { className: modality ? `evidence modality-${modality}` : 'evidence' },
    antecedent
      ? el('p', { className: 'antecedent' }, el('span', { className: 'label', text: 'Named in: ' }), highlight(antecedent.sentence, terms))
      : null,
    el(
      'p',
      { className: 'sentence' },
      modality ? el('span', { className: 'modality', text: modality, attrs: { title: MODALITY_LABELS[modality] ?? modality } }) : null,
      modality ? ' ' : null,
      highlight(record.sentence, terms),
    ),
    el(
      'p',
      { className: 'source' },
      externalLink(record.article.url, record.article.title || record.article.url),
      // The outlet entity (REPORTED_BY) names the outlet of local files that carry no outlet field.
      ` · ${record.article.outlet ?? record.article.outletEntity?.name ?? 'unknown outlet'} · ${date} · rule ${record.rule} · confidence ${Number(record.confidence).toFixed(2)} · `,
      toggle,
      curation ? claimActions(record, correctionHandlers) : null,
    ),
    details,
  );
}

/** known: optional { [entityId]: { name, aliases } } for entities not drawn in the graph. */
async function showEvidence(subjectId, predicate, objectId, known) {
  const ticket = ++tickets.evidence;
  state.evidenceEdge = { subjectId, predicate, objectId };
  const panel = $('evidence-panel');
  const list = clear($('evidence-list'));
  const subject = (graph.nodeData(subjectId) ?? known?.[subjectId])?.name ?? subjectId;
  const object = (graph.nodeData(objectId) ?? known?.[objectId])?.name ?? objectId;
  const title = clear($('evidence-edge'));
  title.append(
    el('strong', { text: subject }),
    ' ',
    el('span', { className: 'predicate', text: predicate }),
    ' ',
    el('strong', { text: object }),
  );
  const corrections = clear($('evidence-curation'));
  panel.hidden = false;
  try {
    const [{ evidence }, edgeButtons] = await Promise.all([
      apiGet('evidence', { subject: subjectId, predicate, object: objectId, limit: 50 }),
      edgeActions(state.evidenceEdge, correctionHandlers),
    ]);
    if (ticket !== tickets.evidence) return;
    if (edgeButtons) corrections.append(edgeButtons);
    const terms = [...namesOf(subjectId, known), ...namesOf(objectId, known)];
    if (evidence.length === 0) list.append(el('li', { className: 'meta', text: 'No sentence recorded for this relation.' }));
    for (const record of evidence) list.append(evidenceItem(record, terms, Boolean(edgeButtons)));
    panel.scrollIntoView({ block: 'nearest' });
  } catch (error) {
    showError(error);
  }
}

// ---------------------------------------------------------------- path finder

/** Highlights `path` in the graph and marks its list item as the one shown. */
function showOnGraph(path, item) {
  graph.showPath(path);
  updateEmptyHint();
  for (const other of $('path-result').querySelectorAll('.path')) other.classList.toggle('shown', other === item);
  for (const button of $('path-result').querySelectorAll('.show-path')) button.setAttribute('aria-pressed', String(button.closest('.path') === item));
}

/** One path as a list item: its hops (entity, relation, entity…) and a button to show it. */
function pathItem(path, index) {
  const hops = el('ol', { className: 'hops' });
  path.nodes.forEach((node, i) => {
    const hop = el('li', {}, el('button', { className: 'link-button', text: node.name, attrs: { type: 'button' }, on: { click: () => showEntity(node.id) } }));
    const edge = path.edges[i];
    if (edge) {
      const forward = edge.subjectId === node.id;
      hop.append(
        ' ',
        el('button', {
          className: 'predicate',
          text: relationLabel(edge.predicate, forward),
          attrs: { type: 'button', title: 'Show the sentences behind this relation' },
          on: { click: () => showEvidence(edge.subjectId, edge.predicate, edge.objectId) },
        }),
      );
    }
    hops.append(hop);
  });
  const item = el('li', { className: 'path' });
  const show = el('button', {
    className: 'show-path',
    text: `Show path ${index + 1}`,
    attrs: { type: 'button', 'aria-pressed': 'false' },
    on: { click: () => showOnGraph(path, item) },
  });
  item.append(show, hops);
  return item;
}

function setupPathFinder() {
  buildChecks($('path-exclude'), PREDICATES, 'exclude', false);
  const from = $('path-from');
  const to = $('path-to');
  attachSuggestions(from, () => to.focus(), showError);
  attachSuggestions(to, () => {}, showError);

  async function resolve(input) {
    if (input.dataset.entityId) return input.dataset.entityId;
    const q = input.value.trim();
    if (!q) return null;
    const { results } = await apiGet('search', { q, limit: 1 });
    if (results.length === 0) throw new Error(`No entity matches "${q}".`);
    input.value = results[0].name;
    input.dataset.entityId = results[0].id;
    return results[0].id;
  }

  $('path-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = clear($('path-result'));
    try {
      const [fromId, toId] = [await resolve(from), await resolve(to)];
      if (!fromId || !toId) {
        showStatus('Name both ends of the path.', true);
        return;
      }
      const { predicate, exclude } = pathParams();
      const left = PREDICATES.filter((p) => (!predicate || predicate.includes(p)) && !(exclude ?? []).includes(p));
      if (left.length === 0) {
        showStatus('The relation filters and "Leave out" exclude every relation: nothing to follow.', true);
        return;
      }
      const { paths } = await apiGet('paths', { from: fromId, to: toId, maxHops: $('path-hops').value, limit: 3, predicate, exclude });
      if (paths.length === 0) {
        const narrowed = left.length < PREDICATES.length ? ' with the relations chosen' : '';
        out.append(el('li', { className: 'meta', text: `No connection within ${$('path-hops').value} hops${narrowed}.` }));
        showStatus('No path found.');
        return;
      }
      paths.forEach((path, index) => out.append(pathItem(path, index)));
      showOnGraph(paths[0], out.firstElementChild);
      const hops = paths[0].edges.length;
      const more = paths.length > 1 ? `; ${paths.length} equally short paths listed` : '';
      showStatus(`Path of ${hops} hop${hops === 1 ? '' : 's'} found${more}.`);
    } catch (error) {
      showError(error);
    }
  });
}

// ---------------------------------------------------------------- map

const map = createMapView($('map'), {
  onPoint: (id) => openEntity(id),
  onEdge: (subjectId, predicate, objectId, known) => showEvidence(subjectId, predicate, objectId, known),
});

function mapShown() {
  return !$('map').hidden;
}

/** Draws the map with the current filters (relations, entity types, dates). */
async function drawMap() {
  const { predicate, type, since, until } = neighborParams();
  const summary = $('map-summary');
  try {
    showStatus('Loading the map…');
    const data = await apiGet('map', { predicate, type, since, until, limit: 300 });
    const drawn = await map.show(data);
    const left = data.unplaced > 0 ? ` · ${data.unplaced} more without a place on the map` : '';
    summary.textContent = `${drawn.arrows} supply/shipping arrow${drawn.arrows === 1 ? '' : 's'} · ${drawn.points} point${drawn.points === 1 ? '' : 's'} on the map · ${drawn.transit} transit hub${drawn.transit === 1 ? '' : 's'}${left}`;
    summary.hidden = false;
    showStatus(drawn.arrows + drawn.transit === 0 ? 'No supply or shipping relation with a place on the map for these filters.' : 'Map drawn: click an arrow for its sources, a dot to open it.');
  } catch (error) {
    showError(error);
  }
}

function showView(name) {
  const onMap = name === 'map';
  $('map').hidden = !onMap;
  $('map-summary').hidden = !onMap;
  $('cy').hidden = onMap;
  $('legend').hidden = onMap;
  document.querySelector('.graph-help').hidden = onMap;
  $('view-graph').setAttribute('aria-pressed', String(!onMap));
  $('view-map').setAttribute('aria-pressed', String(onMap));
  if (onMap) {
    $('graph-empty').hidden = true;
    drawMap();
  } else {
    updateEmptyHint();
    graph.resize();
  }
}

function setupViews() {
  $('view-graph').addEventListener('click', () => showView('graph'));
  $('view-map').addEventListener('click', () => showView('map'));
}

// ---------------------------------------------------------------- export, legend, start

const relationsPanel = createRelationsPanel(
  { summary: $('entity-relations-summary'), groups: $('entity-groups'), list: $('entity-relations'), more: $('entity-relations-more') },
  {
    onRelation: (subjectId, predicate, objectId, known) => showEvidence(subjectId, predicate, objectId, known),
    onAddGroup: (entity, group) => expand(entity.id, group),
    onError: (error) => showError(error),
    relationLabel,
  },
);

function setupEntityPanel() {
  $('entity-expand').addEventListener('click', () => {
    if (state.current) expand(state.current.id);
  });
  $('entity-relations-more').addEventListener('click', () => relationsPanel.more());
}

function setupExport() {
  $('export-png').addEventListener('click', () => {
    if (graph.isEmpty()) return showStatus('Nothing to export yet.', true);
    download(graph.png(), 'newsgraph.png');
  });
  $('export-graphml').addEventListener('click', () => {
    if (graph.isEmpty()) return showStatus('Nothing to export yet.', true);
    const { nodes, edges } = graph.elementsForExport();
    download(new Blob([toGraphML(nodes, edges)], { type: 'application/graphml+xml' }), 'newsgraph.graphml');
  });
}

function buildLegend() {
  const legend = $('legend');
  for (const type of ENTITY_TYPES) {
    legend.append(el('li', {}, el('span', { className: `type-dot type-${type}`, attrs: { 'aria-hidden': 'true' } }), type));
  }
}

async function loadStart() {
  try {
    const [top, stats] = await Promise.all([apiGet('top', { limit: 12 }), apiGet('stats')]);
    const list = clear($('top-entities'));
    for (const { entity, count } of top.entities) list.append(entityChip(entity, count));
    $('stats').textContent = `${stats.articles} articles · ${stats.entities} entities · ${stats.edges} relations · ${stats.store} store`;
  } catch (error) {
    showError(error);
  }
}

function setupSearch() {
  const input = $('search-input');
  attachSuggestions(input, (entity) => openEntity(entity.id), showError);
  $('search-form').addEventListener('submit', (event) => event.preventDefault());
}

function start() {
  setupToken();
  setupFilters();
  setupSearch();
  setupPathFinder();
  setupExport();
  setupEntityPanel();
  setupViews();
  buildLegend();
  setupListings(graph.cy);
  updateEmptyHint();
  window.addEventListener('resize', () => graph.resize());
  loadStart();
  // Back/Forward between pushed entries fires popstate, a typed #entity= fires hashchange.
  window.addEventListener('hashchange', followHash);
  window.addEventListener('popstate', followHash);
  followHash();
}

start();

// A handle for the browser console and the end-to-end tests (reading graph state, finding where
// a node is drawn); it exposes nothing the page itself cannot already do.
window.newsgraphExplorer = { cy: graph.cy };
