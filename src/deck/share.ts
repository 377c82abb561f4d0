/**
 * «Compartir» in the deck's toolbar: copies the address of the slide on screen (reveal keeps the
 * slide in the hash, `#/3/1`), so a student can send a classmate straight to it.
 */
import { toolButton } from './toolbar';

const LINK_ICON = 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1';

let status: HTMLElement | null = null;
let timer = 0;

function announce(text: string): void {
  if (!status || !status.isConnected) {
    status = document.createElement('div');
    status.className = 'aula-share-status';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    // Styled here so the notice needs nothing from the theme.
    Object.assign(status.style, {
      position: 'fixed',
      left: '50%',
      bottom: '3rem',
      transform: 'translateX(-50%)',
      background: '#111',
      color: '#fff',
      padding: '.6rem 1.2rem',
      borderRadius: '6px',
      font: '20px/1.3 system-ui, sans-serif',
      zIndex: '100',
      pointerEvents: 'none',
      transition: 'opacity .2s',
      opacity: '0',
    });
    document.body.appendChild(status);
  }
  status.textContent = text;
  status.style.opacity = '1';
  window.clearTimeout(timer);
  timer = window.setTimeout(() => {
    if (status) status.style.opacity = '0';
  }, 2500);
}

/** The clipboard API needs a secure context; a hidden selection covers the rest (old browsers, some file:// pages). */
function copyBySelection(text: string): boolean {
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}

export async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // permission refused: try the selection below
    }
  }
  return copyBySelection(text);
}

/** The address to share: the page with the current slide in the hash. */
export function shareUrl(loc: Location = location): string {
  return loc.href;
}

export function initShare(): HTMLButtonElement {
  const button = toolButton('share', 'Compartir', LINK_ICON, 'Copiar el enlace a esta diapositiva');
  button.setAttribute('aria-label', 'Compartir: copiar el enlace a esta diapositiva');
  button.addEventListener('click', async () => {
    const url = shareUrl();
    if (await copyText(url)) announce('Enlace a esta diapositiva copiado');
    else window.prompt('Copie este enlace:', url);
  });
  return button;
}
