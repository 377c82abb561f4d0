/**
 * The course search index: slide titles, text and notes of every deck, read from the rendered
 * deck HTML (so slide numbers are exactly reveal's) and written as a classic script that assigns
 * a global, because decks opened from file:// cannot fetch a JSON file.
 */
import { createHash } from 'node:crypto';
import { SEARCH_INDEX_GLOBAL, type SearchEntry, type SearchIndex } from '../search/types';

export interface DeckForIndex {
  slug: string;
  title: string;
  /** the deck's rendered slides: the `<section>` elements (a whole page is fine too) */
  html: string;
}

export interface SlideText {
  h: number;
  v: number;
  title: string;
  text: string;
  notes: string;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose content is never searched (drawings, code run by the page). */
const SKIP = new Set(['svg', 'script', 'style', 'template', 'math', 'noscript']);
/** Parts of a slide that are the page's controls, not its content (a terminal's frame repeats the title of its transcript). */
const CHROME_CLASSES = ['aula-terminal', 'aula-transcript-open'];
const INLINE = new Set(['a', 'abbr', 'b', 'code', 'em', 'i', 'kbd', 'mark', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'u', 'var']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', laquo: '«', raquo: '»', hellip: '…', mdash: '—', ndash: '–', iexcl: '¡', iquest: '¿' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : null;
}

function hasClass(tag: string, cls: string): boolean {
  const c = attr(tag, 'class');
  return c !== null && c.split(/\s+/).includes(cls);
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

interface OpenSection {
  leaf: SlideText | null;
  children: number;
}

/**
 * Reads the slides of one deck out of its HTML: a top-level `<section>` holding `<section>`s is a
 * vertical stack. Notes are the `<aside class="notes">`; the title is the slide's first heading.
 */
export function extractSlides(html: string): SlideText[] {
  const slides: SlideText[] = [];
  const sections: OpenSection[] = [];
  // Text goes to the innermost open section; a stack's own text (rare) goes nowhere
  const buf = { text: '', notes: '' };
  let h = -1;
  let v = 0;
  let inNotes = 0;
  let skip = 0;
  /** the element whose content is being skipped (nested ones of the same name are counted) */
  let skipName = '';
  let heading = 0;
  let title = '';
  let current: SlideText | null = null;
  const flush = () => {
    if (!current) return;
    current.text = squash(current.text + ' ' + buf.text);
    current.notes = squash(current.notes + ' ' + buf.notes);
    buf.text = '';
    buf.notes = '';
  };
  const add = (s: string) => {
    if (!current || skip > 0) return;
    if (inNotes > 0) buf.notes += s;
    else {
      buf.text += s;
      if (heading > 0 && !current.title) title += s;
    }
  };

  const re = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (m[0].startsWith('<!--')) continue;
    if (m[4] !== undefined || m[0] === '<') {
      add(decodeEntities(m[0]));
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2].toLowerCase();
    const tag = m[0];
    if (skip > 0) {
      if (name === skipName && !tag.endsWith('/>')) skip += closing ? -1 : 1;
      continue;
    }
    if (name === 'section') {
      if (!closing) {
        const parent = sections[sections.length - 1];
        if (!parent) {
          h++;
          v = 0;
        } else {
          // A section holding sections is a vertical stack, not a slide: its children are (h, 0..)
          if (parent.children === 0 && parent.leaf) slides.splice(slides.indexOf(parent.leaf), 1);
          v = parent.children;
          parent.children++;
        }
        flush();
        current = { h, v, title: '', text: '', notes: '' };
        title = '';
        slides.push(current);
        sections.push({ leaf: current, children: 0 });
      } else {
        flush();
        if (current && !current.title) current.title = squash(title);
        sections.pop();
        const parent = sections[sections.length - 1];
        current = parent ? parent.leaf : null;
        title = '';
      }
      continue;
    }
    if (!closing && (SKIP.has(name) || CHROME_CLASSES.some((c) => hasClass(tag, c)))) {
      if (!tag.endsWith('/>')) {
        skip++;
        skipName = name;
      }
      continue;
    }
    if (SKIP.has(name)) continue;
    if (name === 'aside' && (closing ? inNotes > 0 : hasClass(tag, 'notes'))) {
      inNotes += closing ? -1 : 1;
      add(' ');
      continue;
    }
    if (/^h[1-6]$/.test(name)) {
      if (closing) {
        if (heading > 0) heading--;
        if (current && !current.title && inNotes === 0 && title.trim()) current.title = squash(title);
      } else if (inNotes === 0) heading++;
      add(' ');
      continue;
    }
    if (name === 'img' && !closing) {
      const alt = attr(tag, 'alt');
      if (alt) add(` ${alt} `);
      continue;
    }
    if (!INLINE.has(name) && !VOID.has(name)) add(' ');
    else if (name === 'br') add(' ');
  }
  flush();
  return slides;
}

/** Builds the index for the whole course, decks in course order. */
export function buildSearchIndex(decks: DeckForIndex[]): SearchIndex {
  const entries: SearchEntry[] = [];
  decks.forEach((deck, d) => {
    for (const s of extractSlides(deck.html)) {
      // The title is searched on its own; the text starts after it so snippets do not repeat it
      const x = s.title && s.text.startsWith(s.title) ? s.text.slice(s.title.length).trim() : s.text;
      entries.push({ d, h: s.h, v: s.v, t: s.title, x, n: s.notes });
    }
  });
  return {
    version: 1,
    decks: decks.map((d, i) => ({ slug: d.slug, title: d.title, number: i + 1 })),
    entries,
  };
}

/** The classic script that publishes the index, and its content-hashed file name. */
export function searchIndexScript(index: SearchIndex): { fileName: string; content: string } {
  // `<` escaped so the JSON can never close a script element if the file is ever inlined
  const json = JSON.stringify(index).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  const content = `window.${SEARCH_INDEX_GLOBAL}=${json};\n`;
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 8);
  return { fileName: `search-index.${hash}.js`, content };
}
