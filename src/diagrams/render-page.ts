/**
 * Build-time render page: bundled (with Mermaid) into one classic script that the build loads into
 * a blank headless Chromium page. It exposes one function that checks and draws a whole batch of
 * diagrams, so the whole course needs a single page and a single round trip.
 */
import mermaid from 'mermaid';
import { MERMAID_CONFIG } from './theme';
import { mermaidErrorInfo } from './errors';
import { polishSvg } from './polish';

export interface RenderJob {
  /** cache key; also how the build matches results to fences */
  key: string;
  text: string;
}

export interface RenderOutcome {
  key: string;
  /** id the SVG was rendered with (to be replaced by the canonical token) */
  renderId?: string;
  svg?: string;
  error?: { message: string; line?: number };
}

declare global {
  interface Window {
    aulaRenderDiagrams?: (jobs: RenderJob[]) => Promise<RenderOutcome[]>;
  }
}

mermaid.initialize({ ...MERMAID_CONFIG });

window.aulaRenderDiagrams = async (jobs) => {
  // Render in a visible, in-flow container with a real width: Mermaid measures text with the live
  // layout engine, and a hidden or zero-width box gives empty (16x16) drawings.
  const host = document.getElementById('host') ?? document.body;
  const out: RenderOutcome[] = [];
  // Check all first, so every syntax error is reported even if a later render throws.
  const valid: RenderJob[] = [];
  for (const job of jobs) {
    try {
      await mermaid.parse(job.text);
      valid.push(job);
    } catch (err) {
      out.push({ key: job.key, error: mermaidErrorInfo(err) });
    }
  }
  let n = 0;
  for (const job of valid) {
    const renderId = `aulaRender${n++}`;
    try {
      const { svg } = await mermaid.render(renderId, job.text, host);
      out.push({ key: job.key, renderId, svg: polishSvg(svg, host) });
    } catch (err) {
      out.push({ key: job.key, error: mermaidErrorInfo(err) });
    } finally {
      // Mermaid leaves its scratch element behind when a render fails.
      document.getElementById(`d${renderId}`)?.remove();
      document.getElementById(renderId)?.remove();
    }
  }
  return out;
};
