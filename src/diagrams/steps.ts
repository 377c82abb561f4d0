/**
 * Diagrams revealed step by step with reveal's fragments (fence option `steps`):
 *
 * - flowcharts: `steps="A B+C D"` shows the listed nodes (or subgraphs) one step at a time, `+`
 *   joining several in one step; an edge appears with the later of its two ends, unlisted nodes
 *   are there from the start;
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

/** Adds `fragment` and the step index to the opening tag at `start` (the tag text is `tag`). */
function markTag(tag: string, index: number): string {
  const withClass = /\sclass="/.test(tag) ? tag.replace(/\sclass="([^"]*)"/, (_m, c: string) => ` class="${c} fragment"`) : tag.replace(/^<(\w+)/, '<$1 class="fragment"');
  return withClass.replace(/^<(\w+)/, `<$1 data-fragment-index="${index}"`);
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

  let out = svg.replace(nodeRe, (tag, name: string) => (step.has(name) ? markTag(tag, step.get(name)!) : tag));
  out = out.replace(clusterRe, (tag, name: string) => (step.has(name) ? markTag(tag, step.get(name)!) : tag));
  out = out.replace(new RegExp(`<path\\b[^>]*\\sid="${id}-(L_[^"]+)"[^>]*>`, 'g'), (tag, edge: string) => {
    const k = edgeStep(edge);
    return k === undefined ? tag : markTag(tag, k);
  });
  out = out.replace(/<g class="label" data-id="(L_[^"]+)"[^>]*>/g, (tag, edge: string) => {
    const k = edgeStep(edge);
    return k === undefined ? tag : markTag(tag, k);
  });
  return { svg: out, problems: [] };
}

function sequenceSteps(svg: string): StepsResult {
  // Each message is its text followed by its line (or path, for a message to oneself).
  const re = /<text\b[^>]*\sclass="messageText"[^>]*>|<(?:line|path)\b[^>]*\sclass="messageLine[01]"[^>]*>/g;
  let index = 0;
  let count = 0;
  const out = svg.replace(re, (tag) => {
    const isLine = !tag.startsWith('<text');
    const marked = markTag(tag, index);
    if (isLine) {
      index++;
      count++;
    }
    return marked;
  });
  if (count === 0) return { svg, problems: ['steps=messages solo sirve en diagramas sequenceDiagram con mensajes'] };
  return { svg: out, problems: [] };
}
