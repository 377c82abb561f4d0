/** The page-wide contract between the deck runtime and code loaded later (terminals, diagrams, search). */
import type Reveal from 'reveal.js';

export type RevealApi = typeof Reveal;

/** Contents of `<script id="aula-config" type="application/json">` in every deck page. */
export interface AulaConfig {
  deck: string;
  title: string;
  number?: number;
  course?: string;
  lang?: string;
  needs?: string[];
  /** lazily loaded classic scripts, urls relative to the page (e.g. `terminal`, `mermaid`, `search`) */
  scripts: Record<string, string>;
  /** stylesheets that go with those scripts, by the same name */
  styles?: Record<string, string>;
  /** set by the one-file HTML export: the page travels without the rest of the site */
  singleFile?: boolean;
}

/** Attaches behaviour to elements below `root` (the `.reveal .slides` element); must skip elements already mounted. */
export type MountFn = (root: HTMLElement) => void;

export interface AulaApi {
  reveal: RevealApi;
  config: AulaConfig;
  registerMount(name: string, fn: MountFn): void;
  remount(): void;
}

declare global {
  interface Window {
    Aula?: AulaApi;
  }
}
