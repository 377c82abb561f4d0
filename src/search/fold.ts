/**
 * Accent- and case-insensitive text folding for the course search: «Imágenes» and «imagenes»
 * fold to the same string. Each character folds to exactly one character, so a position in the
 * folded text is also a position in the original (used to highlight matches in snippets).
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

function foldChar(ch: string): string {
  const base = ch.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
  // Characters whose lower case or decomposition is not a single UTF-16 unit keep their lower case
  return base.length === 1 ? base : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
}

const cache = new Map<string, string>();

/** Folds one string: lower case, accents and diacritics removed (ñ → n, ü → u), same length. */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (code < 128) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
      continue;
    }
    let f = cache.get(ch);
    if (f === undefined) {
      f = foldChar(ch);
      cache.set(ch, f);
    }
    out += f;
  }
  return out;
}

/** Splits folded text into the words a query is made of (letters and digits, plus - . _ / : inside). */
export function queryWords(query: string): string[] {
  const words = fold(query).match(/[\p{L}\p{N}]+(?:[-._/:][\p{L}\p{N}]+)*/gu) ?? [];
  return [...new Set(words)];
}

/** True when the character at `i` starts a word (start of text or after a non letter/digit). */
export function isWordStart(folded: string, i: number): boolean {
  if (i === 0) return true;
  return !/[\p{L}\p{N}]/u.test(folded[i - 1]);
}
