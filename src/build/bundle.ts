/**
 * Browser code and styles with esbuild: every entry becomes a classic IIFE script (file:// cannot
 * load module scripts) with a content hash in its name; CSS bundles carry the fonts along.
 */
import { build, type Metafile } from 'esbuild';
import { join, relative } from 'node:path';

export interface BrowserEntry {
  /** output name (`<name>.<hash>.js`) and key in the deck's `config.scripts` */
  name: string;
  /** source file relative to the project root */
  entry: string;
  /** deck need that makes a deck load this script (default: `name`); ignored when `always` */
  need?: string;
  /** every deck gets it in `config.scripts` */
  always?: boolean;
  /** heavy bundle (Mermaid for the viewer): built after the fence plugins, only when a deck needs it */
  onlyWhenNeeded?: boolean;
}

/** Lazily loaded browser bundles; each module adds its entry here. The deck runtime itself is separate. */
export const browserEntries: BrowserEntry[] = [
  { name: 'mermaid', entry: 'src/diagrams/fallback.ts', need: 'mermaid-runtime', onlyWhenNeeded: true },
  { name: 'terminal', entry: 'src/terminal/main.ts' },
];

export const DECK_ENTRY: BrowserEntry = { name: 'deck', entry: 'src/deck/main.ts' };

/** Landing page script: progress badges and the course search box. */
export const LANDING_ENTRY: BrowserEntry = { name: 'landing', entry: 'src/landing/main.ts' };

/** CSS entry points in assets/theme/, by output name. */
export const STYLE_ENTRIES: Record<string, string> = {
  deck: 'assets/theme/deck.css',
  landing: 'assets/theme/landing.css',
};

export interface BundleOutput {
  /** per entry name: file names relative to the assets dir */
  scripts: Record<string, { js: string; css?: string }>;
  styles: Record<string, string>;
}

export async function bundle(root: string, assetsDir: string, entries: BrowserEntry[] = [DECK_ENTRY, LANDING_ENTRY, ...browserEntries]): Promise<BundleOutput> {
  const common = {
    absWorkingDir: root,
    bundle: true,
    minify: true,
    write: true,
    outdir: assetsDir,
    entryNames: '[name].[hash]',
    assetNames: 'fonts/[name].[hash]',
    loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' } as const,
    metafile: true,
    logLevel: 'silent' as const,
    legalComments: 'none' as const,
  };
  const [js, css] = await Promise.all([
    build({
      ...common,
      entryPoints: Object.fromEntries(entries.map((e) => [e.name, e.entry])),
      format: 'iife',
      platform: 'browser',
      target: ['chrome100', 'firefox100', 'safari15'],
      define: { 'process.env.NODE_ENV': '"production"' },
      sourcemap: false,
    }),
    build({
      ...common,
      entryPoints: Object.fromEntries(Object.entries(STYLE_ENTRIES).map(([k, v]) => [`${k}`, v])),
      target: ['chrome100', 'firefox100', 'safari15'],
    }),
  ]);
  const rel = (p: string) => relative(assetsDir, join(root, p)).split('\\').join('/');
  const scripts: BundleOutput['scripts'] = {};
  for (const [out, meta] of Object.entries(js.metafile!.outputs) as [string, Metafile['outputs'][string]][]) {
    if (!meta.entryPoint || !out.endsWith('.js')) continue;
    const entry = entries.find((e) => e.entry === meta.entryPoint || join(root, e.entry) === join(root, meta.entryPoint!));
    if (!entry) continue;
    scripts[entry.name] = { js: rel(out), ...(meta.cssBundle ? { css: rel(meta.cssBundle) } : {}) };
  }
  const styles: Record<string, string> = {};
  for (const [out, meta] of Object.entries(css.metafile!.outputs)) {
    if (!meta.entryPoint || !out.endsWith('.css')) continue;
    const name = Object.entries(STYLE_ENTRIES).find(([, v]) => v === meta.entryPoint)?.[0];
    if (name) styles[name] = rel(out);
  }
  return { scripts, styles };
}
