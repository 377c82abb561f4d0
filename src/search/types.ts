/** The course search index, built at build time and loaded by the browser as a classic script. */

/** Name of the global the index script assigns (`window.AulaSearchIndex = {...}`). */
export const SEARCH_INDEX_GLOBAL = 'AulaSearchIndex';

export interface SearchDeck {
  slug: string;
  title: string;
  /** 1-based section number shown next to results. */
  number: number;
}

export interface SearchEntry {
  /** index into `decks` */
  d: number;
  /** reveal indices: horizontal, vertical */
  h: number;
  v: number;
  /** slide title (first heading), may be empty */
  t: string;
  /** visible text of the slide, headings included, whitespace collapsed */
  x: string;
  /** speaker notes (shown as the explanation in the reading view) */
  n: string;
}

export interface SearchIndex {
  version: 1;
  decks: SearchDeck[];
  entries: SearchEntry[];
}
