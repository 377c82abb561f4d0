/** ```mermaid fences: diagrams drawn at build time (see src/diagrams/build.ts). */
import type { FencePlugin } from '../types';
import { renderMermaidFences } from '../../diagrams/build';
import { MERMAID_OPTIONS } from '../../diagrams/figure';

export const mermaidPlugin: FencePlugin = {
  lang: 'mermaid',
  options: MERMAID_OPTIONS,
  render: renderMermaidFences,
};
