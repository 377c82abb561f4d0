/**
 * Node.js 14 and npm 6 as the node:14 image ships them. A script is not interpreted: it is read
 * for what a course demo needs (its `require`s, the port it listens on, what it logs and sends),
 * so `npm install` and `node app.js` behave as they do in a real container, with the files of
 * node_modules landing in the layer.
 */
import type { Fs } from '../fs';
import { exists } from './package-files';
import type { Command, IO, ShellLike } from './types';

export const NODE_VERSION = 'v14.21.3';
const NPM_VERSION = '6.14.18';
const BUILTIN_MODULES = /^(assert|buffer|child_process|crypto|events|fs|https?|net|os|path|stream|url|util|zlib)$/;

/** The packages course demos install: version, installed bytes, what they pull in. */
const KNOWN: Record<string, [string, number, string?]> = {
  express: ['4.18.2', 221000, 'accepts array-flatten body-parser bytes content-disposition content-type cookie cookie-signature debug depd destroy ee-first encodeurl escape-html etag finalhandler forwarded fresh http-errors iconv-lite inherits ipaddr.js media-typer merge-descriptors methods mime mime-db mime-types ms negotiator on-finished parseurl path-to-regexp proxy-addr qs range-parser raw-body safe-buffer safer-buffer send serve-static setprototypeof statuses toidentifier type-is unpipe utils-merge vary'],
  lodash: ['4.17.21', 1413000],
};

/** Deterministic spread of sizes for packages the table does not know. */
const sizeOf = (name: string) => 8000 + ([...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 120000);

interface Pkg { name?: string; version?: string; description?: string; license?: string; repository?: unknown; scripts?: Record<string, string>; dependencies?: Record<string, string> }

function readPkg(fs: Fs, cwd: string): Pkg | null {
  try {
    const p = JSON.parse(fs.readFile('package.json', cwd)) as unknown;
    return p && typeof p === 'object' ? (p as Pkg) : {};
  } catch {
    return null;
  }
}

/** Writes one package into node_modules: its manifest and its code, sized like the real one. */
function place(sh: ShellLike, name: string, version: string, size: number): void {
  const dir = `node_modules/${name}`;
  const fs = sh.m.fs;
  fs.mkdir(dir, sh.cwd, true);
  const manifest = JSON.stringify({ name, version, main: 'index.js', license: 'MIT' }, null, 2) + '\n';
  fs.writeFile(`${dir}/package.json`, manifest, sh.cwd);
  fs.putNode(`${dir}/index.js`, { kind: 'file', size: Math.max(1, size - manifest.length), mode: 0o644, mtime: sh.m.now() }, sh.cwd);
}

async function npmInstall(args: string[], io: IO, sh: ShellLike): Promise<number> {
  const fs = sh.m.fs;
  const pkg = readPkg(fs, sh.cwd);
  const cwdName = sh.cwd.split('/').filter(Boolean).pop() ?? '';
  const wanted = { ...(pkg?.dependencies ?? {}) };
  for (const a of args.filter((x) => !x.startsWith('-'))) {
    const [n, v] = a.split(/(?!^)@/);
    wanted[n] = v ? v : '^' + (KNOWN[n]?.[0] ?? '1.0.0');
  }
  if (pkg === null) io.err(`npm WARN saveError ENOENT: no such file or directory, open '${sh.cwd.replace(/\/$/, '')}/package.json'\n`);
  const lock = !exists(fs, 'package-lock.json', sh.cwd);
  if (lock) io.err('npm notice created a lockfile as package-lock.json. You should commit this file.\n');
  const id = pkg ? `${pkg.name ?? cwdName}@${pkg.version ?? '1.0.0'}` : cwdName;
  if (pkg === null) io.err(`npm WARN enoent ENOENT: no such file or directory, open '${sh.cwd.replace(/\/$/, '')}/package.json'\n`);
  if (!pkg?.description) io.err(`npm WARN ${id} No description\n`);
  if (!pkg?.repository) io.err(`npm WARN ${id} No repository field.\n`);
  if (pkg === null) io.err(`npm WARN ${id} No README data\n`);
  if (!pkg?.license) io.err(`npm WARN ${id} No license field.\n`);
  io.err('\n');
  let added = 0;
  const locked: Record<string, { version: string }> = {};
  for (const [name, spec] of Object.entries(wanted)) {
    const known = KNOWN[name];
    const version = known?.[0] && !/^\d+\.\d+\.\d+$/.test(spec) ? known[0] : spec.replace(/^[\^~>=<\s]+/, '') || '1.0.0';
    const deps = known?.[2]?.split(' ') ?? [];
    for (const [n, v, s] of [[name, version, known?.[1] ?? sizeOf(name)] as const, ...deps.map((d) => [d, '1.0.0', sizeOf(d)] as const)]) {
      if (locked[n]) continue;
      locked[n] = { version: v };
      if (exists(fs, `node_modules/${n}/package.json`, sh.cwd)) continue;
      place(sh, n, v, s);
      added++;
    }
  }
  if (pkg && args.some((a) => !a.startsWith('-'))) fs.writeFile('package.json', JSON.stringify({ ...pkg, dependencies: wanted }, null, 2) + '\n', sh.cwd);
  fs.writeFile('package-lock.json', JSON.stringify({ name: pkg?.name ?? cwdName, version: pkg?.version ?? '1.0.0', lockfileVersion: 1, requires: true, dependencies: locked }, null, 2) + '\n', sh.cwd);
  const total = Object.keys(locked).length;
  const secs = (0.4 + total * 0.031).toFixed(3);
  await io.sleep(Math.round(Number(secs) * 1000));
  io.out(added ? `added ${added} package${added === 1 ? '' : 's'} from ${Math.ceil(added * 0.75)} contributor${added === 1 ? '' : 's'} and audited ${total} package${total === 1 ? '' : 's'} in ${secs}s\n` : `up to date in ${secs}s\n`);
  io.out('found 0 vulnerabilities\n\n');
  return 0;
}

/** `npm start` / `npm run x`: the banner npm prints before the script, and the script itself. */
export function npmScript(fs: Fs, cwd: string, name: string): { banner: string; script: string } | { error: string } {
  const pkg = readPkg(fs, cwd) ?? {};
  let script = pkg.scripts?.[name];
  // npm's default start script when server.js exists.
  if (!script && name === 'start' && exists(fs, 'server.js', cwd)) script = 'node server.js';
  if (!script) return { error: `npm ERR! missing script: ${name}\n\nnpm ERR! A complete log of this run can be found in:\nnpm ERR!     /root/.npm/_logs/debug.log\n` };
  return { banner: `\n> ${pkg.name ?? ''}@${pkg.version ?? ''} ${name} ${cwd}\n> ${script}\n\n`, script };
}

const npm: Command = async (args, io, sh) => {
  const cmd = args[1] ?? '';
  if (/^(-v|--version)$/.test(cmd)) return io.out(NPM_VERSION + '\n'), 0;
  if (/^(i|install|add|ci)$/.test(cmd)) return npmInstall(args.slice(2), io, sh);
  if (cmd === 'start' || cmd === 'test' || cmd === 'run' || cmd === 'run-script') {
    const r = npmScript(sh.m.fs, sh.cwd, cmd === 'run' || cmd === 'run-script' ? args[2] ?? '' : cmd);
    if ('error' in r) return io.err(r.error), 1;
    io.out(r.banner);
    return sh.spawn(['sh', '-c', r.script], io);
  }
  io.out(`\nUsage: npm <command>\n\nwhere <command> is one of:\n    install, run-script, start, test, --version\n\nnpm@${NPM_VERSION} /usr/local/lib/node_modules/npm\n`);
  return 1;
};

/** What running a script amounts to: its output, and whether it stays up serving a port. */
export interface NodeRun { out: string; err: string; code: number; port?: number; body: string }

/** Reads a script the way a course demo needs (see the top of this file). */
export function runScript(fs: Fs, cwd: string, file: string, env: Record<string, string>): NodeRun {
  const path = file.startsWith('/') ? file : `${cwd.replace(/\/$/, '')}/${file}`;
  let src: string;
  try {
    src = fs.readFile(/\.[cm]?js$/.test(path) || exists(fs, path) ? path : path + '.js');
  } catch {
    return { out: '', err: notFound(path), code: 1, body: '' };
  }
  for (const m of src.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const mod = m[1].replace(/^node:/, '');
    if (BUILTIN_MODULES.test(mod) || mod.startsWith('.')) continue;
    const dirs = path.split('/').slice(0, -1).map((_, i, a) => a.slice(0, i + 1).join('/'));
    if (!dirs.some((d) => exists(fs, `${d}/node_modules/${mod}`))) return { out: '', err: notFound(mod, path), code: 1, body: '' };
  }
  // The port: a literal, or a variable set from a literal (and from PORT when the code reads it).
  const listen = /\.listen\(\s*(?:(\d+)|([A-Za-z_$][\w$.]*))/.exec(src);
  let port: number | undefined;
  let portVar = '';
  if (listen?.[1]) port = Number(listen[1]);
  else if (listen?.[2]) {
    portVar = listen[2];
    const def = new RegExp(`(?:const|let|var)\\s+${portVar.replace(/\$/g, '\\$')}\\s*=\\s*([^;\\n]+)`).exec(src)?.[1] ?? portVar;
    port = /process\.env\.PORT/.test(def) && /^\d+$/.test(env.PORT ?? '') ? Number(env.PORT) : Number(/\d+/.exec(def)?.[0] ?? 3000);
  }
  const value = (q: string, text: string) => (q === '`' ? text.replace(/\$\{\s*([\w$.]+)\s*\}/g, (all, v: string) => (v === portVar || /^port$/i.test(v) ? String(port) : all)) : text);
  let out = '';
  for (const m of src.matchAll(/console\.(?:log|info)\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1\s*(?:\+\s*([\w$.]+)\s*)?\)/g)) {
    out += value(m[1], m[2]).replace(/\\n/g, '\n') + (m[3] ? (m[3] === portVar || /^port$/i.test(m[3]) ? String(port) : m[3]) : '') + '\n';
  }
  const sent = /res\.(?:send|end)\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/.exec(src);
  return { out, err: '', code: 0, port, body: sent ? value(sent[1], sent[2]) : '' };
}

/** Node's error for a missing script or module (`from`: the script that required it). */
function notFound(what: string, from?: string): string {
  return `internal/modules/cjs/loader.js:818\n  throw err;\n  ^\n\nError: Cannot find module '${what}'\n${from ? `Require stack:\n- ${from}\n` : ''}    at Function.Module._resolveFilename (internal/modules/cjs/loader.js:815:15)\n    at Function.Module._load (internal/modules/cjs/loader.js:667:27)\n    at internal/main/run_main_module.js:17:47 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: [${from ? ` '${from}' ` : ''}]\n}\n`;
}

export const envOf = (sh: ShellLike): Record<string, string> => Object.fromEntries(sh.env());

const node: Command = (args, io, sh) => {
  const a = args[1] ?? '';
  if (/^-(v|-version)$/.test(a)) return io.out(NODE_VERSION + '\n'), 0;
  if (a === '-e' || a === '-p') {
    const m = /^console\.log\((['"])(.*)\1\)$/.exec((args[2] ?? '').trim());
    if (m) return io.out(m[2] + '\n'), 0;
    io.err('node: solo se simula -e "console.log(\'texto\')"\n');
    return 1;
  }
  if (!a || a.startsWith('-')) {
    io.err('node: sin un script, node abre su REPL: pruébalo con docker run -it node:14\n');
    return 1;
  }
  const r = runScript(sh.m.fs, sh.cwd, a, envOf(sh));
  io.out(r.out);
  io.err(r.err);
  // A server never returns by itself: in a shell it would hold the prompt until Ctrl+C.
  if (r.port !== undefined) {
    io.err(`node: el servidor escucharía en el puerto ${r.port} hasta Ctrl+C; en el simulador, arráncalo como proceso principal (CMD ["node", "${a}"])\n`);
    return 130;
  }
  return r.code;
};

export const NODE_PROGRAMS: Record<string, Command> = {
  node,
  npm,
  yarn: (args, io) => (/^(-v|--version)$/.test(args[1] ?? '') ? (io.out('1.22.19\n'), 0) : (io.err('yarn: en el simulador usa npm\n'), 1)),
};
