/** Spanish labels for the reveal.js controls we show (reveal ships them in English). */
const LABELS: [string, string][] = [
  ['.controls .navigate-left', 'Diapositiva anterior'],
  ['.controls .navigate-right', 'Diapositiva siguiente'],
  ['.controls .navigate-up', 'Diapositiva superior'],
  ['.controls .navigate-down', 'Diapositiva inferior'],
];

export function translateUi(doc: Document = document): void {
  for (const [selector, label] of LABELS) doc.querySelectorAll(selector).forEach((el) => el.setAttribute('aria-label', label));
  const search = doc.querySelector<HTMLInputElement>('.reveal .searchbox input, #searchinput');
  if (search) {
    search.placeholder = 'Buscar…';
    search.setAttribute('aria-label', 'Buscar en la presentación');
  }
  doc.querySelector('.reveal .progress')?.setAttribute('aria-label', 'Progreso de la presentación');
}
