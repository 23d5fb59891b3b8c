// The entity panel's relations: the same edges as the graph, as a keyboard-reachable list, paged
// for hubs ("Show more"), with one chip per (neighbour type, predicate) group and its count. A
// chip narrows the list to its group; its "+ graph" button adds the group's next page to the
// graph (expand by group).

import { apiGet, entityPath } from './api.js';
import { clear, el } from './dom.js';

export const PANEL_PAGE = 30;

/**
 * elements: { summary, groups, list, more }. handlers: onRelation(subjectId, predicate, objectId,
 * known), onAddGroup(entity, group) → Promise, onError(error), relationLabel(predicate, outgoing).
 */
export function createRelationsPanel(elements, handlers) {
  /** What the list shows: one entity, the filters, an optional group, how far it is paged. */
  let view = null;
  let ticket = 0;

  function groupKey(group) {
    return group ? `${group.type}|${group.predicate}` : '';
  }

  /** Query parameters of the list: the filters, narrowed to the group when one is chosen. */
  function params(v, offset) {
    const narrowed = v.group ? { predicate: [v.group.predicate], type: [v.group.type] } : {};
    return { ...v.filters, ...narrowed, limit: PANEL_PAGE, offset };
  }

  function relationRow(entity, n) {
    const [subjectId, objectId] = n.direction === 'out' ? [entity.id, n.entity.id] : [n.entity.id, entity.id];
    return el(
      'li',
      {},
      el(
        'button',
        {
          className: 'relation',
          attrs: { type: 'button', title: 'Show the sentences behind this relation' },
          on: { click: () => handlers.onRelation(subjectId, n.predicate, objectId, { [entity.id]: entity, [n.entity.id]: n.entity }) },
        },
        el('span', { className: 'predicate', text: handlers.relationLabel(n.predicate, n.direction === 'out') }),
        ' ',
        el('span', { text: n.entity.name }),
        ' ',
        el('span', { className: 'count', text: `${n.articleCount} art.` }),
      ),
    );
  }

  function renderMore() {
    const left = view.total - view.shown;
    elements.more.hidden = left <= 0;
    elements.more.textContent = `Show ${Math.min(PANEL_PAGE, left)} more (${left} left)`;
  }

  function renderGroups(counts) {
    const list = clear(elements.groups);
    // One group is no choice: the chips appear once there is something to narrow.
    elements.groups.hidden = counts.groups.length < 2;
    for (const group of counts.groups) {
      const pressed = groupKey(group) === groupKey(view.group);
      const label = `${group.predicate} · ${group.type}`;
      list.append(
        el(
          'li',
          { className: 'group' },
          el(
            'button',
            {
              className: 'group-toggle',
              attrs: { type: 'button', 'aria-pressed': String(pressed), title: `Only ${label} relations in this list`, 'data-group': groupKey(group) },
              on: { click: () => choose(pressed ? null : group, counts) },
            },
            el('span', { text: label }),
            ' ',
            el('span', { className: 'count', text: String(group.count) }),
          ),
          el('button', {
            className: 'group-add',
            text: '+ graph',
            attrs: { type: 'button', title: `Add the next ${label} neighbours to the graph`, 'data-group': groupKey(group) },
            on: { click: () => handlers.onAddGroup(view.entity, group) },
          }),
        ),
      );
    }
  }

  async function load(v, offset) {
    const mine = ++ticket;
    const body = await apiGet(entityPath(v.entity.id, '/neighbors'), params(v, offset));
    if (mine !== ticket) return null;
    return body;
  }

  async function choose(group, counts) {
    const v = { ...view, group, shown: 0, total: group ? group.count : counts.total };
    try {
      const body = await load(v, 0);
      if (!body) return;
      view = { ...v, total: body.total, shown: body.neighbors.length };
      const list = clear(elements.list);
      for (const n of body.neighbors) list.append(relationRow(v.entity, n));
      renderGroups(counts);
      renderSummary();
      renderMore();
    } catch (error) {
      handlers.onError(error);
    }
  }

  function renderSummary() {
    const narrowed = view.group ? ` · ${view.group.predicate} · ${view.group.type}` : '';
    elements.summary.textContent = `${view.total} relation${view.total === 1 ? '' : 's'}${narrowed}${view.total > view.shown ? `, strongest ${view.shown} listed` : ''}`;
  }

  return {
    /**
     * Shows `entity`'s relations under `filters` (neighbour parameters without limit/offset).
     * Resolves to false when a newer call overtook this one.
     */
    async show(entity, filters) {
      const mine = ++ticket;
      const [counts, body] = await Promise.all([
        apiGet(entityPath(entity.id, '/neighbor-groups'), { predicate: filters.predicate, type: filters.type, since: filters.since, until: filters.until }),
        apiGet(entityPath(entity.id, '/neighbors'), { ...filters, limit: PANEL_PAGE, offset: 0 }),
      ]);
      if (mine !== ticket) return false;
      view = { entity, filters, group: null, total: body.total, shown: body.neighbors.length, counts };
      const list = clear(elements.list);
      if (body.neighbors.length === 0) list.append(el('li', { className: 'meta', text: 'none with the current filters' }));
      for (const n of body.neighbors) list.append(relationRow(entity, n));
      renderGroups(counts);
      renderSummary();
      renderMore();
      return true;
    },
    /** Appends the next page of the list. */
    async more() {
      if (!view || view.shown >= view.total) return;
      try {
        const body = await load(view, view.shown);
        if (!body) return;
        for (const n of body.neighbors) elements.list.append(relationRow(view.entity, n));
        view = { ...view, shown: view.shown + body.neighbors.length, total: body.total };
        renderSummary();
        renderMore();
      } catch (error) {
        handlers.onError(error);
      }
    },
  };
}
