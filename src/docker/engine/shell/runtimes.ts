/**
 * node and python running code of their own: `node -e`/`-p`, `python3 -c`, a script read from
 * stdin, and how each prints an uncaught exception there and in its REPL.
 */
import type { IO, Machine, ShellLike } from './types';
import { Exit, Open, Thrown, Unsupported, inspect, interpreter } from './repl-eval';
import { release } from './node';
import { exists, packaged } from './package-files';
import { absPath, type Fs } from '../fs';
import { utcFields } from '../../common/dates';
import { sysFields } from './js-modules';
import { pyScan } from './py-scan';

/** The python image says its version in PYTHON_VERSION; elsewhere it is the distribution's python3. */
export const pythonRelease = (fs: Fs, env: Record<string, string | undefined>) => env.PYTHON_VERSION ?? packaged(fs, ['3.12.3', '3.12.10', '3.7.3', '3.11.2', '3.10.12', '3.8.10', '3.9.2']);

/** When the interpreter was compiled (C's __DATE__ and __TIME__, its binary's date) and by which gcc. */
export function pythonBuild(m: Machine, v: string): string {
  const bin = m.fs.resolve('/usr/local/bin/python' + v.replace(/\.\d+$/, '')).node;
  const [, day, mon, year, time] = utcFields(bin && 'mtime' in bin ? bin.mtime : Date.UTC(2025, 5, 4, 1, 14, 42));
  return `(main, ${mon} ${day.replace(/^0/, ' ')} ${year}, ${time}) [GCC ${m.fs.resolve('/etc/alpine-release').node ? '14.2.0' : '12.2.0'}]`;
}

/** Before 3.13 the REPL read `<stdin>`, and a bare `exit` only said how to leave. */
export const oldRepl = (v: string) => !/^3\.(1[3-9]|[2-9]\d)/.test(v);

export type Runtime = ReturnType<typeof interpreter>;

/** Where pip installs for python `v` (3.12.3: python3.12): in the venv at `root`, or the image's own. */
export const sitePackages = (v: string, root = '/usr/local') => `${root}/lib/python${v.replace(/\.\d+$/, '')}/site-packages`;
/** The user's site (`pip install` of a user who may not write site-packages): ~/.local. */
export const userSite = (v: string, home = '') => sitePackages(v, home.replace(/\/$/, '') + '/.local');

/** The path a program was started by: as typed when it had a `/`, else where PATH found it. */
export const started = (name: string, io: IO, sh: ShellLike) => absPath(sh.cwd, io.exe?.endsWith('/' + name) ? io.exe : sh.which(name) ?? name);

/** The venv of a python (or of a script beside it) started as `exe`, a path or a name in `path`: python finds pyvenv.cfg above its bin/. */
export function venvOf(fs: Fs, exe: string, path = ''): string | undefined {
  const root = (exe.includes('/') ? exe.replace(/\/[^/]*$/, '') : path.split(':').find((d) => exists(fs, `${d}/${exe}`)))?.replace(/\/[^/]*$/, '');
  return root !== undefined && exists(fs, root + '/pyvenv.cfg') ? root : undefined;
}

/** An interpreter for a program started in `cwd` with `env` (KEY=value list); `exe`: the python it runs in; `argv`: node's process.argv. */
export function runtime(m: Machine, py: boolean, env: string[], cwd: string, exe = 'python', argv?: string[]): Runtime {
  const vars = Object.fromEntries(env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  const version = py ? pythonRelease(m.fs, vars) : release(m.fs).node;
  return interpreter({
    py, fs: m.fs, cwd, env: vars, hostname: m.hostname, kernel: m.kernel, version, argv,
    build: py ? pythonBuild(m, version) : undefined,
    random: () => (m.random?.() ?? 16384) / 32768,
    now: () => m.now(),
    // a package pip or npm installed
    exists: (mod) => exists(m.fs, py ? `${sitePackages(version, venvOf(m.fs, exe, vars.PATH))}/${mod}` : `node_modules/${mod}`, cwd) || (py && exists(m.fs, `${userSite(version, vars.HOME)}/${mod}`)),
  });
}

/** How node's loop calls a callback (the name it gives the callback's frame), and its frames below it. */
const LOOP: Record<string, [(f: string) => string, ...string[]]> = {
  timer: [(f) => (f ? `Timeout.${f} [as _onTimeout]` : 'Timeout._onTimeout'), 'listOnTimeout (node:internal/timers:581:17)', 'process.processTimers (node:internal/timers:519:7)'],
  immediate: [(f) => `Immediate.${f || '<anonymous>'}`, 'process.processImmediate (node:internal/timers:483:21)'],
  tick: [(f) => f, 'process.processTicksAndRejections (node:internal/process/task_queues:77:11)'],
  reaction: [(f) => f],
  microtask: [(f) => f, 'node:internal/process/task_queues:140:7', 'AsyncResource.runInAsyncScope (node:async_hooks:206:9)', 'AsyncResource.runMicrotask (node:internal/process/task_queues:137:8)'],
};

/** The line and column of offset `at` from line `n`'s first non-blank, on the lines after it when past its end. */
export function spot(lines: string[], n: number, at: number): [number, number] {
  let p = at + (lines[n - 1] ?? '').length - (lines[n - 1] ?? '').trimStart().length;
  while (p > (lines[n - 1] ?? '').length && n < lines.length) p -= lines[n++ - 1].length + 1;
  return [n, p];
}

/** A SyntaxError V8 finds compiling the source (not one the program throws): none of that source runs. */
export const compileError = (e: unknown): e is Thrown => e instanceof Thrown && e.type === 'SyntaxError' && !e.user && e.json === undefined;

/** What the evaluator does not run, said in the runtime's way of reporting an error. */
const unsupported = (u: Unsupported) => `the simulated interpreter cannot run '${u.what}'`;

/**
 * An exception as the REPL shows it: node's one `Uncaught` line (with the loader's fields for a
 * missing module), python's traceback of `<python-input-N>`, whose line is underlined where a
 * name is unknown (3.13 leaves a line that is all the name alone).
 */
export function replError(py: boolean, e: unknown, line: string, n: number, at = 1, stdin = false): string {
  if (e instanceof Unsupported) e = new Thrown(py ? 'NotImplementedError' : 'Error', unsupported(e));
  if (!(e instanceof Thrown)) return '';
  if (!py) {
    // the REPL's stack stops at the frames of node:fs
    if (e.sys) return `Uncaught Error: ${e.msg}\n    at ${e.sys.frames.join('\n    at ')}${sysFields(e.sys)}\n`;
    if (e.type === 'Error' && e.name) return `Uncaught Error: ${e.msg}\nRequire stack:\n- <repl> {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: [ '<repl>' ]\n}\n`;
    // V8's arrow of a SyntaxError: the line as typed, marked under the token it names
    // (not a name an earlier input declared: V8 finds that as the input starts, at no place in it)
    const again = /^Identifier '(.+)' has already/.exec(e.msg)?.[1];
    const [k, col] = spot(line.split('\n'), 1, e.at?.[0] ?? 0);
    if (compileError(e) && line.trim() && !(again && line.split(new RegExp(`\\b(let|const|var|class|function)\\s+${again.replace(/\$/g, '\\$')}\\b`)).length < 5)) return `${line.split('\n')[k - 1]}\n${' '.repeat(col)}${'^'.repeat(e.at ? Math.max(1, e.at[3] - e.at[0]) : 1)}\n\nUncaught SyntaxError: ${e.msg}\n`;
    return `Uncaught ${e.user && (!e.type || e.type === '{') ? e.name ?? e.msg : e.type + (e.msg ? `: ${e.msg}` : '')}\n`;
  }
  return chained(e, line, at, (x, text, k) => traceback(x, stdin ? '<stdin>' : `<python-input-${n}>`, text, k, (j) => (stdin ? '<stdin>' : `<python-input-${j}>`), stdin));
}

/** python's traceback of `t` (`show` writes one) under those of the exceptions it was raised from or while handling. */
function chained(t: Thrown, line: string, n: number, show: (x: Thrown, text: string, k: number) => string): string {
  /** An exception the module or a function caught, shown where it was raised. */
  const caught = (x: Thrown) => (x.where ? show(Object.assign(Object.create(Thrown.prototype), x, { at: x.where[2] }), x.where[1], x.where[0]) : show(Object.assign(Object.create(Thrown.prototype), x, { frames: x.local }), '-', 0));
  // a bare `raise` goes on with the traceback of where the exception was raised first
  let err = t.where && line === 'raise' ? caught(t) : show(t, line, n);
  const up = (x: Thrown) => x.cause ?? (x.cause === null ? undefined : x.context);
  for (let x = t, u = up(x); u?.where || u?.local; x = u, u = up(x)) err = `${caught(u)}\n${x.cause ? 'The above exception was the direct cause of the following exception:' : 'During handling of the above exception, another exception occurred:'}\n\n${err}`;
  return err;
}

/** `11` of python's 3.11.x. */
export const minor = (v: string) => +v.split('.')[1];

/** 3.9's parser said less, and pointed at one column (an unterminated string: at the end of its line). */
function parser39(e: Thrown, line: string): Thrown {
  if (!/^(Syntax|Indentation)Error$/.test(e.type) || !e.at) return e;
  const msg = e.msg.startsWith('unterminated string') ? 'EOL while scanning string literal' : e.msg === "expected ':'" ? 'invalid syntax' : e.msg.replace(/^(expected an indented block) after .*/, '$1');
  const b = msg.startsWith('EOL') ? line.length : e.at[0];
  return Object.assign(new Thrown(e.type, msg), e, { msg, at: b < 0 ? e.at : [b, b, b + 1, b + 1] });
}

/** python's traceback; `<stdin>` has no source lines to show. */
/** `fileOf`: the file of a REPL's input; `old`: before 3.13; `carets`: 3.11 on, which underlines what raised (and names no module of a class of the program's own). */
/** (`n` 0: no frame of the module's, only the calls; `line` then says whether their lines show) */
function traceback(e: Thrown, file: string, line: string, n = 1, fileOf = (_input: number) => file, old = false, carets = true): string {
  const mark = (text: string, at?: number[]) => (carets ? underline(text, at, old) : '');
  const src = file === '<stdin>' || !line ? '' : `    ${line}\n`;
  const [b, , , z] = e.at ?? [0, 0, 0, 0];
  // the compiler's errors point under the line, unless at no place in it (an unexpected indent)
  // (the parser shows the line it read, even from stdin; the compiler reads no line of stdin)
  if (e.type === 'SyntaxError' || e.type === 'IndentationError') {
    // (3.9 shows the empty line where the input ended inside a string)
    const text = (line || e.msg.startsWith('EOF while')) && !(e.late && file === '<stdin>') ? `    ${line}\n` : '';
    return `  File "${file}", line ${n}\n${text}${text && b >= 0 ? `    ${' '.repeat(b)}${'^'.repeat(Math.max(1, z - b))}\n` : ''}${e.type}: ${e.msg}\n`;
  }
  // the calls it went through, each a frame of its own, shown with its line when the module's is
  const calls = (e.frames ?? []).map(([k, text, at, name, input]) => `  File "${fileOf(input)}", line ${k}, in ${name}\n${src && `    ${text}\n${mark(text, at)}`}`).join('');
  return `Traceback (most recent call last):\n${n ? `  File "${file}", line ${n}, in <module>\n${src}${src && mark(line, e.at)}` : ''}${calls}${!carets && e.cls ? '__main__.' : ''}${e.type}${e.msg ? `: ${e.msg}` : ''}${e.hint ?? ''}\n`;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Where V8 points for an error its message names the place of: the property read or set on nothing. */
function v8Column(msg: string, raw: string): number | undefined {
  const [, set, prop] = /^Cannot (?:read|(set)) properties of (?:undefined|null) \((?:reading|setting) '(.+)'\)$/.exec(msg) ?? [];
  // (a read at the property's name, a write at its `=`)
  const m = prop !== undefined ? new RegExp(set ? `(?:\\.\\s*${esc(prop)}(?![\\w$])|\\[[^\\]]*\\])\\s*(?==(?!=))` : `\\??\\.\\s*${esc(prop)}(?![\\w$])`).exec(raw) : undefined;
  if (m) return m.index + m[0].length - (set ? 0 : prop!.length);
  return undefined;
}

/** Where V8 points at an assignment to a const: its operator, not a declaration's `=`. */
const opAt = (raw: string) => [...raw.matchAll(/\+\+|--|[-+*/%]?=(?![=>])/g)].find((m) => !/\b(const|let|var)\s+[\w$]+\s*$|[=!<>]$/.test(raw.slice(0, m.index)))?.index;

/** JSON.parse's SyntaxError is placed in the text it read: its line, and a caret unless at its end. */
function jsonHead(text: string, msg: string): string {
  // (V8 names undefined, which a missing variable gives it, by itself, at its start)
  const pos = Number(/at position (\d+)/.exec(msg)?.[1] ?? (/^Unexpected token '(.)'/.exec(msg) ? text.indexOf(msg[18]) : msg[1] === 'u' ? 0 : text.length));
  const before = text.slice(0, pos).split('\n');
  return `<anonymous_script>:${before.length}\n${text.split('\n')[before.length - 1]}${pos < text.length ? `\n${' '.repeat(before[before.length - 1].length)}^` : ''}`;
}

/** Where V8 points at an unknown name: the name, or the `return` whose value starts with it. */
function nameAt(raw: string, name: string): number {
  const k = Math.max(0, raw.search(new RegExp(`(?<![\\w$.])${esc(name)}(?![\\w$])`)));
  return /\breturn\s+$/.test(raw.slice(0, k)) ? raw.slice(0, k).lastIndexOf('return') : k;
}

/** Where python's tokenizer stopped at the end of `src`: its innermost bracket still open, or a triple quote's start (its line, its column in the line as the traceback shows it, dedented, and the bracket or quote). */
function lastOpen(src: string): [number, number, string] | undefined {
  const scan = pyScan(src);
  const [k, c] = scan.open[scan.open.length - 1] ?? scan.triple ?? [];
  if (k === undefined) return undefined;
  const start = src.lastIndexOf('\n', k - 1) + 1;
  return [src.slice(0, k).split('\n').length, k - start - (src.slice(start).length - src.slice(start).trimStart().length), c];
}

/** 3.11 on underlines what raised unless it is the whole line with no operator or brackets to point at (before 3.13, a call's brackets neither). */
function underline(line: string, at?: number[], old = false): string {
  let [b, x, y, z] = at ?? [0, 0, 0, 0];
  if (old && line[x] === '(') [x, y] = [b, z];
  // 3.13 marks no call that is all a `return f(…)` returns or all a `name = …` assigns
  const value = /^return\s+|^[A-Za-z_]\w*\s*=(?!=)\s*/.exec(line)?.[0] ?? '';
  if (!old && line[x] === '(' && value && line.slice(b, z) === line.slice(value.length).trim().replace(/^\((.*)\)$/, '$1') && (!/^return\s/.test(line) || /^\w+\(/.test(line.slice(b)))) return '';
  return z > b && (x > b || y < z || line.slice(0, b).trim() || line.slice(z).trim()) ? `    ${' '.repeat(b)}${[...line.slice(b, z)].map((_, k) => (k + b >= x && k + b < y ? '^' : '~')).join('')}\n` : '';
}

/**
 * `node -e CODE` (`-p`: and print its value), `python3 -c CODE`, or a script read from stdin
 * (`stdin`), or python's script file (its path): what it printed, its errors and its exit status.
 * `as`: node's module type of a script, and the warning it writes when it finds one by its syntax.
 */
/** `wrap`: the loader's frames of a script's SyntaxError, when its release's are known. */
export function runCode(rt: Runtime, py: boolean, src: string, how: string, version: string, frames?: string[], as?: { type?: string; warn?: string; file?: boolean }, wrap?: string[]): { out: string; err: string; code: number; error?: unknown } {
  const r = rt.run(src.endsWith('\n') ? src : src + '\n', false, as ?? (py ? { file: how !== 'c' } : undefined));
  let out = r.out;
  // (what V8 finds wrong before the end of the input, when that is all node -e says)
  const v8 = r.error instanceof Open ? r.error.v8 : undefined;
  const open = r.error instanceof Open && !v8;
  // python names the innermost bracket left open, on its own line
  let left = open && py ? lastOpen(src) : undefined;
  let e = open ? (left ? Object.assign(new Thrown('SyntaxError', `'${left[2]}' was never closed`), { at: [left[1], left[1], left[1] + 1, left[1] + 1] }) : new Thrown('SyntaxError', py ? "'(' was never closed" : 'Unexpected end of input')) : v8 ?? (r.esm && how === 'p' ? new Unsupported('--print of an ES module') : r.error);
  const lines = src.trimEnd().split('\n');
  // a token that cannot follow the bracket (`def f(:`) fails on its line, before the input ends
  const stray = left && /^\s*[:,=](?!=)/.exec(lines[left[0] - 1].trimStart().slice(left[1] + 1));
  if (left && left[2].length === 3) {
    // a string left open: 3.10 on points at its quote, 3.9 at the end of the input
    const last = src.split('\n').length, end = src.split('\n')[last - 1].trim().length;
    if (minor(rt.version) < 10) left = [last, end, ''];
    e = Object.assign(new Thrown('SyntaxError', left[2] ? `unterminated triple-quoted string literal (detected at line ${last})` : 'EOF while scanning triple-quoted string literal'), { at: [left[1], left[1], left[1] + 1, left[1] + 1] });
  } else if (left && stray) {
    const c = left[1] + stray[0].length;
    e = Object.assign(new Thrown('SyntaxError', 'invalid syntax'), { at: [c, c, c + 1, c + 1] });
  } else if (left && minor(rt.version) < 10) {
    // 3.9 fails where the tokens run out: at the end of the input, or at a next line that cannot go on the bracket's (a value after a value, a statement's keyword)
    const next = lines[left[0]]?.trimStart() ?? '';
    const eof = left[0] >= lines.length || !((/[\w'")\]}]$/.test(lines[left[0] - 1].trimEnd()) && /^[\w'"]/.test(next)) || /^(return|pass|def|class|import|from|while|with|try|raise|del|global)\b/.test(next));
    left = eof ? [lines.length, lines[lines.length - 1].trim().length, ''] : [left[0] + 1, 0, ''];
    e = Object.assign(new Thrown('SyntaxError', eof ? 'unexpected EOF while parsing' : 'invalid syntax'), { at: [left[1], left[1], left[1] + 1, left[1] + 1] });
  }
  let printed = r.err;
  if (e instanceof Exit) {
    const c = e.code;
    return typeof c === 'string' ? { out, err: printed + c + '\n', code: 1 } : { out, err: printed, code: Number(c ?? r.code ?? 0) };
  }
  if (!e) {
    if (how === 'p') out += (typeof r.value === 'string' ? r.value : inspect(r.value)) + '\n';
    return { out, err: printed, code: Number(r.code ?? 0) };
  }
  // the input ends where it stops, on the line after a last newline
  let n = left ? left[0] : open && !py ? src.split('\n').length : r.line ?? 1;
  let raw = src.split('\n')[n - 1] ?? '';
  const line = raw.trim();
  if (py) {
    const file = how === 'c' ? '<string>' : how === 'stdin' ? '<stdin>' : how;
    const t = e instanceof Thrown ? e : new Thrown('NotImplementedError', unsupported(e as Unsupported));
    // before 3.13 (gh-67224) a traceback shows no line of `-c` code, but for a SyntaxError the parser's
    // and the compiler's errors (`return` outside a function) none in any release
    const shown = !(how === 'c' && oldRepl(rt.version));
    const hidden = (!shown && !/^(Syntax|Indentation)Error$/.test(t.type)) || (t.late && how === 'c');
    const show = (x: Thrown, text: string, k: number) => traceback(minor(rt.version) < 10 ? parser39(x, text) : x, file, hidden ? '' : text, k, undefined, oldRepl(rt.version), minor(rt.version) > 10);
    return { out, err: printed + chained(t, line, n, show), code: 1 };
  }
  let t = e instanceof Thrown ? e : new Thrown('Error', unsupported(e as Unsupported));
  let syntax = compileError(t);
  if (syntax) out = printed = '';
  if (syntax && frames && !wrap) [t, syntax] = [new Thrown('Error', unsupported(new Unsupported(`a SyntaxError of a script in node ${version}`))), false];
  const tail = version.startsWith('v14.') ? '' : `\nNode.js ${version}\n`;
  // a callback of the event loop's: its own frame named as node's loop calls it, then the loop's (node 20's lines)
  const loop = LOOP[t.via ?? ''];
  if ((loop || t.rejected) && !version.startsWith('v20.')) t = new Thrown('Error', unsupported(new Unsupported(t.via ?? 'unhandled rejection')));
  if (t.rejected) return { out, err: printed + `node:internal/process/promises:389\n      new UnhandledPromiseRejection(reason);\n      ^\n\nUnhandledPromiseRejection: ${t.msg}\n    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)\n    at processPromiseRejections (node:internal/process/promises:470:17)\n    at process.processTicksAndRejections (node:internal/process/task_queues:96:32) {\n  code: 'ERR_UNHANDLED_REJECTION'\n}\n${tail}`, code: 1 };
  // the functions it went through, when the program's own calls made them all (a host's, as forEach's, adds frames of node's)
  const js = loop && t.js ? t.js.map((f, k, all): [string, number, boolean | string] => (k < all.length - 1 ? f : [loop[0](f[0]), f[1], true])) : t.js?.every(([, , direct]) => direct) ? t.js : undefined;
  if (js) [n, raw] = [js[0][1], src.split('\n')[js[0][1] - 1] ?? ''];
  // (a statement going on past its line: V8 marks the line the token is on)
  let at0: number | undefined;
  if (syntax && t.at) [n, at0] = spot(src.split('\n'), n, t.at[0]), raw = src.split('\n')[n - 1] ?? '';
  /** Where V8 places the call of a frame's function (or of the array method that called it) in `text`: at its name, not at its definition. */
  const callAt = (text: string, [name, , by]: [string, number, string | boolean] | [string]) => text.search(new RegExp(`(?<![\\w$]|function\\s+)${esc(by === true || !by ? name.replace(/.*\./, '') : by)}\\s*\\(`)) + 1 || 1;
  const where = how === 'stdin' ? '[stdin]' : how.length > 1 ? how : '[eval]';
  const lead = raw.length - raw.trimStart().length;
  // V8's arrow: under the token a SyntaxError names (none at the end of the input), at a throw
  // statement, at an unknown name, at the name of what is no function (at the call's bracket when
  // the callee is no name, or is in brackets)
  const call = /^(.+) is not a function$|^Class constructor (\S+)/.exec(t.msg)?.slice(1).join('') ?? '';
  // (an unhandled rejection's Error, or one a microtask threw, shows where it was made: its `new`)
  const made = !!t.made || t.via === 'microtask';
  const col = at0 ?? (made ? Math.max(0, raw.search(new RegExp(`\\bnew\\s+${t.type}\\b`))) : t.user ? Math.max(0, raw.search(/\bthrow\b/)) : t.name ? nameAt(raw, t.name) : call && raw.includes(`(${call})(`) ? raw.indexOf(`(${call})(`) + call.length + 2 : call && raw.includes(call) ? raw.indexOf(call) + (/^[\w$.]+$/.test(call) ? call.lastIndexOf('.') + 1 : call.length) : (t.msg === 'Assignment to constant variable.' ? opAt(raw) : v8Column(t.msg, raw)) ?? (t.at ? t.at[0] + lead : lead));
  const mark = open ? ' '.repeat(raw.length) : ' '.repeat(col) + '^'.repeat(t.at ? Math.max(0, t.at[3] - t.at[0]) : 1);
  // a thrown value that is no Error: a primitive bare after the arrow, an object on its own
  if (!t.type || t.type === '{') return { out, err: printed + `${t.type ? '' : '\n'}${where}:${n}\n${raw}\n${mark}\n${t.type ? '\n' : ''}${t.msg}\n${t.type ? '' : '(Use `node --trace-uncaught ...` to show where the exception was thrown)\n'}${tail}`, code: 1 };
  const json = t.json;
  const n0 = r.line ?? 1, at = json !== undefined ? callAt(raw, ['parse']) : col + 1 + (t.user && !made ? Math.max(0, raw.slice(col + 5).search(/\S/)) + 6 - 1 : 0);
  const stdin = ['node:internal/main/eval_stdin:32:5', 'Socket.<anonymous> (node:internal/process/execution:234:5)', 'Socket.emit (node:events:536:35)', 'endReadableNT (node:internal/streams/readable:1698:12)', 'process.processTicksAndRejections (node:internal/process/task_queues:82:21)'];
  const evalFrames = (syntax: boolean) => [...(syntax ? ['makeContextifyScript (node:internal/vm:185:14)', 'node:internal/process/execution:107:22'] : [...frame(`${where}:${n0}:${at}`), 'runScriptInThisContext (node:internal/vm:209:10)', 'node:internal/process/execution:118:14']), `${where}-wrapper:6:24`, 'runScript (node:internal/process/execution:101:62)', 'evalScript (node:internal/process/execution:133:3)', ...(how === 'stdin' ? stdin : ['node:internal/main/eval_string:51:3'])];
  /** The frames of the program's own functions, from where it raised, above its top level's (`top`). */
  const frame = (top: string): string[] => {
    // (JSON.parse's own frame first)
    const parse = json !== undefined ? ['JSON.parse (<anonymous>)'] : [];
    if (!js) return [...parse, top];
    // (an array method that called one adds its own frame)
    const out = js.flatMap(([name, k, by], j) => [((loc) => (name ? `${name} (${loc})` : loc))(`${where}:${k}:${j ? callAt(src.split('\n')[k - 1] ?? '', js[j - 1]) : at}`), ...(by === true ? [] : [`${/^new /.test(String(by)) ? '' : 'Array.'}${by} (<anonymous>)`])]);
    return [...parse, ...out, top.replace(/\d+\)?$/, (x) => callAt(src.split('\n')[n0 - 1] ?? '', js[js.length - 1]) + x.replace(/\d+/, ''))];
  };
  const stack = loop ? [...frame('').slice(0, -1), ...loop.slice(1)] : frames ? (syntax ? wrap! : [...frame(`Object.<anonymous> (${where}:${n0}:${at})`), ...frames]) : evalFrames(syntax);
  const head = t.json !== undefined ? jsonHead(t.json, t.msg) : `${where}:${n}\n${raw}\n${mark}`;
  // a failed system call: node:fs's own line above, its frames first, its errno fields below
  const sys = t.sys;
  if (sys) stack.splice(0, 1, ...sys.frames, frames ? `Object.<anonymous> (${where}:${n}:${raw.indexOf(sys.call) + 1})` : `${where}:${n}:${raw.indexOf(sys.call) + 1}`);
  const fields = sys ? sysFields(sys) : '';
  return { out, err: printed + `${sys?.head ?? head}\n\n${t.type}: ${t.msg}\n    at ${stack.slice(0, 10).join('\n    at ')}${fields}\n${tail}`, code: 1, error: e };
}
