/**
 * Fence languages owned by their own modules. The build gives each plugin every fence of its
 * language in the whole course at once. A language listed in `PENDING_FENCES` but without a
 * registered plugin renders as a clearly marked placeholder box, never as raw text.
 */
import type { BuildError, FenceBlock, FencePlugin, FenceResult } from './types';
import { escapeHtml } from './html';
import { mermaidPlugin } from './fences/mermaid';
import { terminalPlugin } from './fences/terminal';

/** Registered fence plugins; each module adds itself here with one import and one entry. */
export const fencePlugins: FencePlugin[] = [mermaidPlugin, terminalPlugin];

/** Languages promised to a module, with the options their syntax documents. */
export const PENDING_FENCES: Record<string, { label: string; options: readonly string[]; titleOption: string }> = {
  mermaid: { label: 'Diagrama', options: ['caption', 'alt'], titleOption: 'caption' },
  terminal: { label: 'Terminal interactiva', options: ['title', 'session', 'rows', 'autoplay'], titleOption: 'title' },
};

/** Options an ordinary highlighted code fence accepts. */
export const CODE_FENCE_OPTIONS: readonly string[] = ['title'];

export function placeholderPlugin(lang: string): FencePlugin {
  const pending = PENDING_FENCES[lang];
  return {
    lang,
    options: pending.options,
    async render(fences: FenceBlock[]) {
      const results = new Map<string, FenceResult>();
      for (const f of fences) results.set(f.id, { html: placeholderHtml(f, pending.label, f.options[pending.titleOption]) });
      return { results, errors: [] as BuildError[] };
    },
  };
}

/** A fence of a module language that has no result to show: the marked box, never its raw text. */
export function pendingFenceHtml(f: Pick<FenceBlock, 'lang' | 'options' | 'body'>): string {
  const pending = PENDING_FENCES[f.lang];
  return placeholderHtml(f, pending?.label ?? `Bloque «${f.lang}»`, pending ? f.options[pending.titleOption] : undefined);
}

function placeholderHtml(f: Pick<FenceBlock, 'lang' | 'body'>, label: string, title: string | undefined): string {
  const lines = f.body.split('\n').filter((l) => l.trim() !== '').length;
  return (
    `<div class="aula-placeholder" role="note" data-lang="${escapeHtml(f.lang)}">` +
    `<p class="aula-placeholder-label">${escapeHtml(label)} · en preparación</p>` +
    (title ? `<p class="aula-placeholder-title">${escapeHtml(title)}</p>` : '') +
    `<p class="aula-placeholder-text">Este elemento se mostrará aquí cuando su módulo esté disponible ` +
    `(${lines} ${lines === 1 ? 'línea' : 'líneas'} de contenido).</p>` +
    `</div>`
  );
}

/** The plugin that owns a fence language, if any (registered module first, then placeholder). */
export function pluginFor(lang: string, plugins: FencePlugin[] = fencePlugins): FencePlugin | undefined {
  const own = plugins.find((p) => p.lang === lang);
  if (own) return own;
  if (Object.hasOwn(PENDING_FENCES, lang)) return placeholderPlugin(lang);
  return undefined;
}
