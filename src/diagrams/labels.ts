/** Browser-side touch-ups of a freshly drawn SVG, shared by the build-time page and the viewer fallback. */

/**
 * With SVG labels, Mermaid left-aligns the text of some shapes (state boxes) inside boxes wider
 * than the text. Measured in the live page, each label is moved to the centre of its shape.
 */
export function centerNodeLabels(svgText: string, host: HTMLElement): string {
  const box = document.createElement('div');
  box.innerHTML = svgText;
  host.appendChild(box);
  try {
    const svg = box.querySelector('svg');
    if (!svg) return svgText;
    for (const node of svg.querySelectorAll<SVGGElement>('g.node')) {
      const shape = node.querySelector<SVGGraphicsElement>(':scope > rect, :scope > path, :scope > polygon, :scope > g > rect.label-container');
      const label = node.querySelector<SVGGElement>(':scope > g.label');
      if (!shape || !label) continue;
      const s = shape.getBBox();
      const l = label.getBBox();
      const t = label.transform.baseVal.consolidate();
      if (!t || s.width === 0 || l.width === 0) continue;
      const labelCenter = t.matrix.e + l.x + l.width / 2;
      const shapeCenter = s.x + s.width / 2;
      const dx = shapeCenter - labelCenter;
      if (Math.abs(dx) < 1) continue;
      label.setAttribute('transform', `translate(${t.matrix.e + dx}, ${t.matrix.f})`);
    }
    return svg.outerHTML;
  } finally {
    box.remove();
  }
}
