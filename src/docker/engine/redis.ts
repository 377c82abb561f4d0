/**
 * redis-server as the main process of the redis images (its log, its data set, the RDB snapshot
 * it saves in /data when it stops and loads when it starts again) and redis-cli's interactive mode.
 */
import { program, type Launch, type Proc } from './process';
import { utcFields } from '../common/dates';
import { formatReply, redisArgs, redisCall, redisServe, redisVersion, redisWords } from './shell/redis';

const RDB = '/data/dump.rdb';
/** Redis's log time: `10 Jun 2025 09:30:00.123`. */
const stamp = (ms: number) => utcFields(ms).slice(1, 5).join(' ') + '.' + String(ms % 1000).padStart(3, '0');
const MODULES = [['bf', 'redisbloom'], ['search', 'redisearch'], ['timeseries', 'redistimeseries'], ['ReJSON', 'rejson']];
/** SIGINT and SIGTERM make it save and leave; SIGKILL loses what was not saved. */
const STOPS: Record<number, string> = { 2: 'SIGINT', 15: 'SIGTERM' };

export function redisServer(at: Launch): Proc {
  const { m, pid } = at;
  const db = new Map<string, string>();
  const log = (kind: 'C' | 'M', lines: string[]) => lines.map((l) => `${pid}:${kind} ${stamp(m.now())} ${l}\n`).join('');
  // typed in a shell: no entrypoint to say it starts; `--daemonize yes` leaves the terminal once its configuration is read
  const daemon = at.argv.join(' ').includes('--daemonize yes');
  const v = redisVersion(m.fs);
  const eight = v > '8';
  // 6.2 logged its start and shutdown as warnings (#), and overcommit's warning once initialized
  const six = v < '7';
  const w = six ? '#' : '*';
  const OVERCOMMIT = "# WARNING overcommit_memory is set to 0! Background save may fail under low memory condition. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";
  return program(at, {
    async boot(out) {
      let loaded = '';
      try {
        // The snapshot: the magic, then each key and value after a NUL.
        const parts = m.fs.readFile(RDB).split('\0').slice(1);
        const node = m.fs.resolve(RDB).node;
        const age = Math.max(0, Math.round((m.now() - (node && 'mtime' in node ? node.mtime : m.now())) / 1000));
        for (let i = 0; i + 1 < parts.length; i += 2) db.set(parts[i], parts[i + 1]);
        loaded = log('M', [`* Loading RDB produced by version ${v}`, `* RDB age ${age} seconds`, '* RDB memory usage when created 0.90 Mb', `* Done loading RDB, keys loaded: ${db.size}, keys expired: 0.`, '* DB loaded from disk: 0.000 seconds']);
      } catch { /* first start: no snapshot */ }
      const begin = [`${w} oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`, `${w} Redis version=${v}, bits=64, commit=00000000, modified=1, pid=${pid}, just started`, `${w} Configuration loaded`];
      if (daemon) {
        // as PID 1 the parent that returns is the container's end
        if (pid === 1) this.exitCode = 0;
        return out.out(log('C', begin));
      }
      out.out((pid === 1 && eight ? 'Starting Redis Server\n' : '') + log('C', [
        ...(six ? [] : ["# WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect."]),
        ...begin,
      ]) + log('M', ['* monotonic clock: POSIX clock_gettime', '* Running mode=standalone, port=6379.',
        ...(eight ? MODULES : []).map(([name, file]) => `* Module '${name}' loaded from /usr/local/lib/redis/modules//${file}.so`), `${w} Server initialized`, ...(six ? [OVERCOMMIT] : [])]) + loaded + log('M', [`* Ready to accept connections${six ? '' : ' tcp'}`]));
    },
    signal(sig, out) {
      const name = STOPS[sig];
      if (!name) return sig === 9 ? 137 : null;
      out.out(`${pid}:signal-handler (${Math.floor(m.now() / 1000)}) Received ${name} scheduling shutdown...\n` + log('M', [`${w} User requested shutdown...`, '* Saving the final RDB snapshot before exiting.', '* DB saved on disk', '# Redis is now ready to exit, bye bye...']));
      try {
        m.fs.writeFile(RDB, ['REDIS0012', ...[...db].flat()].join('\0'));
      } catch { /* read-only */ }
      return 0;
    },
    serve: redisServe(db),
    title: ['redis-server *:6379'],
    save: () => [...db],
    restore(s) {
      for (const [k, v] of (s as [string, string][] | null) ?? []) db.set(k, v);
    },
  });
}

/** `redis-cli` without a command: its prompt, each line sent to the server; quit and exit leave. */
export function redisCliRepl(at: Launch, stdin: boolean): Proc {
  const o = redisArgs(at.argv);
  const where = `${o.host}:${o.port}`;
  let connected = true;
  return program(at, {
    readsInput: stdin,
    prompt: () => (at.tty ? (connected ? `${where}> ` : 'not connected> ') : ''),
    async boot(out) {
      if (!stdin) this.exitCode = 0;
      // It connects at start and tells when nothing listens, then waits with its other prompt.
      const r = redisCall(at.m, o.host, o.port, ['ping']);
      if (typeof r === 'string') {
        connected = false;
        out.err(r);
      }
    },
    async input(line, out) {
      const argv = redisWords(line);
      if (!argv.length) return;
      if (/^(quit|exit)$/i.test(argv[0])) {
        this.exitCode = 0;
        return;
      }
      const r = redisCall(at.m, o.host, o.port, argv);
      connected = typeof r !== 'string';
      if (typeof r === 'string') out.err(r);
      else out.out(formatReply(r, o.raw === undefined ? at.tty : !o.raw) + '\n');
    },
    // linenoise ends the line it was editing
    async eof(out) {
      if (at.tty) out.out('\n');
      this.exitCode = 0;
    },
    async interrupt() {
      this.exitCode = 0;
    },
  });
}
