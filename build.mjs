// Entry of the build: compiles the TypeScript build chain (src/build/main.ts) with esbuild into
// .cache/ and runs it. `node build.mjs` builds once; `node build.mjs --serve` builds, watches and serves.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const cacheDir = join(root, '.cache');
const out = join(cacheDir, 'build.mjs');
const stampFile = join(cacheDir, 'build.inputs.json');
mkdirSync(cacheDir, { recursive: true });

/** Size and mtime of every source file the compiled chain was made from. */
function stamp(paths) {
  return Object.fromEntries(
    paths.map((p) => {
      try {
        const s = statSync(join(root, p));
        return [p, `${s.size}:${s.mtimeMs}`];
      } catch {
        return [p, 'missing'];
      }
    }),
  );
}

function upToDate() {
  if (!existsSync(out) || !existsSync(stampFile)) return false;
  try {
    const old = JSON.parse(readFileSync(stampFile, 'utf8'));
    const now = stamp(Object.keys(old));
    return Object.keys(old).every((p) => old[p] === now[p]);
  } catch {
    return false;
  }
}

// Recompiled only when one of its sources changed: most runs reuse the cached chain.
if (!upToDate()) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/build/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    write: false,
    metafile: true,
    outfile: out,
    logLevel: 'error',
  }).catch(() => process.exit(1));
  // Written under private names and renamed, so builds running side by side never read a half-written file.
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents);
  renameSync(tmp, out);
  const stampTmp = `${stampFile}.${process.pid}.tmp`;
  writeFileSync(stampTmp, JSON.stringify(stamp([...Object.keys(result.metafile.inputs), 'build.mjs'])));
  renameSync(stampTmp, stampFile);
}
process.setSourceMapsEnabled(true);
const { main } = await import(pathToFileURL(out).href);
await main(process.argv.slice(2), root);
