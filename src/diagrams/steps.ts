/**
 * Diagrams revealed step by step with reveal's fragments (fence option `steps`):
 *
 * - flowcharts: `steps="A B+C D"` shows the listed nodes (or subgraphs) one step at a time, `+`
 *   joining several in one step; a subgraph brings its frame and everything inside it; an edge
 *   appears with the later of its two ends, unlisted nodes are there from the start;
 * - sequence diagrams: `steps=messages` shows the messages one by one, in order.
 *
 * Plain string work on the placed SVG (ids already unique), so it runs at build time and in the
 * viewer fallback alike. The classes are reveal's own (`fragment`, `data-fragment-index`).
 */

export interface StepsResult {
  svg: string;
  /** problems with the option, in the author's terms */
  problems: string[];
}

/** `A B+C D` -> [['A'], ['B', 'C'], ['D']] */
export function parseSteps(value: string): string[][] {
  return value
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((group) => group.split('+').filter(Boolean));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Adds `fragment` and the step index to an opening tag. */
function markTag(tag: string, index: number): string {
  const withClass = /\sclass="/.test(tag) ? tag.replace(/\sclass="([^"]*)"/, (_m, c: string) => ` class="${c} fragment"`) : tag.replace(/^<(\w+)/, '<$1 class="fragment"');
  return withClass.replace(/^<(\w+)/, `<$1 data-fragment-index="${index}"`);
}

/** Temporary mark of the step an opening tag belongs to, resolved by `placeFragments`. */
const STEP_ATTR = 'data-aula-step';
const stepTag = (tag: string, index: number) => tag.replace(/^<(\w+)/, `<$1 ${STEP_ATTR}="${index}"`);

/**
 * Turns the step marks into reveal fragments. A positioned group (nodes, edge labels) keeps its
 * `transform` attribute and gets the fragment on a wrapper inside it: reading view and print
 * force `transform: none` on fragments, and in SVG that CSS wins over the attribute, which would
 * pile every stepped node up at the drawing's corner.
 */
function placeFragments(svg: string): string {
  const markRe = new RegExp(`\\s${STEP_ATTR}="(\\d+)"`);
  const open: { name: string; wrapped: boolean }[] = [];
  let out = '';
  let last = 0;
  for (const m of svg.matchAll(/<(\/?)([A-Za-z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g)) {
    const [tag, closing, name, rest] = m;
    out += svg.slice(last, m.index);
    last = m.index + tag.length;
    if (closing) {
      const at = open.map((o) => o.name).lastIndexOf(name);
      const wrapped = at >= 0 && open[at].wrapped;
      if (at >= 0) open.length = at;
      out += wrapped ? `</g>${tag}` : tag;
      continue;
    }
    const selfClosing = /\/\s*$/.test(rest);
    const mark = markRe.exec(tag);
    if (!mark) {
      out += tag;
      if (!selfClosing) open.push({ name, wrapped: false });
      continue;
    }
    const plain = tag.replace(markRe, '');
    const index = Number(mark[1]);
    const wrap = !selfClosing && /\stransform="/.test(plain);
    out += wrap ? `${plain}<g class="fragment" data-fragment-index="${index}">` : markTag(plain, index);
    if (!selfClosing) open.push({ name, wrapped: wrap });
  }
  return out + svg.slice(last);
}

export function applySteps(svg: string, svgId: string, value: string): StepsResult {
  const spec = value.trim();
  if (spec === '' || spec === 'true') return { svg, problems: ['steps necesita los pasos: steps="A B+C D" (nodos) o steps=messages (mensajes)'] };
  if (spec === 'messages') return sequenceSteps(svg);
  return flowchartSteps(svg, svgId, parseSteps(spec));
}

function flowchartSteps(svg: string, svgId: string, groups: string[][]): StepsResult {
  const id = escapeRegExp(svgId);
  const nodeRe = new RegExp(`<g class="[^"]*\\bnode\\b[^"]*" id="${id}-flowchart-(.+?)-\\d+"[^>]*>`, 'g');
  const clusterRe = new RegExp(`<g class="[^"]*\\bcluster\\b[^"]*" id="${id}-(.+?)"[^>]*>`, 'g');
  const known = new Set<string>();
  for (const m of svg.matchAll(nodeRe)) known.add(m[1]);
  for (const m of svg.matchAll(clusterRe)) known.add(m[1]);
  if (known.size === 0) return { svg, problems: ['steps="..." con nodos solo sirve en diagramas flowchart (en sequenceDiagram: steps=messages)'] };

  const step = new Map<string, number>();
  const problems: string[] = [];
  groups.forEach((group, i) => {
    for (const name of group) {
      if (!known.has(name)) problems.push(`steps: el diagrama no tiene ningún nodo «${name}» (tiene: ${[...known].sort().join(', ')})`);
      else if (step.has(name)) problems.push(`steps: «${name}» aparece en dos pasos`);
      else step.set(name, i);
    }
  });
  if (problems.length) return { svg, problems };
  inheritFromSubgraphs(svg, svgId, step);

  const edgeStep = (edgeId: string): number | undefined => {
    // L_<from>_<to>_<n>: node ids may contain "_", so try the known ids
    const m = /^L_(.+)_\d+$/.exec(edgeId);
    if (!m) return undefined;
    for (const from of known) {
      if (!m[1].startsWith(`${from}_`)) continue;
      const to = m[1].slice(from.length + 1);
      if (!known.has(to)) continue;
      const a = step.get(from) ?? -1;
      const b = step.get(to) ?? -1;
      const k = Math.max(a, b);
      return k >= 0 ? k : undefined;
    }
    return undefined;
  };

  let out = svg.replace(nodeRe, (tag, name: string) => (step.has(name) ? stepTag(tag, step.get(name)!) : tag));
  out = out.replace(clusterRe, (tag, name: string) => (step.has(name) ? stepTag(tag, step.get(name)!) : tag));
  out = out.replace(new RegExp(`<path\\b[^>]*\\sid="${id}-(L_[^"]+)"[^>]*>`, 'g'), (tag, edge: string) => {
    const k = edgeStep(edge);
    return k === undefined ? tag : stepTag(tag, k);
  });
  out = out.replace(/<g class="label" data-id="(L_[^"]+)"[^>]*>/g, (tag, edge: string) => {
    const k = edgeStep(edge);
    return k === undefined ? tag : stepTag(tag, k);
  });
  return { svg: placeFragments(out), problems: [] };
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function translateOf(tag: string): [number, number] {
  const m = /\stransform="translate\(\s*(-?[\d.e+-]+)(?:[\s,]+(-?[\d.e+-]+))?\s*\)"/.exec(tag);
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : [0, 0];
}

function attrNumber(tag: string, name: string): number {
  const m = new RegExp(`\\s${name}="(-?[\\d.e+-]+)"`).exec(tag);
  return m ? Number(m[1]) : NaN;
}

/**
 * Where each subgraph's frame and each node lie in the drawing's own coordinates. Mermaid draws
 * a subgraph either beside its nodes (flat layout) or as a nested, translated group with its own
 * frame and nodes (when it has its own direction), so positions add up every enclosing translate.
 */
function layout(svg: string, svgId: string): { frames: Map<string, Box>; centres: Map<string, [number, number]> } {
  const prefix = `${svgId}-`;
  const frames = new Map<string, Box>();
  const centres = new Map<string, [number, number]>();
  const stack: { name: string; x: number; y: number }[] = [{ name: '', x: 0, y: 0 }];
  let openCluster: { name: string; depth: number } | null = null;
  for (const m of svg.matchAll(/<(\/?)([A-Za-z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g)) {
    const [tag, closing, name, rest] = m;
    if (closing) {
      // Pop up to the matching element (drawings are well formed; this only guards the unexpected).
      for (let i = stack.length - 1; i > 0; i--) {
        if (stack[i].name === name) {
          stack.length = i;
          break;
        }
      }
      if (openCluster && stack.length <= openCluster.depth) openCluster = null;
      continue;
    }
    const top = stack[stack.length - 1];
    const [dx, dy] = translateOf(tag);
    const here = { name, x: top.x + dx, y: top.y + dy };
    if (name === 'g') {
      const cls = /\sclass="([^"]*)"/.exec(tag)?.[1].split(/\s+/) ?? [];
      const id = /\sid="([^"]*)"/.exec(tag)?.[1] ?? '';
      if (cls.includes('cluster') && id.startsWith(prefix)) openCluster = { name: id.slice(prefix.length), depth: stack.length + 1 };
      else if (cls.includes('node') && id.startsWith(`${prefix}flowchart-`)) {
        const node = /^(.+?)-\d+$/.exec(id.slice(prefix.length + 'flowchart-'.length))?.[1];
        if (node) centres.set(node, [here.x, here.y]);
      }
    } else if (name === 'rect' && openCluster && !frames.has(openCluster.name) && stack.length === openCluster.depth) {
      // The frame is the cluster's own first rect (its label's background comes later, deeper)
      frames.set(openCluster.name, { x: here.x + (attrNumber(tag, 'x') || 0), y: here.y + (attrNumber(tag, 'y') || 0), w: attrNumber(tag, 'width'), h: attrNumber(tag, 'height') });
    }
    if (!/\/\s*$/.test(rest)) stack.push(here);
  }
  return { frames, centres };
}

const inside = (b: Box, x: number, y: number) => Number.isFinite(b.w) && Number.isFinite(b.h) && x > b.x && x < b.x + b.w && y > b.y && y < b.y + b.h;
const within = (inner: Box, outer: Box) => inner !== outer && inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;

/**
 * A subgraph named as a step brings everything drawn inside its frame with it: its nodes, the
 * subgraphs nested in it (and so their nodes and edges). What is named on its own keeps its own
 * step; otherwise the innermost named subgraph around it decides.
 */
function inheritFromSubgraphs(svg: string, svgId: string, step: Map<string, number>): void {
  const { frames, centres } = layout(svg, svgId);
  const named = [...frames].filter(([name]) => step.has(name));
  if (named.length === 0) return;
  const innermost = (holds: (b: Box) => boolean, self?: Box) => {
    let best: [string, Box] | null = null;
    for (const [name, box] of named) {
      if (box === self || !holds(box)) continue;
      if (!best || within(box, best[1])) best = [name, box];
    }
    return best ? step.get(best[0]) : undefined;
  };
  const derived = new Map<string, number>();
  for (const [name, box] of frames) {
    if (step.has(name)) continue;
    const k = innermost((b) => within(box, b), box);
    if (k !== undefined) derived.set(name, k);
  }
  for (const [name, [x, y]] of centres) {
    if (step.has(name)) continue;
    const k = innermost((b) => inside(b, x, y));
    if (k !== undefined) derived.set(name, k);
  }
  for (const [name, k] of derived) step.set(name, k);
}

function sequenceSteps(svg: string): StepsResult {
  // Each message is its text followed by its line (or path, for a message to oneself). Notes are
  // drawn before every message, so their place in the story comes from mermaid's item ids
  // (data-id="iN", in source order): a note is its own step between the messages around it.
  const re = /<text\b[^>]*\sclass="messageText"[^>]*>|<(?:line|path)\b[^>]*\sclass="messageLine[01]"[^>]*>|<g\b[^>]*\sdata-et="note"[^>]*>/g;
  const itemId = (tag: string) => /\sdata-id="i(\d+)"/.exec(tag)?.[1];
  const notes = [...svg.matchAll(/<g\b[^>]*\sdata-et="note"[^>]*>/g)].map((m) => itemId(m[0]));
  const lines = [...svg.matchAll(/<(?:line|path)\b[^>]*\sclass="messageLine[01]"[^>]*>/g)].map((m) => itemId(m[0]));
  const ordered = [...notes, ...lines].every((id) => id !== undefined);
  const order = new Map([...notes, ...lines].filter((id): id is string => id !== undefined).sort((a, b) => Number(a) - Number(b)).map((id, i) => [id, i]));
  // the step of the n-th message; its texts come before its line and take the same step
  const messageStep = (n: number) => (ordered && n < lines.length ? order.get(lines[n]!)! : n);
  let count = 0;
  const out = svg.replace(re, (tag) => {
    if (tag.startsWith('<g')) return ordered ? stepTag(tag, order.get(itemId(tag)!)!) : tag;
    if (tag.startsWith('<text')) return stepTag(tag, messageStep(count));
    return stepTag(tag, messageStep(count++));
  });
  if (count === 0) return { svg, problems: ['steps=messages solo sirve en diagramas sequenceDiagram con mensajes'] };
  return { svg: placeFragments(out), problems: [] };
}
