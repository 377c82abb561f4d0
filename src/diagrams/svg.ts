/**
 * Post-processing of the SVG Mermaid returns, as plain string work so it runs alike in Node (build
 * time) and in the browser (viewer fallback, enlarged copies).
 *
 * A rendered diagram is first made *canonical*: every id it defines is prefixed with one token, and
 * its fixed size is removed. The canonical form is what the cache stores (it does not depend on
 * where the diagram appears). `instantiate` then swaps the token for an id unique in the course, so
 * two inlined diagrams never share styles, markers or gradients.
 */

/** Stand-in for the diagram id inside cached SVG. Letters only: valid in ids and CSS selectors. */
export const ID_TOKEN = 'aulaDiagramIdToken';

export interface CanonicalSvg {
  svg: string;
  /** natural size from the viewBox, in CSS px */
  width: number;
  height: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces every occurrence of `from` not followed by a letter or digit (so dg1 does not touch
 * dg10; `_` and `-` are how Mermaid joins the diagram id to its own suffixes).
 */
function replaceId(text: string, from: string, to: string): string {
  return text.replace(new RegExp(escapeRegExp(from) + '(?![A-Za-z0-9])', 'g'), to);
}

/**
 * Gives every id of the SVG the prefix `prefix` (ids already starting with it are kept) and
 * rewrites the references to them: `url(#…)`, `href="#…"`, `xlink:href="#…"`, aria id lists and
 * `#id` selectors inside <style>.
 */
export function prefixIds(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    const id = m[1];
    if (id === prefix || id.startsWith(prefix + '-') || id.startsWith(prefix + '_')) continue;
    renamed.set(id, `${prefix}-${id}`);
  }
  if (renamed.size === 0) return svg;
  const swap = (id: string) => renamed.get(id) ?? id;
  let out = svg.replace(/(\sid=")([^"]+)(")/g, (_m, a: string, id: string, b: string) => a + swap(id) + b);
  out = out.replace(/url\((['"]?)#([^)'"\s]+)\1\)/g, (_m, q: string, id: string) => `url(${q}#${swap(id)}${q})`);
  out = out.replace(/(\s(?:xlink:)?href=")#([^"]+)"/g, (_m, a: string, id: string) => `${a}#${swap(id)}"`);
  out = out.replace(
    /(\saria-(?:labelledby|describedby|controls|owns)=")([^"]*)"/g,
    (_m, a: string, ids: string) => a + ids.split(/\s+/).map(swap).join(' ') + '"',
  );
  out = out.replace(/(<style[^>]*>)([\s\S]*?)(<\/style>)/g, (_m, open: string, css: string, close: string) => {
    // Only in selectors (the text before each "{"): inside declarations #abc is a colour.
    const fixed = css.replace(/([^{}]+)\{/g, (_s, selector: string) =>
      selector.replace(/#([A-Za-z_][\w-]*)/g, (whole, id: string) => (renamed.has(id) ? `#${swap(id)}` : whole)) + '{',
    );
    return open + fixed + close;
  });
  return out;
}

/** The opening <svg …> tag: its span and attributes. */
function rootTag(svg: string): { start: number; end: number; tag: string } {
  const start = svg.indexOf('<svg');
  if (start < 0) throw new Error('la salida de Mermaid no contiene <svg>');
  const end = svg.indexOf('>', start);
  return { start, end: end + 1, tag: svg.slice(start, end + 1) };
}

function getAttr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

function dropAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}="[^"]*"`, 'g'), '');
}

function setAttr(tag: string, name: string, value: string): string {
  const without = dropAttr(tag, name);
  const selfClosing = without.endsWith('/>');
  const body = without.slice(0, selfClosing ? -2 : -1);
  return `${body} ${name}="${value}"${selfClosing ? '/>' : '>'}`;
}

/** Reads the natural size from the viewBox (falling back to width/height attributes). */
export function naturalSize(svg: string): { width: number; height: number } {
  const { tag } = rootTag(svg);
  const vb = getAttr(tag, 'viewBox');
  if (vb) {
    const parts = vb.trim().split(/[\s,]+/).map(Number);
    if (parts.length === 4 && parts[2] > 0 && parts[3] > 0) return { width: parts[2], height: parts[3] };
  }
  const w = parseFloat(getAttr(tag, 'width') ?? '');
  const h = parseFloat(getAttr(tag, 'height') ?? '');
  return { width: Number.isFinite(w) ? w : 0, height: Number.isFinite(h) ? h : 0 };
}

/**
 * Removes the fixed size Mermaid writes on the root element (width="100%", height, an inline
 * max-width) and makes sure a viewBox is there, so CSS alone decides the size.
 */
export function stripRootSize(svg: string): string {
  const { start, end, tag } = rootTag(svg);
  const { width, height } = naturalSize(svg);
  let t = tag;
  if (!getAttr(t, 'viewBox') && width > 0 && height > 0) t = setAttr(t, 'viewBox', `0 0 ${width} ${height}`);
  t = dropAttr(t, 'width');
  t = dropAttr(t, 'height');
  const style = getAttr(t, 'style');
  if (style !== undefined) {
    const rest = style
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s && !/^(max-width|width|height|max-height)\s*:/i.test(s))
      .join('; ');
    t = rest ? setAttr(t, 'style', rest) : dropAttr(t, 'style');
  }
  return svg.slice(0, start) + t + svg.slice(end);
}

/** Canonical, cacheable form of an SVG Mermaid rendered with the id `renderId`. */
export function canonicalize(svg: string, renderId: string): CanonicalSvg {
  let out = replaceId(svg.trim(), renderId, ID_TOKEN);
  out = prefixIds(out, ID_TOKEN);
  out = stripRootSize(out);
  const { width, height } = naturalSize(out);
  return { svg: out, width, height };
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * The SVG of one diagram placed in the page: unique ids, an accessible name (`role="img"` and
 * `aria-label`; no <title>, whose tooltip would pop up over the projected slide wherever the mouse
 * rests) and the natural size as CSS variables the theme uses to size it (never as fixed attributes).
 */
export function instantiate(canonical: string, id: string, label: string): string {
  let svg = replaceId(canonical, ID_TOKEN, id);
  const { width, height } = naturalSize(svg);
  const { start, end } = rootTag(svg);
  let tag = svg.slice(start, end);
  tag = dropAttr(tag, 'aria-roledescription');
  tag = dropAttr(tag, 'aria-describedby');
  tag = dropAttr(tag, 'aria-labelledby');
  tag = setAttr(tag, 'role', 'img');
  tag = setAttr(tag, 'aria-label', escapeXml(label));
  tag = setAttr(tag, 'focusable', 'false');
  if (width > 0 && height > 0) {
    const style = getAttr(tag, 'style');
    const vars = `--aula-dw: ${round(width)}px; --aula-ar: ${round(width / height)}`;
    tag = setAttr(tag, 'style', style ? `${style}; ${vars}` : vars);
  }
  svg = svg.slice(0, start) + tag + svg.slice(end);
  return svg;
}

/** A second copy of an already placed SVG (the enlarged view) under fresh ids. */
export function recloneIds(svg: string, oldId: string, newId: string): string {
  return replaceId(svg, oldId, newId);
}
