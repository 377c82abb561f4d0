/** Programs of the catalogue's images and of the packages one can install. */
import { NODE_PROGRAMS, envList, hold } from './node';
import { yarn } from './yarn';
import { pythonBuild, pythonRelease, runCode, runtime, sitePackages, started, venvOf } from './runtimes';
import { exists, packaged } from './package-files';
import { venv } from './venv';
import { jsonTool } from './json-tool';
import { REDIS_PROGRAMS } from './redis';
import { PSQL_PROGRAMS } from './psql';
import { PIP_PROGRAMS, pipRun } from './pip';
import { banner, flaskCli, runFlask, type FlaskRun } from './flask';
import { oracle, mysqlCommand } from '../sql/mysql';
import { mysqldump } from '../sql/mysqldump';
import { top, uptime } from './top';
import { nginxCommand } from './nginx';
import { MONGO_PROGRAMS } from '../mongod';
import { MARIADB_PROGRAMS } from '../mariadb';
import { php } from './php';
import { opts, usage } from '../../common/sh/opts';
import { curl } from '../../common/curl';
import { wget } from '../../common/web';
import { inetOf } from '../../common/internet';
import { isIpv4 } from '../../common/ipv4';
import { etcHosts } from './nettools';
import { evalArith } from '../../common/sh/arith';
import { COREUTILS } from '../../common/sh/coreutils';
import { EDITORS } from './editor';
import type { Command, IO, ShellLike } from './types';

export const HELLO_TEXT = `
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/

`;

const interactiveOnly = (name: string): Command => (_a, io) => {
  io.err(`${name}: programa interactivo a pantalla completa, no disponible en el simulador (usa echo, cat o printf)\n`);
  return 1;
};

const mysqlVersion = (sh: ShellLike) => (sh.getVar('MYSQL_VERSION') ?? '9.3.0').split('-')[0];
const version = (text: string | ((sh: ShellLike) => string), toErr = false): Command => (args, io, sh) => {
  if (args.length > 1 && /^-(v|V|-version|version)$/.test(args[1])) {
    (toErr ? io.err : io.out)((typeof text === 'string' ? text : text(sh)) + '\n');
    return 0;
  }
  io.err(`${args[0]}: este programa no se puede ejecutar así en el simulador; prueba ${args[0]} --version\n`);
  return 1;
};

/** mysqld's version line; 5.7 names itself as started and its edition in parentheses. */
const mysqldLine = (sh: ShellLike, v = mysqlVersion(sh)) => v.startsWith('5.') ? `mysqld  Ver ${v} for Linux on x86_64 (MySQL Community Server (GPL))` : `/usr/sbin/mysqld  Ver ${v} for Linux on x86_64 (MySQL Community Server - GPL)`;
const mysqldVersion = version((sh) => mysqldLine(sh));

/**
 * usage() of mysqld.cc, which --help prints before any root check; --verbose adds the option files
 * and the list of every option and variable (left out here: several pages).
 */
const mysqldHelp: Command = (args, io, sh) => {
  const verbose = args.includes('--verbose');
  const v = mysqlVersion(sh);
  io.out(`${mysqldLine(sh, v)}\n${oracle(v)}\nStarts the MySQL database server.\n\nUsage: ${v.startsWith('5.') ? '' : '/usr/sbin/'}mysqld [OPTIONS]\n${verbose
    ? `\nDefault options are read from the following files in the given order:\n/etc/my.cnf /etc/mysql/my.cnf /usr/etc/my.cnf ~/.my.cnf \nThe following groups are read: mysqld server mysqld-${v.slice(0, 3)}\n`
    : '\nFor more help options (several pages), use mysqld --verbose --help.\n'}`);
  return 0;
};

/** mysqld started by root without --user refuses to run; 9.x frames its log with start and end lines. */
function mysqldAsRoot(io: IO, sh: ShellLike): number {
  const v = mysqlVersion(sh);
  const v80 = v.startsWith('8.0.');
  const z = new Date(sh.m.now()).toISOString().replace(/\.\d+Z$/, '.000000Z') + ' 0 ';
  const gpl = 'MySQL Community Server - GPL.';
  io.err(`${v80 ? '' : `${z}[System] [MY-015015] [Server] MySQL Server - start.\n`}${z}[System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld ${v}) starting as process ${sh.m.newPid()}\n${z}[ERROR] [MY-010123] [Server] Fatal error: Please read "Security" section of the manual to find out how to run mysqld as root!\n${z}[ERROR] [MY-010119] [Server] Aborting\n${z}[System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld ${v})  ${gpl}\n${v80 ? '' : `${z}[System] [MY-015016] [Server] MySQL Server - end.\n`}`);
  return 1;
}

const pythonVersion = (sh: ShellLike) => pythonRelease(sh.m.fs, { PYTHON_VERSION: sh.getVar('PYTHON_VERSION') });

const pyUsage = (p: string) => `usage: ${p} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry \`python -h' for more information.\n`;

const pythonCmd: Command = async (args, io, sh) => {
  const a = args[1] ?? '';
  const py = pythonVersion(sh);
  // sys.executable, and the venv it belongs to
  const exe = started(args[0], io, sh);
  const root = venvOf(sh.m.fs, exe);
  // -VV adds the build line the REPL's banner shows
  if (/^-(VV?|-version)$/.test(a)) {
    io.out(`Python ${py}${a === '-VV' ? ' ' + pythonBuild(sh.m, py) : ''}\n`);
    return 0;
  }
  if (a === '-m' && !args[2]) return io.err(`Argument expected for the -m option\n${pyUsage(args[0])}`), 2;
  if (a === '-m' && args[2] === 'http.server') {
    const port = /^\d+$/.test(args[3] ?? '') ? args[3] : '8000';
    io.out(`Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`);
    // http.server's test() catches the KeyboardInterrupt of Ctrl+C and exits 0
    await hold(io);
    io.out('\nKeyboard interrupt received, exiting.\n');
    return 0;
  }
  if (a === '-m') {
    const [mod, ...rest] = args.slice(2);
    if (mod === 'venv') return venv(rest, io, sh, exe, py);
    if (mod === 'json.tool') return jsonTool(rest, io, sh, py);
    // the packages of its site-packages that run as a module
    const has = exists(sh.m.fs, `${sitePackages(py, root)}/${mod}`);
    if (has && mod === 'pip') return pipRun(['pip', ...rest], io, sh, root);
    if (has && mod === 'flask') return flask(['flask', ...rest], io, sh, exe);
    return io.err(`${exe}: No module named ${mod}\n`), 1;
  }
  if (a === '-c' && args[2] === undefined) return io.err(`Argument expected for the -c option\n${pyUsage(args[0])}`), 2;
  if (!a && io.stdin === undefined && sh.repl?.(args)) return 0;
  if (a.startsWith('-') && a !== '-c' && a !== '-') return io.err(`unknown option ${a}\n${pyUsage(args[0])}`), 2;
  let src = a === '-c' ? args[2] : io.stdin ?? '';
  const file = a && a !== '-c' && a !== '-' ? `${a.startsWith('/') ? '' : sh.cwd.replace(/\/$/, '') + '/'}${a}` : '';
  if (file) {
    try {
      src = sh.m.fs.readFile(file);
    } catch {
      return io.err(`${args[0]}: can't open file '${file}': [Errno 2] No such file or directory\n`), 2;
    }
  }
  const app = file ? runFlask(sh.m, envList(sh), sh.cwd, file, src, undefined, exe) : null;
  if (app) return serveFlask(app, io, sh);
  // sys.argv: `-c` for code, the script as typed, '' for a script on stdin
  const argv = a === '-c' ? ['-c', ...args.slice(3)] : a ? [a, ...args.slice(2)] : [''];
  const r = runCode(runtime(sh.m, true, envList(sh), sh.cwd, exe, argv), true, src, a === '-c' ? 'c' : file || 'stdin', '');
  io.out(r.out);
  io.err(r.err);
  return r.code;
};

/** A Flask app started from a shell: its startup lines, then the terminal held until Ctrl+C, which Werkzeug takes as a clean stop. */
async function serveFlask(r: FlaskRun, io: IO, sh: ShellLike): Promise<number> {
  io.out(r.out);
  io.err(r.err);
  if (!r.app) return r.code;
  const b = banner(r.app, sh.m.ip);
  io.out(b.out);
  io.err(b.err);
  await hold(io);
  return 0;
}

/** `flask run`, with the app of FLASK_APP or app.py. */
const flask = (args: string[], io: IO, sh: ShellLike, exe = started('flask', io, sh)) => {
  const cli = flaskCli(args, envList(sh));
  if (args[1] === '--version') return io.out(`Python ${pythonVersion(sh)}\nFlask 3.1.1\nWerkzeug 3.1.3\n`), 0;
  if (!cli) return io.err(`Usage: flask [OPTIONS] COMMAND [ARGS]...\nTry 'flask --help' for help.\n\nError: No such command '${args[1] ?? ''}'.\n`), 2;
  const path = `${sh.cwd.replace(/\/$/, '')}/${cli.file}`;
  let src = '';
  try {
    src = sh.m.fs.readFile(path);
  } catch {
    return io.err(`Usage: flask run [OPTIONS]\nTry 'flask run --help' for help.\n\nError: Could not locate a Flask application. Use the 'flask --app' option, 'FLASK_APP' environment variable, or a 'wsgi.py' or 'app.py' file in the current directory.\n`), 2;
  }
  return serveFlask(runFlask(sh.m, envList(sh), sh.cwd, path, src, cli, exe) ?? { out: '', err: '', code: 0 }, io, sh);
};

export { evalArith };

const tree: Command = (args, io, sh) => {
  const root = args[1] ?? '.';
  let dirs = 0;
  let files = 0;
  io.out(root + '\n');
  const walk = (parts: string[], indent: string) => {
    const entries = [...sh.m.fs.list(parts)].filter(([n]) => !n.startsWith('.')).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    entries.forEach(([name, node], k) => {
      const last = k === entries.length - 1;
      io.out(`${indent}${last ? '└── ' : '├── '}${name}${node.kind === 'link' ? ' -> ' + node.target : ''}\n`);
      if (node.kind === 'dir') {
        dirs++;
        walk([...parts, name], indent + (last ? '    ' : '│   '));
      } else files++;
    });
  };
  const r = sh.m.fs.resolve(root, sh.cwd);
  if (r.node?.kind !== 'dir') {
    io.out(`${root}  [error opening dir]\n\n0 directories, 0 files\n`);
    return 2;
  }
  walk(r.parts, '');
  io.out(`\n${dirs} director${dirs === 1 ? 'y' : 'ies'}, ${files} file${files === 1 ? '' : 's'}\n`);
  return 0;
};

/** ping: container IPs answer from the bridge, other hosts from "the internet"; Ctrl+C stops it. */
const ping: Command = async (args, io: IO, sh: ShellLike) => {
  const o = opts(args, 'cW');
  const host = o.rest[0];
  if (!host) {
    if (io.busybox) usage(io, 'ping [OPTIONS] HOST');
    else io.err('ping: usage error: Destination address required\n');
    return io.busybox ? 1 : 2;
  }
  // The hosts file first, as getent, then the container's resolver (its network's DNS); addresses outside its networks are the internet's.
  const listed = etcHosts(sh.m.fs).find(([a, ...n]) => isIpv4(a) && n.includes(host))?.[0];
  const found = listed ? { ip: listed, name: undefined } : sh.m.resolve?.(host);
  const local = found && /^(127|172|10|192\.168)\./.test(found.ip) ? found.ip : null;
  const to = listed ?? host;
  const literal = isIpv4(to);
  const inet = literal ? (sh.m.online === false ? undefined : to) : inetOf(sh.m, host);
  // an address with no route to it: busybox fails its first send, iputils its connect probe
  if (!local && literal && !inet) {
    if (io.busybox) io.out(`PING ${host} (${to}): 56 data bytes\n`);
    io.err(io.busybox ? 'ping: sendto: Network unreachable\n' : 'ping: connect: Network is unreachable\n');
    return io.busybox ? 1 : 2;
  }
  if (!local && !inet) {
    io.err(io.busybox ? `ping: bad address '${host}'\n` : `ping: ${host}: Temporary failure in name resolution\n`);
    return io.busybox ? 1 : 2;
  }
  const ip = local ?? inet!;
  if (local && local !== '127.0.0.1' && !sh.m.http(local, 0, '')) {
    // nobody answers the ARP query: iputils reports it, busybox waits out -W (10 s) and counts the loss
    io.out(io.busybox ? `PING ${host} (${ip}): 56 data bytes\n` : `PING ${host} (${ip}) 56(84) bytes of data.\n`);
    await io.sleep(io.busybox ? 10000 : 3000);
    io.out(io.busybox ? `\n--- ${host} ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n` : `From ${sh.m.ip} icmp_seq=1 Destination Host Unreachable\n`);
    return 1;
  }
  // Without -c it runs until Ctrl+C; a runner that cannot interrupt gets four replies.
  const count = o.values.c ? Number(o.values.c) : io.signal ? Infinity : 4;
  io.out(io.busybox ? `PING ${host} (${ip}): 56 data bytes\n` : `PING ${host} (${ip}) 56(84) bytes of data.\n`);
  let n = 0;
  const ms = local ? 0.05 : 12.3;
  const times: number[] = [];
  while (n < count && !io.signal?.aborted) {
    n++;
    // busybox prints microseconds (%u.%03u); iputils keeps 3 significant digits.
    const t = (ms + (n % 3) * (local ? 0.01 : 0.4)).toFixed(local || io.busybox ? 3 : 1);
    times.push(Number(t));
    io.out(io.busybox ? `64 bytes from ${ip}: seq=${n - 1} ttl=${local ? 64 : 117} time=${t} ms\n` : `64 bytes from ${local ? (found?.name ? `${found.name} (${ip})` : ip) : host === ip ? ip : `${host} (${ip})`}: icmp_seq=${n} ttl=${local ? 64 : 117} time=${t} ms\n`);
    if (n < count) await io.sleep(1000);
  }
  // The round-trip summary: iputils adds the mean deviation, busybox does not.
  const avg = times.reduce((a, b) => a + b, 0) / (times.length || 1);
  const mdev = Math.sqrt(times.reduce((a, b) => a + b * b, 0) / (times.length || 1) - avg * avg || 0);
  const rtt = [Math.min(...times), avg, Math.max(...times), ...(io.busybox ? [] : [mdev])].map((v) => v.toFixed(3)).join('/');
  io.out(`\n--- ${host} ping statistics ---\n${n} packets transmitted, ${n} ${io.busybox ? 'packets received' : 'received'}, 0% packet loss${io.busybox ? '' : `, time ${(n - 1) * 1000}ms`}\n${n ? (io.busybox ? `round-trip min/avg/max = ${rtt} ms\n` : `rtt min/avg/max/mdev = ${rtt} ms\n`) : ''}`);
  return 0;
};

export const PROGRAMS: Record<string, Command> = {
  ping,
  hello(_a, io) {
    io.out(HELLO_TEXT);
    return 0;
  },
  nginx: nginxCommand,
  httpd: version('Server version: Apache/2.4.63 (Unix)\nServer built:   May 20 2025 17:40:11'),
  mysqld: (args, io, sh) => (args.some((a) => /^-([?]|-help)$/.test(a)) ? mysqldHelp(args, io, sh) : sh.user === 'root' && !args.some((a) => /^--user=/.test(a)) && !/^-(v|V|-version|version)$/.test(args[1] ?? '') ? mysqldAsRoot(io, sh) : mysqldVersion(args, io, sh)),
  mysql: mysqlCommand,
  mysqldump,
  ...NODE_PROGRAMS,
  yarn,
  yarnpkg: yarn,
  ...REDIS_PROGRAMS,
  ...PSQL_PROGRAMS,
  ...PIP_PROGRAMS,
  ...MONGO_PROGRAMS,
  ...MARIADB_PROGRAMS,
  mariadb: mysqlCommand,
  php,
  python3: pythonCmd,
  python: pythonCmd,
  'python3.11': pythonCmd,
  'python3.12': pythonCmd,
  'python3.13': pythonCmd,
  flask,
  // the pythons apt installs on focal, bullseye and jammy
  'python3.8': pythonCmd,
  'python3.9': pythonCmd,
  'python3.10': pythonCmd,
  curl,
  wget,
  tree,
  top,
  uptime,
  git: version((sh) => `git version ${packaged(sh.m.fs, ['2.43.0', '2.47.2', '2.20.1', '2.39.5', '2.34.1', '2.25.1', '2.30.2'])}`),
  ...Object.fromEntries(['less', 'htop'].map((name) => [name, interactiveOnly(name)])),
  ...EDITORS,
  // more prints a text that fits the screen and ends; a longer one would wait for keys
  async more(a, io, sh) {
    let text = '';
    const r = await COREUTILS.cat(['cat', ...a.slice(1)], { ...io, out: (t) => void (text += t), err: (t) => io.err(t.replace(/^cat: /, io.busybox ? 'more: ' : 'more: cannot open ')) }, sh);
    if (text.split('\n').length > 24) return interactiveOnly('more')(a, io, sh);
    io.out(text);
    return r;
  },
};
