import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { buildCourse } from '../../../src/build/build';
import { FIXTURES, ROOT } from './fixture-decks';

const COURSE = join(FIXTURES, 'course');

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'aula-build-test-'));
}

/** The fixture course copied somewhere it can be broken. */
function copyCourse(): { dir: string; slides: string; assets: string } {
  const dir = tmp();
  cpSync(COURSE, join(dir, 'slides'), { recursive: true });
  return { dir, slides: join(dir, 'slides'), assets: join(dir, 'slides', 'assets') };
}

const build = (slidesDir: string, assetsDir: string, outDir: string) => buildCourse({ root: ROOT, slidesDir, assetsDir, outDir, plugins: [] });

test('compila el curso: índice, una página por sección, recursos con hash', async () => {
  const out = join(tmp(), 'dist');
  const r = await build(COURSE, join(COURSE, 'assets'), out);
  assert.deepEqual(r.errors, []);
  assert.ok(r.ok);
  assert.deepEqual(r.decks.map((d) => d.slug), ['basico', 'segunda', 'decima'], 'en el orden de su número, no del nombre');
  for (const slug of ['basico', 'segunda', 'decima']) assert.ok(existsSync(join(out, slug, 'index.html')), slug);
  const assets = readdirSync(join(out, 'assets'));
  assert.ok(assets.some((f) => /^deck\.[A-Z0-9]{8}\.js$/.test(f)), assets.join(' '));
  assert.ok(assets.some((f) => /^deck\.[A-Z0-9]{8}\.css$/.test(f)), assets.join(' '));
  assert.ok(existsSync(join(out, 'assets', 'img', 'ballena.svg')));
  assert.ok(readdirSync(join(out, 'assets', 'fonts')).some((f) => f.endsWith('.woff2')));
});

test('la página de una sección: configuración, scripts clásicos y nada que no exista', async () => {
  const out = join(tmp(), 'dist');
  await build(COURSE, join(COURSE, 'assets'), out);
  const page = readFileSync(join(out, 'basico', 'index.html'), 'utf8');
  const config = JSON.parse(/<script id="aula-config" type="application\/json">(.*?)<\/script>/.exec(page)![1]);
  assert.equal(config.deck, 'basico');
  assert.equal(config.title, 'Lo básico');
  assert.equal(typeof config.scripts, 'object');
  assert.doesNotMatch(page, /type="module"/);
  assert.match(page, /<html lang="es">/);
  assert.match(page, /<div class="reveal"><div class="slides">\n<section data-source="/);
  // every local reference of the page resolves to a file of the build
  const refs = [...page.matchAll(/(?:src|href)="(\.\.\/[^"#?]+)"/g)].map((m) => m[1]);
  assert.ok(refs.length >= 3);
  for (const ref of refs) assert.ok(existsSync(join(out, 'basico', ref)), ref);
  for (const url of Object.values(config.scripts) as string[]) assert.ok(existsSync(join(out, 'basico', url)), url);
  assert.doesNotMatch(page, /https?:\/\/(?!www\.w3\.org)/, 'ninguna dirección externa');
});

test('el índice del curso: título, autor, secciones con número, título, resumen y enlace', async () => {
  const out = join(tmp(), 'dist');
  await build(COURSE, join(COURSE, 'assets'), out);
  const page = readFileSync(join(out, 'index.html'), 'utf8');
  assert.match(page, /<title>Curso de prueba<\/title>/);
  assert.match(page, /<h1>Curso de prueba<\/h1>/);
  assert.match(page, /Equipo de pruebas/);
  const items = [...page.matchAll(/<a href="([^"]+)">\n<span class="section-number" aria-hidden="true">(\d+)<\/span>\n<span class="section-text">\n<span class="section-title">([^<]+)<\/span>/g)].map((m) => [m[1], m[2], m[3]]);
  assert.deepEqual(items, [
    ['basico/index.html', '01', 'Lo básico'],
    ['segunda/index.html', '02', 'Segunda sección'],
    ['decima/index.html', '10', 'Décima'],
  ]);
  assert.match(page, /Diapositivas horizontales, verticales, notas y fragmentos\./);
  assert.match(page, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
});

test('mermaid y terminal sin módulo registrado: aviso en lugar del bloque', async () => {
  const out = join(tmp(), 'dist');
  await build(COURSE, join(COURSE, 'assets'), out);
  const page = readFileSync(join(out, 'basico', 'index.html'), 'utf8');
  assert.match(page, /class="aula-placeholder"[^>]*data-lang="mermaid"/);
  assert.match(page, /class="aula-placeholder"[^>]*data-lang="terminal"/);
  assert.doesNotMatch(page, /graph LR/);
});

test('una compilación fallida informa de todos los errores y deja intacta la salida anterior', async () => {
  const { dir, slides, assets } = copyCourse();
  const out = join(dir, 'dist');
  assert.ok((await build(slides, assets, out)).ok);
  const before = readFileSync(join(out, 'basico', 'index.html'), 'utf8');
  writeFileSync(join(slides, '02-segunda.md'), '---\ntitle: [roto\n---\n\n# x\n');
  writeFileSync(join(slides, '03-tercera.md'), '---\ntitle: T\nsummary: S\n---\n\n![x](img/nada.png)\n\n```bash\nsin cerrar\n');
  const r = await build(slides, assets, out);
  assert.equal(r.ok, false);
  const rel = (f: string) => f.replace(/^.*\/slides\//, 'slides/');
  assert.deepEqual(
    r.errors.map((e) => `${rel(e.file)}:${e.line}`),
    ['slides/02-segunda.md:2', 'slides/03-tercera.md:6', 'slides/03-tercera.md:8'],
  );
  assert.equal(readFileSync(join(out, 'basico', 'index.html'), 'utf8'), before);
  assert.ok(!existsSync(join(out, 'tercera')));
  assert.deepEqual(readdirSync(dir).filter((n) => n.includes('.tmp-') || n.includes('.old-')), [], 'sin restos de la compilación');
});

test('course.yml ausente o incompleto, y un archivo con mal nombre', async () => {
  const { dir, slides, assets } = copyCourse();
  writeFileSync(join(slides, 'course.yml'), 'title: Curso\nautor: X\n');
  writeFileSync(join(slides, 'tema-sin-numero.md'), '# x\n');
  const r = await build(slides, assets, join(dir, 'dist'));
  const rel = (f: string) => f.replace(/^.*\/slides\//, 'slides/');
  assert.deepEqual(
    r.errors.map((e) => `${rel(e.file)}:${e.line}: ${e.message.split(' ').slice(0, 3).join(' ')}`),
    ['slides/course.yml:1: falta `author` en', 'slides/course.yml:2: clave desconocida «autor»', 'slides/tema-sin-numero.md:1: nombre de sección'],
  );
  rmSync(join(slides, 'course.yml'));
  const r2 = await build(slides, assets, join(dir, 'dist'));
  assert.ok(r2.errors.some((e) => e.file.endsWith('course.yml') && /falta el archivo del curso/.test(e.message)));
});

test('node build.mjs: código de salida distinto de cero y cada error como archivo:línea', () => {
  const { dir, slides, assets } = copyCourse();
  writeFileSync(join(slides, '01-basico.md'), readFileSync(join(slides, '01-basico.md'), 'utf8').replace('summary: Diapositivas', 'sumario: Diapositivas') + '\n```bash\n');
  const out = join(dir, 'dist');
  const r = spawnSync(process.execPath, [join(ROOT, 'build.mjs'), '--slides', slides, '--assets', assets, '--out', out], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stderr.split('\n').filter((l) => /\.md:\d+: /.test(l));
  assert.equal(lines.length, 3, r.stderr);
  assert.match(r.stderr, /01-basico\.md:1: falta `summary`/);
  assert.match(r.stderr, /01-basico\.md:4: clave desconocida «sumario»/);
  assert.match(r.stderr, /01-basico\.md:\d+: bloque de código sin cerrar/);
  assert.match(r.stderr, /La compilación falló: 3 errores/);
  assert.ok(!existsSync(out));
});

test('node build.mjs rechaza opciones desconocidas', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'build.mjs'), '--nada'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /opción desconocida: --nada/);
});

test('una opción desconocida que también comprueba el módulo del bloque se informa una sola vez', async () => {
  const { dir, slides, assets } = copyCourse();
  const file = readdirSync(slides).find((f) => f.endsWith('.md'))!;
  writeFileSync(join(slides, file), readFileSync(join(slides, file), 'utf8') + '\n---\n\n```terminal colour=red\ndocker ps\n```\n');
  const echoing = {
    lang: 'terminal',
    options: ['title'] as const,
    // a plugin that validates its own options, as the real terminal and diagram modules do
    render: async (fences: { id: string; file: string; line: number; options: Record<string, string> }[]) => ({
      results: new Map(),
      errors: fences.flatMap((f) => Object.keys(f.options).filter((k) => k !== 'title').map((k) => ({ file: f.file, line: f.line, message: `opción desconocida «${k}» en el terminal` }))),
    }),
  };
  const r = await buildCourse({ root: ROOT, slidesDir: slides, assetsDir: assets, outDir: join(dir, 'dist'), plugins: [echoing] });
  const colour = r.errors.filter((e) => e.message.includes('«colour»'));
  assert.equal(colour.length, 1, r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  rmSync(dir, { recursive: true, force: true });
});
