// The slides say «la terminal»: every text the course shows or prints says it the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DIRS = ['src/terminal', 'src/deck', 'src/diagrams', 'src/search', 'src/landing', 'src/build', 'src/build/export', 'src/build/fences'];
const MASCULINE = /\b(el|del|al|un|este|ese|aquel|los|unos|estos|esos|otro|otros|nuevo|primer|cada uno de los)\s+terminal(es)?\b|\bterminal(es)?\s+(reiniciados?|vivos?|activos?|abiertos?|cerrados?|listos?|nuevos?|vacíos?)\b/i;

/** String literals of a source file (quotes and template literals), comments left out. */
function strings(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)].map((m) => m[0]);
}

test('texts shown to the class or the author say «la terminal», never «el terminal»', () => {
  const found: string[] = [];
  for (const dir of DIRS) {
    for (const name of readdirSync(join(ROOT, dir))) {
      if (!name.endsWith('.ts')) continue;
      for (const s of strings(readFileSync(join(ROOT, dir, name), 'utf8'))) if (MASCULINE.test(s)) found.push(`${dir}/${name}: ${s.slice(0, 90)}`);
    }
  }
  assert.deepEqual(found, []);
});
