/**
 * The course search box and its result list, used inside decks (in a dialog) and on the landing
 * page. Results are links to the exact slide; the number of results is announced politely.
 */
import { Searcher, slideHref, type SearchResult, type SnippetPart } from './query';
import type { SearchIndex } from './types';

export interface SearchPanel {
  element: HTMLElement;
  input: HTMLInputElement;
  setIndex(index: SearchIndex): void;
  setError(message: string): void;
}

let uid = 0;

export function createSearchPanel(opts: {
  fromDeck: boolean;
  currentDeck?: string;
  /** the page holds only its own deck (the one-file export): results elsewhere cannot be opened */
  onlyCurrentDeck?: boolean;
  label: string;
}): SearchPanel {
  const id = `aula-search-${++uid}`;
  const el = document.createElement('div');
  el.className = 'aula-search';

  const form = document.createElement('form');
  form.className = 'aula-search-form';
  form.setAttribute('role', 'search');
  const label = document.createElement('label');
  label.htmlFor = `${id}-q`;
  label.className = 'aula-search-label';
  label.textContent = opts.label;
  const input = document.createElement('input');
  input.type = 'search';
  input.id = `${id}-q`;
  input.name = 'q';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.placeholder = 'Por ejemplo: imágenes, capas, docker run';
  input.setAttribute('aria-describedby', `${id}-status`);
  input.setAttribute('aria-controls', `${id}-results`);
  form.append(label, input);

  const status = document.createElement('p');
  status.id = `${id}-status`;
  status.className = 'aula-search-status';
  status.setAttribute('role', 'status');

  const list = document.createElement('ol');
  list.id = `${id}-results`;
  list.className = 'aula-search-results';
  list.setAttribute('aria-label', 'Resultados');

  el.append(form, status, list);

  let searcher: Searcher | null = null;
  let error = '';
  let timer = 0;

  const render = () => {
    list.replaceChildren();
    const q = input.value.trim();
    el.dataset.query = '';
    if (error) {
      status.textContent = error;
      return;
    }
    if (!q) {
      status.textContent = '';
      return;
    }
    if (!searcher) {
      status.textContent = 'Cargando el índice…';
      return;
    }
    const results = searcher.search(q, 40);
    status.textContent =
      results.length === 0 ? `Nada encontrado para «${q}».` : results.length === 1 ? '1 resultado.' : `${results.length} resultados.`;
    for (const r of results) list.appendChild(resultItem(r, opts.fromDeck, opts.currentDeck, opts.onlyCurrentDeck));
    // Which query the list shows (typing runs ahead of the list by a few milliseconds)
    el.dataset.query = q;
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(render, 60);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    render();
    list.querySelector<HTMLAnchorElement>('a')?.click();
  });
  // ↓ from the box goes to the results, ↑/↓ move between them
  el.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = Array.from(list.querySelectorAll<HTMLAnchorElement>('a'));
    if (links.length === 0) return;
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.target === input && e.key === 'ArrowDown') links[0].focus();
    else if (i >= 0) {
      const next = e.key === 'ArrowDown' ? links[i + 1] : i === 0 ? input : links[i - 1];
      next?.focus();
    } else return;
    e.preventDefault();
  });

  return {
    element: el,
    input,
    setIndex(index) {
      searcher = new Searcher(index);
      error = '';
      render();
    },
    setError(message) {
      error = message;
      render();
    },
  };
}

function resultItem(r: SearchResult, fromDeck: boolean, currentDeck?: string, onlyCurrentDeck = false): HTMLLIElement {
  const li = document.createElement('li');
  const here = fromDeck && r.deckSlug === currentDeck;
  // Another section, absent from this file: shown for what it says, but not as a link
  const away = onlyCurrentDeck && !here;
  const a = document.createElement(away ? 'div' : 'a');
  a.className = away ? 'aula-search-result is-unavailable' : 'aula-search-result';
  if (away) a.setAttribute('aria-disabled', 'true');
  else (a as HTMLAnchorElement).href = here ? `#/${r.entry.h}/${r.entry.v}` : slideHref(r, fromDeck);
  a.dataset.deck = r.deckSlug;
  a.dataset.h = String(r.entry.h);
  a.dataset.v = String(r.entry.v);
  const where = document.createElement('span');
  where.className = 'aula-search-where';
  where.textContent = `${r.deckNumber}. ${r.deckTitle} · diapositiva ${r.slide}`;
  const title = document.createElement('span');
  title.className = 'aula-search-title';
  if (r.entry.t) appendParts(title, r.title);
  else title.textContent = 'Sin título';
  const snippet = document.createElement('span');
  snippet.className = 'aula-search-snippet';
  if (r.fromNotes) {
    const tag = document.createElement('span');
    tag.className = 'aula-search-tag';
    tag.textContent = 'En la explicación: ';
    snippet.appendChild(tag);
  }
  appendParts(snippet, r.snippet);
  a.append(where, title, snippet);
  if (away) {
    const note = document.createElement('span');
    note.className = 'aula-search-unavailable';
    note.textContent = 'En otra sección: no está en este archivo, ábrela desde el curso completo.';
    a.appendChild(note);
  }
  li.appendChild(a);
  return li;
}

function appendParts(el: HTMLElement, parts: SnippetPart[]): void {
  for (const part of parts) {
    if (part.hit) {
      const m = document.createElement('mark');
      m.textContent = part.text;
      el.appendChild(m);
    } else el.append(part.text);
  }
}
