/** The whole chain: parse -> validate -> fence plugins -> render -> bundle -> write (staged, then swapped). */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BuildContext, BuildError, FenceBlock, FencePlugin, FenceResult } from './types';
import type { Course, Deck } from './model';
import { parseDeck } from './parse';
import { validateDecks } from './validate';
import { fencePlugins, pluginFor as findPlugin } from './fences';
import { readCourseInfo, listSections } from './course';
import { renderDeckPage, renderLandingPage, renderSlides } from './render';
import { bundle, browserEntries, DECK_ENTRY, LANDING_ENTRY, type BrowserEntry } from './bundle';
import { buildSearchIndex, searchIndexScript } from './search-index';
import { createStaging, copyDir, discard, swapInto, writeFile } from './write';

export interface BuildOptions {
  root: string;
  slidesDir?: string;
  /** images and other files authors reference; default <root>/assets */
  assetsDir?: string;
  outDir?: string;
  plugins?: FencePlugin[];
  entries?: BrowserEntry[];
  log?: (message: string) => void;
  warn?: (message: string) => void;
}

export interface BuildResult {
  ok: boolean;
  errors: BuildError[];
  decks: { slug: string; file: string; title: string; needs: string[] }[];
  outDir: string;
  ms: number;
  /** milliseconds per phase (phases overlap: bundling runs while the fence plugins work) */
  timings: Record<string, number>;
}

export async function buildCourse(opts: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const root = opts.root;
  const slidesDir = opts.slidesDir ?? join(root, 'slides');
  const assetsDir = opts.assetsDir ?? join(root, 'assets');
  const outDir = opts.outDir ?? join(root, 'dist');
  const plugins = opts.plugins ?? fencePlugins;
  const pluginFor = (lang: string) => findPlugin(lang, plugins);
  const ctx: BuildContext = {
    root,
    cacheDir: join(root, '.cache'),
    log: opts.log ?? (() => {}),
    warn: opts.warn ?? ((m) => console.warn(m)),
  };
  const errors: BuildError[] = [];
  const timings: Record<string, number> = {};
  let phaseStart = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - phaseStart);
    phaseStart = now;
  };
  const done = (ok: boolean, decks: Deck[] = [], needs = new Map<string, Set<string>>()): BuildResult => ({
    ok,
    errors: sortErrors(errors),
    decks: decks.map((d) => ({ slug: d.slug, file: d.file, title: d.meta.title, needs: [...(needs.get(d.slug) ?? [])] })),
    outDir,
    ms: performance.now() - started,
    timings,
  });

  if (!existsSync(slidesDir)) {
    errors.push({ file: relative(root, slidesDir) || '.', line: 1, message: 'no existe la carpeta de diapositivas' });
    return done(false);
  }
  const courseInfo = readCourseInfo(root, slidesDir);
  errors.push(...courseInfo.errors);
  const sections = listSections(root, slidesDir);
  errors.push(...sections.errors);
  if (sections.files.length === 0 && sections.errors.length === 0) {
    errors.push({ file: relative(root, slidesDir), line: 1, message: 'no hay ninguna sección (archivos NN-nombre.md)' });
  }

  const decks: Deck[] = [];
  for (const path of sections.files) {
    const file = relative(root, path).split('\\').join('/');
    const parsed = parseDeck(file, readFileSync(path, 'utf8'), (lang) => pluginFor(lang) !== undefined);
    decks.push(parsed.deck);
    errors.push(...parsed.errors);
  }
  errors.push(...validateDecks(decks, assetsDir, pluginFor));

  // Fences of one language across the whole course go to their plugin in a single call.
  const byLang = new Map<string, FenceBlock[]>();
  for (const d of decks) for (const s of d.stacks) for (const sl of s) for (const f of sl.fences) byLang.set(f.lang, [...(byLang.get(f.lang) ?? []), f]);
  const fenceResults = new Map<string, FenceResult>();
  const needs = new Map<string, Set<string>>();
  const allEntries = opts.entries ?? [DECK_ENTRY, LANDING_ENTRY, ...browserEntries];
  phase('parse+validate');
  const bundling = (async () => {
    const staging = createStaging(outDir);
    try {
      const t = performance.now();
      const out = await bundle(root, join(staging, 'assets'), allEntries.filter((e) => !e.onlyWhenNeeded));
      timings.bundle = Math.round(performance.now() - t);
      return { staging, out };
    } catch (e) {
      discard(staging);
      throw e;
    }
  })();
  await Promise.all(
    [...byLang].map(async ([lang, fences]) => {
      const plugin = pluginFor(lang)!;
      const t = performance.now();
      try {
        const r = await plugin.render(fences, ctx);
        timings[`fences:${lang}`] = Math.round(performance.now() - t);
        errors.push(...r.errors);
        for (const [id, res] of r.results) {
          fenceResults.set(id, res);
          const f = fences.find((x) => x.id === id);
          if (f && res.needs?.length) needs.set(f.deck, new Set([...(needs.get(f.deck) ?? []), ...res.needs]));
        }
      } catch (e) {
        errors.push({ file: fences[0].file, line: fences[0].line, message: `fallo interno al procesar los bloques \`${lang}\`: ${(e as Error).message}` });
      }
    }),
  );

  let staged: Awaited<typeof bundling>;
  try {
    staged = await bundling;
    phase('fences+bundle');
  } catch (e) {
    errors.push(...bundleErrors(root, e));
    return done(false, decks, needs);
  }
  if (errors.length) {
    discard(staged.staging);
    return done(false, decks, needs);
  }
  // Heavy bundles only when some deck needs them (the viewer's Mermaid weighs megabytes).
  const wanted = allEntries.filter((e) => e.onlyWhenNeeded && [...needs.values()].some((n) => n.has(e.need ?? e.name)));
  if (wanted.length) {
    try {
      Object.assign(staged.out.scripts, (await bundle(root, join(staged.staging, 'assets'), wanted)).scripts);
    } catch (e) {
      discard(staged.staging);
      errors.push(...bundleErrors(root, e));
      return done(false, decks, needs);
    }
  }

  const { staging, out } = staged;
  try {
    const course: Course = { ...courseInfo.info, decks };
    copyUserAssets(assetsDir, join(staging, 'assets'));
    const entries = opts.entries ?? [DECK_ENTRY, LANDING_ENTRY, ...browserEntries];
    const slidesHtml = new Map(decks.map((d) => [d.slug, renderSlides(d, { fenceResults })]));
    // Course search: one index over every deck, a classic script (decks opened from file:// cannot fetch)
    const search = searchIndexScript(buildSearchIndex(decks.map((d) => ({ slug: d.slug, title: d.meta.title, html: slidesHtml.get(d.slug)! }))));
    writeFile(staging, `assets/${search.fileName}`, search.content);
    for (const deck of decks) {
      const deckNeeds = needs.get(deck.slug) ?? new Set<string>();
      const scripts: Record<string, string> = {};
      const styles: Record<string, string> = {};
      for (const e of entries) {
        if (e.name === DECK_ENTRY.name || e.name === LANDING_ENTRY.name || !out.scripts[e.name]) continue;
        if (!e.always && !deckNeeds.has(e.need ?? e.name)) continue;
        scripts[e.name] = `../assets/${out.scripts[e.name].js}`;
        if (out.scripts[e.name].css) styles[e.name] = `../assets/${out.scripts[e.name].css}`;
      }
      scripts.search = `../assets/${search.fileName}`;
      const config = { deck: deck.slug, title: deck.meta.title, number: deck.number, course: course.title, lang: deck.meta.lang, needs: [...deckNeeds], scripts, styles };
      const html = renderDeckPage(course, deck, slidesHtml.get(deck.slug)!, {
        css: [`../assets/${out.styles.deck}`, ...(out.scripts.deck?.css ? [`../assets/${out.scripts.deck.css}`] : [])],
        deckScript: `../assets/${out.scripts.deck.js}`,
        config,
      });
      writeFile(staging, `${deck.slug}/index.html`, html);
    }
    const landingScripts = [`assets/${search.fileName}`, ...(out.scripts[LANDING_ENTRY.name] ? [`assets/${out.scripts[LANDING_ENTRY.name].js}`] : [])];
    writeFile(staging, 'index.html', renderLandingPage(course, [`assets/${out.styles.landing}`], landingScripts));
    phase('render+write');
    swapInto(staging, outDir);
  } catch (e) {
    discard(staging);
    throw e;
  }
  return done(true, decks, needs);
}

/** Everything under assets/ except the theme sources (those are bundled). */
function copyUserAssets(from: string, to: string): void {
  if (!existsSync(from)) return;
  for (const name of readdirSync(from)) {
    if (name === 'theme') continue;
    copyDir(join(from, name), join(to, name));
  }
}

function bundleErrors(root: string, e: unknown): BuildError[] {
  const errs = (e as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors;
  if (!errs?.length) return [{ file: 'src/deck/main.ts', line: 1, message: `esbuild: ${(e as Error).message}` }];
  return errs.map((x) => ({ file: x.location ? relative(root, join(root, x.location.file)) : 'src', line: x.location?.line ?? 1, message: `esbuild: ${x.text}` }));
}

function sortErrors(errors: BuildError[]): BuildError[] {
  // The pipeline checks every fence's options and a plugin may check them again on its own:
  // the same unknown option at the same line is one mistake, reported once.
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = `${e.file}:${e.line}:${/^opción desconocida «[^»]*»/.exec(e.message)?.[0] ?? e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
