/**
 * Searching the course index in the browser: every query word must appear (accent- and
 * case-insensitive) in the slide's title, text or notes or in its section title; results are
 * ranked by where the words were found.
 */
import { fold, isWordStart, queryWords } from './fold';
import type { SearchEntry, SearchIndex } from './types';

/** A piece of a snippet; `hit` pieces are the matched words. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface SearchResult {
  entry: SearchEntry;
  deckSlug: string;
  deckTitle: string;
  deckNumber: number;
  /** the slide's number in its deck, counted flat like the slide counter and the PDF pages (1-based) */
  slide: number;
  score: number;
  /** the slide title, matched words marked */
  title: SnippetPart[];
  /** excerpt of the text or notes around the first match (the title when nothing else matched) */
  snippet: SnippetPart[];
  /** true when the snippet comes from the speaker notes */
  fromNotes: boolean;
}

interface FoldedEntry {
  entry: SearchEntry;
  slide: number;
  t: string;
  x: string;
  n: string;
  deck: string;
}

/** Folded copy of an index, prepared once so each keystroke only scans strings. */
export class Searcher {
  private readonly folded: FoldedEntry[];

  constructor(private readonly index: SearchIndex) {
    const deckTitles = index.decks.map((d) => fold(d.title));
    // every slide of a deck is in the index, in reading order
    const seen = new Map<number, number>();
    this.folded = index.entries.map((entry) => ({
      entry,
      slide: seen.set(entry.d, (seen.get(entry.d) ?? 0) + 1).get(entry.d)!,
      t: fold(entry.t),
      x: fold(entry.x),
      n: fold(entry.n),
      deck: deckTitles[entry.d] ?? '',
    }));
  }

  search(query: string, limit = 30): SearchResult[] {
    const words = queryWords(query);
    if (words.length === 0) return [];
    const results: SearchResult[] = [];
    for (const fe of this.folded) {
      let score = 0;
      let matchedAll = true;
      for (const w of words) {
        const s = scoreWord(fe, w);
        if (s === 0) {
          matchedAll = false;
          break;
        }
        score += s;
      }
      if (!matchedAll) continue;
      const deck = this.index.decks[fe.entry.d];
      const { parts, fromNotes } = snippetFor(fe, words);
      results.push({
        entry: fe.entry,
        deckSlug: deck?.slug ?? '',
        deckTitle: deck?.title ?? '',
        deckNumber: deck?.number ?? 0,
        slide: fe.slide,
        score,
        title: highlight(fe.entry.t, fe.t, words, 0, fe.entry.t.length),
        snippet: parts,
        fromNotes,
      });
    }
    results.sort(
      (a, b) => b.score - a.score || a.entry.d - b.entry.d || a.entry.h - b.entry.h || a.entry.v - b.entry.v,
    );
    return results.slice(0, limit);
  }
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Weight of one word in one field: whole word > word start > inside a word. */
function fieldScore(text: string, word: string, weight: number): number {
  let best = 0;
  let from = 0;
  let count = 0;
  for (;;) {
    const i = text.indexOf(word, from);
    if (i < 0) break;
    count++;
    const start = isWordStart(text, i);
    const end = i + word.length >= text.length || !WORD_CHAR.test(text[i + word.length]);
    const q = start && end ? 3 : start ? 2 : 1;
    if (q > best) best = q;
    from = i + 1;
    // Enough seen to rank: a short query ("x") would otherwise scan every occurrence
    if ((count >= 5 && best === 3) || count >= 12) break;
  }
  if (best === 0) return 0;
  // A few repetitions help a little; a long slide should not beat a precise title
  return weight * best + Math.min(count, 5) * 0.1 * weight;
}

function scoreWord(fe: FoldedEntry, word: string): number {
  return fieldScore(fe.t, word, 10) + fieldScore(fe.x, word, 3) + fieldScore(fe.n, word, 1.5) + fieldScore(fe.deck, word, 1);
}

const SNIPPET_LENGTH = 160;
/** Occurrences looked at per field: enough to find where the words meet. */
const MAX_HITS = 80;

interface Window {
  /** the snippet, and the matched words within it */
  start: number;
  end: number;
  hitStart: number;
  hitEnd: number;
  /** distinct query words inside, then their occurrences */
  words: number;
  hits: number;
}

/** More distinct query words, then more occurrences. */
const richer = (a: Window, b: Window) => a.words > b.words || (a.words === b.words && a.hits > b.hits);

/**
 * The stretch of `folded` (at most SNIPPET_LENGTH long) holding the most distinct query words,
 * then the most occurrences, centred on the words it holds.
 */
function bestWindow(folded: string, words: string[]): Window | null {
  const hits: { at: number; end: number; word: number }[] = [];
  words.forEach((w, word) => {
    for (let i = folded.indexOf(w); i >= 0 && hits.length < MAX_HITS * words.length; i = folded.indexOf(w, i + 1)) hits.push({ at: i, end: i + w.length, word });
  });
  if (hits.length === 0) return null;
  hits.sort((a, b) => a.at - b.at);
  let best: Window | null = null;
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set<number>();
    let last = hits[i].end;
    let n = 0;
    for (let j = i; j < hits.length && hits[j].end - hits[i].at <= SNIPPET_LENGTH; j++) {
      seen.add(hits[j].word);
      last = Math.max(last, hits[j].end);
      n++;
    }
    const here = { start: 0, end: 0, hitStart: hits[i].at, hitEnd: last, words: seen.size, hits: n };
    if (!best || richer(here, best)) best = here;
  }
  const w = best!;
  // Centre the snippet on the words it shows, within the text
  const room = SNIPPET_LENGTH - (w.hitEnd - w.hitStart);
  w.start = Math.max(0, Math.min(w.hitStart - Math.floor(room / 2), folded.length - SNIPPET_LENGTH));
  w.end = Math.min(folded.length, w.start + SNIPPET_LENGTH);
  return w;
}

function snippetFor(fe: FoldedEntry, words: string[]): { parts: SnippetPart[]; fromNotes: boolean } {
  // The slide's text or its notes, whichever shows more of the query (the text when equal)
  let pick: { original: string; notes: boolean; w: Window } | null = null;
  for (const src of [
    { folded: fe.x, original: fe.entry.x, notes: false },
    { folded: fe.n, original: fe.entry.n, notes: true },
  ]) {
    const w = bestWindow(src.folded, words);
    if (w && (!pick || richer(w, pick.w))) pick = { original: src.original, notes: src.notes, w };
  }
  if (pick) {
    const { original, w } = pick;
    // Cut at spaces, never into the matched words
    let start = w.start;
    if (start > 0) {
      const space = original.indexOf(' ', start);
      if (space >= 0 && space < w.hitStart) start = space + 1;
    }
    let end = w.end;
    if (end < original.length) {
      const space = original.lastIndexOf(' ', end);
      if (space >= w.hitEnd) end = space;
    }
    const parts = highlight(original, pick.notes ? fe.n : fe.x, words, start, end);
    if (start > 0) parts.unshift({ text: '… ', hit: false });
    if (end < original.length) parts.push({ text: ' …', hit: false });
    return { parts, fromNotes: pick.notes };
  }
  // Only the title matched: the start of the slide says what it is about
  const text = fe.entry.x || fe.entry.n;
  const cut = text.length > SNIPPET_LENGTH ? text.lastIndexOf(' ', SNIPPET_LENGTH) : text.length;
  const parts: SnippetPart[] = text ? [{ text: text.slice(0, cut > 0 ? cut : SNIPPET_LENGTH), hit: false }] : [];
  if (cut < text.length) parts.push({ text: ' …', hit: false });
  return { parts, fromNotes: !fe.entry.x && !!fe.entry.n };
}

/** Splits original[start, end) into plain and matched parts (folding keeps positions aligned). */
export function highlight(original: string, folded: string, words: string[], start: number, end: number): SnippetPart[] {
  const marks = new Uint8Array(end - start);
  for (const w of words) {
    let from = start;
    for (;;) {
      const i = folded.indexOf(w, from);
      if (i < 0 || i >= end) break;
      for (let k = i; k < Math.min(i + w.length, end); k++) marks[k - start] = 1;
      from = i + 1;
    }
  }
  const parts: SnippetPart[] = [];
  let i = start;
  while (i < end) {
    const hit = marks[i - start] === 1;
    let j = i + 1;
    while (j < end && (marks[j - start] === 1) === hit) j++;
    parts.push({ text: original.slice(i, j), hit });
    i = j;
  }
  return parts;
}

/** Link to a result's slide, relative to a deck page (`fromDeck`) or to the landing page. */
export function slideHref(result: Pick<SearchResult, 'deckSlug' | 'entry'>, fromDeck: boolean): string {
  const prefix = fromDeck ? '../' : '';
  return `${prefix}${result.deckSlug}/index.html#/${result.entry.h}/${result.entry.v}`;
}
