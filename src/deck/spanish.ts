/** Spanish labels for the reveal.js controls we show (reveal ships them in English). */
const LABELS: [string, string][] = [
  ['.controls .navigate-left', 'Diapositiva anterior'],
  ['.controls .navigate-right', 'Diapositiva siguiente'],
  ['.controls .navigate-up', 'Diapositiva superior'],
  ['.controls .navigate-down', 'Diapositiva inferior'],
];

function translateSearchBox(input: HTMLInputElement): void {
  input.placeholder = 'Buscar en esta presentación…';
  input.setAttribute('aria-label', 'Buscar en esta presentación');
}

export function translateUi(doc: Document = document): void {
  for (const [selector, label] of LABELS) doc.querySelectorAll(selector).forEach((el) => el.setAttribute('aria-label', label));
  doc.querySelector('.reveal .progress')?.setAttribute('aria-label', 'Progreso de la presentación');
  // the black screen of B (or .): reveal builds it once, at start
  const resume = doc.querySelector('.reveal .pause-overlay .resume-button');
  if (resume) resume.textContent = 'Continuar';
  // reveal's search plugin builds its box the first time it opens (Ctrl+Shift+F)
  const reveal = doc.querySelector<HTMLElement>('.reveal');
  const existing = doc.querySelector<HTMLInputElement>('.reveal .searchbox input');
  if (existing) translateSearchBox(existing);
  else if (reveal) {
    const observer = new MutationObserver(() => {
      const input = reveal.querySelector<HTMLInputElement>(':scope > .searchbox input');
      if (!input) return;
      translateSearchBox(input);
      observer.disconnect();
    });
    observer.observe(reveal, { childList: true });
  }
}
