/** Loads the course index script once (a classic script: works from file://, no fetch). */
import { SEARCH_INDEX_GLOBAL, type SearchIndex } from './types';

let pending: Promise<SearchIndex> | null = null;

function current(): SearchIndex | null {
  const idx = (window as unknown as Record<string, unknown>)[SEARCH_INDEX_GLOBAL] as SearchIndex | undefined;
  return idx && idx.version === 1 && Array.isArray(idx.entries) ? idx : null;
}

export function loadSearchIndex(url: string | undefined): Promise<SearchIndex> {
  const ready = current();
  if (ready) return Promise.resolve(ready);
  if (pending) return pending;
  if (!url) return Promise.reject(new Error('sin índice'));
  pending = new Promise<SearchIndex>((resolve, reject) => {
    const s = document.createElement('script');
    s.src = url;
    s.async = true;
    s.onload = () => {
      const idx = current();
      if (idx) resolve(idx);
      else reject(new Error('índice no válido'));
    };
    s.onerror = () => reject(new Error('no se pudo cargar el índice'));
    document.head.appendChild(s);
  }).catch((e: unknown) => {
    pending = null;
    throw e;
  });
  return pending;
}
