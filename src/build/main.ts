/** Command line of the build (run through build.mjs): build once, or `--serve` to build, watch and serve. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCourse } from './build';
import { formatBuildError } from './types';
import { serve } from './serve';

export interface CliOptions {
  serve: boolean;
  outDir?: string;
  slidesDir?: string;
  assetsDir?: string;
  report?: string;
  port?: number;
  quiet: boolean;
  timings: boolean;
}

export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { serve: false, quiet: false, timings: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`falta el valor de ${a}`);
      return v;
    };
    if (a === '--serve') opts.serve = true;
    else if (a === '--out') opts.outDir = value();
    else if (a === '--slides') opts.slidesDir = value();
    else if (a === '--assets') opts.assetsDir = value();
    else if (a === '--report') opts.report = value();
    else if (a === '--port') opts.port = Number(value());
    else if (a === '--quiet') opts.quiet = true;
    else if (a === '--timings') opts.timings = true;
    else throw new Error(`opción desconocida: ${a} (use --serve, --out DIR, --slides DIR, --assets DIR, --port N, --timings)`);
  }
  return opts;
}

export async function main(argv: string[], root: string): Promise<void> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 2;
    return;
  }
  if (opts.serve) {
    const buildArgs = argv.filter((a, i) => a !== '--serve' && a !== '--port' && argv[i - 1] !== '--port');
    const watchDirs = [resolve(root, opts.slidesDir ?? 'slides'), resolve(root, 'src'), resolve(root, 'assets'), ...(opts.assetsDir ? [resolve(root, opts.assetsDir)] : [])];
    await serve({ root, port: opts.port ?? 8000, buildArgs, outDir: resolve(root, opts.outDir ?? 'dist'), watchDirs });
    return;
  }
  const result = await buildCourse({
    root,
    outDir: opts.outDir ? resolve(opts.outDir) : undefined,
    slidesDir: opts.slidesDir ? resolve(opts.slidesDir) : undefined,
    assetsDir: opts.assetsDir ? resolve(opts.assetsDir) : undefined,
  });
  if (opts.report) {
    // CPU time of this process since it started: on a busy machine a fairer cost than wall time
    const cpu = process.cpuUsage();
    writeFileSync(opts.report, JSON.stringify({ ok: result.ok, errors: result.errors, ms: result.ms, timings: result.timings, cpuMs: (cpu.user + cpu.system) / 1000 }));
  }
  if (!result.ok) {
    for (const e of result.errors) console.error(formatBuildError(e));
    const n = result.errors.length;
    console.error(`\nLa compilación falló: ${n} ${n === 1 ? 'error' : 'errores'}. La carpeta ${result.outDir} no se ha modificado.`);
    process.exitCode = 1;
    return;
  }
  if (!opts.quiet) console.log(`Compilado: ${result.decks.length} secciones en ${Math.round(result.ms)} ms -> ${result.outDir}`);
  if (opts.timings) console.log(Object.entries(result.timings).map(([k, v]) => `  ${k}: ${v} ms`).join('\n'));
}
