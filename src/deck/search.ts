/**
 * Course-wide search inside a deck: a toolbar button (or Ctrl+K) opens a dialog that searches
 * every deck's titles, text and notes; a result opens the exact slide, in this deck or another.
 */
import { loadSearchIndex } from '../search/load';
import { createSearchPanel, type SearchPanel } from '../search/panel';
import { isTypingTarget, type AulaRuntime } from './reveal-view';
import { ICONS, toolButton } from './toolbar';
import { dialogFrame, showModalFrom } from './dialog';

let dialog: HTMLDialogElement | null = null;
let panel: SearchPanel | null = null;

function build(aula: AulaRuntime): HTMLDialogElement {
  const { dialog: d, header } = dialogFrame({ className: 'aula-search-dialog', titleId: 'aula-search-title', title: 'Buscar en el curso', onClose: (dlg) => dlg.close() });
  panel = createSearchPanel({ fromDeck: true, currentDeck: aula.config.deck, onlyCurrentDeck: !!aula.config.singleFile, label: 'Palabras que buscar' });
  d.append(header, panel.element);
  d.addEventListener('keydown', (e) => {
    e.stopPropagation();
    // One Esc closes, even from a search box (which would otherwise only clear its text)
    if (e.key === 'Escape') {
      e.preventDefault();
      d.close();
    }
  });
  d.addEventListener('click', (e) => {
    if (e.target === d) d.close();
    // A result in this same deck only changes the hash: close so the slide is visible
    if (e.target instanceof Element && e.target.closest('a.aula-search-result')) d.close();
  });
  document.body.appendChild(d);
  loadSearchIndex(aula.config.scripts?.search).then(
    (idx) => panel?.setIndex(idx),
    () => panel?.setError('El índice de búsqueda no está disponible en esta copia del curso.'),
  );
  return d;
}

export function openSearch(aula: AulaRuntime): void {
  dialog ??= build(aula);
  if (dialog.open) return;
  document.querySelectorAll<HTMLDialogElement>('dialog[open]').forEach((other) => other.close());
  showModalFrom(dialog);
  panel?.input.focus();
  panel?.input.select();
}

export function initSearch(aula: AulaRuntime): void {
  const button = toolButton('search', 'Buscar', ICONS.search, 'Buscar en todo el curso (Ctrl+K)');
  button.setAttribute('aria-keyshortcuts', 'Control+K');
  button.setAttribute('aria-haspopup', 'dialog');
  button.addEventListener('click', () => openSearch(aula));
  window.addEventListener(
    'keydown',
    (e) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'k') return;
      // Ctrl+K in a terminal deletes to the end of the line
      if (isTypingTarget(e.target) && !(e.target instanceof Element && e.target.closest('.aula-dialog'))) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      openSearch(aula);
    },
    true,
  );
}
