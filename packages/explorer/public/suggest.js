// An entity search box with a suggestion list (ARIA combobox): debounced /api/search, arrow keys
// move focus through the results, Enter picks, Escape closes.

import { apiGet } from './api.js';
import { clear, debounce, el } from './dom.js';

let counter = 0;

/**
 * input: the <input>; onPick(entitySummary) is called with the chosen entity; onError(error).
 * Returns { close() }.
 */
export function attachSuggestions(input, onPick, onError) {
  const listId = `suggest-${++counter}`;
  const list = el('ul', { className: 'suggestions', attrs: { id: listId, role: 'listbox', hidden: true } });
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('autocomplete', 'off');
  let results = [];
  let resultsFor = null;
  /** Set once an entity is picked, until the user types again: a late search must not reopen the list. */
  let picked = false;
  let generation = 0;

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  }

  function pick(entity) {
    picked = true;
    generation += 1;
    input.value = entity.name;
    input.dataset.entityId = entity.id;
    close();
    onPick(entity);
  }

  function options() {
    return [...list.querySelectorAll('[role="option"]')];
  }

  function render() {
    clear(list);
    results.forEach((entity, i) => {
      const option = el(
        'li',
        {
          className: 'suggestion',
          attrs: { role: 'option', tabindex: -1, id: `${listId}-${i}`, 'data-entity-id': entity.id },
          on: {
            click: () => pick(entity),
            keydown: (event) => {
              const all = options();
              const at = all.indexOf(event.currentTarget);
              if (event.key === 'ArrowDown') all[Math.min(at + 1, all.length - 1)]?.focus();
              else if (event.key === 'ArrowUp') (at <= 0 ? input : all[at - 1]).focus();
              else if (event.key === 'Enter' || event.key === ' ') pick(entity);
              else if (event.key === 'Escape') {
                close();
                input.focus();
              } else return;
              event.preventDefault();
            },
          },
        },
        el('span', { className: `type-dot type-${entity.type}`, attrs: { 'aria-hidden': 'true' } }),
        el('span', { className: 'suggestion-name', text: entity.name }),
        el('span', { className: 'suggestion-meta', text: `${entity.type} · ${entity.articleCount} art.` }),
      );
      list.append(option);
    });
    if (results.length === 0) list.append(el('li', { className: 'suggestion empty', text: 'No match', attrs: { 'aria-disabled': 'true' } }));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  /** Results for the input's current text; stale answers (the user typed on) are dropped. */
  async function fetchResults() {
    const q = input.value.trim();
    const mine = ++generation;
    if (!q || picked) {
      close();
      return null;
    }
    const body = await apiGet('search', { q, limit: 10 });
    if (mine !== generation) return null;
    results = body.results;
    resultsFor = q;
    render();
    return results;
  }

  const search = debounce(() => fetchResults().catch(onError), 200);

  input.addEventListener('input', () => {
    picked = false;
    delete input.dataset.entityId;
    search();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && !list.hidden) {
      options()[0]?.focus();
      event.preventDefault();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // Enter before the suggestions caught up with the typing: search now, open the best match.
      const ready = resultsFor === input.value.trim() ? Promise.resolve(results) : fetchResults();
      ready.then((found) => found?.[0] && pick(found[0])).catch(onError);
    } else if (event.key === 'Escape') close();
  });
  document.addEventListener('click', (event) => {
    if (event.target !== input && !list.contains(event.target)) close();
  });
  return { close };
}
