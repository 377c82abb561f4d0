/**
 * Checks that need more than one file at a time or the file system: fence options against the
 * plugin that owns the language, images present under assets/, one deck per slug. Every problem is
 * collected; nothing stops at the first.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Token } from 'markdown-it';
import type { BuildError, FencePlugin } from './types';
import type { Deck } from './model';
import { CODE_FENCE_OPTIONS } from './fences';
import type { ParsedFenceInfo } from './fence-options';

export function validateDecks(decks: Deck[], assetsDir: string, pluginFor: (lang: string) => FencePlugin | undefined): BuildError[] {
  const errors: BuildError[] = [];
  const seen = new Map<string, string>();
  const sectionFiles = new Set(decks.map((d) => d.file.split('/').pop()));
  for (const deck of decks) {
    const err = (line: number, message: string) => errors.push({ file: deck.file, line, message });
    const other = seen.get(deck.slug);
    if (other) err(1, `el nombre «${deck.slug}» ya lo usa ${other}: cada sección necesita un nombre distinto`);
    seen.set(deck.slug, deck.file);
    if (deck.stacks.length === 0) err(1, 'la sección no tiene ninguna diapositiva');
    for (const stack of deck.stacks) {
      for (const slide of stack) {
        for (const t of [...slide.tokens, ...(slide.notesTokens ?? [])]) checkFence(t, pluginFor, err);
        for (const link of slide.sectionLinks) {
          if (!sectionFiles.has(link.target)) err(link.line, `enlace a una sección que no existe: ${link.target}`);
        }
        for (const img of slide.images) {
          if (img.assetPath === null) {
            err(img.line, `imagen «${img.src}» fuera de assets/: el curso debe funcionar sin conexión, copie la imagen en assets/img/`);
            continue;
          }
          const path = join(assetsDir, img.assetPath);
          if (img.assetPath === '' || !existsSync(path) || !statSync(path).isFile()) {
            err(img.line, `imagen no encontrada: assets/${img.assetPath} (escrita como «${img.src}»)`);
          }
        }
      }
    }
  }
  return errors;
}

function checkFence(t: Token, pluginFor: (lang: string) => FencePlugin | undefined, err: (line: number, message: string) => void): void {
  if (t.type !== 'fence' || !t.meta?.aulaInfo) return;
  const info = t.meta.aulaInfo as ParsedFenceInfo;
  const line = t.meta.aulaLine as number;
  const plugin = t.meta.aulaFenceId ? pluginFor(info.lang) : undefined;
  const allowed = plugin ? plugin.options : CODE_FENCE_OPTIONS;
  for (const key of Object.keys(info.options)) {
    if (!allowed.includes(key)) {
      const what = plugin ? `los bloques \`${info.lang}\`` : 'los bloques de código';
      const list = allowed.length ? allowed.join(', ') : 'ninguna';
      err(line, `opción desconocida «${key}» en el bloque \`${info.lang || 'código'}\` (${what} admiten: ${list})`);
    }
  }
}
