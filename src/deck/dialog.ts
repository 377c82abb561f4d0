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

/**
 * Opens a dialog modally and, once it closes, gives the focus back to what had it before. The
 * 'close' event comes a task after the dialog shut, so a focus moved on meanwhile (Tab, a click)
 * stays where it went: only a focus left nowhere or still inside the dialog goes back.
 */
export function showModalFrom(dialog: HTMLDialogElement, opener: Element | null = document.activeElement): void {
  dialog.addEventListener('close', () => {
    const now = document.activeElement;
    const lost = !now || now === document.body || dialog.contains(now);
    if (lost && opener instanceof HTMLElement && opener.isConnected) opener.focus();
  }, { once: true });
  dialog.showModal();
}
