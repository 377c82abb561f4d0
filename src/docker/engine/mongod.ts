/**
 * mongod as the main process of the mongo images (its structured JSON log on stdout, what the
 * entrypoint prints for MONGO_INITDB_ROOT_*) and the versions its programs print.
 */
import { program, type Launch, type Proc } from './process';
import { envVar } from './env-var';
import { sha256 } from '../common/hash';
import type { Command } from './shell/types';
import { mongoRoot, mongoServe, mongoshCommand } from './mongosh';

export { MONGOSH } from './mongosh';
/** The release, the Ubuntu it was built for and that Ubuntu's OpenSSL. */
const build = (v: string) => (v < '8' ? ['2204', '3.0.2 15 Mar 2022', 'tcmalloc'] : ['2404', '3.0.13 30 Jan 2024', 'tcmalloc-google']);
const info = (v: string, [os, ssl, allocator] = build(v)) => ({ version: v, gitVersion: sha256('mongo' + v).slice(0, 40), openSSLVersion: `OpenSSL ${ssl}`, modules: [], allocator, environment: { distmod: 'ubuntu' + os, distarch: 'x86_64', target_arch: 'x86_64' } });

/** One line of the log: the fields padded as mongod's JSON formatter pads them. */
function line(ms: number, c: string, id: number, ctx: string, msg: string, attr?: object): string {
  const t = new Date(ms).toISOString().replace('Z', '+00:00');
  return `{"t":{"$date":"${t}"},"s":"I",  ${`"c":"${c}",`.padEnd(16)}${`"id":${id},`.padEnd(14)}"ctx":"${ctx}","msg":"${msg}"${attr ? ',"attr":' + JSON.stringify(attr) : ''}}\n`;
}

export function mongod(at: Launch, env: string[], v = envVar(env, 'MONGO_VERSION') || '8.0.10'): Proc {
  const { m } = at;
  const os = build(v)[0];
  return program(at, {
    async boot(out) {
      const [user, pass] = mongoRoot(env);
      if (!user !== !pass) {
        out.err("\nerror: missing 'MONGO_INITDB_ROOT_USERNAME' or 'MONGO_INITDB_ROOT_PASSWORD'\n       both must be specified for a user to be created\n\n");
        return void (this.exitCode = 1);
      }
      const fresh = !m.fs.list(['data', 'db']).size;
      m.fs.writeFile('/data/db/WiredTiger', 'WiredTiger\nWiredTiger 11.3.1\n', '/', true);
      // the first start with a root user creates it on a temporary mongod, then starts for good with --auth
      const init = user && fresh ? `{ ok: 1 }\n\n\nMongoDB init process complete; ready for start up.\n\n` : '';
      const t = m.now();
      const L = (c: string, id: number, ctx: string, msg: string, attr?: object) => line(t, c, id, ctx, msg, attr);
      out.out(init + L('CONTROL', 23285, 'main', "Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'") + L('CONTROL', 5945603, 'main', 'Multi threading initialized')
        + L('CONTROL', 4615611, 'initandlisten', 'MongoDB starting', { pid: at.pid, port: 27017, dbPath: '/data/db', architecture: '64-bit', host: m.hostname })
        + L('CONTROL', 23403, 'initandlisten', 'Build Info', { buildInfo: info(v) })
        + L('CONTROL', 51765, 'initandlisten', 'Operating System', { os: { name: 'Ubuntu', version: os.replace(/(..)$/, '.$1') } })
        + L('CONTROL', 21951, 'initandlisten', 'Options set by command line', { options: { net: { bindIp: '*' }, ...(user ? { security: { authorization: 'enabled' } } : {}) } })
        + ['/tmp/mongodb-27017.sock', '0.0.0.0'].map((address) => L('NETWORK', 23015, 'listener', 'Listening on', { address })).join('')
        + L('NETWORK', 23016, 'listener', 'Waiting for connections', { port: 27017, ssl: 'off' }));
    },
    signal(sig, out) {
      if (sig !== 15 && sig !== 2) return sig === 9 ? 137 : null;
      const L = (id: number, msg: string, attr?: object) => line(m.now(), 'CONTROL', id, 'SignalHandler', msg, attr);
      out.out(L(23377, 'Received signal', { signal: sig, error: sig === 2 ? 'Interrupt' : 'Terminated' }) + L(23381, 'will terminate after current cmd ends') + L(20565, 'Now exiting') + L(23138, 'Shutting down', { exitCode: 0 }));
      return 0;
    },
    serve: mongoServe(m.fs, env, v),
    title: ['mongod', '--bind_ip_all'],
  });
}

/** `--version` of the servers, and mongosh typed at a shell. */
export const MONGO_PROGRAMS: Record<string, Command> = {
  mongod(a, io, sh) {
    const v = sh.getVar('MONGO_VERSION') ?? '8.0.10';
    if (a[1] !== '--version') return io.err('mongod: este programa no se puede ejecutar así en el simulador; prueba mongod --version\n'), 1;
    io.out(`db version v${v}\nBuild Info: ${JSON.stringify(info(v), null, 4)}\n`);
    return 0;
  },
  mongosh: mongoshCommand,
};
