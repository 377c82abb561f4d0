// Entry of the build: compiles the TypeScript build chain (src/build/main.ts) with esbuild into
// .cache/ and runs it. `node build.mjs` builds once; `node build.mjs --serve` builds, watches and serves.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const cacheDir = join(root, '.cache');
mkdirSync(cacheDir, { recursive: true });

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
  outfile: join(cacheDir, 'build.mjs'),
  logLevel: 'error',
});
// Written under a private name and renamed, so builds running side by side never read a half-written file.
const out = join(cacheDir, 'build.mjs');
const tmp = `${out}.${process.pid}.tmp`;
writeFileSync(tmp, result.outputFiles[0].contents);
renameSync(tmp, out);
process.setSourceMapsEnabled(true);
const { main } = await import(`${pathToFileURL(out).href}?t=${Date.now()}`);
await main(process.argv.slice(2), root);
