/**
 * Markdown section file -> deck model. Splits slides on `---` / `--` lines outside code fences,
 * cuts speaker notes at `Note:`, reads the YAML front matter and keeps the source line of every
 * slide, fence and image so every later error can point at `file:line`.
 */
import { basename } from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import type { Token } from 'markdown-it';
import type { BuildError, FenceBlock } from './types';
import type { Deck, DeckMeta, ImageRef, SectionLink, Slide } from './model';
import { createMarkdown, type SlideEnv } from './markdown';
import { parseFenceInfo } from './fence-options';

const md = createMarkdown();

export const SECTION_FILE = /^(\d+)-([a-z0-9][a-z0-9-]*)\.md$/;
const SECTION_LINK = /^(?:\.\/)?(\d+-[a-z0-9][a-z0-9-]*)\.md(#.*)?$/;
const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})(.*)$/;
const NOTE_START = /^\s*notes?:\s?(.*)$/i;
const FRONT_MATTER_KEYS = ['title', 'summary', 'subtitle', 'lang'];

export interface ParseResult {
  deck: Deck;
  errors: BuildError[];
}

/** Languages whose fences are handed to a module instead of being highlighted. */
export type IsPluginLang = (lang: string) => boolean;

interface RawSlide {
  line: number;
  body: string[];
  notes: string[] | null;
  notesLine: number;
}

/** `file` is relative to the project root (slides/01-x.md). */
export function parseDeck(file: string, source: string, isPluginLang: IsPluginLang): ParseResult {
  const errors: BuildError[] = [];
  const err = (line: number, message: string) => errors.push({ file, line, message });
  const lines = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const name = basename(file);
  const m = SECTION_FILE.exec(name);
  const slug = m ? m[2] : name.replace(/\.md$/, '');
  const number = m ? Number(m[1]) : 0;

  const { meta, bodyStart } = readFrontMatter(lines, err);
  const raw = splitSlides(lines, bodyStart, err);

  const stacks: Slide[][] = [];
  let fenceCount = 0;
  for (const stack of raw) {
    const slides: Slide[] = [];
    for (const r of stack) {
      const env: SlideEnv = { slideAttrs: [] };
      const tokens = md.parse(r.body.join('\n'), env);
      const fences: FenceBlock[] = [];
      const images: ImageRef[] = [];
      const sectionLinks: SectionLink[] = [];
      collect(tokens, r.line, r.body, lines, { file, slug, fences, images, sectionLinks, err, isPluginLang, nextId: () => `${slug}-f${++fenceCount}` });
      const notesTokens = r.notes ? md.parse(r.notes.join('\n'), { slideAttrs: [] } as SlideEnv) : null;
      if (notesTokens) collect(notesTokens, r.notesLine, r.notes!, lines, { file, slug, fences: [], images, sectionLinks, err, isPluginLang: () => false, nextId: () => '' });
      const firstText = r.body.findIndex((l) => l.trim() !== '');
      slides.push({ line: r.line + Math.max(0, firstText), tokens, notesTokens, attrs: env.slideAttrs, fences, images, sectionLinks });
    }
    if (slides.length) stacks.push(slides);
  }
  return { deck: { file, slug, number, meta, stacks }, errors };
}

function readFrontMatter(lines: string[], err: (line: number, message: string) => void): { meta: DeckMeta; bodyStart: number } {
  const meta: DeckMeta = { title: '', summary: '', lang: 'es' };
  if (lines[0]?.trim() !== '---') {
    err(1, 'falta la cabecera YAML al principio del archivo (un bloque entre líneas `---` con `title:` y `summary:`)');
    return { meta, bodyStart: 0 };
  }
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '---' || lines[i].trim() === '...') {
      end = i;
      break;
    }
  }
  if (end < 0) {
    err(1, 'la cabecera YAML no se cierra: falta una línea `---` después de los metadatos');
    return { meta, bodyStart: lines.length };
  }
  const text = lines.slice(1, end).join('\n');
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  // YAML line 1 is file line 2 (after the opening ---)
  const fileLine = (offset: number) => counter.linePos(offset).line + 1;
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const pos = counter.linePos(e.pos[0]);
      let line = pos.line;
      // An unterminated value is only noticed at the start of the next line: point at the value instead.
      if (pos.col === 1 && line > 1) {
        line--;
        while (line > 1 && lines[line].trim() === '') line--;
      }
      err(line + 1, `cabecera YAML no válida: ${yamlProblem(e.code)} (${e.message.split('\n')[0]})`);
    }
    return { meta, bodyStart: end + 1 };
  }
  const contents = doc.contents;
  if (contents == null || (isScalar(contents) && contents.value == null)) {
    err(1, 'la cabecera YAML está vacía: faltan `title` y `summary`');
    return { meta, bodyStart: end + 1 };
  }
  if (!isMap(contents)) {
    err(2, 'la cabecera YAML debe ser una lista de claves (`title: ...`, `summary: ...`)');
    return { meta, bodyStart: end + 1 };
  }
  for (const item of contents.items) {
    const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
    const line = item.key && isScalar(item.key) && item.key.range ? fileLine(item.key.range[0]) : 2;
    const value = isScalar(item.value) ? item.value.value : item.value;
    if (!FRONT_MATTER_KEYS.includes(key)) {
      err(line, `clave desconocida «${key}» en la cabecera YAML (se admiten: ${FRONT_MATTER_KEYS.join(', ')})`);
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      err(line, `la clave «${key}» de la cabecera YAML debe ser un texto no vacío`);
      continue;
    }
    if (key === 'lang' && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value)) {
      err(line, `idioma «${value}» no válido (ejemplo: es, en, es-ES)`);
      continue;
    }
    (meta as unknown as Record<string, string>)[key] = value.trim();
  }
  if (!meta.title) err(1, 'falta `title` en la cabecera YAML');
  if (!meta.summary) err(1, 'falta `summary` en la cabecera YAML');
  return { meta, bodyStart: end + 1 };
}

const YAML_PROBLEMS: Record<string, string> = {
  MISSING_CHAR: 'falta cerrar unas comillas o un corchete',
  BAD_INDENT: 'sangría incorrecta o falta cerrar un corchete',
  DUPLICATE_KEY: 'clave repetida',
  BLOCK_AS_IMPLICIT_KEY: 'un valor con «:» necesita comillas, o la sangría es incorrecta',
  MULTILINE_IMPLICIT_KEY: 'un valor con «:» necesita comillas, o la sangría es incorrecta',
  TAB_AS_INDENT: 'hay un tabulador en la sangría: use espacios',
  UNEXPECTED_TOKEN: 'carácter inesperado',
};

function yamlProblem(code: string): string {
  return YAML_PROBLEMS[code] ?? 'sintaxis incorrecta';
}

/** Slide boundaries and notes, scanning lines and skipping fenced code. */
function splitSlides(lines: string[], start: number, err: (line: number, message: string) => void): RawSlide[][] {
  const stacks: RawSlide[][] = [];
  let stack: RawSlide[] = [];
  let slide: RawSlide = { line: start + 1, body: [], notes: null, notesLine: 0 };
  let fence: { char: string; len: number; line: number } | null = null;
  const finishSlide = () => {
    const empty = slide.body.every((l) => l.trim() === '') && (slide.notes ?? []).every((l) => l.trim() === '');
    if (!empty) stack.push(slide);
  };
  for (let i = start; i < lines.length; i++) {
    const text = lines[i];
    const target = () => (slide.notes ?? slide.body);
    if (fence) {
      const close = new RegExp(`^\\s*${fence.char === '`' ? '`' : '~'}{${fence.len},}\\s*$`);
      if (close.test(text)) fence = null;
      target().push(text);
      continue;
    }
    const open = FENCE_OPEN.exec(text);
    if (open && !(open[2][0] === '`' && open[3].includes('`'))) {
      fence = { char: open[2][0], len: open[2].length, line: i + 1 };
      target().push(text);
      continue;
    }
    const trimmed = text.trim();
    if (trimmed === '---' || trimmed === '--') {
      finishSlide();
      if (trimmed === '---') {
        if (stack.length) stacks.push(stack);
        stack = [];
      }
      slide = { line: i + 2, body: [], notes: null, notesLine: 0 };
      continue;
    }
    if (!slide.notes) {
      const note = NOTE_START.exec(text);
      if (note) {
        slide.notes = [note[1]];
        slide.notesLine = i + 1;
        continue;
      }
    }
    target().push(text);
  }
  if (fence) err(fence.line, `bloque de código sin cerrar: falta una línea «${fence.char.repeat(fence.len)}» que lo termine`);
  finishSlide();
  if (stack.length) stacks.push(stack);
  return stacks;
}

interface CollectCtx {
  file: string;
  slug: string;
  fences: FenceBlock[];
  images: ImageRef[];
  sectionLinks: SectionLink[];
  err: (line: number, message: string) => void;
  isPluginLang: IsPluginLang;
  nextId: () => string;
}

/** Gathers plugin fences and images from a slide's tokens, rewriting image paths for dist/<slug>/. */
function collect(tokens: Token[], firstLine: number, slideLines: string[], fileLines: string[], ctx: CollectCtx): void {
  const lineOf = (t: Token) => firstLine + (t.map ? t.map[0] : 0);
  const visitImage = (src: string, block: Token, set: (s: string) => void) => {
    const line = findLine(src, block, firstLine, slideLines);
    const assetPath = assetPathOf(src);
    ctx.images.push({ src, assetPath, line });
    if (assetPath) set(`../assets/${assetPath}`);
  };
  for (const t of tokens) {
    if (t.type === 'fence') {
      const line = lineOf(t);
      // the info string as written (markdown-it-attrs may have rewritten t.info), also inside lists and quotes
      const written = /(`{3,}|~{3,})(.*)$/.exec(fileLines[line - 1] ?? '');
      const rawInfo = written ? written[2] : t.info;
      const info = parseFenceInfo(rawInfo);
      t.meta = { ...(t.meta ?? {}), aulaLine: line, aulaInfo: info };
      for (const p of info.problems) ctx.err(line, `opciones del bloque \`${info.lang}\`: ${p}`);
      if (ctx.isPluginLang(info.lang)) {
        const id = ctx.nextId();
        t.meta.aulaFenceId = id;
        ctx.fences.push({ lang: info.lang, options: info.options, body: t.content.replace(/\n$/, ''), file: ctx.file, line, deck: ctx.slug, id });
      }
    } else if (t.type === 'inline' && t.children) {
      for (const k of t.children) {
        if (k.type === 'link_open') {
          const href = String(k.attrGet('href') ?? '');
          const m = SECTION_LINK.exec(href);
          if (m) {
            // a section's Markdown file becomes its page; from file:// a folder link would not open index.html
            ctx.sectionLinks.push({ target: `${m[1]}.md`, line: findLine(href, t, firstLine, slideLines) });
            k.attrSet('href', `../${SECTION_FILE.exec(`${m[1]}.md`)![2]}/index.html${m[2] ?? ''}`);
          }
        } else if (k.type === 'image') {
          const src = String(k.attrGet('src') ?? '');
          visitImage(src, t, (s) => k.attrSet('src', s));
        } else if (k.type === 'html_inline') {
          k.content = rewriteHtmlImages(k.content, (src) => {
            let out = src;
            visitImage(src, t, (s) => (out = s));
            return out;
          });
        }
      }
    } else if (t.type === 'html_block') {
      t.content = rewriteHtmlImages(t.content, (src) => {
        let out = src;
        visitImage(src, t, (s) => (out = s));
        return out;
      });
    }
  }
}

function rewriteHtmlImages(html: string, visit: (src: string) => string): string {
  return html.replace(/(<img\b[^>]*?\bsrc\s*=\s*)(["'])([^"']*)\2/gi, (_all, pre: string, q: string, src: string) => `${pre}${q}${visit(src)}${q}`);
}

/** `img/x.svg`, `./img/x.svg` and `assets/img/x.svg` all mean assets/img/x.svg; URLs have no asset. */
export function assetPathOf(src: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//') || src.startsWith('/')) return null;
  let p = src.replace(/^\.\//, '');
  p = p.replace(/^(\.\.\/)*assets\//, '');
  return p.split(/[?#]/)[0];
}

function findLine(needle: string, block: Token, firstLine: number, slideLines: string[]): number {
  if (!block.map) return firstLine;
  const [a, b] = block.map;
  for (let i = a; i < b; i++) if (slideLines[i]?.includes(needle)) return firstLine + i;
  return firstLine + a;
}
