/**
 * pip as the python images ship it: 25.0.1 from the ensurepip of 3.12 and 3.13, 24.0 in 3.11's
 * (with the setuptools and wheel that image adds). It installs the packages course demos use
 * into site-packages, as files that weigh in the layer and that `pip list`, `pip freeze` and
 * `pip show` read back, and prints what pip prints without a terminal.
 */
import { FsError, may, type Fs } from '../fs';
import { exists } from './package-files';
import { pythonRelease, sitePackages, started, userSite, venvOf } from './runtimes';
import type { Command, IO, ShellLike } from './types';

/**
 * PyPI's newest releases in June 2025, by wheel name: metadata name, version, wheel and
 * METADATA sizes (kB), installed size (kB), Requires-Dist (`;` between) and summary. A second
 * row of a name is an older release one may pin (its own requirements).
 */
const ROWS = [
  'flask Flask 3.1.1 103.3 3.0 290 blinker>=1.9.0;click>=8.1.3;itsdangerous>=2.2.0;jinja2>=3.1.2;markupsafe>=2.1.1;werkzeug>=3.1.0 A simple framework for building complex web applications.',
  'flask Flask 3.0.3 101.7 3.2 285 Werkzeug>=3.0.0;Jinja2>=3.1.2;itsdangerous>=2.1.2;click>=8.1.3;blinker>=1.6.2 A simple framework for building complex web applications.',
  'werkzeug Werkzeug 3.1.3 224.5 3.7 1030 MarkupSafe>=2.1.1 The comprehensive WSGI web application library.',
  'jinja2 Jinja2 3.1.6 134.9 2.9 880 MarkupSafe>=2.0 A very fast and expressive template engine.',
  'MarkupSafe MarkupSafe 3.0.2 23.1 4.0 60 - Safely add untrusted strings to HTML/XML markup.',
  'itsdangerous itsdangerous 2.2.0 16.0 1.9 60 - Safely pass data to untrusted environments and back.',
  'click click 8.2.1 102.2 2.5 470 - Composable command line interface toolkit',
  'blinker blinker 1.9.0 8.5 1.6 30 - Fast, simple object-to-object and broadcast signaling',
  'requests requests 2.32.3 64.9 4.6 230 charset_normalizer<4,>=2;idna<4,>=2.5;urllib3<3,>=1.21.1;certifi>=2017.4.17 Python HTTP for Humans.',
  'charset_normalizer charset-normalizer 3.4.2 148.6 35 510 - The Real First Universal Charset Detector. Open, modern and actively maintained alternative to Chardet.',
  'idna idna 3.10 70.4 10 350 - Internationalized Domain Names in Applications (IDNA)',
  'urllib3 urllib3 2.4.0 128.7 6.5 560 - HTTP library with thread-safe connection pooling, file post, and more.',
  'certifi certifi 2025.4.26 159.6 2.5 300 - Python package for providing Mozilla\'s CA Bundle.',
  'pip pip 25.1.1 1825.0 3.6 9100 - The PyPA recommended tool for installing Python packages.',
].map((r) => {
  const [stem, name, version, whl, meta, kb, deps, ...summary] = r.split(' ');
  return { stem, name, version, whl: Number(whl), meta: Number(meta), kb: Number(kb), deps: deps === '-' ? [] : deps.split(';'), summary: summary.join(' ') };
});
type Pkg = (typeof ROWS)[number];
/** What needs compiling: its wheel is built for the interpreter and the C library. */
const COMPILED = /^(MarkupSafe|charset_normalizer)$/;
const LATEST_PIP = '25.1.1';

/** PEP 503's normalized name, the one pip compares. */
const canon = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');
const nameOf = (req: string) => /^[A-Za-z0-9._-]+/.exec(req)?.[0] ?? req;

/** The row for a requirement: the version `==` pins when pip knows it, else the newest; none for `===` and nothing after it. */
export function find(req: string): Pkg | undefined {
  const rows = ROWS.filter((r) => canon(r.stem) === canon(nameOf(req)));
  const pin = /==\s*([\w.]+)/.exec(req)?.[1];
  if (/===\s*$/.test(req)) return undefined;
  return rows.find((r) => r.version === pin) ?? (rows[0] && pin ? { ...rows[0], version: pin } : rows[0]);
}

/**
 * packaging's parse of a requirement as pip 24.1+ reports it: the message, the requirement, and
 * a mark from where the part it could not read starts; '' when it parses.
 */
function invalid(req: string): string {
  const name = /^\s*([a-zA-Z0-9](?:[a-zA-Z0-9._-]*[a-zA-Z0-9])?)?\s*(\[[^\]]*\])?\s*/.exec(req)!;
  let at = name[0].length;
  let msg = 'Expected package name at the start of dependency specifier';
  if (name[1]) {
    if (req[at] === '@') return '';
    // specifiers go on while a comma follows one
    const spec = /(?:===\s*[^\s;)]*|(?:~=|==|!=|<=|>=|<|>)\s*v?\d[\w.!+*-]*)\s*(,\s*)?/y;
    const from = at;
    let m: RegExpExecArray | null;
    do {
      spec.lastIndex = at;
      if ((m = spec.exec(req))) at = spec.lastIndex;
    } while (m?.[1]);
    if (at === req.length || req[at] === ';') return '';
    msg = `Expected end or semicolon (after ${at > from ? 'version specifier' : 'name and no valid version specifier'})`;
    return `${msg}\n    ${req}\n    ${' '.repeat(from)}${'~'.repeat(at - from)}^`;
  }
  return `${msg}\n    ${req}\n    ${' '.repeat(at)}^`;
}

/** Where the interpreter of the image (or of the venv at `root`) keeps its packages, and its version. */
function site(sh: ShellLike, root?: string): { dir: string; py: string } {
  const py = pythonRelease(sh.m.fs, { PYTHON_VERSION: sh.getVar('PYTHON_VERSION') });
  return { dir: sitePackages(py, root), py };
}

/** An installed distribution as its dist-info says. */
interface Dist { name: string; version: string; summary: string; requires: string[]; dir: string }

/** The interpreter's own packages: pip from ensurepip, and before 3.12 the image's setuptools and wheel. */
function bundled(py: string): Dist[] {
  const old = py < '3.12';
  const d = (name: string, version: string): Dist => ({ name, version, summary: '', requires: [], dir: '' });
  return [d('pip', old ? '24.0' : '25.0.1'), ...(old ? [d('setuptools', '65.5.1'), d('wheel', '0.45.1')] : [])];
}

/** The distributions site-packages holds, by their METADATA (a pip upgraded there hides the bundled one; a venv has its own). */
export function installed(fs: Fs, dir: string, py: string, venv?: string): Dist[] {
  const found: Dist[] = [];
  let names: string[] = [];
  try {
    names = [...fs.list(fs.resolve(dir).parts).keys()];
  } catch { /* no site-packages */ }
  for (const n of names.filter((x) => x.endsWith('.dist-info'))) {
    try {
      const meta = fs.readFile(`${dir}/${n}/METADATA`);
      const field = (k: string) => [...meta.matchAll(new RegExp(`^${k}: (.*)$`, 'gm'))].map((m) => m[1]);
      found.push({ name: field('Name')[0] ?? '', version: field('Version')[0] ?? '', summary: field('Summary')[0] ?? '', requires: field('Requires-Dist'), dir: n });
    } catch { /* no METADATA */ }
  }
  return [...(venv ? [] : bundled(py)).filter((b) => !found.some((f) => canon(f.name) === b.name)), ...found].sort((a, b) => (canon(a.name) < canon(b.name) ? -1 : 1));
}

/** pip's format_size, and rich's size of a progress bar. */
const size = (kb: number) => (kb >= 1000 ? `${(kb / 1000).toFixed(1)} MB` : kb > 10 ? `${Math.floor(kb)} kB` : `${kb.toFixed(1)} kB`);
const bar = (kb: number, indent: string) => `${indent}${'━'.repeat(40)} ${kb >= 1000 ? `${(kb / 1000).toFixed(1)}/${(kb / 1000).toFixed(1)} MB` : `${kb}/${kb} kB`} ${(12.4 + (kb % 7)).toFixed(1)} MB/s eta 0:00:00\n`;

/** The wheel of a release for this interpreter and C library. */
function wheel(p: Pkg, py: string, musl: boolean): string {
  const cp = 'cp' + py.replace(/^(\d+)\.(\d+).*/, '$1$2');
  return `${p.stem}-${p.version}-${COMPILED.test(p.stem) ? `${cp}-${cp}-${musl ? 'musllinux_1_2_x86_64' : 'manylinux_2_17_x86_64.manylinux2014_x86_64'}` : 'py3-none-any'}.whl`;
}

/** The root warning pip prints after an install, shorter in 24.0. */
const rootWarning = (v: string) => `WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager${v.startsWith('24.') ? '' : ', possibly rendering your system unusable'}. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv${v.startsWith('24.') ? '' : '. Use the --root-user-action option if you know what you are doing and want to suppress this warning.'}\n`;

/** pip's self-check: an older pip than PyPI's says so after every index command. */
const notice = (v: string) => (v === LATEST_PIP ? '' : `\n[notice] A new release of pip is available: ${v} -> ${LATEST_PIP}\n[notice] To update, run: pip install --upgrade pip\n`);

/** Writes a release into site-packages: its code (sized as installed), its dist-info, its scripts. */
export function place(sh: ShellLike, dir: string, p: Pkg): void {
  const { fs } = sh.m;
  const info = `${dir}/${p.stem}-${p.version}.dist-info`;
  fs.mkdir(info, '/', true);
  const meta = `Metadata-Version: 2.4\nName: ${p.name}\nVersion: ${p.version}\nSummary: ${p.summary}\n${p.deps.map((d) => `Requires-Dist: ${d}\n`).join('')}`;
  fs.writeFile(`${info}/METADATA`, meta);
  fs.writeFile(`${info}/INSTALLER`, 'pip\n');
  const mod = p.stem === 'pip' ? 'pip/_internal' : `${p.stem.toLowerCase()}`;
  fs.mkdir(`${dir}/${mod}`, '/', true);
  fs.mkdir(bin(dir), '/', true);
  fs.putNode(`${dir}/${mod}/__init__.py`, { kind: 'file', size: p.kb * 1000 - meta.length, mode: 0o644, mtime: sh.m.now() });
  // its console script, run by its name as the image's own pip3 is
  if (p.stem === 'flask') fs.putNode(bin(dir) + '/flask', { kind: 'file', size: 210, mode: 0o755, mtime: sh.m.now() });
}

interface Opts { reqs: [spec: string, from: string][]; quiet: number; upgrade: boolean; check: boolean; root: boolean; error?: string }

/** The bin/ beside a site-packages: its environment's scripts. */
const bin = (dir: string) => dir.replace(/\/lib\/[^/]+\/site-packages$/, '/bin');

/** pip install's arguments; a requirements file is read here, its lines numbered for `(from -r …)`. */
function parse(args: string[], sh: ShellLike): Opts {
  const o: Opts = { reqs: [], quiet: 0, upgrade: false, check: !sh.getVar('PIP_DISABLE_PIP_VERSION_CHECK'), root: sh.getVar('PIP_ROOT_USER_ACTION') !== 'ignore' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const file = /^(-r|--requirement)(=?)(.*)$/.exec(a);
    if (file) {
      const path = file[3] || args[++i] || '';
      let text: string;
      try {
        text = sh.m.fs.readFile(path, sh.cwd);
      } catch {
        o.error = `ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${path}'\n`;
        return o;
      }
      text.split('\n').forEach((l, n) => {
        const spec = l.replace(/(^|\s)#.*$/, '').trim().replace(/\s+/g, '');
        // option lines (--index-url, -r of another file) change nothing here
        if (spec && !spec.startsWith('-')) o.reqs.push([spec, `-r ${path} (line ${n + 1})`]);
      });
    } else if (/^-q+$|^--quiet$/.test(a)) o.quiet += a === '--quiet' ? 1 : a.length - 1;
    else if (a === '-U' || a === '--upgrade') o.upgrade = true;
    else if (a === '--disable-pip-version-check') o.check = false;
    else if (a === '--root-user-action=ignore') o.root = false;
    else if (!a.startsWith('-')) o.reqs.push([a, '']);
  }
  return o;
}

async function install(args: string[], io: IO, sh: ShellLike, venv?: string): Promise<number> {
  const o = parse(args, sh);
  let { dir, py } = site(sh, venv);
  const have = installed(sh.m.fs, dir, py, venv);
  // site-packages the user may not write: pip installs into the user's site instead (decide_user_install)
  const user = !venv && !may(sh.m.fs.cred, sh.m.fs.find(dir.split('/').filter(Boolean)), 3);
  if (user) dir = userSite(py, sh.getVar('HOME'));
  const pipV = have.find((d) => d.name === 'pip')?.version ?? '25.0.1';
  const out = (t: string) => o.quiet || io.out(t);
  const tail = () => (o.quiet < 2 && o.check ? io.err(notice(pipV)) : undefined);
  const fail = (e: string) => (io.err(e), tail(), 1);
  if (o.error) return fail(o.error);
  if (!o.reqs.length) return fail('ERROR: You must give at least one requirement to install (see "pip help install")\n');
  if (user) out('Defaulting to user installation because normal site-packages is not writeable\n');
  // every requirement is parsed before any is looked for; a line of a file says where it is
  for (const [spec, from] of o.reqs) {
    // a path or a URL is no requirement to parse
    const bad = /\/|^\./.test(spec) ? '' : invalid(spec);
    if (bad) return fail(`ERROR: Invalid requirement: '${spec}': ${bad}${from.replace(/^-r (.*) \(line (\d+)\)$/, ' (from line $2 of $1)')}\n${/=/.test(spec) && !/[~=!<>]=|[<>]/.test(spec) ? 'Hint: = is not a valid operator. Did you mean == ?\n' : ''}`);
  }
  const musl = exists(sh.m.fs, '/etc/alpine-release');
  const old = pipV.startsWith('24.');
  // the resolver pins the requested first, then each level's packages by name; a package's own
  // requirements are collected when it is pinned, from the first that asks for them
  const pinned: [Pkg, string, string][] = [];
  const seen = new Set<string>();
  const lines: string[] = [];
  let todo = o.reqs.map(([spec, from]) => [spec, from] as [string, string]);
  let missing = '';
  for (let depth = 0; todo.length && !missing; depth++) {
    const next: [string, string][] = [];
    const level: [Pkg, string, string][] = [];
    for (const [spec, from] of todo) {
      const key = canon(nameOf(spec));
      if (seen.has(key)) continue;
      seen.add(key);
      const p = find(spec);
      if (!p) {
        missing = spec;
        break;
      }
      const has = have.find((d) => canon(d.name) === key);
      const keep = has && !(o.upgrade && depth === 0 && has.version !== p.version) && !/==/.test(spec.replace(`==${has.version}`, ''));
      if (keep) {
        lines.push(`Requirement already satisfied: ${spec} in ${dir} ${from ? `(from ${from}) ` : ''}(${has.version})\n`);
        next.push(...has.requires.map((r): [string, string] => [r, `${spec}${from ? '->' + from : ''}`]));
        continue;
      }
      if (has && key === 'pip') lines.push(`Requirement already satisfied: pip in ${dir} (${has.version})\n`);
      lines.push(`Collecting ${spec}${from ? ` (from ${from})` : ''}\n  Downloading ${wheel(p, py, musl)}.metadata (${size(p.meta)})\n${old && p.meta > 40 ? bar(p.meta, '     ') : ''}`);
      level.push([p, spec, from]);
    }
    level.sort((a, b) => (depth && canon(a[0].stem) < canon(b[0].stem) ? -1 : depth ? 1 : 0));
    for (const [p, spec, from] of level) {
      pinned.push([p, spec, from]);
      next.push(...p.deps.map((r): [string, string] => [r, `${spec}${from ? '->' + from : ''}`]));
    }
    // a package is collected once its parent is pinned: the next level's lines follow each pin
    todo = next;
  }
  await io.sleep(800 + pinned.length * 150);
  if (io.signal?.aborted) return 130;
  out(lines.join(''));
  const known = ROWS.filter((r) => canon(r.stem) === canon(nameOf(missing))).map((r) => r.version).reverse().join(', ');
  if (missing) return fail(`ERROR: Could not find a version that satisfies the requirement ${missing} (from versions: ${known || 'none'})\nERROR: No matching distribution found for ${missing}\n`);
  for (const [p] of pinned) out(`Downloading ${wheel(p, py, musl)} (${size(p.whl)})\n${(old ? p.whl > 40 : p.whl > 524) ? bar(p.whl, '   ') : ''}`);
  if (pinned.length) {
    // leaves first, each round of leaves in reverse order of pinning
    const left = new Map(pinned.map(([p, spec]) => [canon(p.stem), { p, spec, deps: p.deps.map((d) => canon(nameOf(d))) }]));
    const order: string[] = [];
    while (left.size) {
      const leaves = [...left.keys()].filter((k) => !left.get(k)!.deps.some((d) => left.has(d)));
      for (const k of (leaves.length ? leaves : [...left.keys()]).reverse()) order.push(nameOf(left.get(k)!.spec)), left.delete(k);
    }
    out(`Installing collected packages: ${order.join(', ')}\n`);
    try {
      for (const [p] of pinned) {
        const was = have.find((d) => canon(d.name) === canon(p.stem));
        if (was) out(`  Attempting uninstall: ${was.name}\n${remove(sh, dir, was).replace(/^(?=.)/gm, '    ')}`);
        place(sh, dir, p);
        if (user && p.stem === 'flask') io.err(`  WARNING: The script flask is installed in '${bin(dir)}' which is not on PATH.\n  Consider adding this directory to PATH or, if you prefer to suppress this warning, use --no-warn-script-location.\n`);
      }
    } catch (e) {
      // a read-only root filesystem (docker run --read-only), a home the user cannot write
      if (!(e instanceof FsError)) throw e;
      // os.makedirs fails on the first directory it cannot make
      let at = e.path;
      while (!exists(sh.m.fs, at.replace(/\/[^/]*$/, '') || '/')) at = at.replace(/\/[^/]*$/, '');
      return fail(`ERROR: Could not install packages due to an OSError: [Errno ${e.code === 'EROFS' ? "30] Read-only file system" : '13] Permission denied'}: '${at}'\n${e.code === 'EACCES' ? (user ? 'Check' : 'Consider using the `--user` option or check') + ' the permissions.\n' : ''}\n`);
    }
    out(`Successfully installed ${pinned.map(([p, spec]) => `${nameOf(spec)}-${p.version}`).sort().join(' ')}\n`);
  }
  // inside a venv pip has nothing of the system's to break
  if (o.root && o.quiet < 2 && sh.user === 'root' && !venv) io.err(rootWarning(pipV));
  const now = pinned.some(([p]) => p.stem === 'pip') ? LATEST_PIP : pipV;
  if (o.quiet < 2 && o.check) io.err(notice(now));
  return 0;
}

/** Takes a distribution out of site-packages (the bundled ones have no files here to take). */
function remove(sh: ShellLike, dir: string, d: Dist): string {
  if (d.dir) {
    for (const f of [d.dir, d.dir.replace(/-[^-]*\.dist-info$/, '').toLowerCase(), ...(canon(d.name) === 'flask' ? [bin(dir) + '/flask'] : [])]) {
      try {
        sh.m.fs.remove(f, dir, true);
      } catch { /* not there */ }
    }
  }
  return `Found existing installation: ${d.name} ${d.version}\nUninstalling ${d.name}-${d.version}:\n  Successfully uninstalled ${d.name}-${d.version}\n`;
}

/** `pip uninstall -y NAME…`: what is not installed is skipped with a warning. */
function uninstall(args: string[], dists: Dist[], dir: string, io: IO, sh: ShellLike, venv?: string): number {
  const names = args.filter((a) => !a.startsWith('-'));
  if (!names.length) return io.err('ERROR: You must give at least one requirement to uninstall (see "pip help uninstall")\n'), 1;
  for (const n of names) {
    const d = dists.find((x) => canon(x.name) === canon(n));
    if (!d) io.err(`WARNING: Skipping ${n} as it is not installed.\n`);
    else io.out(remove(sh, dir, d));
  }
  if (sh.user === 'root' && !venv) io.err(rootWarning(dists.find((d) => d.name === 'pip')?.version ?? ''));
  return 0;
}

/** `pip list`: two columns as wide as their longest cell. */
function list(dists: Dist[]): string {
  const rows = [['Package', 'Version'], ['', ''], ...dists.map((d) => [d.name, d.version])];
  const w = [0, 1].map((k) => Math.max(...rows.map((r) => r[k].length)));
  rows[1] = w.map((n) => '-'.repeat(n));
  return rows.map(([a, b]) => `${a.padEnd(w[0])} ${b}`.trimEnd() + '\n').join('');
}

function show(names: string[], dists: Dist[], dir: string, io: IO): number {
  const found = names.map((n) => dists.find((d) => canon(d.name) === canon(n))).filter((d): d is Dist => !!d);
  const missing = names.filter((n) => !dists.some((d) => canon(d.name) === canon(n)));
  if (missing.length) io.err(`WARNING: Package(s) not found: ${missing.join(', ')}\n`);
  io.out(found.map((d) => {
    const by = dists.filter((x) => x.requires.some((r) => canon(nameOf(r)) === canon(d.name))).map((x) => x.name).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
    const reqs = d.requires.map(nameOf).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
    return `Name: ${d.name}\nVersion: ${d.version}\nSummary: ${d.summary}\nHome-page: \nAuthor: \nAuthor-email: \nLicense: \nLocation: ${dir}\nRequires: ${reqs.join(', ')}\nRequired-by: ${by.join(', ')}\n`;
  }).join('---\n'));
  return found.length ? 0 : 1;
}

const USAGE = "install Install packages.|download Download packages.|uninstall Uninstall packages.|freeze Output installed packages in requirements format.|inspect Inspect the python environment.|list List installed packages.|show Show information about installed packages.|check Verify installed packages have compatible dependencies.|config Manage local and global configuration.|search Search PyPI for packages.|cache Inspect and manage pip's wheel cache.|index Inspect information available from package indexes.|wheel Build wheels from your requirements.|hash Compute hashes of package archives.|completion A helper command used for command completion.|debug Show information useful for debugging.|help Show help for commands.";

/** pip of the image's python, or of the venv at `venv` (its bin/pip, or its python's `-m pip`). */
export const pipRun = async (args: string[], io: IO, sh: ShellLike, venv?: string): Promise<number> => {
  const cmd = args[1] ?? '';
  const { dir, py } = site(sh, venv);
  // the user's site too, outside a venv
  const dists = [...installed(sh.m.fs, dir, py, venv), ...(venv ? [] : installed(sh.m.fs, userSite(py, sh.getVar('HOME')), py, '-'))].sort((a, b) => (canon(a.name) < canon(b.name) ? -1 : 1));
  const v = dists.find((d) => d.name === 'pip')?.version ?? '';
  if (cmd === '--version' || cmd === '-V') return io.out(`pip ${v} from ${dir}/pip (python ${py.replace(/\.\d+$/, '')})\n`), 0;
  if (cmd === 'install') return install(args.slice(2), io, sh, venv);
  if (cmd === 'uninstall') return uninstall(args.slice(2), dists, dir, io, sh, venv);
  if (cmd === 'list') return io.out(list(dists)), sh.getVar('PIP_DISABLE_PIP_VERSION_CHECK') || io.err(notice(v)), 0;
  // freeze leaves out pip itself, and before 3.12 the build tools too
  if (cmd === 'freeze') return io.out(dists.filter((d) => !/^(pip|setuptools|wheel|distribute)$/.test(d.name) || (py >= '3.12' && d.name !== 'pip')).map((d) => `${d.name}==${d.version}\n`).join('')), 0;
  if (cmd === 'show') {
    if (!args[2]) return io.err('ERROR: Please provide a package name or names.\n'), 1;
    return show(args.slice(2), dists, dir, io);
  }
  // its usage names the program as called, then the commands (the general options are left out)
  if (/^(|-h|--help|help)$/.test(cmd)) return io.out(`\nUsage:   \n  ${args[0].replace(/.*\//, '')} <command> [options]\n\nCommands:\n${USAGE.split('|').map((l) => `  ${l.replace(/ .*/, '').padEnd(28)}${l.replace(/^\S+ /, '')}\n`).join('')}`), 0;
  io.err(`ERROR: unknown command "${cmd}"\n`);
  return 1;
};

const pip: Command = (args, io, sh) => pipRun(args, io, sh, venvOf(sh.m.fs, started(args[0], io, sh)));

export const PIP_PROGRAMS: Record<string, Command> = Object.fromEntries(['pip', 'pip3', 'pip3.11', 'pip3.12', 'pip3.13'].map((n) => [n, pip]));
