/**
 * Redis as a course uses it: the commands of a first lesson on strings and keys, answered by the
 * redis-server of a container, and redis-cli's way of printing the replies (quoted and numbered on
 * a terminal, raw in a pipe). The client reaches the server through the container network (the
 * server's `serve` on port 6379), so `redis-cli -h other-container` works like a TCP connection.
 */
import type { Command, IO, Machine, ShellLike } from './types';
import type { Fs } from '../fs';
import { exists } from './package-files';
import { hold } from './node';
import { promptLoop } from '../sql/prompt-loop';
import { serveWire } from '../sql/wire';

/** A reply of the protocol: status, error, integer, bulk string (null: nil), array. */
export type Reply = ['+' | '-', string] | [':', number] | ['$', string | null] | ['*', string[]];

/** The request marker: anything else sent to the port is not spoken by a redis client. */
const WIRE = '\0redis ';
/** The image's release: 8.0 builds its modules in, 7.4 has none, 6.2's server is the smallest (catalog.ts). */
export const redisVersion = (fs: Fs): string => {
  const n = fs.resolve('/usr/local/bin/redis-server').node;
  return exists(fs, '/usr/local/lib/redis/modules') ? '8.0.2' : n?.kind === 'file' && n.size < 15e6 ? '6.2.18' : '7.4.4';
};

/** Arity of the commands known: [fewest arguments, most]. */
const ARITY: Record<string, [number, number]> = {
  ping: [0, 1], echo: [1, 1], set: [2, 9], get: [1, 1], del: [1, 1e9], exists: [1, 1e9], keys: [1, 1], incr: [1, 1], decr: [1, 1],
  incrby: [2, 2], append: [2, 2], strlen: [1, 1], type: [1, 1], mget: [1, 1e9], mset: [2, 1e9], dbsize: [0, 0], flushall: [0, 1], flushdb: [0, 1], quit: [0, 9],
};
const NOT_INT = 'ERR value is not an integer or out of range';

/** Runs one command on the data set, as the server does. */
export function redisCommand(db: Map<string, string>, argv: string[]): Reply {
  const name = argv[0].toLowerCase();
  const a = argv.slice(1);
  const arity = ARITY[name];
  if (!arity) return ['-', `ERR unknown command '${argv[0]}', with args beginning with: ${a.map((x) => `'${x}' `).join('')}`];
  if (a.length < arity[0] || a.length > arity[1] || (name === 'mset' && a.length % 2)) return ['-', `ERR wrong number of arguments for '${name}' command`];
  const count = (f: (k: string) => boolean) => [':', a.filter(f).length] as Reply;
  const add = (by: number): Reply => {
    const v = db.get(a[0]) ?? '0';
    if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(by)) return ['-', NOT_INT];
    db.set(a[0], String(Number(v) + by));
    return [':', Number(v) + by];
  };
  switch (name) {
    case 'ping': return a.length ? ['$', a[0]] : ['+', 'PONG'];
    case 'echo': return ['$', a[0]];
    case 'set': {
      const opts = a.slice(2).map((o) => o.toUpperCase());
      if (opts.some((o, i) => !['NX', 'XX', 'EX', 'PX', 'KEEPTTL', 'GET'].includes(o) && !/^(EX|PX)$/.test(opts[i - 1] ?? ''))) return ['-', 'ERR syntax error'];
      if ((opts.includes('NX') && db.has(a[0])) || (opts.includes('XX') && !db.has(a[0]))) return ['$', null];
      db.set(a[0], a[1]);
      return ['+', 'OK'];
    }
    case 'get': return ['$', db.get(a[0]) ?? null];
    case 'mget': return ['*', a.map((k) => db.get(k) ?? '')];
    case 'mset':
      for (let i = 0; i < a.length; i += 2) db.set(a[i], a[i + 1]);
      return ['+', 'OK'];
    case 'del': return count((k) => db.delete(k));
    case 'exists': return count((k) => db.has(k));
    case 'keys': {
      const re = new RegExp('^' + a[0].replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 's');
      return ['*', [...db.keys()].filter((k) => re.test(k))];
    }
    case 'incr': return add(1);
    case 'decr': return add(-1);
    case 'incrby': return /^-?\d+$/.test(a[1]) ? add(Number(a[1])) : ['-', NOT_INT];
    case 'append':
      db.set(a[0], (db.get(a[0]) ?? '') + a[1]);
      return [':', db.get(a[0])!.length];
    case 'strlen': return [':', db.get(a[0])?.length ?? 0];
    case 'type': return ['+', db.has(a[0]) ? 'string' : 'none'];
    case 'dbsize': return [':', db.size];
    case 'flushall':
    case 'flushdb':
      db.clear();
      return ['+', 'OK'];
    default: return ['+', 'OK'];
  }
}

/** The server's side of the port: a redis request gets its reply; other protocols get the connection closed. */
export const redisServe = (db: Map<string, string>) => serveWire(6379, WIRE, (argv: string[]) => redisCommand(db, argv));

/** Sends a command to host:port: the reply, or why there is no connection. */
export function redisCall(m: Machine, host: string, port: number, argv: string[]): Reply | string {
  const fail = (why: string) => `Could not connect to Redis at ${host}:${port}: ${why}\n`;
  if (!/^[\d.]+$/.test(host) && host !== 'localhost' && m.resolve && !m.resolve(host)) return fail('Name or service not known');
  const r = m.http(host === 'localhost' ? '127.0.0.1' : host, port, WIRE + JSON.stringify(argv));
  return r?.status === 200 ? (JSON.parse(r.body) as Reply) : fail('Connection refused');
}

/** How redis-cli prints a reply: on a terminal with types, quotes and numbers; otherwise raw. */
export function formatReply(r: Reply, tty: boolean): string {
  const q = (s: string) => (tty ? JSON.stringify(s) : s);
  switch (r[0]) {
    case '+': return r[1];
    case '-': return tty ? '(error) ' + r[1] : r[1];
    case ':': return tty ? `(integer) ${r[1]}` : String(r[1]);
    case '$': return r[1] === null ? (tty ? '(nil)' : '') : q(r[1]);
    default: {
      const w = String(r[1].length).length;
      return !r[1].length ? (tty ? '(empty array)' : '') : r[1].map((s, i) => (tty ? `${String(i + 1).padStart(w)}) ${q(s)}` : s)).join('\n');
    }
  }
}

/** Splits a redis-cli line into words: blanks separate them, quotes group them. */
export const redisWords = (line: string): string[] => [...line.matchAll(/"((?:\\.|[^"])*)"|'([^']*)'|(\S+)/g)].map((w) => w[3] ?? w[2] ?? unescape(w[1]));
/** sdssplitargs' escapes in double quotes: \n \r \t \b \a, \xHH, and any other character as itself. */
const unescape = (s: string) => s.replace(/\\(x[\da-fA-F]{2}|.)/g, (_, c: string) => (c.length === 3 ? String.fromCharCode(parseInt(c.slice(1), 16)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' } as Record<string, string>)[c] ?? c));

/** redis-cli's options: the server, and the command left (empty: the interactive mode). */
export function redisArgs(args: string[]): { host: string; port: number; rest: string[]; raw?: boolean } {
  let host = '127.0.0.1';
  let port = 6379;
  let raw: boolean | undefined;
  let i = 1;
  for (; i < args.length; i++) {
    if (args[i] === '-h') host = args[++i] ?? host;
    else if (args[i] === '-p') port = Number(args[++i]) || port;
    else if (args[i] === '--raw') raw = true;
    else if (args[i] === '--no-raw') raw = false;
    else if (/^-(n|a)$/.test(args[i])) i++;
    else break;
  }
  return { host, port, rest: args.slice(i), raw };
}

/** `redis-cli CMD …` run to completion (the interactive mode runs as its own process: see engine/redis.ts). */
const redisCli: Command = (args, io, sh) => {
  if (/^-(v|-version)$/.test(args[1] ?? '')) return io.out(`redis-cli ${redisVersion(sh.m.fs)}\n`), 0;
  const o = redisArgs(args);
  const lines = o.rest.length ? [o.rest] : (io.stdin ?? '').split('\n').map(redisWords).filter((w) => w.length);
  const tty = o.raw === undefined ? io.tty : !o.raw;
  if (!o.rest.length && io.stdin === undefined && io.tty && sh.ask) return redisAtPrompt(sh, io, o, tty);
  // no command and nothing read from its input: nothing to send
  if (!lines.length) return 0;
  for (const argv of lines) {
    const r = redisCall(sh.m, o.host, o.port, argv);
    if (typeof r === 'string') return io.err(r), 1;
    io.out(formatReply(r, tty) + '\n');
    if (r[0] === '-') return 1;
  }
  return 0;
};

/** The interactive mode typed at a container's shell: it connects (or says why not), then each line goes to the server until quit, exit or Ctrl+D. */
function redisAtPrompt(sh: ShellLike, io: IO, o: ReturnType<typeof redisArgs>, tty: boolean): number {
  const first = redisCall(sh.m, o.host, o.port, ['ping']);
  let up = typeof first !== 'string';
  if (typeof first === 'string') io.err(first);
  promptLoop(sh, () => (up ? `${o.host}:${o.port}> ` : 'not connected> '), (line, io) => {
    const argv = redisWords(line);
    if (/^(quit|exit)$/i.test(argv[0] ?? '')) return 0;
    if (!argv.length) return true;
    const r = redisCall(sh.m, o.host, o.port, argv);
    up = typeof r !== 'string';
    if (typeof r === 'string') io.err(r);
    else io.out(formatReply(r, tty) + '\n');
    return true;
  }, (io) => (io.out('\n'), 0));
  return 0;
}

/** server.c's usage(), which -h and --help print before they exit 1. */
const REDIS_USAGE = `Usage: ./redis-server [/path/to/redis.conf] [options] [-]
       ./redis-server - (read config from stdin)
       ./redis-server -v or --version
       ./redis-server -h or --help
       ./redis-server --test-memory <megabytes>
       ./redis-server --check-system

Examples:
       ./redis-server (run the server with default conf)
       echo 'maxmemory 128mb' | ./redis-server -
       ./redis-server /etc/redis/6379.conf
       ./redis-server --port 7777
       ./redis-server --port 7777 --replicaof 127.0.0.1 8888
       ./redis-server /etc/myredis.conf --loglevel verbose -
       ./redis-server /etc/myredis.conf --loglevel verbose

Sentinel mode:
       ./redis-server /etc/sentinel.conf --sentinel
`;

export const REDIS_PROGRAMS: Record<string, Command> = {
  'redis-cli': redisCli,
  'redis-server': async (args, io, sh) => {
    if (/^-(h|-help)$/.test(args[1] ?? '')) return io.err(REDIS_USAGE), 1;
    if (/^-(v|-version)$/.test(args[1] ?? '')) return io.out(`Redis server v=${redisVersion(sh.m.fs)} sha=00000000:1 malloc=jemalloc-5.3.0 bits=64 build=${'c4b4e9a1d8f53a7'}\n`), 0;
    const p = sh.m.background?.(args, io, [], sh.cwd, sh.ownPid);
    if (!p) return 1;
    await p.run?.();
    if (args.join(' ').includes('--daemonize yes')) return 0;
    // in the foreground it serves until Ctrl+C, which makes it save and leave
    await hold(io);
    sh.m.signal?.(p.pid, 2, sh.ownPid);
    return 0;
  },
};
