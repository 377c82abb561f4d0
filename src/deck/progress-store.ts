/**
 * Reading progress per deck, kept in localStorage so it survives closing the browser.
 * Shared by the decks (which write it) and the landing page (which shows it and can clear it).
 */

export const PROGRESS_PREFIX = 'aula.progress.';

export type DeckStatus = 'not-started' | 'in-progress' | 'done';

export interface DeckProgress {
  /** last slide seen (reveal indices) */
  h: number;
  v: number;
  /** position of that slide in reading order (0-based) and the deck's slide count */
  index: number;
  total: number;
  /** the last slide was reached at least once */
  done: boolean;
  /** ms since epoch of the last update */
  at: number;
}

export const STATUS_LABEL: Record<DeckStatus, string> = {
  'not-started': 'Sin empezar',
  'in-progress': 'En curso',
  done: 'Terminado',
};

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function valid(p: unknown): p is DeckProgress {
  if (!p || typeof p !== 'object') return false;
  const o = p as Record<string, unknown>;
  const nat = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  return nat(o.h) && nat(o.v) && nat(o.index) && nat(o.total) && typeof o.done === 'boolean' && typeof o.at === 'number';
}

export function readProgress(slug: string): DeckProgress | null {
  const s = storage();
  if (!s) return null;
  let raw: string | null = null;
  try {
    raw = s.getItem(PROGRESS_PREFIX + slug);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const p: unknown = JSON.parse(raw);
    if (valid(p)) return p;
  } catch {
    // fall through: a damaged value is dropped
  }
  try {
    s.removeItem(PROGRESS_PREFIX + slug);
  } catch {
    /* ignore */
  }
  return null;
}

export function writeProgress(slug: string, p: DeckProgress): void {
  try {
    storage()?.setItem(PROGRESS_PREFIX + slug, JSON.stringify(p));
  } catch {
    // full or disabled storage: progress is a convenience, reading goes on
  }
}

export function statusOf(p: DeckProgress | null): DeckStatus {
  if (!p) return 'not-started';
  return p.done ? 'done' : 'in-progress';
}

/** Forgets the reading progress of every deck (other stored data, such as terminals, stays). */
export function clearAllProgress(): number {
  const s = storage();
  if (!s) return 0;
  const keys: string[] = [];
  try {
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k && k.startsWith(PROGRESS_PREFIX)) keys.push(k);
    }
    keys.forEach((k) => s.removeItem(k));
  } catch {
    return 0;
  }
  return keys.length;
}
