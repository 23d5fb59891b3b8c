// newsgraph explorer: search an entity, see its neighbourhood, check every edge against the
// sentences it came from, find how two entities are connected, export what you see.
// All data reaches the page through textContent or validated attributes (see dom.js).

import { adoptTokenFromUrl, apiGet, ApiFailure, entityPath, getToken, setToken } from './api.js';
import { clear, download, el, externalLink, highlight } from './dom.js';
import { createGraphView, TYPE_COLORS } from './graph-view.js';
import { toGraphML } from './graphml.js';
import { attachSuggestions } from './suggest.js';
import { timelineChart } from './timeline.js';
import { setupListings, showEntityListings } from './listings.js';

const PREDICATES = ['VISITED', 'MET_WITH', 'URGED', 'SUPPLIES', 'SHIPPED_VIA', 'SANCTIONS', 'TRADES_WITH', 'HOLDS_ROLE', 'PART_OF', 'LOCATED_IN', 'REPORTED_BY'];
const ENTITY_TYPES = Object.keys(TYPE_COLORS);
/** Relations without a direction (stored with the smaller id as subject). */
const SYMMETRIC = new Set(['MET_WITH', 'TRADES_WITH']);

/** `SUPPLIES →` (the entity is the subject), `← SUPPLIES` (the object), `TRADES_WITH ↔` (no direction). */
function relationLabel(predicate, outgoing) {
  if (SYMMETRIC.has(predicate)) return `${predicate} ↔`;
  return outgoing ? `${predicate} →` : `← ${predicate}`;
}
const NEIGHBOR_LIMIT = 60;

const $ = (id) => document.getElementById(id);

const state = {
  /** Entities whose neighbours are drawn, in the order they were expanded. */
  expanded: [],
  /** Entity shown in the entity panel. */
  current: null,
};

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

function buildChecks(container, values, name) {
  for (const value of values) {
    const id = `${name}-${value}`;
    container.append(
      el(
        'label',
        { attrs: { for: id } },
        el('input', { attrs: { type: 'checkbox', id, value, checked: true } }),
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
    limit: NEIGHBOR_LIMIT,
  };
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
  $('graph-empty').hidden = !graph.isEmpty();
}

async function expand(id) {
  const params = neighborParams();
  if (params.predicate?.length === 0 || params.type?.length === 0) {
    showStatus('Every relation or every entity type is unchecked in Filters: nothing to show.', true);
    return;
  }
  try {
    showStatus('Loading…');
    const body = await apiGet(entityPath(id, '/neighbors'), params);
    if (!state.expanded.includes(id)) state.expanded.push(id);
    graph.addNeighborhood(body.entity, body.neighbors);
    updateEmptyHint();
    const more = body.neighbors.length >= NEIGHBOR_LIMIT ? ` (first ${NEIGHBOR_LIMIT}; narrow with Filters)` : '';
    showStatus(`${body.entity.name}: ${body.neighbors.length} relation${body.neighbors.length === 1 ? '' : 's'}${more}.`);
  } catch (error) {
    showError(error);
  }
}

/** Re-draws every expanded entity with the current filters. */
async function redraw() {
  const ids = [...state.expanded];
  graph.clear();
  state.expanded = [];
  for (const id of ids) await expand(id);
  updateEmptyHint();
}

async function openEntity(id) {
  await expand(id);
  graph.select(id);
  await showEntity(id);
  history.replaceState(null, '', `#entity=${encodeURIComponent(id)}`);
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
  try {
    const [entity, timeline, co, related] = await Promise.all([
      apiGet(entityPath(id)),
      apiGet(entityPath(id, '/timeline')),
      apiGet(entityPath(id, '/comentioned'), { limit: 12 }),
      apiGet(entityPath(id, '/neighbors'), { ...neighborParams(), limit: 30 }).catch(() => ({ neighbors: [] })),
    ]);
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

    // The same relations as the graph's edges, as a list: reachable by keyboard and easy to tap.
    const relations = clear($('entity-relations'));
    if (related.neighbors.length === 0) relations.append(el('li', { className: 'meta', text: 'none with the current filters' }));
    for (const n of related.neighbors) {
      const [subjectId, objectId] = n.direction === 'out' ? [entity.id, n.entity.id] : [n.entity.id, entity.id];
      relations.append(
        el(
          'li',
          {},
          el(
            'button',
            {
              className: 'relation',
              attrs: { type: 'button', title: 'Show the sentences behind this relation' },
              on: { click: () => showEvidence(subjectId, n.predicate, objectId, { [entity.id]: entity, [n.entity.id]: n.entity }) },
            },
            el('span', { className: 'predicate', text: relationLabel(n.predicate, n.direction === 'out') }),
            ' ',
            el('span', { text: n.entity.name }),
            ' ',
            el('span', { className: 'count', text: `${n.articleCount} art.` }),
          ),
        ),
      );
    }

    clear($('entity-timeline')).append(timelineChart(timeline.points));

    const chips = clear($('entity-comentioned'));
    if (co.entities.length === 0) chips.append(el('li', { className: 'meta', text: 'nobody yet' }));
    for (const { entity: other, count } of co.entities) chips.append(entityChip(other, count));
  } catch (error) {
    showError(error);
  }
}

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
    text.append(highlight(article.text, [record.sentence]));
    container.append(text);
  } catch (error) {
    showError(error);
  }
}

/** known: optional { [entityId]: { name, aliases } } for entities not drawn in the graph. */
async function showEvidence(subjectId, predicate, objectId, known) {
  const panel = $('evidence-panel');
  const list = clear($('evidence-list'));
  const subject = (graph.nodeData(subjectId) ?? known?.[subjectId])?.name ?? subjectId;
  const object = (graph.nodeData(objectId) ?? known?.[objectId])?.name ?? objectId;
  const title = clear($('evidence-edge'));
  title.append(el('strong', { text: subject }), ' ', el('span', { className: 'predicate', text: predicate }), ' ', el('strong', { text: object }));
  panel.hidden = false;
  try {
    const { evidence } = await apiGet('evidence', { subject: subjectId, predicate, object: objectId, limit: 50 });
    const terms = [...namesOf(subjectId, known), ...namesOf(objectId, known)];
    if (evidence.length === 0) list.append(el('li', { className: 'meta', text: 'No sentence recorded for this relation.' }));
    for (const record of evidence) {
      const details = el('div', { className: 'article-details' });
      const toggle = el('button', {
        className: 'link-button',
        text: 'article details',
        attrs: { type: 'button', 'aria-expanded': 'false' },
        on: { click: () => toggleArticle(record, details, toggle) },
      });
      const date = record.article.publishedAt ? String(record.article.publishedAt).slice(0, 10) : 'undated';
      list.append(
        el(
          'li',
          { className: 'evidence' },
          el('p', { className: 'sentence' }, highlight(record.sentence, terms)),
          el(
            'p',
            { className: 'source' },
            externalLink(record.article.url, record.article.title || record.article.url),
            // The outlet entity (REPORTED_BY) names the outlet of local files that carry no outlet field.
            ` · ${record.article.outlet ?? record.article.outletEntity?.name ?? 'unknown outlet'} · ${date} · rule ${record.rule} · confidence ${Number(record.confidence).toFixed(2)}${record.modality && record.modality !== 'asserted' ? ` · ${record.modality}` : ''} · `,
            toggle,
          ),
          details,
        ),
      );
    }
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
      const { paths } = await apiGet('paths', { from: fromId, to: toId, maxHops: $('path-hops').value, limit: 3 });
      if (paths.length === 0) {
        out.append(el('li', { className: 'meta', text: `No connection within ${$('path-hops').value} hops.` }));
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

// ---------------------------------------------------------------- export, legend, start

function setupEntityPanel() {
  $('entity-expand').addEventListener('click', () => {
    if (state.current) expand(state.current.id);
  });
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
  buildLegend();
  setupListings(graph.cy);
  updateEmptyHint();
  window.addEventListener('resize', () => graph.resize());
  loadStart();
  const match = /^#entity=(.+)$/.exec(window.location.hash);
  if (match) openEntity(decodeURIComponent(match[1]));
}

start();

// A handle for the browser console and the end-to-end tests (reading graph state, finding where
// a node is drawn); it exposes nothing the page itself cannot already do.
window.newsgraphExplorer = { cy: graph.cy };
