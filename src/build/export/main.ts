/** `npm run export [-- --notes] [--dist DIR] [--jobs N]`: see export.ts. */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ExportFailure, runExport } from './export';

const USAGE = `Uso: npm run export [-- opciones]
  --notes        también el PDF con las notas del ponente bajo cada diapositiva (<sección>-notas.pdf)
  --dist DIR     sitio construido a exportar (por defecto: dist)
  --slides DIR   carpeta del curso (por defecto: slides)
  --jobs N       secciones impresas a la vez (por defecto: 2)
  --timeout S    segundos de espera por sección a reveal, diagramas y terminales (por defecto: 30)
  -h, --help     esta ayuda`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        notes: { type: 'boolean', default: false },
        dist: { type: 'string' },
        slides: { type: 'string' },
        jobs: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    console.error(`Opciones no válidas: ${(e as Error).message}\n\n${USAGE}`);
    return 64;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const root = process.cwd();
  const jobs = args.jobs === undefined ? 2 : Number(args.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) {
    console.error(`--jobs debe ser un número entero positivo (recibido: ${args.jobs})`);
    return 64;
  }
  const timeout = args.timeout === undefined ? 30 : Number(args.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) {
    console.error(`--timeout debe ser un número de segundos positivo (recibido: ${args.timeout})`);
    return 64;
  }
  try {
    await runExport({
      distDir: resolve(root, args.dist ?? 'dist'),
      slidesDir: resolve(root, args.slides ?? join('slides')),
      notes: args.notes ?? false,
      jobs,
      thumbWidth: 640,
      timeoutMs: timeout * 1000,
      log: (l) => console.log(l),
      warn: (l) => console.warn(l),
    });
    return 0;
  } catch (e) {
    if (e instanceof ExportFailure) {
      console.error(e.message);
      return e.code;
    }
    console.error(`La exportación ha fallado; dist/export no se ha modificado.\n${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
