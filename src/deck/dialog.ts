/** The frame the deck's dialogs share: a titled header with a «Cerrar» button. */
export function dialogFrame(opts: { className: string; titleId: string; title: string; onClose: (d: HTMLDialogElement) => void }): { dialog: HTMLDialogElement; header: HTMLElement } {
  const dialog = document.createElement('dialog');
  dialog.className = `aula-dialog ${opts.className}`;
  dialog.setAttribute('aria-labelledby', opts.titleId);
  const header = document.createElement('div');
  header.className = 'aula-dialog-header';
  const title = document.createElement('h2');
  title.id = opts.titleId;
  title.textContent = opts.title;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'aula-dialog-close';
  close.textContent = 'Cerrar';
  close.addEventListener('click', () => opts.onClose(dialog));
  header.append(title, close);
  return { dialog, header };
}
