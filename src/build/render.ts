/** Deck model -> one HTML page per deck. Fence plugin results are spliced in by fence id. */
import type { Env, Token } from 'markdown-it';
import type { FenceResult } from './types';
import type { Course, Deck, Slide } from './model';
import { createMarkdown } from './markdown';
import { highlight } from './highlight';
import { pendingFenceHtml } from './fences';
import { escapeHtml, jsonForScript } from './html';
import type { ParsedFenceInfo } from './fence-options';
import { courseDownloadsSlot, deckDownloadsSlot, landingDownloadsAssets, ogImageSlot } from './export/landing';

export interface RenderEnv extends Env {
  fenceResults: Map<string, FenceResult>;
}

const md = createMarkdown();
md.renderer.rules.fence = (tokens, idx, _options, env) => renderFence(tokens[idx], env as RenderEnv);

function renderFence(t: Token, env: RenderEnv): string {
  const id = t.meta?.aulaFenceId as string | undefined;
  if (id) {
    const result = env.fenceResults?.get(id);
    if (result) return result.html + '\n';
  }
  const info = t.meta?.aulaInfo as ParsedFenceInfo | undefined;
  if (id) return pendingFenceHtml({ lang: info?.lang ?? '', options: info?.options ?? {}, body: t.content }) + '\n';
  const lang = info?.lang ?? t.info.trim().split(/\s+/)[0] ?? '';
  const { html, lang: shown } = highlight(t.content, lang);
  const attrs = t.attrs?.filter(([k]) => k !== 'class').map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`).join('') ?? '';
  const extraClass = t.attrGet('class') as string | null;
  const pre = `<pre class="aula-code${extraClass ? ' ' + escapeHtml(extraClass) : ''}"${attrs}><code class="hljs language-${escapeHtml(shown)}">${html}</code></pre>`;
  const title = info?.options.title;
  if (!title) return pre + '\n';
  return `<figure class="aula-code-figure"><figcaption>${escapeHtml(title)}</figcaption>${pre}</figure>\n`;
}

export function renderTokens(tokens: Token[], env: RenderEnv): string {
  return md.renderer.render(tokens, md.options, env);
}

function renderSlide(deck: Deck, slide: Slide, env: RenderEnv): string {
  const attrs = slide.attrs.map(([k, v]) => ` ${escapeHtml(k)}="${escapeHtml(v)}"`).join('');
  const notes = slide.notesTokens ? `<aside class="notes">${renderTokens(slide.notesTokens, env)}</aside>` : '';
  return `<section data-source="${escapeHtml(deck.file)}:${slide.line}"${attrs}>\n${renderTokens(slide.tokens, env)}${notes}</section>\n`;
}

export function renderSlides(deck: Deck, env: RenderEnv): string {
  return deck.stacks
    .map((stack) => (stack.length === 1 ? renderSlide(deck, stack[0], env) : `<section>\n${stack.map((s) => renderSlide(deck, s, env)).join('')}</section>\n`))
    .join('');
}

/** Inline icon: browsers otherwise ask the server for /favicon.ico (a 404 in the console). */
const FAVICON = `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b4fa8"/><path d="M6 14h4v4H6zm5 0h4v4h-4zm5 0h4v4h-4zm-5-5h4v4h-4zm5 0h4v4h-4z" fill="#fff"/><path d="M4 19h24c-1 5-6 8-12 8S5 24 4 19z" fill="#fff"/></svg>')}">`;

export interface DeckPageAssets {
  css: string[]; // urls relative to the deck page
  deckScript: string;
  config: Record<string, unknown>;
}

export function renderDeckPage(course: Course, deck: Deck, slidesHtml: string, assets: DeckPageAssets): string {
  const title = `${deck.number}. ${deck.meta.title} · ${course.title}`;
  return `<!doctype html>
<html lang="${escapeHtml(deck.meta.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${escapeHtml(deck.meta.summary)}">
<title>${escapeHtml(title)}</title>
${FAVICON}
${ogImageSlot()}
${assets.css.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n')}
</head>
<body>
<nav class="aula-course-nav" aria-label="Navegación del curso"><a class="aula-home" href="../index.html" title="Volver al índice del curso">Índice</a></nav>
<noscript><p class="aula-noscript">Esta presentación necesita JavaScript para pasar de una diapositiva a otra. Actívelo en el navegador, o use la versión en PDF si está disponible.</p></noscript>
<div class="reveal"><div class="slides">
${slidesHtml}</div></div>
<script id="aula-config" type="application/json">${jsonForScript(assets.config)}</script>
<script src="${escapeHtml(assets.deckScript)}"></script>
</body>
</html>
`;
}

export function renderLandingPage(course: Course, css: string[], scripts: string[] = []): string {
  const items = course.decks
    .map((d) => {
      const count = d.stacks.reduce((n, s) => n + s.length, 0);
      return `<li class="section">
<a href="${escapeHtml(d.slug)}/index.html">
<span class="section-number" aria-hidden="true">${String(d.number).padStart(2, '0')}</span>
<span class="section-text">
<span class="section-title">${escapeHtml(d.meta.title)}</span>
${d.meta.subtitle ? `<span class="section-subtitle">${escapeHtml(d.meta.subtitle)}</span>\n` : ''}<span class="section-summary">${escapeHtml(d.meta.summary)}</span>
<span class="section-meta">Sección ${d.number} · ${count} ${count === 1 ? 'diapositiva' : 'diapositivas'}</span>
</span>
</a>
${deckDownloadsSlot(d.slug, d.meta.title)}
</li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(course.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${escapeHtml(course.description)}">
<title>${escapeHtml(course.title)}</title>
${FAVICON}
${ogImageSlot()}
${css.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n')}
</head>
<body class="landing">
<header class="course-header">
<p class="course-kicker">Curso</p>
<h1>${escapeHtml(course.title)}</h1>
${course.description ? `<p class="course-description">${escapeHtml(course.description)}</p>\n` : ''}<p class="course-author">${escapeHtml(course.author)}</p>
</header>
<main>
<h2 class="sections-heading">Secciones</h2>
<ol class="sections">
${items}
</ol>
${courseDownloadsSlot()}
</main>
<footer class="course-footer">
<p>Abra una sección y pulse <kbd>S</kbd> para las notas del ponente, <kbd>O</kbd> para la vista general y <kbd>F</kbd> para pantalla completa. Funciona sin conexión.</p>
</footer>
${scripts.map((src) => `<script src="${escapeHtml(src)}" defer></script>`).join('\n')}
${landingDownloadsAssets()}
</body>
</html>
`;
}
