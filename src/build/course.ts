/** The course folder: `course.yml` for the landing page and one `NN-slug.md` per section. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import type { BuildError } from './types';
import { SECTION_FILE } from './parse';

export interface CourseInfo {
  title: string;
  author: string;
  lang: string;
  description: string;
}

const COURSE_KEYS = ['title', 'author', 'lang', 'description'];

export function readCourseInfo(root: string, slidesDir: string): { info: CourseInfo; errors: BuildError[] } {
  const path = join(slidesDir, 'course.yml');
  const file = relative(root, path).split('\\').join('/');
  const info: CourseInfo = { title: '', author: '', lang: 'es', description: '' };
  const errors: BuildError[] = [];
  if (!existsSync(path)) {
    errors.push({ file, line: 1, message: 'falta el archivo del curso (title, author, lang, description)' });
    return { info, errors };
  }
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: counter, prettyErrors: false });
  for (const e of doc.errors) errors.push({ file, line: counter.linePos(e.pos[0]).line, message: `YAML no válido: ${e.message.split('\n')[0]}` });
  if (errors.length) return { info, errors };
  if (!isMap(doc.contents)) {
    errors.push({ file, line: 1, message: 'el archivo del curso debe ser una lista de claves (title, author, lang, description)' });
    return { info, errors };
  }
  for (const item of doc.contents.items) {
    const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
    const line = isScalar(item.key) && item.key.range ? counter.linePos(item.key.range[0]).line : 1;
    const value = isScalar(item.value) ? item.value.value : undefined;
    if (!COURSE_KEYS.includes(key)) {
      errors.push({ file, line, message: `clave desconocida «${key}» (se admiten: ${COURSE_KEYS.join(', ')})` });
    } else if (typeof value !== 'string' || !value.trim()) {
      errors.push({ file, line, message: `«${key}» debe ser un texto no vacío` });
    } else {
      (info as unknown as Record<string, string>)[key] = value.trim();
    }
  }
  if (!info.title) errors.push({ file, line: 1, message: 'falta `title` en el archivo del curso' });
  if (!info.author) errors.push({ file, line: 1, message: 'falta `author` en el archivo del curso' });
  return { info, errors };
}

/** Section files in course order (by their number), plus errors for Markdown files not named NN-slug.md. */
export function listSections(root: string, slidesDir: string): { files: string[]; errors: BuildError[] } {
  const errors: BuildError[] = [];
  const found: { n: number; path: string }[] = [];
  for (const name of readdirSync(slidesDir)) {
    if (!name.endsWith('.md') || /^readme\.md$/i.test(name)) continue;
    const m = SECTION_FILE.exec(name);
    const path = join(slidesDir, name);
    if (!m) {
      errors.push({ file: relative(root, path), line: 1, message: 'nombre de sección no válido: use NN-nombre.md (número, guion, minúsculas), p. ej. 01-imagenes.md' });
      continue;
    }
    found.push({ n: Number(m[1]), path });
  }
  found.sort((a, b) => a.n - b.n || a.path.localeCompare(b.path));
  return { files: found.map((f) => f.path), errors };
}
