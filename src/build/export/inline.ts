/**
 * Turns a built deck page into one self-contained HTML file: stylesheets, scripts, fonts, images and
 * the lazily loaded scripts named in `aula-config` all travel inside it, so the file works from an
 * e-mail attachment or a USB stick with no network and no sibling files.
 */
import { dirname, resolve } from 'node:path';
import { mimeOf } from '../mime';

export type ReadAsset = (absPath: string) => Buffer | null;

export interface InlineResult {
  html: string;
  /** local references that could not be resolved (the file would need them) */
  missing: string[];
}

/** A reference the single file must carry itself (not a data:, remote, or in-page URL). */
export function isLocalRef(url: string): boolean {
  const u = url.trim();
  if (u === '' || u.startsWith('#')) return false;
  return !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(u);
}

function stripQuery(url: string): string {
  return url.replace(/[?#].*$/, '');
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|quot|#39|lt|gt);/g, (_, e: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[e] ?? _);
}

function dataUrl(path: string, bytes: Buffer): string {
  return `data:${mimeOf(path)};base64,${bytes.toString('base64')}`;
}

interface Attr {
  name: string;
  value: string | null;
}

function parseAttrs(s: string): Attr[] {
  const out: Attr[] = [];
  const re = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const raw = m[2] ?? m[3] ?? m[4];
    out.push({ name: m[1].toLowerCase(), value: raw === undefined ? null : decodeEntities(raw) });
  }
  return out;
}

function attrString(attrs: Attr[]): string {
  return attrs
    .map((a) => (a.value === null ? ` ${a.name}` : ` ${a.name}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`))
    .join('');
}

function get(attrs: Attr[], name: string): string | null {
  return attrs.find((a) => a.name === name)?.value ?? null;
}

/** Text that is safe inside a <script> element (no early `</script`, no `<!--` escape state). */
export function scriptText(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\u0021--');
}

export function styleText(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

/**
 * Fonts listed as woff2 and then older formats: every browser that runs the deck reads woff2, so
 * the single file carries that one only instead of each font twice.
 */
export function woff2Only(css: string): string {
  return css.replace(/(@font-face\s*\{[^}]*?\bsrc\s*:\s*)([^;}]+)/g, (all, head: string, list: string) => {
    const entries = list.split(/,(?![^(]*\))/).map((e) => e.trim());
    if (!entries.some((e) => /\.woff2\b|format\(\s*["']?woff2/i.test(e))) return all;
    const kept = entries.filter((e) => /^local\(/i.test(e) || /\.woff2\b|format\(\s*["']?woff2/i.test(e));
    return head + kept.join(',');
  });
}

export class Inliner {
  readonly missing = new Set<string>();

  constructor(private readonly read: ReadAsset) {}

  private load(baseDir: string, url: string): { path: string; bytes: Buffer } | null {
    const path = resolve(baseDir, decodeURIComponent(stripQuery(url)));
    const bytes = this.read(path);
    if (!bytes) {
      this.missing.add(path);
      return null;
    }
    return { path, bytes };
  }

  /** CSS with every url() and @import turned into inline data. */
  css(css: string, baseDir: string, depth = 0): string {
    const withImports = woff2Only(css).replace(/@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1\s*\)?\s*([^;]*);/g, (all, _q, url: string, media: string) => {
      if (!isLocalRef(url) || depth > 8) return all;
      const got = this.load(baseDir, url);
      if (!got) return all;
      const inner = this.css(got.bytes.toString('utf8'), dirname(got.path), depth + 1);
      return media.trim() ? `@media ${media.trim()}{${inner}}` : inner;
    });
    return withImports.replace(/url\(\s*(["']?)([^"')]+?)\1\s*\)/g, (all, _q, url: string) => {
      if (!isLocalRef(url)) return all;
      const got = this.load(baseDir, url);
      if (!got) return all;
      if (mimeOf(got.path) === 'text/css') return all;
      return `url("${dataUrl(got.path, got.bytes)}")`;
    });
  }

  asset(baseDir: string, url: string): string {
    if (!isLocalRef(url)) return url;
    const got = this.load(baseDir, url);
    return got ? dataUrl(got.path, got.bytes) : url;
  }

  script(baseDir: string, url: string): string | null {
    const got = this.load(baseDir, url);
    return got ? got.bytes.toString('utf8') : null;
  }
}

/**
 * The scripts a deck loads later (terminal, mermaid fallback, search) travel as inert text blocks
 * after `aula-config`, and a small script turns each into an in-memory `blob:` URL before the deck
 * runtime reads its config: the runtime loads them exactly as before, nothing is fetched from disk,
 * and no script needs a `data:` URL long enough to hit a browser's URL length limit.
 * Their styles are small and go as `data:` URLs.
 */
function inlineConfig(json: string, baseDir: string, inliner: Inliner): { json: string; blocks: string } {
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return { json, blocks: '' };
  }
  const blocks: string[] = [];
  const scripts = config.scripts;
  if (scripts && typeof scripts === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, url] of Object.entries(scripts as Record<string, unknown>)) {
      const code = typeof url === 'string' && isLocalRef(url) ? inliner.script(baseDir, url) : null;
      if (code === null) {
        out[name] = url;
        continue;
      }
      out[name] = `${INLINE_PREFIX}${name}`;
      blocks.push(`<script type="text/plain" data-aula-inline="${name.replace(/[^\w-]/g, '')}">${scriptText(code)}</script>`);
    }
    config.scripts = out;
  }
  const styles = config.styles;
  if (styles && typeof styles === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, url] of Object.entries(styles as Record<string, unknown>)) {
      const css = typeof url === 'string' && isLocalRef(url) ? inliner.script(baseDir, url) : null;
      out[name] = css === null ? url : `data:text/css;base64,${Buffer.from(inliner.css(css, dirname(resolve(baseDir, stripQuery(url as string))))).toString('base64')}`;
    }
    config.styles = out;
  }
  config.singleFile = true;
  if (blocks.length) blocks.push(`<script>${INLINE_LOADER}</script>`);
  return { json: JSON.stringify(config).replace(/</g, '\\u003c'), blocks: blocks.join('') };
}

export const INLINE_PREFIX = 'aula-inline:';

/** Runs before the deck runtime: inline script blocks become blob: URLs in `aula-config` (data: where Blob is missing). */
const INLINE_LOADER = `(function(){var c=document.getElementById('aula-config');if(!c)return;var cfg;try{cfg=JSON.parse(c.textContent)}catch(e){return}
var s=cfg.scripts||{};for(var k in s){var v=s[k];if(typeof v!=='string'||v.indexOf('${INLINE_PREFIX}')!==0)continue;
var el=document.querySelector('script[data-aula-inline="'+v.slice(${INLINE_PREFIX.length})+'"]');if(!el)continue;var t=el.textContent;
try{s[k]=URL.createObjectURL(new Blob([t],{type:'text/javascript'}))}catch(e){s[k]='data:text/javascript;charset=utf-8,'+encodeURIComponent(t)}}
c.textContent=JSON.stringify(cfg)})();`;

/** Inlines everything `html` (a page at `htmlPath`) refers to. */
export function inlinePage(html: string, htmlPath: string, read: ReadAsset): InlineResult {
  const baseDir = dirname(htmlPath);
  const inliner = new Inliner(read);
  const deferred: string[] = [];

  // Script and style bodies are set aside first: code that mentions `<img src=...>` is not markup.
  const held: string[] = [];
  const hold = (text: string) => `\u0000aula-held-${held.push(text) - 1}\u0000`;
  let out = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi, (all, rawAttrs: string, body: string) => {
    const attrs = parseAttrs(rawAttrs);
    const src = get(attrs, 'src');
    if (get(attrs, 'id') === 'aula-config') {
      const { json, blocks } = inlineConfig(body, baseDir, inliner);
      return hold(`<script${rawAttrs}>${json}</script>${blocks}`);
    }
    if (!src || !isLocalRef(src)) return hold(all);
    const code = inliner.script(baseDir, src);
    if (code === null) return hold(all);
    const kept = attrs.filter((a) => !['src', 'defer', 'async', 'integrity', 'crossorigin'].includes(a.name));
    const tag = hold(`<script${attrString(kept)}>${scriptText(code)}</script>`);
    // An inline script ignores `defer`: running it after the document keeps the original order.
    if (get(attrs, 'defer') !== null || attrs.some((a) => a.name === 'defer')) {
      deferred.push(tag);
      return '';
    }
    return tag;
  });

  out = out.replace(/<link\b([^>]*)>/gi, (all, rawAttrs: string) => {
    const attrs = parseAttrs(rawAttrs);
    const href = get(attrs, 'href');
    const rel = (get(attrs, 'rel') ?? '').toLowerCase().split(/\s+/);
    if (!href || !isLocalRef(href)) return all;
    if (rel.includes('stylesheet')) {
      const got = inliner.script(baseDir, href);
      if (got === null) return all;
      const cssPath = resolve(baseDir, stripQuery(href));
      const media = get(attrs, 'media');
      return hold(`<style${media ? ` media="${media}"` : ''}>${styleText(inliner.css(got, dirname(cssPath)))}</style>`);
    }
    if (rel.includes('icon') || rel.includes('apple-touch-icon')) {
      const kept = attrs.map((a) => (a.name === 'href' ? { name: 'href', value: inliner.asset(baseDir, href) } : a));
      return `<link${attrString(kept)}>`;
    }
    // preload/prefetch hints point at files the single page already carries
    return '';
  });

  out = out.replace(/<style\b([^>]*)>([\s\S]*?)<\/style\s*>/gi, (_all, rawAttrs: string, css: string) => {
    return hold(`<style${rawAttrs}>${styleText(inliner.css(css, baseDir))}</style>`);
  });

  out = out.replace(/<(img|source|image|video|audio|input)\b([^>]*?)(\/?)>/gi, (all, tag: string, rawAttrs: string, slash: string) => {
    const attrs = parseAttrs(rawAttrs);
    let changed = false;
    const next = attrs.map((a) => {
      if ((a.name === 'src' || a.name === 'poster' || a.name === 'href' || a.name === 'xlink:href') && a.value && isLocalRef(a.value)) {
        changed = true;
        return { name: a.name, value: inliner.asset(baseDir, a.value) };
      }
      if (a.name === 'srcset' && a.value) {
        changed = true;
        const v = a.value
          .split(',')
          .map((part) => {
            const [u, ...rest] = part.trim().split(/\s+/);
            return [inliner.asset(baseDir, u), ...rest].join(' ');
          })
          .join(', ');
        return { name: a.name, value: v };
      }
      return a;
    });
    return changed ? `<${tag}${attrString(next)}${slash}>` : all;
  });

  out = out.replace(/\sstyle="([^"]*url\([^"]*)"/gi, (_all, style: string) => {
    const css = inliner.css(decodeEntities(style), baseDir);
    return ` style="${css.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
  });

  // og:image and similar point at files next to the site; in a lone file they lead nowhere
  out = out.replace(/\s*<meta\b[^>]*property="og:image"[^>]*>/gi, '');

  if (deferred.length) {
    const at = out.search(/<\/body\s*>/i);
    out = at >= 0 ? out.slice(0, at) + deferred.join('\n') + out.slice(at) : out + deferred.join('\n');
  }
  out = out.replace(/\u0000aula-held-(\d+)\u0000/g, (_all, i: string) => held[Number(i)]);
  return { html: out, missing: [...inliner.missing] };
}

/** Local references left in a page: a self-contained file must have none (links to other pages aside). */
export function localRefsLeft(html: string): string[] {
  const left: string[] = [];
  const strip = html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, (s) => s.replace(/>[\s\S]*<\//, '></'));
  for (const m of strip.matchAll(/<(script|link|img|source|image|video|audio|iframe)\b([^>]*)>/gi)) {
    const attrs = parseAttrs(m[2]);
    for (const name of ['src', 'href', 'poster']) {
      const v = get(attrs, name);
      if (v && isLocalRef(v)) left.push(`<${m[1].toLowerCase()} ${name}="${v}">`);
    }
  }
  for (const m of decodeEntities(strip).matchAll(/url\(\s*(["']?)([^"')]+?)\1\s*\)/g)) {
    if (isLocalRef(m[2])) left.push(`url(${m[2]})`);
  }
  return left;
}

