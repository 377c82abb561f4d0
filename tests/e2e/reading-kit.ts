/** Shared steps of the students' tests: reading view, progress, search, phone, accessibility. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extractSlides, type SlideText } from '../../src/build/search-index';
import { DIST, ROOT } from './harness';

/** The slides of a built deck as the build wrote them (h, v, title, text, notes). */
export function builtSlides(slug: string, dist: string = DIST): SlideText[] {
  return extractSlides(readFileSync(join(dist, slug, 'index.html'), 'utf8'));
}

export function builtConfig(slug: string, dist: string = DIST): { scripts?: Record<string, string> } {
  const html = readFileSync(join(dist, slug, 'index.html'), 'utf8');
  const m = /<script id="aula-config" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
  return m ? JSON.parse(m[1]) : {};
}

export const squashAll = (s: string) => s.replace(/\s+/g, '');

export async function isScrollView(page: Page): Promise<boolean> {
  return page.evaluate(() => (window.Aula!.reveal as unknown as { isScrollView(): boolean }).isScrollView());
}

export async function waitScrollView(page: Page, on: boolean): Promise<void> {
  await page.waitForFunction((want) => (window.Aula!.reveal as unknown as { isScrollView(): boolean }).isScrollView() === want && document.documentElement.classList.contains('aula-reading') === want, on);
}

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Violations of the given axe rules, whatever their impact (minor ones included). */
export async function ruleViolations(page: Page, rules: string[]): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async (ids) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'rule', values: ids }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, rules);
}

export function describeViolations(vs: AxeViolation[]): string {
  return vs.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
}
