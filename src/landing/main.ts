/**
 * Landing page: a badge per section with the student's progress («Sin empezar», «En curso»,
 * «Terminado»), a button to clear it, and the course search box. Progress lives in this
 * browser only (localStorage), written by the decks.
 */
import { clearAllProgress, readProgress, statusOf, STATUS_LABEL, type DeckStatus } from '../deck/progress-store';
import { loadSearchIndex } from '../search/load';
import { createSearchPanel } from '../search/panel';
import { button, el } from '../deck/dom';

interface LandingConfig {
  scripts?: Record<string, string | undefined>;
}

function readConfig(): LandingConfig {
  const el = document.getElementById('aula-config');
  if (!el?.textContent) return {};
  try {
    return JSON.parse(el.textContent) as LandingConfig;
  } catch {
    return {};
  }
}

/** Each section of the list with the slug of its deck (from `data-deck` or its link). */
export function sectionItems(doc: Document = document): Array<{ item: HTMLElement; slug: string }> {
  const found: Array<{ item: HTMLElement; slug: string }> = [];
  const seen = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll<HTMLAnchorElement>('main a[href]'))) {
    const item = a.closest<HTMLElement>('[data-deck]') ?? a.closest<HTMLElement>('li') ?? a;
    const slug = item.dataset.deck ?? /^(?:\.\/)?([\w-]+)\/(?:index\.html)?(?:[?#].*)?$/.exec(a.getAttribute('href') ?? '')?.[1];
    if (!slug || seen.has(slug) || item.closest('.aula-search')) continue;
    seen.add(slug);
    found.push({ item, slug });
  }
  return found;
}

function renderBadges(): number {
  let started = 0;
  for (const { item, slug } of sectionItems()) {
    const p = readProgress(slug);
    const status: DeckStatus = statusOf(p);
    if (status !== 'not-started') started++;
    let badge = item.querySelector<HTMLElement>('.aula-badge');
    if (!badge) {
      badge = document.createElement('span');
      badge.className = 'aula-badge';
      // Inside the link, so its accessible name says the status too
      const host = item.querySelector('.section-text') ?? item.querySelector('a') ?? item;
      host.appendChild(badge);
    }
    badge.dataset.status = status;
    badge.textContent = STATUS_LABEL[status];
    if (p && status === 'in-progress') {
      badge.title = `Última diapositiva vista: ${p.index + 1} de ${p.total}`;
      badge.textContent = `${STATUS_LABEL[status]} · ${p.index + 1}/${p.total}`;
    } else badge.removeAttribute('title');
  }
  return started;
}

function clearControls(list: Element): void {
  const clear = button({ text: 'Borrar progreso' });
  const confirm = button({ className: 'aula-danger', text: 'Sí, borrar el progreso' });
  const cancel = button({ text: 'Cancelar' });
  const status = el('p', { className: 'aula-clear-status', attrs: { role: 'status' } });
  const box = el('div', { className: 'aula-clear' }, clear, confirm, cancel, status);

  const asking = (on: boolean) => {
    clear.hidden = on;
    confirm.hidden = !on;
    cancel.hidden = !on;
  };
  asking(false);
  clear.addEventListener('click', () => {
    asking(true);
    status.textContent = '¿Borrar el progreso de lectura de todas las secciones en este navegador?';
    confirm.focus();
  });
  cancel.addEventListener('click', () => {
    asking(false);
    status.textContent = '';
    clear.focus();
  });
  confirm.addEventListener('click', () => {
    const n = clearAllProgress();
    renderBadges();
    asking(false);
    status.textContent = n > 0 ? 'Progreso borrado.' : 'No había progreso guardado.';
    clear.focus();
  });
  list.after(box);
}

function searchBox(config: LandingConfig): void {
  const main = document.querySelector('main') ?? document.body;
  const panel = createSearchPanel({ fromDeck: false, label: 'Palabras que buscar en diapositivas y explicaciones' });
  const tools = el('section', { className: 'aula-landing-tools', attrs: { 'aria-labelledby': 'aula-landing-search-title' } },
    el('h2', { className: 'sections-heading', text: 'Buscar en el curso', attrs: { id: 'aula-landing-search-title' } }), panel.element);
  main.prepend(tools);
  const url = config.scripts?.search ?? document.querySelector<HTMLScriptElement>('script[data-search-index]')?.src;
  loadSearchIndex(url).then(
    (idx) => panel.setIndex(idx),
    () => panel.setError('El índice de búsqueda no está disponible en esta copia del curso.'),
  );
}

export function initLanding(): void {
  const config = readConfig();
  renderBadges();
  const list = document.querySelector('main ol, main ul');
  if (list) clearControls(list);
  searchBox(config);
  // Another tab may have advanced a deck: refresh when the student comes back
  window.addEventListener('storage', () => renderBadges());
  window.addEventListener('pageshow', () => renderBadges());
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initLanding);
else initLanding();
