/**
 * On-disk cache of rendered diagrams: `.cache/mermaid/<key>.svg`, holding the canonical SVG (see
 * svg.ts). The key covers everything that changes the drawing: the diagram text, the Mermaid
 * configuration (theme, fonts, layout), the Mermaid version and the format of the cached file.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { MermaidConfig } from 'mermaid';

/** Bump when the cached file changes meaning in a way the sources below do not capture. */
export const CACHE_FORMAT = 2;

/** Code that shapes the cached SVG besides Mermaid itself: a change to any of it redraws everything. */
export const RENDERER_SOURCES = ['render-page.ts', 'polish.ts', 'svg.ts', 'errors.ts', 'theme.ts'];

const fingerprints = new Map<string, string>();

/** Hash of the renderer sources (read from the project, since the build runs bundled elsewhere). */
export function rendererFingerprint(root: string): string {
  let f = fingerprints.get(root);
  if (f === undefined) {
    const h = createHash('sha256');
    for (const name of RENDERER_SOURCES) {
      try {
        h.update(readFileSync(join(root, 'src', 'diagrams', name)));
      } catch {
        h.update(`missing:${name}`);
      }
    }
    f = h.digest('hex').slice(0, 16);
    fingerprints.set(root, f);
  }
  return f;
}

const versions = new Map<string, string>();

/**
 * Installed Mermaid version, read from its package.json (never by loading Mermaid itself),
 * resolved from the project root because the build runs bundled from another folder.
 */
export function mermaidVersion(root = process.cwd()): string {
  let v = versions.get(root);
  if (v === undefined) {
    const require = createRequire(join(root, 'package.json'));
    v = (JSON.parse(readFileSync(require.resolve('mermaid/package.json'), 'utf8')) as { version: string }).version;
    versions.set(root, v);
  }
  return v;
}

/** JSON with sorted keys, so the key does not depend on property order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Line endings and trailing blanks do not change a drawing. */
export function normalizeDiagramText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n+$/, '');
}

/** Serialising the configuration costs more than hashing a diagram: done once per config object. */
const configJson = new WeakMap<object, string>();

export function cacheKey(text: string, config: MermaidConfig, mermaid: string, renderer = ''): string {
  let json = configJson.get(config);
  if (json === undefined) {
    json = stableJson(config);
    configJson.set(config, json);
  }
  return createHash('sha256')
    .update(`aula-mermaid ${CACHE_FORMAT}\n${mermaid}\n${renderer}\n${json}\n`)
    .update(normalizeDiagramText(text))
    .digest('hex');
}

export function cacheDirFor(cacheDir: string): string {
  return join(cacheDir, 'mermaid');
}

export function readCached(cacheDir: string, key: string): string | null {
  try {
    const svg = readFileSync(join(cacheDirFor(cacheDir), `${key}.svg`), 'utf8');
    return svg.startsWith('<svg') && svg.trimEnd().endsWith('</svg>') ? svg : null;
  } catch {
    return null;
  }
}

/** Written to a temporary name and renamed, so a build killed half-way never leaves half an SVG. */
export function writeCached(cacheDir: string, key: string, svg: string): void {
  const dir = cacheDirFor(cacheDir);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${key}.${process.pid}.tmp`);
  writeFileSync(tmp, svg);
  renameSync(tmp, join(dir, `${key}.svg`));
}
