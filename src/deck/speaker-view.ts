/**
 * reveal's speaker view is a page the notes plugin writes into a popup with document.write, in
 * English. We translate that page's text on its way in, and mark the slide previews it embeds
 * (the deck reopened with `?receiver`) so our own buttons stay out of them.
 */
const NOTES_WINDOW = 'reveal.js - Notes';

const SPANISH: [string, string][] = [
  ['<html lang="en">', '<html lang="es">'],
  ['<title>reveal.js - Speaker View</title>', '<title>Vista del ponente</title>'],
  ['Loading speaker view...', 'Cargando la vista del ponente…'],
  ['<span class="overlay-element label">Upcoming</span>', '<span class="overlay-element label">Siguiente</span>'],
  ['Time <span class="reset-button">Click to Reset</span>', 'Tiempo <span class="reset-button">Clic para reiniciar</span>'],
  ['Pacing – Time to finish current slide', 'Ritmo: tiempo para terminar esta diapositiva'],
  ['<h4 class="label">Notes</h4>', '<h4 class="label">Notas</h4>'],
  ["'default': 'Default'", "'default': 'Normal'"],
  ["'wide': 'Wide'", "'wide': 'Ancha'"],
  ["'tall': 'Tall'", "'tall': 'Alta'"],
  ["'notes-only': 'Notes only'", "'notes-only': 'Solo notas'"],
  ["'Layout' + (", "'Disposición' + ("],
  ["toLocaleTimeString( 'en-US', { hour12: true,", "toLocaleTimeString( 'es-ES', { hour12: false,"],
  ['Cross origin error.<br>The speaker window can only be opened from the same origin.', 'La vista del ponente solo se puede abrir desde la misma presentación.'],
  ['Error connecting to main window.<br>Please try closing and reopening the speaker view.', 'No se pudo conectar con la presentación.<br>Cierre la vista del ponente y vuelva a abrirla (tecla S).'],
];

export function translateSpeakerPage(html: string): string {
  let out = html;
  for (const [en, es] of SPANISH) out = out.split(en).join(es);
  return out;
}

export function isReceiver(): boolean {
  return /[?&]receiver(?:[=&]|$)/.test(location.search);
}

/** Call before reveal initialises its notes plugin. */
export function installSpanishSpeakerView(): void {
  if (isReceiver()) document.documentElement.classList.add('aula-receiver');
  const open = window.open;
  window.open = function (this: Window, ...args: Parameters<typeof window.open>) {
    const win = open.apply(this, args);
    if (win && args[1] === NOTES_WINDOW) {
      try {
        const doc = win.document;
        const write = doc.write.bind(doc);
        doc.write = (...parts: string[]) => write(...parts.map(translateSpeakerPage));
      } catch {
        // a window we cannot reach keeps reveal's English text
      }
    }
    return win;
  } as typeof window.open;
}
