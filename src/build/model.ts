/** The deck model the build chain passes along: parse fills it, validate checks it, render prints it. */
import type { Token } from 'markdown-it';
import type { FenceBlock } from './types';

export interface DeckMeta {
  title: string;
  summary: string;
  subtitle?: string;
  lang: string;
}

export interface ImageRef {
  /** as written by the author */
  src: string;
  /** path below assets/ (e.g. img/foo.svg); null for a URL that can never be shipped */
  assetPath: string | null;
  line: number;
}

/** A link to another section written as its Markdown file (`02-imagenes.md#/3`). */
export interface SectionLink {
  /** the section file name, e.g. 02-imagenes.md */
  target: string;
  line: number;
}

export interface Slide {
  /** first line of the slide in its source file (1-based) */
  line: number;
  tokens: Token[];
  notesTokens: Token[] | null;
  /** attributes from `<!-- .slide: ... -->` */
  attrs: [string, string][];
  fences: FenceBlock[];
  images: ImageRef[];
  sectionLinks: SectionLink[];
}

export interface Deck {
  /** path relative to the project root, e.g. slides/01-imagenes.md */
  file: string;
  slug: string;
  number: number;
  meta: DeckMeta;
  /** horizontal slides, each a stack of one or more vertical slides */
  stacks: Slide[][];
}

export interface Course {
  title: string;
  author: string;
  lang: string;
  description: string;
  decks: Deck[];
}
