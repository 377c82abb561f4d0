/**
 * The host commands a lesson needs around `docker`: enough coreutils to write a Dockerfile,
 * look at it, and filter the client's output through a pipe.
 */
import { columns } from '../../common/sh/columns';
import { headOrTail, historyText, lines, wcCounts } from '../../common/sh/text';
import { HostFs, type Node } from './host-fs';
import type { HostShell, Proc, Program } from './host-shell';

const CLEAR = '\x1b[H\x1b[2J\x1b[3J';

function echo({ args, io }: Proc): Promise<number> {
  let i = 1;
  let newline = true;
  let escapes = false;
  while (i < args.length && /^-[neE]+$/.test(args[i])) {
    if (args[i].includes('n')) newline = false;
    if (args[i].includes('e')) escapes = true;
    if (args[i].includes('E')) escapes = false;
    i++;
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const map: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', a: '\x07', b: '\b', r: '\r', e: '\x1b', v: '\v', f: '\f' };
    text = text.replace(/\\([ntabrevf\\])/g, (_, c: string) => map[c]);
  }
  io.out(text + (newline ? '\n' : ''));
  return Promise.resolve(0);
}

function readFiles(p: Proc, sh: HostShell, name: string, each: (text: string) => void): number {
  const files = p.args.slice(1).filter((a) => !a.startsWith('-') || a === '-');
  if (files.length === 0) {
    each(p.stdin ?? '');
    return 0;
  }
  let code = 0;
  for (const f of files) {
    if (f === '-') {
      each(p.stdin ?? '');
      continue;
    }
    const node = sh.fs.get(HostFs.resolve(sh.cwd, f));
    if (!node) {
      p.io.err(`${name}: ${f}: No such file or directory\n`);
      code = 1;
    } else if (node.dir) {
      p.io.err(`${name}: ${f}: Is a directory\n`);
      code = 1;
    } else each(node.data);
  }
  return code;
}

async function cat(p: Proc, sh: HostShell): Promise<number> {
  return readFiles(p, sh, 'cat', (t) => p.io.out(t));
}

async function ls(p: Proc, sh: HostShell): Promise<number> {
  const flags = p.args.slice(1).filter((a) => /^-[a-zA-Z]+$/.test(a)).join('');
  const all = flags.includes('a');
  const long = flags.includes('l');
  const targets = p.args.slice(1).filter((a) => !/^-[a-zA-Z]+$/.test(a));
  if (targets.length === 0) targets.push('.');
  let code = 0;
  const blocks: string[] = [];
  const fileRows: string[] = [];
  for (const t of targets) {
    const path = HostFs.resolve(sh.cwd, t);
    const node = sh.fs.get(path);
    if (!node) {
      p.io.err(`ls: cannot access '${t}': No such file or directory\n`);
      code = 2;
      continue;
    }
    if (!node.dir) {
      fileRows.push(t);
      continue;
    }
    let names = sh.fs.list(path);
    if (!all) names = names.filter((n) => !n.startsWith('.'));
    else names = ['.', '..', ...names];
    blocks.push(targets.length > 1 ? `${t}:\n` + render(names, path) : render(names, path));
  }
  function render(names: string[], dir: string): string {
    if (long) {
      const rows = names.map((n) => {
        const node = n === '.' || n === '..' ? { dir: true as const, mtime: 0 } : sh.fs.get(HostFs.resolve(dir, n))!;
        const size = node.dir ? 4096 : new TextEncoder().encode(node.data).length;
        const date = new Date(node.mtime || Date.UTC(2025, 0, 1));
        const mon = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
        const hm = date.toISOString().slice(11, 16);
        return [(node.dir ? 'drwxr-xr-x 2' : '-rw-r--r-- 1') + ' alumno alumno', String(size), `${mon} ${String(date.getUTCDate()).padStart(2)} ${hm} ${n}`];
      });
      const w = Math.max(0, ...rows.map((r) => r[1].length));
      const total = rows.reduce((s, r) => s + Math.ceil(Number(r[1]) / 4096) * 4, 0);
      return `total ${total}\n` + rows.map((r) => `${r[0]} ${r[1].padStart(w)} ${r[2]}\n`).join('');
    }
    return plain(names);
  }
  /** Names only (files given as operands are listed so even with -l). */
  function plain(names: string[]): string {
    return p.io.tty ? columns(names, p.io.columns ?? 80) : names.map((n) => n + '\n').join('');
  }
  const parts = [];
  if (fileRows.length) parts.push(plain(fileRows));
  parts.push(...blocks);
  p.io.out(parts.join('\n'));
  return code;
}

async function cd(p: Proc, sh: HostShell): Promise<number> {
  const target = p.args[1] ?? sh.env.HOME;
  if (p.args.length > 2) {
    p.io.err('bash: cd: too many arguments\n');
    return 1;
  }
  const path = target === '-' ? sh.env.OLDPWD ?? sh.cwd : HostFs.resolve(sh.cwd, target);
  const node = sh.fs.get(path);
  if (!node) {
    p.io.err(`bash: cd: ${target}: No such file or directory\n`);
    return 1;
  }
  if (!node.dir) {
    p.io.err(`bash: cd: ${target}: Not a directory\n`);
    return 1;
  }
  sh.env.OLDPWD = sh.cwd;
  sh.cwd = path;
  sh.env.PWD = path;
  return 0;
}

/**
 * Runs `each` on every operand (arguments not starting with `-`) with its absolute path and node;
 * a message it returns is printed as the operand's error and makes the status 1.
 */
function eachOperand(p: Proc, sh: HostShell, each: (arg: string, path: string, node: Node | undefined) => string | void): number {
  let code = 0;
  for (const a of p.args.slice(1).filter((x) => !x.startsWith('-'))) {
    const path = HostFs.resolve(sh.cwd, a);
    const error = each(a, path, sh.fs.get(path));
    if (error) {
      p.io.err(error + '\n');
      code = 1;
    }
  }
  return code;
}

async function mkdir(p: Proc, sh: HostShell): Promise<number> {
  const parents = p.args.includes('-p');
  return eachOperand(p, sh, (a, path, node) => {
    const why = parents ? '' : node ? 'File exists' : sh.fs.parentOk(path) ? '' : 'No such file or directory';
    if (why) return `mkdir: cannot create directory ‘${a}’: ${why}`;
    sh.fs.mkdirp(path);
  });
}

async function touch(p: Proc, sh: HostShell): Promise<number> {
  return eachOperand(p, sh, (a, path, node) => {
    if (!sh.fs.parentOk(path)) return `touch: cannot touch '${a}': No such file or directory`;
    if (!node) sh.fs.write(path, '');
  });
}

async function rm(p: Proc, sh: HostShell): Promise<number> {
  const flags = p.args.slice(1).filter((a) => a.startsWith('-')).join('');
  return eachOperand(p, sh, (a, path, node) => {
    if (!node) return flags.includes('f') ? '' : `rm: cannot remove '${a}': No such file or directory`;
    if (node.dir && !/[rR]/.test(flags)) return `rm: cannot remove '${a}': Is a directory`;
    sh.fs.remove(path);
  });
}

async function sleep(p: Proc, sh: HostShell): Promise<number> {
  const arg = p.args[1];
  if (arg === undefined) {
    p.io.err("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) {
    p.io.err(`sleep: invalid time interval '${arg}'\nTry 'sleep --help' for more information.\n`);
    return 1;
  }
  const ms = Number(m[1]) * 1000 * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]];
  sh.advance(ms);
  await p.io.sleep(Math.min(ms, 3000));
  return p.io.signal?.aborted ? 130 : 0;
}

function grep(p: Proc, sh: HostShell): Promise<number> {
  const opts = p.args.slice(1).filter((a) => /^-[ivc]+$/.test(a)).join('');
  const rest = p.args.slice(1).filter((a) => !/^-[ivc]+$/.test(a));
  const pattern = rest.shift();
  if (pattern === undefined) {
    p.io.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return Promise.resolve(2);
  }
  let re: RegExp;
  try {
    re = new RegExp(pattern, opts.includes('i') ? 'i' : '');
  } catch {
    re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), opts.includes('i') ? 'i' : '');
  }
  let count = 0;
  const code = readFiles({ ...p, args: ['grep', ...rest] }, sh, 'grep', (text) => {
    for (const line of lines(text)) {
      if (re.test(line) !== opts.includes('v')) {
        count++;
        if (!opts.includes('c')) p.io.out(line + '\n');
      }
    }
  });
  if (opts.includes('c')) p.io.out(count + '\n');
  return Promise.resolve(code || (count ? 0 : 1));
}


function headTail(which: 'head' | 'tail'): Program {
  return async (p, sh) => {
    let n = 10;
    const files: string[] = [];
    for (let i = 1; i < p.args.length; i++) {
      const a = p.args[i];
      if (a === '-n') n = Number(p.args[++i]);
      else if (/^-n?\d+$/.test(a)) n = Number(a.replace(/^-n?/, ''));
      else files.push(a);
    }
    return readFiles({ ...p, args: [which, ...files] }, sh, which, (text) => {
      p.io.out(headOrTail(text, n, which === 'head'));
    });
  };
}

async function wc(p: Proc, sh: HostShell): Promise<number> {
  const onlyLines = p.args.includes('-l');
  return readFiles({ ...p, args: p.args.filter((a) => a !== '-l') }, sh, 'wc', (text) => {
    const { l, w, c } = wcCounts(text);
    p.io.out(onlyLines ? l + '\n' : `${String(l).padStart(7)} ${String(w).padStart(7)} ${String(c).padStart(7)}\n`);
  });
}

async function env(p: Proc, sh: HostShell): Promise<number> {
  p.io.out(Object.entries(sh.env).map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
}

async function exportCmd(p: Proc, sh: HostShell): Promise<number> {
  for (const a of p.args.slice(1)) {
    const eq = a.indexOf('=');
    if (eq > 0 && a.slice(0, eq) !== '__proto__') sh.env[a.slice(0, eq)] = a.slice(eq + 1);
  }
  return 0;
}

async function history(p: Proc, sh: HostShell): Promise<number> {
  p.io.out(historyText(sh.history));
  return 0;
}

/** `sudo cmd…`: the course user may run anything; the command runs as typed. */
async function sudo(p: Proc, sh: HostShell): Promise<number> {
  const args = p.args.slice(1).filter((a, i, all) => !(a.startsWith('-') && all.slice(0, i).every((b) => b.startsWith('-'))));
  if (!args.length) {
    p.io.err('usage: sudo -h | -K | -k | -V\nusage: sudo [-AbEHknPS] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s] [<command>]\n');
    return 1;
  }
  const prog = Object.hasOwn(sh.programs, args[0]) ? sh.programs[args[0]] : undefined;
  if (!prog) {
    p.io.err(`sudo: ${args[0]}: command not found\n`);
    return 1;
  }
  return prog({ ...p, args }, sh);
}

const fixed = (text: string, code = 0): Program => async (p) => {
  if (text) p.io.out(text);
  return code;
};

export const HOST_PROGRAMS: Record<string, Program> = {
  echo,
  cat,
  ls,
  cd,
  mkdir,
  touch,
  rm,
  sleep,
  grep,
  head: headTail('head'),
  tail: headTail('tail'),
  wc,
  env,
  printenv: env,
  export: exportCmd,
  history,
  sudo,
  pwd: async (p, sh) => (p.io.out(sh.cwd + '\n'), 0),
  clear: fixed(CLEAR),
  whoami: fixed('alumno\n'),
  hostname: fixed('aula\n'),
  true: fixed(''),
  false: fixed('', 1),
  exit: fixed(''),
  date: async (p, sh) => (p.io.out(new Date(sh.now()).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5 UTC $4') + '\n'), 0),
};
