/**
 * The one Mermaid configuration used at build time and by the viewer fallback, so a diagram looks
 * the same whichever path drew it. Colours and font mirror the deck theme (assets/theme/): dark
 * text on light fills with strong borders and thick lines, which survive a washed-out projector.
 * Changing anything here changes the cache key, so every diagram is drawn again.
 */
import type { MermaidConfig } from 'mermaid';

/** The deck's body font (assets/theme/aula.css `--aula-font`), shipped with the build. */
export const DIAGRAM_FONT_FAMILY = '"Atkinson Hyperlegible", "Segoe UI", system-ui, sans-serif';

/** Font size inside diagrams, in px at the natural size of the SVG (the slide is 960 px wide). */
export const DIAGRAM_FONT_SIZE = 20;

/** Taken from the deck palette (assets/theme/aula.css): --aula-fg, --aula-bg, --aula-accent, --aula-accent-2, --aula-muted. */
export const DIAGRAM_COLORS = {
  text: '#111418',
  background: '#fdfcf8',
  /** main node fill (a tint of --aula-accent) and border (--aula-accent) */
  nodeFill: '#e4edfa',
  nodeBorder: '#0b4fa8',
  /** second colour: --aula-accent-2 and a tint of it (highlighted nodes, notes) */
  secondaryFill: '#fbe8df',
  secondaryBorder: '#a3320b',
  /** third colour: groups (subgraphs), activations */
  tertiaryFill: '#eef1f5',
  tertiaryBorder: '#3c4450',
  line: '#111418',
  edgeLabelBackground: '#fdfcf8',
} as const;

const c = DIAGRAM_COLORS;

export const MERMAID_CONFIG: MermaidConfig = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'base',
  layout: 'dagre',
  look: 'classic',
  // Real SVG <text>, not HTML inside <foreignObject>: stays vector and selectable in the PDF.
  htmlLabels: false,
  // wrappingWidth: Mermaid wraps SVG labels at 200px by default, too narrow for 20px text;
  // authors break lines themselves with <br/>.
  flowchart: { htmlLabels: false, curve: 'basis', padding: 12, nodeSpacing: 40, rankSpacing: 50, wrappingWidth: 320 },
  fontFamily: DIAGRAM_FONT_FAMILY,
  // the root size wins over per-diagram sizes in some renderers (sequence)
  fontSize: DIAGRAM_FONT_SIZE,
  themeVariables: {
    fontFamily: DIAGRAM_FONT_FAMILY,
    fontSize: `${DIAGRAM_FONT_SIZE}px`,
    background: c.background,
    textColor: c.text,
    primaryColor: c.nodeFill,
    primaryTextColor: c.text,
    primaryBorderColor: c.nodeBorder,
    secondaryColor: c.secondaryFill,
    secondaryTextColor: c.text,
    secondaryBorderColor: c.secondaryBorder,
    tertiaryColor: c.tertiaryFill,
    tertiaryTextColor: c.text,
    tertiaryBorderColor: c.tertiaryBorder,
    lineColor: c.line,
    edgeLabelBackground: c.edgeLabelBackground,
    clusterBkg: c.tertiaryFill,
    clusterBorder: c.tertiaryBorder,
    titleColor: c.text,
    nodeTextColor: c.text,
    // sequence diagrams
    actorBkg: c.nodeFill,
    actorBorder: c.nodeBorder,
    actorTextColor: c.text,
    actorLineColor: c.tertiaryBorder,
    signalColor: c.line,
    signalTextColor: c.text,
    labelBoxBkgColor: c.nodeFill,
    labelBoxBorderColor: c.nodeBorder,
    labelTextColor: c.text,
    loopTextColor: c.text,
    noteBkgColor: c.secondaryFill,
    noteBorderColor: c.secondaryBorder,
    noteTextColor: c.text,
    activationBkgColor: c.tertiaryFill,
    activationBorderColor: c.tertiaryBorder,
    sequenceNumberColor: c.background,
    // state diagrams
    stateBkg: c.nodeFill,
    stateLabelColor: c.text,
    compositeBackground: c.tertiaryFill,
    compositeTitleBackground: c.tertiaryFill,
    altBackground: c.tertiaryFill,
    transitionColor: c.line,
    transitionLabelColor: c.text,
    specialStateColor: c.line,
    innerEndBackground: c.line,
    errorBkgColor: '#fee2e2',
    errorTextColor: '#7f1d1d',
  },
  // Sequence diagrams keep their own fonts (Open Sans, 16px) unless told otherwise.
  sequence: {
    mirrorActors: false,
    actorMargin: 60,
    messageMargin: 40,
    noteMargin: 12,
    useMaxWidth: true,
    actorFontFamily: DIAGRAM_FONT_FAMILY,
    actorFontSize: DIAGRAM_FONT_SIZE,
    messageFontFamily: DIAGRAM_FONT_FAMILY,
    messageFontSize: DIAGRAM_FONT_SIZE,
    noteFontFamily: DIAGRAM_FONT_FAMILY,
    noteFontSize: DIAGRAM_FONT_SIZE,
  },
  state: { useMaxWidth: true },
};

/**
 * Extra CSS the SVG carries (Mermaid puts it in the SVG's own <style>, scoped to its id): thicker
 * lines and borders than Mermaid's 1px, which vanish on a projector.
 */
MERMAID_CONFIG.themeCSS = [
  '.node rect, .node circle, .node ellipse, .node polygon, .node path { stroke-width: 2px; }',
  '.flowchart-link, .edgePaths .path { stroke-width: 2px; }',
  '.cluster rect { stroke-width: 2px; rx: 6px; }',
  '.messageLine0, .messageLine1 { stroke-width: 2px; }',
  '.actor { stroke-width: 2px; }',
  '.transition { stroke-width: 2px; }',
  '.stateGroup rect, .node.statediagram-state rect { stroke-width: 2px; }',
  // Mermaid draws edge-label backgrounds half transparent: the line then crosses the words.
  `.edgeLabel rect, .edgeLabel .background, .edgeLabel .label rect { opacity: 1 !important; fill: ${c.edgeLabelBackground} !important; }`,
].join('\n');
