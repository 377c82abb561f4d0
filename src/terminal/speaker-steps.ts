/**
 * The speaker view shows a slide's notes: for a slide with terminals they end with each
 * terminal's script, every step marked done, next or pending, so the teacher sees where the class
 * is and what comes after without looking at the projected screen.
 */
import { escapeHtml } from './screen-model';
import type { Scenario } from './scenario';

/** (the reading view leaves these notes out by this class: scroll-view.ts) */
const CLASS = 'aula-steps-notes';

/** The list for one terminal, `done` of its steps run. Inline styles: it shows in reveal's speaker page. */
export function stepsNotesHtml(scenario: Scenario, done: number): string {
  const title = scenario.title ? `Terminal «${escapeHtml(scenario.title)}»` : 'Terminal';
  const n = scenario.steps.length;
  const items = scenario.steps.map((step, i) => {
    const cmd = `<code>${escapeHtml(step.command)}</code>`;
    if (i < done) return `<li data-state="done" style="color:#555">✓ hecho: ${cmd}</li>`;
    if (i === done) return `<li data-state="next" style="font-weight:700">▶ siguiente: ${cmd}</li>`;
    return `<li data-state="pending">○ pendiente: ${cmd}</li>`;
  });
  const summary = done >= n ? 'guion completado' : `paso ${done + 1} de ${n}`;
  return `<p style="margin:1em 0 .3em"><strong>${title}</strong> · ${summary}</p><ol style="margin:0;padding-left:1.2em;list-style:none">${items.join('')}</ol>`;
}

/**
 * Keeps the steps of the terminal `el` in an `aside.notes` of its slide, and asks reveal's notes
 * plugin to send the notes again when they change on the slide being presented (it only sends
 * them on its own events). Returns what stops it.
 */
export function trackStepsInNotes(el: HTMLElement, scenario: Scenario, done: () => number, watch: (fn: () => void) => () => void): () => void {
  const slide = el.closest('section');
  if (!slide || scenario.steps.length === 0) return () => {};
  const aside = document.createElement('aside');
  aside.className = `notes ${CLASS}`;
  slide.appendChild(aside);
  let shown = -1;
  const update = () => {
    const d = done();
    if (d === shown) return;
    shown = d;
    aside.innerHTML = stepsNotesHtml(scenario, d);
    // reveal's notes plugin sends the notes again on any of the deck events it listens to and has
    // no call for it; `resumed` is borrowed because no code of the course reacts to a real resume
    if (slide.classList.contains('present')) slide.closest('.reveal')?.dispatchEvent(new Event('resumed'));
  };
  update();
  const stop = watch(update);
  return () => {
    stop();
    aside.remove();
  };
}

