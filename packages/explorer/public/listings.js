// Sanctions-list listings in the explorer: a badge on listed nodes, the listing details (score and
// reasons) in the entity panel, and a "listed only" filter. Kept in this file so the rest of the
// page only calls setupListings() once and showEntityListings() when an entity opens.
// Everything shown comes from list files and articles: it reaches the page as text only.

import { apiGet, entityPath } from './api.js';
import { clear, el } from './dom.js';

const LISTED_STYLE = [
  { selector: 'node.listed', style: { 'border-width': 4, 'border-color': '#c0392b', 'border-style': 'double', label: (n) => `⚑ ${n.data('name') ?? n.id()}` } },
  { selector: 'node.listed:selected', style: { 'border-color': '#e7298a' } },
  { selector: '.unlisted-hidden', style: { display: 'none' } },
];
/** Ids per /api/listings call (the API takes at most 500). */
const BATCH = 200;

const checked = new Set();
let cyRef = null;
let listedOnly = false;

function applyFilter() {
  if (!cyRef) return;
  cyRef.elements().removeClass('unlisted-hidden');
  if (!listedOnly) return;
  const listed = cyRef.nodes('.listed');
  cyRef.nodes().not(listed).addClass('unlisted-hidden');
  // An edge stays visible only between two listed entities.
  cyRef.edges().filter((e) => !e.source().hasClass('listed') || !e.target().hasClass('listed')).addClass('unlisted-hidden');
}

/** Asks the API which of the graph's new nodes are listed and marks them. */
async function markNodes() {
  const fresh = cyRef.nodes().map((n) => n.id()).filter((id) => !checked.has(id));
  for (let i = 0; i < fresh.length; i += BATCH) {
    const ids = fresh.slice(i, i + BATCH);
    ids.forEach((id) => checked.add(id));
    let body;
    try {
      body = await apiGet('listings', { ids: ids.join(',') });
    } catch {
      // A store without lists (or an old server): no badges, nothing else changes.
      return;
    }
    for (const [id, listings] of Object.entries(body.listings ?? {})) {
      const node = cyRef.getElementById(id);
      if (node.nonempty()) node.addClass('listed').data('listings', listings);
    }
  }
  applyFilter();
}

/** Badges listed nodes as they are added, and adds the "listed only" checkbox to the legend. */
export function setupListings(cy) {
  cyRef = cy;
  let style = cy.style();
  for (const rule of LISTED_STYLE) style = style.selector(rule.selector).style(rule.style);
  style.update();
  let timer = null;
  cy.on('add', 'node', () => {
    clearTimeout(timer);
    timer = setTimeout(markNodes, 50);
  });
  const legend = document.getElementById('legend');
  const box = el('input', { attrs: { type: 'checkbox', id: 'listed-only' }, on: { change: (event) => { listedOnly = event.target.checked; applyFilter(); } } });
  const label = el('label', { className: 'listed-only', attrs: { for: 'listed-only', title: 'Show only entities matched to a sanctions list' } }, box, ' ⚑ listed only');
  // Inside the legend, so it floats over the graph with it (buildLegend runs first).
  legend?.append(el('li', {}, label));
}

function reasons(features) {
  return Object.entries(features ?? {})
    .map(([key, value]) => (value === 1 ? key.replace(/_/g, ' ') : `${key.replace(/_/g, ' ')} ${value}`))
    .join(', ');
}

/** The "On a sanctions list" section of the entity panel: each listing with its score, entry and reasons. */
export async function showEntityListings(id) {
  const panel = document.getElementById('entity-panel');
  if (!panel) return;
  let section = document.getElementById('entity-listings');
  if (!section) {
    section = el('section', { attrs: { id: 'entity-listings', 'aria-label': 'Sanctions listings' } });
    document.getElementById('entity-meta')?.after(section);
  }
  clear(section);
  section.hidden = true;
  let body;
  try {
    body = await apiGet(entityPath(id, '/listings'));
  } catch {
    return;
  }
  if (!body.listings?.length) return;
  section.hidden = false;
  section.append(el('h3', { text: '⚑ On a sanctions list' }));
  const items = el('ul', { className: 'listings' });
  for (const l of body.listings) {
    const e = l.entry;
    items.append(
      el(
        'li',
        {},
        el('strong', { text: `${l.list} ${l.entryId}` }),
        ` · score ${l.score.toFixed(2)} · ${e.name} (${e.type})`,
        e.programs.length ? el('div', { className: 'meta', text: `programs: ${e.programs.join(', ')}${e.listedOn ? ` · listed ${e.listedOn}` : ''}` }) : null,
        el('div', { className: 'meta', text: `matched “${l.matchedName}”: ${reasons(l.features)}` }),
        e.remarks ? el('details', {}, el('summary', { text: 'remarks' }), el('p', { text: e.remarks })) : null,
      ),
    );
  }
  section.append(items);
}
