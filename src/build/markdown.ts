/**
 * The one markdown-it instance of the build: HTML allowed (authors write reveal markup), attributes
 * with `{.fragment}`, and reveal's `<!-- .element: ... -->` / `<!-- .slide: ... -->` comments
 * applied at build time so the browser never parses Markdown.
 */
import MarkdownIt from 'markdown-it';
import type { Env, StateCore, Token } from 'markdown-it';
import markdownItAttrs from 'markdown-it-attrs';

export interface SlideEnv extends Env {
  /** attributes for the enclosing <section> from `<!-- .slide: ... -->` */
  slideAttrs: [string, string][];
}

const ELEMENT_COMMENT = /^\s*<!--\s*\.element:?\s*([\s\S]*?)\s*-->\s*$/;
const SLIDE_COMMENT = /^\s*<!--\s*\.slide:?\s*([\s\S]*?)\s*-->\s*$/;

export function parseAttrList(text: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /([^\s=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g;
  for (const m of text.matchAll(re)) out.push([m[1], m[2] ?? m[3] ?? m[4] ?? '']);
  return out;
}

function applyAttrs(token: Token, attrs: [string, string][]): void {
  for (const [k, v] of attrs) {
    if (k === 'class') for (const c of v.split(/\s+/).filter(Boolean)) addClass(token, c);
    else token.attrSet(k, v);
  }
}

function addClass(token: Token, cls: string): void {
  const cur = token.attrGet('class');
  const list = cur ? String(cur).split(/\s+/) : [];
  if (!list.includes(cls)) list.push(cls);
  token.attrSet('class', list.join(' '));
}

/** Opening token of the block that contains index i (skipping tight-list paragraphs, which do not render). */
function enclosingOpen(tokens: Token[], i: number): Token | null {
  let depth = 0;
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j];
    if (t.nesting === -1) depth++;
    else if (t.nesting === 1) {
      if (depth === 0) {
        if (t.hidden) continue;
        return t;
      }
      depth--;
    }
  }
  return null;
}

/** Opening token of the block that ends right before index i at the same level, if any. */
function previousBlock(tokens: Token[], i: number): Token | null {
  const level = tokens[i].level;
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j];
    if (t.level < level) return null;
    if (t.level !== level) continue;
    if (t.nesting === 0) return t.type === 'html_block' ? null : t;
    if (t.nesting === 1) return null;
    // a closing token: find its opening
    let depth = 0;
    for (let k = j; k >= 0; k--) {
      if (tokens[k].nesting === -1) depth++;
      else if (tokens[k].nesting === 1 && --depth === 0) return tokens[k].hidden ? enclosingOpen(tokens, k) : tokens[k];
    }
    return null;
  }
  return null;
}

function revealComments(state: StateCore): void {
  const env = state.env as Partial<SlideEnv>;
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'html_block') {
      const slide = SLIDE_COMMENT.exec(t.content);
      if (slide) {
        env.slideAttrs?.push(...parseAttrList(slide[1]));
        t.content = '';
        continue;
      }
      const el = ELEMENT_COMMENT.exec(t.content);
      if (el) {
        const target = previousBlock(tokens, i) ?? enclosingOpen(tokens, i);
        if (target) applyAttrs(target, parseAttrList(el[1]));
        else env.slideAttrs?.push(...parseAttrList(el[1]));
        t.content = '';
      }
    } else if (t.type === 'inline' && t.children) {
      const kids = t.children;
      for (let c = 0; c < kids.length; c++) {
        const k = kids[c];
        if (k.type !== 'html_inline') continue;
        const slide = SLIDE_COMMENT.exec(k.content);
        const el = slide ? null : ELEMENT_COMMENT.exec(k.content);
        if (slide) env.slideAttrs?.push(...parseAttrList(slide[1]));
        if (el) applyAttrs(previousInline(kids, c) ?? enclosingOpen(tokens, i) ?? t, parseAttrList(el[1]));
        if (slide || el) {
          kids.splice(c, 1);
          c--;
          // the space before the comment would otherwise trail the element
          const prev = kids[c];
          if (prev && prev.type === 'text') prev.content = prev.content.replace(/\s+$/, '');
        }
      }
    }
  }
}

/** Like the browser's previous element sibling: skips text and line breaks. */
function previousInline(kids: Token[], c: number): Token | null {
  for (let j = c - 1; j >= 0; j--) {
    const k = kids[j];
    if (k.type === 'text' || k.type === 'softbreak' || k.type === 'hardbreak') continue;
    if (k.nesting === 0) return k.type === 'html_inline' ? null : k;
    if (k.nesting === -1) {
      let depth = 0;
      for (let m = j; m >= 0; m--) {
        if (kids[m].nesting === -1) depth++;
        else if (kids[m].nesting === 1 && --depth === 0) return kids[m];
      }
    }
    return null;
  }
  return null;
}

export function createMarkdown() {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  md.use(markdownItAttrs, { leftDelimiter: '{', rightDelimiter: '}' });
  md.core.ruler.push('reveal_comments', revealComments);
  return md;
}
