import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDeck } from '../../../src/build/parse';
import { validateDecks } from '../../../src/build/validate';
import { pluginFor } from '../../../src/build/fences';
import { renderSlides } from '../../../src/build/render';
import { formatBuildError } from '../../../src/build/types';
import type { Deck } from '../../../src/build/model';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const FIXTURE_ASSETS = join(FIXTURES, 'course', 'assets');

/** Placeholder plugins only: unit tests never start a browser or a simulator. */
const noPlugins = (lang: string) => pluginFor(lang, []);

/** Parses Markdown given inline; the file name decides the slug. */
export function parse(source: string, file = 'slides/01-prueba.md') {
  return parseDeck(file, source, (l) => noPlugins(l) !== undefined);
}

/** A fixture file through parse and validate, errors formatted as `file:line: message`. */
export function check(rel: string): { deck: Deck; errors: string[] } {
  const file = `tests/fixtures/${rel}`;
  const r = parseDeck(file, readFileSync(join(ROOT, file), 'utf8'), (l) => noPlugins(l) !== undefined);
  const errors = [...r.errors, ...validateDecks([r.deck], FIXTURE_ASSETS, noPlugins)].sort((a, b) => a.line - b.line).map(formatBuildError);
  return { deck: r.deck, errors };
}

export function html(deck: Deck): string {
  return renderSlides(deck, { fenceResults: new Map() });
}

export const fm = (body: string, meta = 'title: Prueba\nsummary: Resumen de prueba') => `---\n${meta}\n---\n${body}`;
