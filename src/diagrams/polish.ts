/**
 * Browser-side touch-ups of a freshly drawn SVG, made in the live page (they need layout and the
 * CSS engine), shared by the build-time render page and the viewer fallback.
 */

/** Measured, cleaned SVG markup: labels centred, unused styles and definitions dropped. */
export function polishSvg(svgText: string, host: HTMLElement): string {
  const box = document.createElement('div');
  box.innerHTML = svgText;
  host.appendChild(box);
  try {
    const svg = box.querySelector('svg');
    if (!svg) return svgText;
    centerNodeLabels(svg);
    pruneStyles(svg);
    pruneDefs(svg);
    compactGeometry(svg);
    return svg.outerHTML;
  } finally {
    box.remove();
  }
}

/**
 * With SVG labels, Mermaid left-aligns the text of some shapes (state boxes) inside boxes wider
 * than the text. Each label is moved to the centre of its shape.
 */
function centerNodeLabels(svg: SVGSVGElement): void {
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
}

/**
 * Mermaid's <style> carries the rules of every look and diagram type (some 10 KB per diagram).
 * Rules that match nothing in this drawing go; rules with states (:hover...) and the keyframes
 * that kept rules use stay.
 */
function pruneStyles(svg: SVGSVGElement): void {
  for (const style of svg.querySelectorAll('style')) {
    const sheet = style.sheet;
    if (!sheet) continue;
    const kept: string[] = [];
    const keyframes: CSSKeyframesRule[] = [];
    for (const rule of sheet.cssRules) {
      if (rule instanceof CSSKeyframesRule) {
        keyframes.push(rule);
      } else if (rule instanceof CSSStyleRule) {
        if (/:(hover|focus|active|visited|target|checked)/.test(rule.selectorText) || matchesSomething(svg, rule.selectorText)) kept.push(rule.cssText);
      } else {
        kept.push(rule.cssText);
      }
    }
    const used = kept.join('\n');
    for (const k of keyframes) if (used.includes(k.name)) kept.push(k.cssText);
    style.textContent = kept.join('');
  }
}

function matchesSomething(svg: SVGSVGElement, selector: string): boolean {
  try {
    return svg.matches(selector) || svg.querySelector(selector) !== null;
  } catch {
    return true; // a selector this browser cannot read: keep it, it may matter elsewhere
  }
}

/** Markers, filters and gradients nothing points at (Mermaid defines a dozen per flowchart). */
function pruneDefs(svg: SVGSVGElement): void {
  const text = svg.outerHTML;
  for (const el of svg.querySelectorAll('marker[id], filter[id], linearGradient[id], radialGradient[id], pattern[id], clipPath[id], mask[id], symbol[id]')) {
    const id = el.id;
    if (!text.includes(`url(#${id})`) && !text.includes(`url("#${id}")`) && !text.includes(`href="#${id}"`)) el.remove();
  }
  for (const el of svg.querySelectorAll('defs, g')) {
    if (el.childNodes.length === 0 && el.attributes.length === 0) el.remove();
  }
}

/** 0.01 of a px is far below what any screen or printer shows. */
function round(text: string): string {
  return text.replace(/-?\d*\.\d{3,}(?:e-?\d+)?/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

/**
 * Geometry with two decimals instead of sixteen, and without the base64 copy of every edge's
 * points Mermaid keeps for its editor: a third or more of the bytes of some diagrams.
 */
function compactGeometry(svg: SVGSVGElement): void {
  for (const el of svg.querySelectorAll('[d], [points], [transform]')) {
    for (const name of ['d', 'points', 'transform']) {
      const v = el.getAttribute(name);
      if (v && /\.\d{3}/.test(v)) el.setAttribute(name, round(v));
    }
  }
  for (const el of svg.querySelectorAll('[data-points]')) el.removeAttribute('data-points');
}
