/**
 * The small bar of deck tools at the top right (course index, reading view, search, help).
 * Every control is a real button or link: reachable with Tab, at least 44 px tall.
 */

let bar: HTMLElement | null = null;

const ORDER = ['home', 'view', 'search', 'share', 'help'];

export function toolbar(): HTMLElement {
  if (bar && bar.isConnected) return bar;
  bar = document.createElement('nav');
  bar.className = 'aula-toolbar';
  bar.setAttribute('aria-label', 'Herramientas de la presentación');
  // Outside .reveal: reveal rebuilds its slides but never touches siblings of its root
  document.body.appendChild(bar);
  return bar;
}

/** Adds a control in its fixed place in the bar, so the order never depends on load order. */
export function addTool(id: string, el: HTMLElement): HTMLElement {
  const host = toolbar();
  el.dataset.tool = id;
  const rank = ORDER.indexOf(id);
  const after = Array.from(host.children).find((c) => ORDER.indexOf((c as HTMLElement).dataset.tool ?? '') > rank);
  host.insertBefore(el, after ?? null);
  return el;
}

export function toolButton(id: string, label: string, iconPath: string, title?: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `aula-tool aula-tool-${id}`;
  setToolLabel(b, label, iconPath);
  if (title) b.title = title;
  addTool(id, b);
  return b;
}

/** Line icons (24×24 paths, drawn with the text colour) so no icon font is needed. */
export const ICONS = {
  home: 'M3 11l9-7 9 7M5 10v10h5v-6h4v6h5V10',
  reading: 'M4 5h16M4 10h16M4 15h16M4 20h10',
  slides: 'M3 5h18v12H3zM8 21h8M12 17v4',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13zM15.5 15.5L21 21',
  help: 'M9 9a3 3 0 1 1 4.5 2.6c-1 .6-1.5 1.2-1.5 2.4M12 18h.01M12 2.5a9.5 9.5 0 1 0 0 19a9.5 9.5 0 1 0 0-19z',
} as const;

export function icon(path: string): SVGSVGElement {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'aula-tool-icon');
  const p = document.createElementNS(NS, 'path');
  p.setAttribute('d', path);
  svg.appendChild(p);
  return svg;
}

export function setToolLabel(el: HTMLElement, label: string, iconPath: string): void {
  el.replaceChildren();
  const i = icon(iconPath);
  const t = document.createElement('span');
  t.className = 'aula-tool-label';
  t.textContent = label;
  el.append(i, t);
}
