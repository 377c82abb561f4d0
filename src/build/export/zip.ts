/** curso.zip: the whole static site (with its downloads) to unpack and open anywhere. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

/** Files whose bytes are already compressed: stored as they are, deflating them only costs time. */
const STORED = /\.(png|jpe?g|gif|webp|avif|woff2?|pdf|zip|gz)$/i;

export interface ZipEntry {
  /** path inside the site, with forward slashes */
  path: string;
  bytes: Uint8Array;
}

/** Every file below `dir`, skipping top-level names `skip` and hidden files (temporary folders). */
export function siteFiles(dir: string, skip: string[]): ZipEntry[] {
  const out: ZipEntry[] = [];
  (function walk(d: string) {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      const rel = relative(dir, p).split(sep).join('/');
      if (d === dir && skip.includes(name)) continue;
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: rel, bytes: readFileSync(p) });
    }
  })(dir);
  return out;
}

/** A zip whose files all sit below one folder, so unpacking never scatters them. */
export function zipSite(entries: ZipEntry[], folder: string): Uint8Array {
  const tree: Zippable = {};
  const mtime = new Date();
  for (const e of entries) {
    tree[`${folder}/${e.path}`] = [e.bytes, { level: STORED.test(e.path) ? 0 : 6, mtime }];
  }
  return zipSync(tree);
}
