/** Shared pieces of the engine tests: a seeded engine, a recording terminal, quiet pulls. */
import assert from 'node:assert/strict';
import { createEngine } from '../../../../src/docker/engine';
import { createShell } from '../../../../src/docker/index';
import type { TermIO } from '../../../../src/docker/shell';

export function engine(seed = 7) {
  return createEngine({ seed });
}

export function term(tty = true): TermIO & { text: string; errText: string } {
  const t = {
    text: '',
    errText: '',
    tty,
    out(s: string) {
      t.text += s;
    },
    err(s: string) {
      t.errText += s;
    },
    async sleep() {},
  };
  return t;
}

export type Eng = ReturnType<typeof createEngine>;

export async function pull(e: Eng, ...refs: string[]): Promise<string[][]> {
  const out: string[][] = [];
  for (const r of refs) {
    const lines: string[] = [];
    await e.imagePull(r, (m) => {
      if (m.id && m.status && !m.progressDetail?.total) lines.push(`${m.id}: ${m.status}`);
      else if (m.status && !m.id) lines.push(m.status);
    });
    out.push(lines);
  }
  return out;
}

/** `docker run -it [-u USER] IMAGE [CMD]` and a handle to type into. */
export async function runIt(e: Eng, image: string, name?: string, cmd?: string[], user?: string) {
  const io = term();
  const { Id } = await e.containerCreate({ Image: image, Tty: true, OpenStdin: true, AttachStdin: true, Cmd: cmd, ...(user !== undefined ? { User: user } : {}) }, name);
  const h = await e.containerAttach(Id, io, { stdin: true, beforeStart: true });
  await e.containerStart(Id);
  const type = async (line: string) => {
    io.text = '';
    io.errText = '';
    await h.input(line, io);
    return io.text + io.errText;
  };
  return { id: Id, h, io, type };
}

/** A container run to its end without a terminal (`docker run IMAGE CMD` attached): its output and final state. */
export async function runOnce(e: Eng, image: string, cmd?: string[], extra: Record<string, unknown> = {}) {
  const io = term(false);
  const { Id } = await e.containerCreate({ Image: image, Cmd: cmd, ...extra });
  await e.containerAttach(Id, io, { beforeStart: true });
  await e.containerStart(Id);
  const c = await e.containerInspect(Id);
  return { id: Id, out: io.text, err: io.errText, state: c.State };
}

/** `docker exec -it CTR …` through the engine: a handle to type into and what each line printed. */
export async function execIt(e: Eng, id: string, cmd: string[]) {
  const io = term();
  const h = await e.exec(id, { Cmd: cmd, Tty: true, AttachStdin: true }, io);
  const start = io.text + io.errText;
  const type = async (line: string) => {
    io.text = '';
    io.errText = '';
    await h.input(line, io);
    return io.text + io.errText;
  };
  return { h, start, type };
}

/** A terminal showing out and err as one screen, whose Ctrl+C comes after `n` waits of the command (never when n is 0). */
export function screen(n = 0): TermIO & { text: () => string } {
  const c = new AbortController();
  let s = '';
  let waits = 0;
  return {
    out: (t) => void (s += t),
    err: (t) => void (s += t),
    tty: true,
    columns: 80,
    signal: c.signal,
    sleep: async () => {
      if (++waits === n) c.abort();
    },
    text: () => s,
  };
}

/** A host shell inside `docker run -it IMAGE` after the `setup` lines, and what each next line shows. */
export async function inside(image: string, ...setup: string[]) {
  const sh = createShell({ seed: 2 });
  await sh.run(`docker run -it ${image}`, screen());
  for (const l of setup) await sh.run(l, screen());
  const run = async (line: string, n = 0) => {
    const t = screen(n);
    await sh.run(line, t);
    return t.text();
  };
  return { sh, run };
}

/** Types each line into a fresh container shell (`cmd`: the program run) and checks what it prints. */
export async function typeCases(image: string, cmd: string[] | undefined, cases: [string, string][]) {
  const e = engine();
  await pull(e, image);
  const { type, h } = await runIt(e, image, undefined, cmd);
  for (const [line, want] of cases) assert.equal(await type(line), want, line);
  return { type, h, e };
}
