import { button, el } from './dom';

/** The frame the deck's dialogs share: a titled header with a «Cerrar» button. */
export function dialogFrame(opts: { className: string; titleId: string; title: string; onClose: (d: HTMLDialogElement) => void }): { dialog: HTMLDialogElement; header: HTMLElement } {
  const dialog = el('dialog', { className: `aula-dialog ${opts.className}`, attrs: { 'aria-labelledby': opts.titleId } });
  const header = el('div', { className: 'aula-dialog-header' },
    el('h2', { text: opts.title, attrs: { id: opts.titleId } }),
    button({ className: 'aula-dialog-close', text: 'Cerrar' }, () => opts.onClose(dialog)),
  );
  return { dialog, header };
}
