// The course's own terminals, replayed on the simulator as the build does: what the class reads
// on the slides has to fit the terminal and agree with what the notes explain.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDeck, SECTION_FILE } from '../../../src/build/parse';
import { terminalPlugin } from '../../../src/build/fences/terminal';
import type { FenceBlock } from '../../../src/build/types';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** Columns of a slide's terminal at the projector's 1280x720 (the widget opens at 80). */
const COLUMNS = 80;

interface Shown {
  where: string;
  command: string;
  output: string[];
}

const cacheDir = mkdtempSync(join(tmpdir(), 'aula-course-terms-'));
after(() => rmSync(cacheDir, { recursive: true, force: true }));

const decode = (s: string) =>
  s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every command typed at the host prompt in the course's transcripts, with what it printed. */
let shown: Shown[] = [];
before(async () => {
  const fences: FenceBlock[] = [];
  const dir = join(ROOT, 'slides');
  for (const name of readdirSync(dir).filter((f) => SECTION_FILE.test(f)).sort()) {
    const { deck } = parseDeck(`slides/${name}`, readFileSync(join(dir, name), 'utf8'), (lang) => lang === 'terminal' || lang === 'mermaid');
    for (const stack of deck.stacks) for (const slide of stack) fences.push(...slide.fences.filter((f) => f.lang === 'terminal'));
  }
  const { results, errors } = await terminalPlugin.render(fences, { root: ROOT, cacheDir, log() {}, warn() {} });
  assert.deepEqual(errors, []);
  for (const f of fences) {
    const html = results.get(f.id)!.html;
    const pre = /<figure class="aula-transcript"[\s\S]*?<pre[^>]*>([\s\S]*?)<\/pre>/.exec(html);
    assert.ok(pre, `${f.file}:${f.line}: sin transcripción`);
    let current: Shown | null = null;
    for (const line of decode(pre[1]).split('\n')) {
      if (line.startsWith('$ ')) shown.push((current = { where: `${f.file}:${f.line}`, command: line.slice(2), output: [] }));
      else current?.output.push(line);
    }
  }
});

test('the tables the course prints (ps, history, images) fit the 80 columns of its terminals', () => {
  const tables = shown.filter((s) => /^docker (ps|history|images|container ls|image (ls|history))\b/.test(s.command));
  assert.ok(tables.length > 10, 'the course shows tables');
  for (const s of tables) {
    // the command line itself may wrap like any long line; the table rows must not
    assert.ok(`$ ${s.command}`.length <= COLUMNS, `${s.where}: «${s.command}» no cabe en una línea`);
    for (const row of s.output) assert.ok([...row].length <= COLUMNS, `${s.where}: «${s.command}» imprime una fila de ${[...row].length} columnas:\n${row}`);
  }
});

test('in the Dockerfile section only COPY and RUN take space, as its notes say', () => {
  const history = shown.find((s) => s.where.startsWith('slides/05-') && s.command.startsWith('docker history'));
  assert.ok(history, 'the Dockerfile section shows docker history');
  const size = (instruction: RegExp) => {
    const row = history.output.find((r) => instruction.test(r));
    assert.ok(row, `no history row for ${instruction}`);
    return row.trim().split(/\s{3,}/).at(-1);
  };
  assert.notEqual(size(/ COPY /), '0B');
  assert.notEqual(size(/apk add/), '0B');
  for (const meta of [/ WORKDIR /, / EXPOSE /, / CMD /]) assert.equal(size(meta), '0B');
});

test("the Dockerfile section's history shows its header and the five entries of its own instructions, as its notes say", () => {
  const history = shown.find((s) => s.where.startsWith('slides/05-') && s.command.startsWith('docker history'));
  assert.ok(history);
  const rows = history.output.filter((r) => r.trim());
  assert.match(rows[0], /^CREATED BY\s+SIZE/);
  assert.deepEqual(rows.slice(1).map((r) => /CMD|EXPOSE|apk add --no-cache tree|COPY|WORKDIR/.exec(r)?.[0]), ['CMD', 'EXPOSE', 'apk add --no-cache tree', 'COPY', 'WORKDIR']);
});
