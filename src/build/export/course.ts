/** What the export needs to know about the course: its metadata and the decks in order. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface ExportDeck {
  slug: string;
  number: number;
  title: string;
  summary: string;
  /** slides/<file>.md, for messages */
  file: string;
}

export interface ExportCourse {
  title: string;
  author: string;
  lang: string;
  description: string;
  decks: ExportDeck[];
}

const SECTION_FILE = /^(\d+)-(.+)\.md$/;

/** The slug of a section file, as the build names its folder: the file name without `NN-` and `.md`. */
export function slugOf(fileName: string): string | null {
  const m = SECTION_FILE.exec(fileName);
  return m ? m[2] : null;
}

function frontMatter(text: string): Record<string, unknown> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!m) return {};
  const data = parseYaml(m[1]) as unknown;
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : fallback;
}

/** Reads slides/course.yml and the front matter of every section, ordered by their number. */
export function readCourse(slidesDir: string): ExportCourse {
  const coursePath = join(slidesDir, 'course.yml');
  const info = existsSync(coursePath) ? ((parseYaml(readFileSync(coursePath, 'utf8')) as Record<string, unknown>) ?? {}) : {};
  const decks: ExportDeck[] = [];
  for (const name of readdirSync(slidesDir)) {
    const m = SECTION_FILE.exec(name);
    if (!m) continue;
    const fm = frontMatter(readFileSync(join(slidesDir, name), 'utf8'));
    decks.push({
      slug: m[2],
      number: Number(m[1]),
      title: str(fm.title, m[2]),
      summary: str(fm.summary, ''),
      file: `slides/${name}`,
    });
  }
  decks.sort((a, b) => a.number - b.number || a.slug.localeCompare(b.slug));
  return {
    title: str(info.title, 'Curso'),
    author: str(info.author, ''),
    lang: str(info.lang, 'es'),
    description: str(info.description, ''),
    decks,
  };
}
