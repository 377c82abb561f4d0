/**
 * The nginx binary typed in a shell of its image: `-t` tests the configuration, `-s` signals the
 * master whose PID is in the pid file, and a second server cannot bind the master's ports.
 */
import type { Command, ShellLike } from './types';
import { readOr, type Fs } from '../fs';

/** The stable branch's binary (catalog.ts): its size tells the release, as node's does. */
export const NGINX_STABLE_BIN = 1503352;
/** The binaries of the older branches' last releases, by size. */
export const NGINX_OLD_BINS: Record<string, number> = { '1.26.3': 1479216, '1.25.5': 1460928 };
export const nginxVersion = (fs: Fs): string => {
  const n = fs.find(['usr', 'sbin', 'nginx']);
  const size = n?.kind === 'file' ? n.size : 0;
  return `nginx/${size === NGINX_STABLE_BIN ? '1.28.0' : Object.keys(NGINX_OLD_BINS).find((v) => NGINX_OLD_BINS[v] === size) ?? '1.27.5'}`;
};
/** The error log's time: `2025/06/16 09:30:00`. */
export const nginxStamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace(/-/g, '/').replace('T', ' ');

const CONF = '/etc/nginx/nginx.conf';

/** `nginx -V`: how nginx.org built the binary of the image (its Debian or Alpine package). */
function built(sh: ShellLike): string {
  const v = nginxVersion(sh.m.fs);
  const alpine = !!sh.m.fs.find(['etc', 'alpine-release']);
  const temp = 'client-body proxy fastcgi uwsgi scgi'.split(' ').map((t) => `--http-${t}-temp-path=/var/cache/nginx/${t.split('-')[0]}_temp`).join(' ');
  const mods = 'addition auth_request dav flv gunzip gzip_static mp4 random_index realip secure_link slice ssl stub_status sub v2 v3'.split(' ').map((m) => `--with-http_${m}_module`).join(' ');
  const cc = alpine ? "'-Os -Wformat -Werror=format-security -g' --with-ld-opt='-Wl,--as-needed,-O1,--sort-common -Wl,-z,pack-relative-relocs'"
    : `'-g -O2 -ffile-prefix-map=/home/builder/debuild/${v.replace('/', '-')}/debian/debuild-base/${v.replace('/', '-')}=. -fstack-protector-strong -Wformat -Werror=format-security -Wp,-D_FORTIFY_SOURCE=2 -fPIC' --with-ld-opt='-Wl,-z,relro -Wl,-z,now -Wl,--as-needed -pie'`;
  return `nginx version: ${v}\nbuilt by gcc ${alpine ? '14.2.0 (Alpine 14.2.0)' : '12.2.0 (Debian 12.2.0-14)'} \nbuilt with OpenSSL ${alpine ? '3.3.3 11 Feb 2025' : '3.0.15 3 Sep 2024'}\nTLS SNI support enabled\n`
    + `configure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --modules-path=/usr/lib/nginx/modules --conf-path=${CONF} --error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log --pid-path=/run/nginx.pid --lock-path=/run/nginx.lock ${temp}${alpine ? ' --with-perl_modules_path=/usr/lib/perl5/vendor_perl' : ''} --user=nginx --group=nginx --with-compat --with-file-aio --with-threads ${mods} --with-mail --with-mail_ssl_module --with-stream --with-stream_realip_module --with-stream_ssl_module --with-stream_ssl_preread_module --with-cc-opt=${cc}\n`;
}
export const NGINX_PID = '/var/run/nginx.pid';
const SIGNALS: Record<string, number> = { stop: 15, quit: 3, reopen: 10, reload: 1 };
const HELP = `Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]
             [-e filename] [-c filename] [-g directives]

Options:
  -?,-h         : this help
  -v            : show version and exit
  -V            : show version and configure options then exit
  -t            : test configuration and exit
  -T            : test configuration, dump it and exit
  -q            : suppress non-error messages during configuration testing
  -s signal     : send signal to a master process: stop, quit, reopen, reload
  -p prefix     : set prefix path (default: /etc/nginx/)
  -e filename   : set error log file (default: /var/log/nginx/error.log)
  -c filename   : set configuration file (default: /etc/nginx/nginx.conf)
  -g directives : set global directives out of configuration file

`;

/**
 * What nginx's parser says of a configuration file and those it includes: undefined when the
 * blocks and statements are well formed, else the [emerg] text with its file:line.
 */
export function confError(sh: ShellLike, file: string, seen = new Set<string>()): string | undefined {
  let text: string;
  try {
    text = sh.m.fs.readFile(file, sh.cwd);
  } catch {
    return `open() "${file}" failed (2: No such file or directory)`;
  }
  seen.add(file);
  let line = 1;
  let depth = 0;
  let words: string[] = [];
  const at = () => ` in ${file}:${line}`;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    else if (ch === '#') while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    else if (ch === '"' || ch === "'") {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) return `unexpected end of file, expecting ";" or "}"${at()}`;
      line += text.slice(i, end).split('\n').length - 1;
      words.push(text.slice(i + 1, end));
      i = end;
    } else if (ch === ';' || ch === '{' || ch === '}') {
      if (ch === '}' ? words.length || depth === 0 : !words.length) return `unexpected "${ch}"${at()}`;
      if (ch === '{') depth++;
      if (ch === '}') depth--;
      if (ch === ';' && words[0] === 'include') {
        for (const inc of includes(sh, words[1] ?? '')) {
          const e = seen.has(inc) ? undefined : confError(sh, inc, seen);
          if (e) return e;
        }
      }
      words = [];
    } else if (!/\s/.test(ch)) {
      let j = i;
      while (j < text.length && !/[\s;{}"'#]/.test(text[j])) j++;
      words.push(text.slice(i, j));
      i = j - 1;
    }
  }
  if (words.length) return `unexpected end of file, expecting ";" or "}"${at()}`;
  if (depth) return `unexpected end of file, expecting "}"${at()}`;
  return undefined;
}

/** The files an include names: one path, or the `*.conf` of a directory; mime.types holds no text here. */
function includes(sh: ShellLike, pattern: string): string[] {
  const star = pattern.lastIndexOf('/*');
  if (star < 0) return pattern.endsWith('mime.types') ? [] : [pattern];
  const dir = pattern.slice(0, star);
  const suffix = pattern.slice(star + 2);
  try {
    return [...sh.m.fs.list(dir.split('/').filter(Boolean)).keys()].filter((n) => n.endsWith(suffix)).sort().map((n) => `${dir}/${n}`);
  } catch {
    return [];
  }
}

/** The master's PID from the pid file, if it is running. */
function master(sh: ShellLike): number | undefined {
  const pid = Number(readOr(sh.m.fs, NGINX_PID).trim());
  return pid && sh.m.procs().some((p) => p.pid === pid) ? pid : undefined;
}

export const nginxCommand: Command = async (args, io, sh) => {
  const opts = args.slice(1);
  const flags = opts.filter((a) => a.startsWith('-')).join('');
  const emerg = (e: string) => (io.err(`nginx: [emerg] ${e}\n`), 1);
  if (/[?h]/.test(flags)) return io.err(`nginx version: ${nginxVersion(sh.m.fs)}\n${HELP}`), 0;
  if (/v/.test(flags)) return io.err(`nginx version: ${nginxVersion(sh.m.fs)}\n`), 0;
  if (/V/.test(flags)) return io.err(built(sh)), 0;
  const bad = /^-[^?hvVtTqspecg]/.exec(opts.find((a) => /^-[^?hvVtTqspecg]/.test(a)) ?? '');
  if (bad) return io.err(`nginx: invalid option: "${bad[0].slice(1)}"\n`), 1;
  const problem = confError(sh, CONF);
  if (/t/i.test(flags)) {
    if (problem) return emerg(problem), io.err(`nginx: configuration file ${CONF} test failed\n`), 1;
    if (!/q/.test(flags)) io.err(`nginx: the configuration file ${CONF} syntax is ok\nnginx: configuration file ${CONF} test is successful\n`);
    return 0;
  }
  if (problem) return emerg(problem);
  const log = (level: string, text: string) => io.err(`${nginxStamp(sh.m.now())} [${level}] ${self}#${self}: ${text}\n`);
  const s = opts.indexOf('-s');
  const self = s >= 0 || master(sh) !== undefined ? sh.m.newPid() : 0;
  if (s >= 0) {
    const name = opts[s + 1];
    if (name === undefined) return io.err('nginx: option "-s" requires parameter\n'), 1;
    if (!(name in SIGNALS)) return io.err(`nginx: invalid option: "-s ${name}"\n`), 1;
    const pid = master(sh);
    if (pid === undefined) {
      log('notice', 'signal process started');
      log('error', `open() "${NGINX_PID}" failed (2: No such file or directory)`);
      return 1;
    }
    log('notice', 'signal process started');
    sh.m.signal?.(pid, SIGNALS[name], self);
    return 0;
  }
  if (master(sh) === undefined) {
    // it forks away from the shell: the master and its workers run on, the prompt comes back
    await sh.m.background?.(['nginx'], io, [], sh.cwd, 1)?.run?.();
    return 0;
  }
  // a second master finds the ports taken; it tries five times, half a second apart
  const ports = ['0.0.0.0:80', ...(/listen\s+\[::\]:80/.test(readOr(sh.m.fs, '/etc/nginx/conf.d/default.conf')) ? ['[::]:80'] : [])];
  for (let i = 0; i < 5; i++) {
    for (const p of ports) {
      log('emerg', `bind() to ${p} failed (98: Address already in use)`);
      io.err(`nginx: [emerg] bind() to ${p} failed (98: Address already in use)\n`);
    }
    await io.sleep(500);
  }
  log('emerg', 'still could not bind()');
  return emerg('still could not bind()');
};
