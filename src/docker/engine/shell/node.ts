/**
 * Node.js and npm as the node images ship them (node:14 with npm 6, node:22 and node:24 with npm
 * 10 and 11). A script is not interpreted: it is read for what a course demo needs (its
 * `require`s, the port it listens on, what it logs and sends), so `npm install` and `node app.js`
 * behave as they do in a real container, with the files of node_modules landing in the layer.
 */
import { may, type Fs } from '../fs';
import { exists } from './package-files';
import type { Command, IO, ShellLike } from './types';
import { runCode, runtime, type Runtime } from './runtimes';
import { Thrown, Unsupported } from './repl-eval';
import type { Machine } from './types';

/**
 * A node release: its version, its npm's, the yarn its image adds and, from node 18 on, where
 * its loader throws MODULE_NOT_FOUND (see notFound).
 */
export interface Release { node: string; npm: string; yarn: string; loader?: Loader | OldLoader }
/**
 * Lines of a failed resolution's stack: the throw, _resolveFilename, defaultResolveImpl,
 * resolveForCJSWithHooks, _load, then runMain and run_main_module for a missing main script,
 * Module.require and Module._compile for a missing require; and the name V8 gives the
 * functions' receiver (Module from V8 13.6, node 24).
 */
type Loader = [fn: string, ...lines: (number | string)[]];
/**
 * Node 18 and 20, before the resolve hooks and tracing frames: the throw, _resolveFilename,
 * _load, runMain, run_main_module, then for a missing require Module.require, the helpers'
 * require, _compile, _extensions..js, Module.load and the script's own _load.
 */
type OldLoader = [old: 0, ...lines: (number | string)[]];
const NODE_14: Release = { node: 'v14.21.3', npm: '6.14.18', yarn: '1.22.19' };
/**
 * The releases by the size of the node binary their image installs (catalog.ts): what a program
 * prints depends on the binary that runs, so a PID 1 without the image's environment and an
 * `ENV NODE_VERSION=…` of a Dockerfile both get it right.
 */
const RELEASES: Record<number, Release> = {
  122968768: { node: 'v24.2.0', npm: '11.3.0', yarn: '1.22.22', loader: ['Module', 1408, 1405, 1061, 1066, 1215, '152:5', '33:47', 1491, 1734] },
  119480824: { node: 'v22.16.0', npm: '10.9.2', yarn: '1.22.22', loader: ['Function', 1404, 1401, 1057, 1062, 1211, '171:5', '36:49', 1487, 1730] },
  97046368: { node: 'v20.19.2', npm: '10.8.2', yarn: '1.22.22', loader: [0, 1215, 1212, 1043, '164:12', '28:49', 1298, 182, 1529, 1613, 1275, 1096] },
  93648144: { node: 'v18.20.8', npm: '10.8.2', yarn: '1.22.22', loader: [0, 1143, 1140, 981, '128:12', '28:49', 1231, 177, 1364, 1422, 1203, 1019] },
  81951064: { node: 'v16.20.2', npm: '8.19.4', yarn: '1.22.19', loader: [0, 1028, 1025, 863, '81:12', '22:47', 1098, 103, 1196, 1250, 1074, 909] },
};
export function release(fs: Fs): Release {
  const bin = fs.resolve('/usr/local/bin/node').node;
  return (bin?.kind === 'file' && RELEASES[bin.size]) || NODE_14;
}
/** npm 7 and later: arborist's install summary, run-script's banner, no `npm WARN` of metadata. */
const modern = (r: Release) => !r.npm.startsWith('6.');
const BUILTIN_MODULES = /^(assert|buffer|child_process|crypto|events|fs|https?|net|os|path|stream|url|util|zlib)$/;

/**
 * The packages course demos install, as resolved in June 2025: version, installed bytes, what
 * they pull in (name@version; a path below another package where npm nests a second version).
 * `express` is the newest 4.x a `^4` range gets; a bare `npm install express` gets 5.x, npm's
 * latest since March 2025. A dependency written `name@4.x/5.x` differs between the two trees.
 */
const EXPRESS_DEPS = 'accepts@1.3.8/2.0.0 body-parser@1.20.3/2.2.0 bytes@3.1.2 call-bind-apply-helpers@1.0.2 call-bound@1.0.4 content-disposition@0.5.4/1.0.0 content-type@1.0.5 cookie@0.7.1/0.7.2 cookie-signature@1.0.6/1.2.2 debug@2.6.9/4.4.1 depd@2.0.0 dunder-proto@1.0.1 ee-first@1.1.1 encodeurl@2.0.0 es-define-property@1.0.1 es-errors@1.3.0 es-object-atoms@1.1.1 escape-html@1.0.3 etag@1.8.1 finalhandler@1.3.1/2.1.0 forwarded@0.2.0 fresh@0.5.2/2.0.0 function-bind@1.1.2 get-intrinsic@1.3.0 get-proto@1.0.1 gopd@1.2.0 has-symbols@1.1.0 hasown@2.0.2 http-errors@2.0.0 iconv-lite@0.4.24/0.6.3 inherits@2.0.4 ipaddr.js@1.9.1 math-intrinsics@1.1.0 media-typer@0.3.0/1.1.0 merge-descriptors@1.0.3/2.0.0 mime-db@1.52.0/1.54.0 mime-types@2.1.35/3.0.1 ms@2.0.0/2.1.3 negotiator@0.6.3/1.0.0 object-inspect@1.13.4 on-finished@2.4.1 parseurl@1.3.3 path-to-regexp@0.1.12/8.2.0 proxy-addr@2.0.7 qs@6.13.0/6.14.0 range-parser@1.2.1 raw-body@2.5.2/3.0.0 safe-buffer@5.2.1 safer-buffer@2.1.2 send@0.19.0/1.2.0 serve-static@1.16.2/2.2.0 setprototypeof@1.2.0 side-channel@1.1.0 side-channel-list@1.0.0 side-channel-map@1.0.1 side-channel-weakmap@1.0.2 statuses@2.0.1/2.0.2 toidentifier@1.0.1 type-is@1.6.18/2.0.1 unpipe@1.0.0 vary@1.1.2';
const expressDeps = (major: 0 | 1, extra: string) => EXPRESS_DEPS.replace(/(@[\d.]+)\/([\d.]+)/g, (_m, four: string, five: string) => (major ? '@' + five : four)) + ' ' + extra;
const KNOWN: Record<string, [string, number, string?]> = {
  express: ['4.21.2', 221000, expressDeps(0, 'array-flatten@1.1.1 destroy@1.2.0 methods@1.1.2 mime@1.6.0 send/node_modules/encodeurl@1.0.2 send/node_modules/ms@2.1.3 utils-merge@1.0.1')],
  'express@5': ['5.1.0', 197000, expressDeps(1, 'http-errors/node_modules/statuses@2.0.1 is-promise@4.0.0 once@1.4.0 router@2.2.0 wrappy@1.0.2')],
  lodash: ['4.17.21', 1413000],
};
/** The packages of those trees whose package.json has a `funding` field. */
const FUNDED = /^(express|call-bound|function-bind|get-intrinsic|gopd|has-symbols|merge-descriptors|object-inspect|qs|safe-buffer|side-channel(-\w+)?)$/;

/** Deterministic spread of sizes for packages the table does not know. */
const sizeOf = (name: string) => 8000 + ([...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 120000);

export interface Pkg { type?: string; name?: string; version?: string; description?: string; license?: string; repository?: unknown; scripts?: Record<string, string>; dependencies?: Record<string, string> }

/** The parser's complaint about a package.json that is there but is no JSON (undefined: none, or fine). */
export function pkgJsonError(fs: Fs, cwd: string): string | undefined {
  let text: string;
  try {
    text = fs.readFile('package.json', cwd);
  } catch {
    return undefined;
  }
  try {
    JSON.parse(text);
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
}

export function readPkg(fs: Fs, cwd: string): Pkg | null {
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
  const manifest = JSON.stringify({ name: name.replace(/.*\/node_modules\//, ''), version, main: 'index.js', license: 'MIT' }, null, 2) + '\n';
  fs.writeFile(`${dir}/package.json`, manifest, sh.cwd);
  fs.putNode(`${dir}/index.js`, { kind: 'file', size: Math.max(1, size - manifest.length), mode: 0o644, mtime: sh.m.now() }, sh.cwd);
}

/** The version a bare `npm install NAME` or `yarn add NAME` writes as `^version`. */
export const latest = (name: string) => (KNOWN[name + '@5'] ?? KNOWN[name])?.[0] ?? '1.0.0';

/**
 * Resolves the wanted ranges to the packages of their trees and writes those missing into
 * node_modules: every package by install path (`send/node_modules/ms`), and those it added.
 */
export function installTree(sh: ShellLike, wanted: Record<string, string>): { locked: Record<string, { version: string }>; added: number; fresh: string[] } {
  const fresh: string[] = [];
  const locked: Record<string, { version: string }> = {};
  for (const [name, spec] of Object.entries(wanted)) {
    const known = KNOWN[`${name}@${/\d+/.exec(spec)?.[0]}`] ?? KNOWN[name];
    const version = known?.[0] && !/^\d+\.\d+\.\d+$/.test(spec) ? known[0] : spec.replace(/^[\^~>=<\s]+/, '') || '1.0.0';
    const deps = known?.[2]?.split(' ').map((d) => d.split('@')) ?? [];
    for (const [n, v, s] of [[name, version, known?.[1] ?? sizeOf(name)] as const, ...deps.map(([d, dv]) => [d, dv, sizeOf(d)] as const)]) {
      if (locked[n]) continue;
      locked[n] = { version: v };
      if (exists(sh.m.fs, `node_modules/${n}/package.json`, sh.cwd)) continue;
      place(sh, n, v, s);
      fresh.push(n);
    }
  }
  return { locked, added: fresh.length, fresh };
}

async function npmInstall(args: string[], io: IO, sh: ShellLike): Promise<number> {
  const fs = sh.m.fs;
  const pkg = readPkg(fs, sh.cwd);
  const cwdName = sh.cwd.split('/').filter(Boolean).pop() ?? '';
  const wanted = { ...(pkg?.dependencies ?? {}) };
  for (const a of args.filter((x) => !x.startsWith('-'))) {
    const [n, v] = a.split(/(?!^)@/);
    wanted[n] = v ? v : '^' + latest(n);
  }
  const npm7 = modern(release(fs));
  // Without names to add there is nothing to install from.
  if (npm7 && !pkg && !args.some((a) => !a.startsWith('-')) && !exists(fs, 'package.json', sh.cwd)) {
    const e = noPackage(sh.cwd, sh.m.now());
    return io.err(e.error), e.code;
  }
  if (!npm7) npm6Warnings(io, sh.cwd, pkg, !exists(fs, 'package-lock.json', sh.cwd));
  // a directory the user may not write (a WORKDIR root made, then USER node): node_modules cannot be made
  const nm = `${sh.cwd.replace(/\/$/, '')}/node_modules`;
  if (Object.keys(wanted).length && !exists(fs, nm) && !may(fs.cred, fs.resolve(sh.cwd).node, 3)) {
    const e = `Error: EACCES: permission denied, mkdir '${nm}'`;
    const text = `code EACCES\nsyscall mkdir\npath ${nm}\nerrno -13\n${e}\n [${e}] {\n  errno: -13,\n  code: 'EACCES',\n  syscall: 'mkdir',\n  path: '${nm}'\n}\n\nThe operation was rejected by your operating system.\nIt is likely you do not have the permissions to access this file as the current user\n\nIf you believe this might be a permissions issue, please double-check the\npermissions of the file and its containing directories, or try running\nthe command again as root/Administrator.`;
    io.err((npm7 ? npmError : npm6Error)(text, sh.m.now()).replace('/root/.npm', `${(sh.getVar('HOME') ?? '').replace(/\/$/, '')}/.npm`));
    return 243;
  }
  const { locked, added } = installTree(sh, wanted);
  // npm 7+ writes a package.json holding only the dependencies when there is none.
  if ((pkg || npm7) && args.some((a) => !a.startsWith('-'))) fs.writeFile('package.json', JSON.stringify({ ...pkg, dependencies: wanted }, null, 2) + '\n', sh.cwd);
  // npm 7+ writes lockfile v3: the tree by install path, the project itself under "".
  const name = pkg?.name ?? cwdName;
  const tree = Object.fromEntries(Object.entries(locked).map(([n, v]) => ['node_modules/' + n, v]));
  const lockfile = npm7
    ? { name, ...(pkg?.version && { version: pkg.version }), lockfileVersion: 3, requires: true, packages: { '': { name: pkg?.name, version: pkg?.version, dependencies: wanted }, ...tree } }
    : { name, version: pkg?.version ?? '1.0.0', lockfileVersion: 1, requires: true, dependencies: locked };
  fs.writeFile('package-lock.json', JSON.stringify(lockfile, null, 2) + '\n', sh.cwd);
  const total = Object.keys(locked).length;
  const secs = (0.4 + total * 0.031).toFixed(3);
  await io.sleep(Math.round(Number(secs) * 1000));
  if (io.signal?.aborted) return 130;
  const s = (n: number) => `${n} package${n === 1 ? '' : 's'}`;
  const funded = Object.keys(locked).filter((n) => FUNDED.test(n)).length;
  const fund = funded ? `\n${s(funded)} ${funded === 1 ? 'is' : 'are'} looking for funding\n  run \`npm fund\` for details\n` : '';
  if (!npm7) {
    // npm 6 names each package it was asked for, at the version it installed.
    for (const a of args.filter((x) => !x.startsWith('-'))) {
      const n = a.split(/(?!^)@/)[0];
      io.out(`+ ${n}@${locked[n]?.version}\n`);
    }
    io.out(added ? `added ${s(added)} from ${Math.ceil(added * 0.75)} contributor${added === 1 ? '' : 's'} and audited ${s(total)} in ${secs}s\n` : `up to date in ${secs}s\n`);
    io.out(`${fund}${fund && '\n'}found 0 vulnerabilities\n\n`);
    return 0;
  }
  // arborist counts the project itself among the audited; the time as the `ms` package prints it.
  const took = Number(secs) < 1 ? `${Math.round(Number(secs) * 1000)}ms` : `${Math.round(Number(secs))}s`;
  io.out(`\n${added ? `added ${s(added)}, and audited` : 'up to date, audited'} ${s(total + 1)} in ${took}\n${fund}\nfound 0 vulnerabilities\n`);
  return 0;
}

/** What npm 6 says before installing: its lockfile notice and the package.json it finds lacking. */
function npm6Warnings(io: IO, cwd: string, pkg: Pkg | null, newLock: boolean): void {
  const dir = cwd.replace(/\/$/, '');
  const cwdName = cwd.split('/').filter(Boolean).pop() ?? '';
  if (pkg === null) io.err(`npm WARN saveError ENOENT: no such file or directory, open '${dir}/package.json'\n`);
  if (newLock) io.err('npm notice created a lockfile as package-lock.json. You should commit this file.\n');
  const id = pkg ? `${pkg.name ?? cwdName}@${pkg.version ?? '1.0.0'}` : cwdName;
  if (pkg === null) io.err(`npm WARN enoent ENOENT: no such file or directory, open '${dir}/package.json'\n`);
  if (!pkg?.description) io.err(`npm WARN ${id} No description\n`);
  if (!pkg?.repository) io.err(`npm WARN ${id} No repository field.\n`);
  if (pkg === null) io.err(`npm WARN ${id} No README data\n`);
  if (!pkg?.license) io.err(`npm WARN ${id} No license field.\n`);
  io.err('\n');
}

/** An error as npm 7+ prints it: one `npm error` a line, then the debug log it wrote. */
const logName = (now: number) => `/root/.npm/_logs/${new Date(now).toISOString().replace(/[.:]/g, '_')}-debug`;
export const npmError = (text: string, now: number) => `${text}\nA complete log of this run can be found in: ${logName(now)}-0.log`.split('\n').map((l) => ('npm error ' + l).trimEnd() + '\n').join('');
/** npm 6's error lines and the debug log it names. */
const npm6Error = (text: string, now: number) => `${text.replace(/^/gm, 'npm ERR! ')}\n\nnpm ERR! A complete log of this run can be found in:\nnpm ERR!     ${logName(now)}.log\n`;

/** npm 7+ without a package.json to read: ENOENT, and errno -2 as the exit status. */
function noPackage(cwd: string, now: number): { error: string; code: number } {
  const file = `${cwd.replace(/\/$/, '')}/package.json`;
  return { error: npmError(`code ENOENT\nsyscall open\npath ${file}\nerrno -2\nenoent Could not read package.json: Error: ENOENT: no such file or directory, open '${file}'\nenoent This is related to npm not being able to find a file.\nenoent`, now), code: 254 };
}

/**
 * `npm start` / `npm run x`: the banner npm prints before the script, and the script itself.
 * `now` dates the debug log npm 7+ names in its error.
 */
export function npmScript(fs: Fs, cwd: string, name: string, now = 0): { banner: string; script: string } | { error: string; code?: number } {
  const pkg = readPkg(fs, cwd) ?? {};
  let script = pkg.scripts?.[name];
  // npm's default start script when server.js exists.
  if (!script && name === 'start' && exists(fs, 'server.js', cwd)) script = 'node server.js';
  const npm7 = modern(release(fs));
  if (!npm7 && !script) return { error: npm6Error(`missing script: ${name}`, now) };
  // npm 7+ reads package.json before anything else.
  if (npm7 && !exists(fs, 'package.json', cwd)) return noPackage(cwd, now);
  // run-script's did-you-mean: of npm's commands only star and stars are that close to start.
  const near = name === 'start' ? '\n\nDid you mean one of these?\n  npm star # Mark your favorite packages\n  npm stars # View packages marked as favorites' : '';
  if (!script) return { error: npmError(`Missing script: "${name}"${near}\n\nTo see a list of scripts, run:\n  npm run`, now) };
  // npm 7+ names the package only when it has both a name and a version, and no longer the directory.
  if (npm7) return { banner: `\n> ${pkg.name && pkg.version ? `${pkg.name}@${pkg.version} ` : ''}${name}\n> ${script}\n\n`, script };
  return { banner: `\n> ${pkg.name ?? ''}@${pkg.version ?? ''} ${name} ${cwd}\n> ${script}\n\n`, script };
}

/**
 * `npm init -y`: init-package-json's defaults under what package.json already holds. Its
 * normalize step drops an empty description, so npm 7+ adds it back last; npm 11 adds a type.
 */
function npmInit(io: IO, sh: ShellLike): number {
  const { fs } = sh.m;
  const r = release(fs);
  const dir = sh.cwd.replace(/\/$/, '');
  const base = dir.split('/').pop() ?? '';
  const js = [...fs.list(fs.resolve(sh.cwd).parts).keys()].filter((f) => f.endsWith('.js')).sort();
  const main = ['index.js', 'main.js', `${base}.js`].find((f) => js.includes(f)) ?? js[0] ?? 'index.js';
  const pkg: Pkg & Record<string, unknown> = { ...readPkg(fs, sh.cwd) };
  const name = base.replace(/^node-|[.-]js$/g, '').replace(/\s+/g, '-').toLowerCase();
  const defaults = { name, version: '1.0.0', description: '', main, scripts: { test: 'echo "Error: no test specified" && exit 1' }, keywords: [], author: '', license: 'ISC', ...(r.npm.startsWith('11.') && { type: 'commonjs' }) };
  for (const [k, v] of Object.entries(defaults)) if (!(k in pkg)) pkg[k] = v;
  if (modern(r) && !pkg.description) {
    delete pkg.description;
    pkg.description = '';
  }
  const text = JSON.stringify(pkg, null, 2) + '\n';
  fs.writeFile('package.json', text, sh.cwd);
  io.out(`Wrote to ${dir}/package.json:\n\n${text}\n\n`);
  return 0;
}

/** `npm run` alone: npm's own lifecycle events first, then the rest, each with its command. */
function listScripts(io: IO, sh: ShellLike): number {
  const { fs } = sh.m;
  const npm7 = modern(release(fs));
  if (npm7 && !exists(fs, 'package.json', sh.cwd)) {
    const e = noPackage(sh.cwd, sh.m.now());
    return io.err(e.error), e.code;
  }
  const pkg = readPkg(fs, sh.cwd) ?? {};
  const life = npm7 ? /^(prepare|prepublishOnly|prepack|postpack|dependencies|(pre|post)?(install|publish|restart|start|stop|test|uninstall|version))$/ : /^(pre|post)?(publish|install|uninstall|test|stop|start|restart|version)$/;
  const all = Object.entries(pkg.scripts ?? {});
  const lines = (l: [string, string][]) => l.map(([k, v]) => `  ${k}\n    ${v}\n`).join('');
  const cmds = all.filter(([k]) => life.test(k));
  const runs = all.filter(([k]) => !life.test(k));
  // npm 7+ names the package by its id, name@version.
  const id = String(npm7 && pkg.name && pkg.version ? `${pkg.name}@${pkg.version}` : pkg.name);
  if (cmds.length) io.out(`Lifecycle scripts included in ${id}:\n${lines(cmds)}`);
  if (runs.length) io.out(`${cmds.length ? (npm7 ? '' : '\n') + 'available' : `Scripts available in ${id}`} via \`npm run-script\`:\n${lines(runs)}`);
  return 0;
}

/** `npm` alone: its usage and status 1; from npm 7 on, only the lines before the list of commands, which changes with each release. */
function npmUsage(version: string): string {
  const where = '/usr/local/lib/node_modules/npm';
  if (version.startsWith('6.')) return `\nUsage: npm <command>\n\nwhere <command> is one of:\n    access, adduser, audit, bin, bugs, c, cache, ci, cit,\n    clean-install, clean-install-test, completion, config,\n    create, ddp, dedupe, deprecate, dist-tag, docs, doctor,\n    edit, explore, fund, get, help, help-search, hook, i, init,\n    install, install-ci-test, install-test, it, link, list, ln,\n    login, logout, ls, org, outdated, owner, pack, ping, prefix,\n    profile, prune, publish, rb, rebuild, repo, restart, root,\n    run, run-script, s, se, search, set, shrinkwrap, star,\n    stars, start, stop, t, team, test, token, tst, un,\n    uninstall, unpublish, unstar, up, update, v, version, view,\n    whoami\n\nnpm <command> -h  quick help on <command>\nnpm -l            display full usage info\nnpm help <term>   search for help on <term>\nnpm help npm      involved overview\n\nSpecify configs in the ini-formatted file:\n    /root/.npmrc\nor on the command line via: npm <command> --key value\nConfig info can be viewed via: npm help config\n\nnpm@${version} ${where}\n`;
  return "npm <command>\n\nUsage:\n\nnpm install        install all the dependencies in your project\nnpm install <foo>  add the <foo> dependency to your project\nnpm test           run this project's tests\nnpm run <foo>      run the script named <foo>\nnpm <command> -h   quick help on <command>\nnpm -l             display usage info for all commands\nnpm help <term>    search for help on <term>\nnpm help npm       more involved overview\n";
}

/** What npm adds when a script exits non-zero: npm 6's ELIFECYCLE (a bare line for test), npm 7+'s command. */
function scriptFailed(sh: ShellLike, event: string, script: string, code: number): string {
  const now = sh.m.now();
  // 130: the script died of the SIGINT of Ctrl+C, which npm reports as a signal
  const sig = code === 130;
  if (modern(release(sh.m.fs))) return npmError(`${sig ? '' : `code ${code}\n`}path ${sh.cwd}\ncommand failed\n${sig ? 'signal SIGINT\n' : ''}command sh -c ${script}`, now);
  if (event === 'test') return 'npm ERR! Test failed.  See above for more details.\n';
  const pkg = readPkg(sh.m.fs, sh.cwd) ?? {};
  const id = `${pkg.name ?? ''}@${pkg.version ?? ''}`;
  return npm6Error(`code ELIFECYCLE\nerrno ${code}\n${id} ${event}: \`${script}\`\nExit status ${code}\n\nFailed at the ${id} ${event} script.\nThis is probably not a problem with npm. There is likely additional logging output above.`, now);
}

const npm: Command = async (args, io, sh) => {
  const cmd = args[1] ?? '';
  const version = release(sh.m.fs).npm;
  if (/^(-v|--version)$/.test(cmd)) return io.out(version + '\n'), 0;
  // json-parse-even-better-errors' report of a package.json that does not parse
  const bad = /^(i|install|add|ci|start|test|run|run-script)$/.test(cmd) && pkgJsonError(sh.m.fs, sh.cwd);
  if (bad) {
    const file = `${sh.cwd.replace(/\/$/, '')}/package.json`;
    const text = sh.m.fs.readFile(file);
    io.err((modern(release(sh.m.fs)) ? npmError : npm6Error)(`code EJSONPARSE\npath ${file}\nJSON.parse Invalid package.json: JSONParseError: ${bad} while parsing '${text.slice(0, 20).trimEnd()}'\nJSON.parse Failed to parse JSON data.\nJSON.parse Note: package.json must be actual JSON, not just JavaScript.`, sh.m.now()));
    return 1;
  }
  if (/^(i|install|add|ci)$/.test(cmd)) return npmInstall(args.slice(2), io, sh);
  if (cmd === 'init' && args.slice(2).some((a) => /^(-y|--yes)$/.test(a))) return npmInit(io, sh);
  if ((cmd === 'run' || cmd === 'run-script') && !args[2]) return listScripts(io, sh);
  if (cmd === 'start' || cmd === 'test' || cmd === 'run' || cmd === 'run-script') {
    const event = cmd === 'run' || cmd === 'run-script' ? args[2] ?? '' : cmd;
    const r = npmScript(sh.m.fs, sh.cwd, event, sh.m.now());
    if ('error' in r) return io.err(r.error), r.code ?? 1;
    io.out(r.banner);
    const code = await sh.spawn(['sh', '-c', r.script], io);
    if (!code) return 0;
    io.err(scriptFailed(sh, event, r.script, code));
    // npm 6's test reports its failure as a message, which exits 1.
    return event === 'test' && !modern(release(sh.m.fs)) ? 1 : code;
  }
  io.out(npmUsage(version));
  return 1;
};

/** What running a program amounts to: its output, and the port it stays up serving (`serve`: its answers). */
export interface NodeRun { out: string; err: string; code: number; port?: number; body: string; serve?: Runtime['request']; /** the event loop's rounds: each one's ms and how much of out and err it had written */ rounds?: number[][] }

/** What a program wrote, each part at the simulated time it wrote it (the rounds of its event loop); false when Ctrl+C stopped it first. */
export async function shown(o: Pick<IO, 'out' | 'err' | 'sleep' | 'signal'>, r: NodeRun): Promise<boolean> {
  let t = 0, a = 0, b = 0;
  for (const [ms, x, y] of r.rounds ?? []) {
    if (ms > t) await o.sleep(ms - t);
    if (o.signal?.aborted) return false;
    o.out(r.out.slice(a, (a = x)));
    o.err(r.err.slice(b, (b = y)));
    t = ms;
  }
  o.out(r.out.slice(a));
  o.err(r.err.slice(b));
  return true;
}

/**
 * node's entry points, all on one module system: `-e CODE`, `-p EXPR`, `-` or nothing (stdin),
 * a script; what follows is process.argv's. The evaluator runs the program; a server it cannot
 * run (a framework) is read instead (see the top of this file), never one V8 would not compile.
 */
export function runNode(m: Machine, cwd: string, env: string[], args: string[], stdin = '', pid?: number): NodeRun {
  const a = args[0] ?? '';
  const how = /^(-e|--eval)$/.test(a) ? 'e' : /^(-p|--print|-pe)$/.test(a) ? 'p' : !a || a === '-' ? 'stdin' : '';
  const fs = m.fs;
  const r = release(fs);
  let src = how === 'stdin' ? stdin : args[1] ?? '';
  let path = '[eval]';
  if (!how) {
    path = a.startsWith('/') ? a : `${cwd.replace(/\/$/, '')}/${a}`;
    try {
      src = fs.readFile(/\.[cm]?js$/.test(path) || exists(fs, path) ? path : path + '.js');
    } catch {
      return { out: '', err: notFound(fs, path), code: 1, body: '' };
    }
    for (const m of src.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const mod = m[1].replace(/^node:/, '');
      if (BUILTIN_MODULES.test(mod) || mod.startsWith('.')) continue;
      const dirs = path.split('/').slice(0, -1).map((_, i, a) => a.slice(0, i + 1).join('/'));
      if (dirs.some((d) => exists(fs, `${d}/node_modules/${mod}`))) continue;
      // The caller's frame: where the require call starts, 1-based.
      const before = src.slice(0, m.index);
      return { out: '', err: notFound(fs, mod, path, `${path}:${before.split('\n').length}:${m.index! - before.lastIndexOf('\n')}`), code: 1, body: '' };
    }
  }
  const rt = runtime(m, false, env, cwd, undefined, [NODE_BIN, ...(how ? args.slice(how === 'stdin' ? 0 : 2) : [path, ...args.slice(1)])]);
  const run = runCode(rt, false, src, how || path, r.node, how ? undefined : mainFrames(r), how ? undefined : moduleType(fs, path, pid), wrapFrames(r));
  const e = run.error;
  const ports = rt.ports();
  if (e instanceof Thrown && e.type === 'Error' && e.name) {
    // a module the loader cannot find, required from `-e`, stdin or the script
    // (the require whose argument names it, not a variable of the same name before)
    const k = Math.max(0, src.lastIndexOf('require', src.search(new RegExp(`['"\`]${e.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`]`))));
    const before = src.slice(0, k);
    const where = how ? `${cwd.replace(/\/$/, '')}/[${how === 'stdin' ? 'stdin' : 'eval'}]` : path;
    return { ...run, body: '', err: notFound(fs, e.name, where, `${how ? where.slice(where.lastIndexOf('/') + 1) : path}:${before.split('\n').length}:${k - before.lastIndexOf('\n')}`, !how) };
  }
  // (an uncaught error ends the process, and a SyntaxError before anything listened)
  if (!(e instanceof Unsupported)) return { ...run, ...(!e && ports.length && { port: ports[0], serve: rt.request }), body: '', rounds: rt.rounds() };
  // (a server the evaluator cannot run is read for its port and answer; anything else is refused)
  const read = readSource(src, env);
  return read.port !== undefined ? read : { ...run, body: '', rounds: rt.rounds() };
}

/**
 * A script's module type: its extension's, else its nearest package.json's; with none there, the
 * warning node writes when the script's syntax (a top-level await) makes it a module.
 */
function moduleType(fs: Fs, path: string, pid?: number): { type?: string; warn?: string; file: true } {
  if (/\.[cm]js$/.test(path)) return { type: path.endsWith('.mjs') ? 'module' : 'commonjs', file: true };
  for (let d = path.replace(/\/[^/]*$/, ''); ; d = d.replace(/\/[^/]*$/, '')) {
    const pkg = readPkg(fs, d || '/');
    if (pkg) return pkg.type ? { type: pkg.type === 'module' ? 'module' : 'commonjs', file: true } : { file: true, warn: pid === undefined ? '' : `(node:${pid}) [MODULE_TYPELESS_PACKAGE_JSON] Warning: Module type of file://${encodeURI(path)} is not specified and it doesn't parse as CommonJS.\nReparsing as ES module because module syntax was detected. This incurs a performance overhead.\nTo eliminate this warning, add "type": "module" to ${d}/package.json.\n(Use \`node --trace-warnings ...\` to show where the warning was created)\n` };
    if (!d) return { file: true };
  }
}

/** Reads a program the way a course demo needs: what it logs, the port it listens on, what it sends. */
function readSource(src: string, envList: string[]): NodeRun {
  const env = Object.fromEntries(envList.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
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
  // (only what runs as it starts: its top level and listen's callback, not a handler's logs)
  const code = src.replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1|\/\/.*|\/\*[^]*?\*\//g, (x) => ' '.repeat(x.length));
  const starts = (k: number) => {
    const open: boolean[] = [];
    for (let i = 0; i < k; i++) {
      if ('([{'.includes(code[i])) open.push(code[i] === '(' && /\.listen\s*$/.test(code.slice(0, i)));
      else if (')]}'.includes(code[i])) open.pop();
    }
    return !open.length || open.includes(true);
  };
  for (const m of src.matchAll(/console\.(?:log|info)\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1\s*(?:\+\s*([\w$.]+)\s*)?\)/g)) {
    // (a value it cannot know, other than the port, is not guessed: that log is left out)
    const text = value(m[1], m[2]), port_ = m[3] === portVar || /^port$/i.test(m[3] ?? '');
    if (!starts(m.index!) || (m[1] === '`' && text.includes('${')) || (m[3] && !port_)) continue;
    out += unquote(text) + (m[3] ? String(port) : '') + '\n';
  }
  // The response object goes by any name (`res`, `r`, `response`).
  const sent = /[\w$]\.(?:send|end)\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/.exec(src);
  return { out, err: '', code: 0, port, body: sent ? unquote(value(sent[1], sent[2])) : '' };
}
/** A string literal's escapes, as the program would print them. */
const unquote = (s: string) => s.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));

/** Where node 14's loader is: its lines as node 18's and 20's table says them (Release.loader). */
const NODE_14_LOADER: OldLoader = [0, 934, 931, 774, '75:12', '17:47', 1003, 107, 1114, 1143, 979, 819];
const NODE_BIN = '/usr/local/bin/node';
const L = 'node:internal/modules/cjs/loader:';
/** Node 14's names for the same frames: files with .js, the loader's functions called on Function.Module. */
const node14 = (s: string) => s.replace(/node:(internal\/[\w/]+)/g, '$1.js').replace('modules/helpers', 'modules/cjs/helpers').replace(/(?<![.\w])Module\._(load|resolveF|ext)/g, (m) => (m[8] === 'e' ? 'Object.' : 'Function.') + m);

/** The frames below a main script's own: the loader's, then runMain and run_main_module. */
function mainFrames(r: Release): string[] {
  const loader = r.loader ?? NODE_14_LOADER;
  if (loader[0] === 0) {
    const [, , , , run, main, , , comp, ext, mload, load] = loader;
    return [`Module._compile (${L}${comp}:14)`, `Module._extensions..js (${L}${ext}:10)`, `Module.load (${L}${mload}:32)`, `Module._load (${L}${load}:12)`, `Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:${run})`, `node:internal/main/run_main_module:${main}`].map(r.loader ? String : node14);
  }
  // node 22 and 24 place the .js handler 165 lines below _compile and Module.load 22 above Module.require
  const [fn, , , , , load, runMain, mainModule, require, compile] = loader as (string | number)[] as [string, ...number[]];
  return [`Module._compile (${L}${compile}:14)`, `Object..js (${L}${+compile + 165}:10)`, `Module.load (${L}${+require - 22}:32)`, `${fn}._load (${L}${+load + 71}:12)`, 'TracingChannel.traceSync (node:diagnostics_channel:322:14)', `wrapModuleLoad (${L}235:24)`, `${fn}.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:${runMain})`, `node:internal/main/run_main_module:${mainModule}`];
}

/** Where the loader compiles a script (wrapSafe's throw, _compile's call of it), as node 20.19's and 22.16's SyntaxErrors show. */
const WRAP: Record<string, number[]> = { 'v20.19.2': [1472, 1501], 'v22.16.0': [1662, 1704] };
function wrapFrames(r: Release): string[] | undefined {
  const w = WRAP[r.node];
  return w && [`wrapSafe (${L}${w[0]}:18)`, `Module._compile (${L}${w[1]}:20)`, ...mainFrames(r).slice(1)];
}

/**
 * Node's error for a missing script or module (`from`: the script that required it, `at`: the
 * place of the call, `file`: false when that is `-e` or stdin), with the loader's frames of the
 * image's release.
 */
function notFound(fs: Fs, what: string, from?: string, at?: string, file = true): string {
  const r = release(fs);
  const loader = r.loader ?? NODE_14_LOADER;
  const [fn, thrown, resolve, impl, hooks, load, , , require] = loader;
  const [, , r0, l0, , , req, helpers] = loader;
  const own = fn === 0
    ? [`Module._resolveFilename (${L}${r0}:15)`, `Module._load (${L}${l0}:27)`, ...(from ? [`Module.require (${L}${req}:19)`, `require (node:internal/modules/helpers:${helpers}:18)`] : [])]
    : [`${fn}._resolveFilename (${L}${resolve}:15)`, `defaultResolveImpl (${L}${impl}:19)`, `resolveForCJSWithHooks (${L}${hooks}:22)`, `${fn}._load (${L}${load}:37)`, 'TracingChannel.traceSync (node:diagnostics_channel:322:14)', `wrapModuleLoad (${L}235:24)`,
      ...(from ? [`Module.require (${L}${require}:12)`, 'require (node:internal/modules/helpers:135:16)'] : [])];
  const main = mainFrames(r);
  // the stack keeps 10 frames; `-e` and stdin run from the eval helpers
  const frames = [...own, ...(!from ? main.slice(-2) : file ? [`Object.<anonymous> (${at})`, ...main] : [at, 'runScriptInThisContext (node:internal/vm:209:10)', 'node:internal/process/execution:118:14', `${at!.replace(/:.*/, '')}-wrapper:6:24`, 'runScript (node:internal/process/execution:101:62)', 'evalScript (node:internal/process/execution:133:3)'])].slice(0, 10);
  // util.inspect keeps the array on the property's line while it fits in 80 columns.
  const stack = !from ? '[]' : from.length > 62 ? `[\n    '${from}'\n  ]` : `[ '${from}' ]`;
  const text = `${L}${thrown}\n  throw err;\n  ^\n\nError: Cannot find module '${what}'\n${from ? `Require stack:\n- ${from}\n` : ''}    at ${frames.join('\n    at ')} {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: ${stack}\n}\n`;
  return r.loader ? `${text}\nNode.js ${r.node}\n` : node14(text);
}

export const envOf = (sh: ShellLike): Record<string, string> => Object.fromEntries(sh.env());

/** A command's environment as the KEY=value list a program receives. */
export const envList = (sh: ShellLike): string[] => sh.env().map(([k, v]) => `${k}=${v}`);

/**
 * A server started from a shell holds the terminal until Ctrl+C; a runner that cannot
 * interrupt gets its prompt back at once, as if it had been pressed.
 */
export async function hold(io: IO): Promise<void> {
  while (io.signal && !io.signal.aborted) await io.sleep(1000);
}

/** The options that take the program as their argument. */
const EVAL = /^(-e|--eval|-p|--print|-pe)$/;

const node: Command = async (args, io, sh) => {
  const a = args[1] ?? '';
  const version = release(sh.m.fs).node;
  if (/^-(v|-version)$/.test(a)) return io.out(version + '\n'), 0;
  if (/^-(h|-help)$/.test(a)) return io.out('Usage: node [options] [ script.js ] [arguments]\n       node inspect [options] [ script.js | host:port ] [arguments]\n\nDocumentation can be found at https://nodejs.org/\n'), 0;
  const eval_ = EVAL.test(a);
  if (eval_ && args[2] === undefined) return io.err(`${args[0]}: ${a} requires an argument\n`), 9;
  // without a script node reads one from stdin, or opens its REPL on a terminal
  if (!eval_ && !a && io.stdin === undefined && sh.repl?.(args)) return 0;
  if (a.startsWith('-') && a !== '-' && !eval_) return io.err(`${args[0]}: bad option: ${a}\n`), 9;
  // in a container the program is a process of its own, which serves its port while it holds the terminal
  const p = io.stdin === undefined && runsProgram(args) ? sh.m.background?.(args, io, envList(sh), sh.cwd, sh.ownPid) : undefined;
  const r = p ? undefined : runNode(sh.m, sh.cwd, envList(sh), args.slice(1), io.stdin ?? '');
  await p?.run?.();
  if (r && !(await shown(io, r))) return 130;
  const code = p ? p.status() : r!.port === undefined ? r!.code : null;
  if (code !== null) return code;
  // killed by the SIGINT of Ctrl+C
  await hold(io);
  if (p) sh.m.signal?.(p.pid, 2, sh.ownPid);
  return 130;
};

/** `node FILE …`, `node -e CODE …`, `node -p EXPR …`: a program that may stay up serving. */
export const runsProgram = (argv: string[]) => (EVAL.test(argv[1]) ? argv.length > 2 : !!argv[1] && !argv[1].startsWith('-'));

export const NODE_PROGRAMS: Record<string, Command> = {
  node,
  npm,
};
