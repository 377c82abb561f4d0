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
      // Only plain boxes: other shapes (cylinders, flags...) place their labels on purpose.
      const shape = node.querySelector<SVGGraphicsElement>(':scope > rect.label-container, :scope > rect.basic');
      const label = node.querySelector<SVGGElement>(':scope > g.label');
      const ctm = node.getScreenCTM();
      if (!shape || !label || !ctm || ctm.a === 0) continue;
      const s = shape.getBoundingClientRect();
      const l = label.getBoundingClientRect();
      if (s.width === 0 || l.width === 0) continue;
      const dx = (s.left + s.width / 2 - (l.left + l.width / 2)) / ctm.a;
      if (Math.abs(dx) < 1) continue;
      const t = label.transform.baseVal.consolidate();
      const x = t ? t.matrix.e : 0;
      const y = t ? t.matrix.f : 0;
      label.setAttribute('transform', `translate(${x + dx}, ${y})`);
    }
    return svg.outerHTML;
  } finally {
    box.remove();
  }
}
