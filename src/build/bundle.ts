/**
 * Browser code and styles with esbuild: every entry becomes a classic IIFE script (file:// cannot
 * load module scripts) with a content hash in its name; CSS bundles carry the fonts along.
 */
import { build, type Metafile } from 'esbuild';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

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

/** The browsers the decks support: esbuild lowers only what they lack. */
export const TARGET = ['chrome100', 'firefox100', 'safari15'];

interface FreshBundle {
  output: BundleOutput;
  /** every source file esbuild read, relative to the project root */
  inputs: string[];
  /** every file written, relative to the assets dir */
  files: string[];
}

interface CacheManifest {
  inputs: Record<string, string>;
  output: BundleOutput;
  files: string[];
}

/**
 * Bundles the entries into assetsDir. The result is kept in <root>/.cache/bundles and reused while
 * none of the files esbuild read has changed (size and mtime), so most builds copy instead of
 * bundling and minifying reveal.js, xterm.js and the simulator again.
 */
export async function bundle(
  root: string,
  assetsDir: string,
  entries: BrowserEntry[] = [DECK_ENTRY, LANDING_ENTRY, ...browserEntries],
  cacheDir: string | null = join(root, '.cache', 'bundles'),
): Promise<BundleOutput> {
  if (!cacheDir) return (await bundleFresh(root, assetsDir, entries)).output;
  const key = createHash('sha256')
    .update(JSON.stringify({ entries: entries.map((e) => [e.name, e.entry]), styles: STYLE_ENTRIES, TARGET, v: 2 }))
    .digest('hex')
    .slice(0, 16);
  const dir = join(cacheDir, key);
  const cached = readCache(root, dir);
  if (cached) {
    for (const f of cached.files) {
      mkdirSync(dirname(join(assetsDir, f)), { recursive: true });
      cpSync(join(dir, 'files', f), join(assetsDir, f));
    }
    return cached.output;
  }
  const fresh = await bundleFresh(root, assetsDir, entries);
  try {
    writeCache(root, dir, assetsDir, fresh);
  } catch {
    // a cache that cannot be written only costs the next build some time
  }
  return fresh.output;
}

function stamp(root: string, path: string): string {
  try {
    const s = statSync(join(root, path));
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function readCache(root: string, dir: string): CacheManifest | null {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as CacheManifest;
    for (const [path, was] of Object.entries(manifest.inputs)) if (stamp(root, path) !== was) return null;
    if (!manifest.files.every((f) => existsSync(join(dir, 'files', f)))) return null;
    return manifest;
  } catch {
    return null;
  }
}

function writeCache(root: string, dir: string, assetsDir: string, fresh: FreshBundle): void {
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  for (const f of fresh.files) {
    mkdirSync(dirname(join(tmp, 'files', f)), { recursive: true });
    cpSync(join(assetsDir, f), join(tmp, 'files', f));
  }
  const manifest: CacheManifest = { inputs: Object.fromEntries(fresh.inputs.map((p) => [p, stamp(root, p)])), output: fresh.output, files: fresh.files };
  writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest));
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function bundleFresh(root: string, assetsDir: string, entries: BrowserEntry[]): Promise<FreshBundle> {
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
    // pages are UTF-8; Spanish text stays readable and smaller than \x escapes
    charset: 'utf8' as const,
  };
  const [js, css] = await Promise.all([
    build({
      ...common,
      entryPoints: Object.fromEntries(entries.map((e) => [e.name, e.entry])),
      format: 'iife',
      platform: 'browser',
      target: TARGET,
      define: { 'process.env.NODE_ENV': '"production"' },
      sourcemap: false,
    }),
    build({
      ...common,
      entryPoints: Object.fromEntries(Object.entries(STYLE_ENTRIES).map(([k, v]) => [`${k}`, v])),
      target: TARGET,
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
  // dependency updates and compiler settings change bundles without touching a source file
  const settings = ['package-lock.json', 'tsconfig.json'];
  const inputs = [...new Set([...Object.keys(js.metafile!.inputs), ...Object.keys(css.metafile!.inputs), ...settings])].filter((p) => !p.includes(':'));
  const files = [...Object.keys(js.metafile!.outputs), ...Object.keys(css.metafile!.outputs)].map(rel);
  return { output: { scripts, styles }, inputs, files };
}
