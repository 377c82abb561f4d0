/**
 * Keyboard help in Spanish, opened with `?` (whatever the keyboard layout puts it on) or F1,
 * in place of reveal's English help. Lists the deck's keys and the terminal's; Esc closes it.
 */
import { isTypingTarget, type AulaRuntime } from './reveal-view';
import { ICONS, toolButton } from './toolbar';
import { dialogFrame, showModalFrom } from './dialog';

type KeyRow = [keys: string[], action: string];

export const DECK_KEYS: KeyRow[] = [
  [['→', 'Espacio', 'N'], 'Siguiente diapositiva o paso'],
  [['←', 'P', 'Mayús + Espacio'], 'Diapositiva o paso anterior'],
  [['↑', '↓'], 'Subir o bajar en una columna de diapositivas'],
  [['Inicio', 'Fin'], 'Primera y última diapositiva'],
  [['Esc', 'O'], 'Vista general de todas las diapositivas'],
  [['G'], 'Ir a una diapositiva por su número'],
  [['S'], 'Vista del presentador, con las notas'],
  [['F'], 'Pantalla completa'],
  [['B', '.'], 'Pausa: pantalla en negro'],
  [['Alt + clic'], 'Ampliar una zona (clic otra vez para volver)'],
  [['R'], 'Cambiar entre modo lectura y modo diapositivas'],
  [['Ctrl + K'], 'Buscar en todo el curso'],
  [['Ctrl + Mayús + F'], 'Buscar en esta presentación'],
  [['?', 'F1'], 'Esta ayuda'],
];

/** Exactly the keys src/terminal understands (console.ts, widget.ts). */
export const TERMINAL_KEYS: KeyRow[] = [
  [['Clic', 'Intro'], 'Entrar en la terminal (sobre ella)'],
  [['Esc'], 'Salir de la terminal y volver a la presentación'],
  [['Ctrl + Intro'], 'Siguiente paso del guion: lo escribe y lo ejecuta'],
  [['→'], 'Al final de la línea: aceptar el paso sugerido (en gris)'],
  [['←', '→', 'Ctrl + B', 'Ctrl + F'], 'Mover el cursor en la línea'],
  [['Ctrl + ←', 'Ctrl + →', 'Alt + B', 'Alt + F'], 'Mover el cursor palabra a palabra'],
  [['Inicio', 'Fin', 'Ctrl + A', 'Ctrl + E'], 'Ir al principio o al final de la línea'],
  [['Retroceso', 'Supr'], 'Borrar antes o después del cursor'],
  [['Alt + Retroceso', 'Ctrl + W'], 'Borrar la palabra anterior (el navegador suele quedarse Ctrl + W para cerrar la pestaña)'],
  [['Ctrl + U', 'Ctrl + K'], 'Borrar hasta el principio o hasta el final de la línea'],
  [['↑', '↓', 'Ctrl + P', 'Ctrl + N'], 'Historial de órdenes'],
  [['Ctrl + R'], 'Buscar en el historial (otra vez Ctrl + R: más atrás; Ctrl + G: cancelar)'],
  [['Tab'], 'Completar órdenes, opciones, imágenes y contenedores (si hay varias, las lista)'],
  [['Ctrl + C'], 'Cancelar la línea, o interrumpir la orden o el programa en curso'],
  [['Ctrl + D'], 'Fin de la entrada: sale de la shell de un contenedor o termina un programa que lee (cat); con texto, borra el carácter del cursor'],
  [['Ctrl + P, Ctrl + Q'], 'Una tras otra: separarse de un contenedor sin pararlo (detach; sigue en marcha)'],
  [['Ctrl + L'], 'Limpiar la pantalla'],
];

let dialog: HTMLDialogElement | null = null;

function section(titleText: string, rows: KeyRow[]): HTMLElement {
  const wrap = document.createElement('section');
  const h = document.createElement('h2');
  h.textContent = titleText;
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const label of ['Teclas', 'Acción']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const [keys, action] of rows) {
    const tr = body.insertRow();
    const k = tr.insertCell();
    keys.forEach((key, i) => {
      if (i > 0) k.append(' ');
      const kbd = document.createElement('kbd');
      kbd.textContent = key;
      k.appendChild(kbd);
    });
    tr.insertCell().textContent = action;
  }
  wrap.append(h, table);
  return wrap;
}

function build(): HTMLDialogElement {
  const { dialog: d, header } = dialogFrame({ className: 'aula-help', titleId: 'aula-help-title', title: 'Atajos de teclado', onClose: () => closeHelp() });
  const content = document.createElement('div');
  content.className = 'aula-help-content';
  const deck = section('En la presentación', DECK_KEYS);
  const term = section('En una terminal', TERMINAL_KEYS);
  // The dialog's title is the only level-2 heading; its parts sit one level below
  for (const s of [deck, term]) {
    const h = s.querySelector('h2')!;
    const h3 = document.createElement('h3');
    h3.textContent = h.textContent;
    h.replaceWith(h3);
  }
  content.append(deck, term);
  d.append(header, content);
  // Keys pressed inside the help never reach reveal (it would change slides behind it)
  d.addEventListener('keydown', (e) => {
    e.stopPropagation();
    // One Esc closes, even from a search box (which would otherwise only clear its text)
    if (e.key === 'Escape') {
      e.preventDefault();
      d.close();
    }
  });
  d.addEventListener('click', (e) => {
    if (e.target === d) closeHelp(); // click on the backdrop
  });
  document.body.appendChild(d);
  return d;
}

export function openHelp(): void {
  dialog ??= build();
  if (dialog.open) return;
  document.querySelectorAll<HTMLDialogElement>('dialog[open]').forEach((other) => other.close());
  showModalFrom(dialog);
  dialog.querySelector<HTMLElement>('.aula-dialog-close')?.focus();
}

export function closeHelp(): void {
  if (dialog?.open) dialog.close();
}

export function initHelpOverlay(aula: AulaRuntime): void {
  const button = toolButton('help', 'Ayuda', ICONS.help, 'Atajos de teclado (?)');
  button.setAttribute('aria-keyshortcuts', '? F1');
  button.setAttribute('aria-haspopup', 'dialog');
  button.addEventListener('click', openHelp);
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key !== '?' && e.key !== 'F1') return;
      if (isTypingTarget(e.target)) return;
      if (dialog?.open) return;
      // Ours replaces reveal's English help
      e.preventDefault();
      e.stopImmediatePropagation();
      if (aula.reveal.isOverlayOpen?.()) return;
      openHelp();
    },
    true,
  );
}
