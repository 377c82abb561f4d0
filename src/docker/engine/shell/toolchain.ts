/**
 * Programs the images carry for building and fetching (buildpack-deps under node and python,
 * Oracle Linux under mysql): their version banners and what they say when called with nothing
 * to do; gosu, the entrypoints' way down from root; stty and tput, which read the terminal.
 */
import { opts } from '../../common/sh/opts';
import { packaged } from './package-files';
import { account } from '../../common/sh/passwd';
import { isIpv4 } from '../../common/ipv4';
import type { Command, IO, ShellLike } from './types';
import { gnuVersion } from '../../common/sh/gnu-version';

const FSF = (years: string) => `Copyright (C) ${years} Free Software Foundation, Inc.\n`;

/** gcc and g++ of bookworm: the banner, or no input files. */
const gcc: Command = (args, io) => {
  if (args[1] === '--version') return io.out(`${args[0]} (Debian 12.2.0-14+deb12u1) 12.2.0\n${FSF('2022')}This is free software; see the source for copying conditions.  There is NO\nwarranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.\n\n`), 0;
  if (args.length === 1) return io.err(`${args[0]}: fatal error: no input files\ncompilation terminated.\n`), 1;
  return io.err(`${args[0]}: este programa solo responde a --version en el simulador\n`), 1;
};

/** GNU make 4.3: without a makefile there is nothing to make. */
const make: Command = (args, io, sh) => {
  const o = opts(args, 'Cf');
  if (o.flags.has('--version') || o.flags.has('v')) return io.out(gnuVersion('GNU Make 4.3\nBuilt for x86_64-pc-linux-gnu', '1988-2020', 'http://gnu.org/licenses/gpl.html>')), 0;
  if (!o.values.f && !['GNUmakefile', 'makefile', 'Makefile'].some((f) => sh.m.fs.find(`${sh.cwd}/${f}`.split('/').filter(Boolean))?.kind === 'file')) {
    return io.err(o.rest[0] ? `make: *** No rule to make target '${o.rest[0]}'.  Stop.\n` : 'make: *** No targets specified and no makefile found.  Stop.\n'), 2;
  }
  return io.err('make: este programa no ejecuta Makefiles en el simulador\n'), 2;
};

/** OpenSSH's client: its version on stderr; no host is reachable on port 22. */
const ssh: Command = (args, io, sh) => {
  const deb = 'OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.16 11 Feb 2025';
  if (args[1] === '-V') return io.err(packaged(sh.m.fs, ['OpenSSH_9.6p1 Ubuntu-3ubuntu13.11, OpenSSL 3.0.13 30 Jan 2024', deb, deb, deb]) + '\n'), 0;
  const dest = opts(args, 'pilLRDFJoEbcWmOSw').rest[0];
  if (!dest) return io.err('ssh: este programa solo responde a -V o a un destino en el simulador\n'), 255;
  const host = dest.replace(/^.*@/, '');
  const ip = isIpv4(host) ? host : sh.m.resolve?.(host)?.ip;
  io.err(ip ? `ssh: connect to host ${host} port 22: Connection refused\n` : `ssh: Could not resolve hostname ${host}: Name or service not known\n`);
  return 255;
};

const gpg: Command = (args, io, sh) => {
  if (args[1] !== '--version') return io.err('gpg: este programa solo responde a --version en el simulador\n'), 2;
  io.out(`gpg (GnuPG) 2.2.40\nlibgcrypt 1.10.1\nCopyright (C) 2022 g10 Code GmbH\nLicense GNU GPL-3.0-or-later <https://gnu.org/licenses/gpl.html>\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nHome: ${sh.getVar('HOME') ?? '/root'}/.gnupg\nSupported algorithms:\nPubkey: RSA, ELG, DSA, ECDH, ECDSA, EDDSA\nCipher: IDEA, 3DES, CAST5, BLOWFISH, AES, AES192, AES256, TWOFISH,\n        CAMELLIA128, CAMELLIA192, CAMELLIA256\nHash: SHA1, RIPEMD160, SHA256, SHA384, SHA512, SHA224\nCompression: Uncompressed, ZIP, ZLIB, BZIP2\n`);
  return 0;
};

/** gosu USER CMD…: CMD as USER with that user's HOME, from root only; the image's entrypoints use it. */
const gosu: Command = (args, io, sh) => {
  const [spec, ...cmd] = args.slice(1);
  if (!cmd.length) return io.err(`Usage: gosu user-spec command [args]\n   eg: gosu tianon bash\n       gosu nobody:root bash -c 'whoami && id'\n       gosu 1000:1 id\n\ngosu version: 1.17 (go1.18.2 on linux/amd64; gc)\nlicense: Apache-2.0 (full text at https://github.com/tianon/gosu)\n\n`), 1;
  const name = spec.split(':')[0];
  const a = account(sh.m.fs, name);
  const fail = (why: string) => (io.err(`error: failed switching to "${spec}": ${why}\n`), 1);
  if (!a && !/^\d+$/.test(name)) return fail(`unable to find user ${name}: no matching entries in passwd file`);
  if (sh.user.split(':')[0] !== 'root' && sh.user !== '0') return fail('operation not permitted');
  if (!sh.which(cmd[0])) return io.err(`error: exec: "${cmd[0]}": executable file not found in $PATH\n`), 1;
  const q = cmd.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  return sh.spawn(['\u0000su', spec, sh.cwd, '/bin/sh', 'sh', q, ...sh.env().map(([k, v]) => `${k}=${k === 'HOME' ? a?.home ?? '/' : v}`)], io);
};

/** The terminal's size: `docker run -t` gives the client's columns; rows stay at 24. */
const size = (io: IO) => [24, io.columns ?? 80];
const noTty = (io: IO, n: string) => (io.err(io.busybox ? `${n}: standard input: Not a tty\n` : `${n}: 'standard input': Inappropriate ioctl for device\n`), 1);

/** GNU stty's listing wraps its settings at the terminal's width. */
function wrap(items: string[], width: number): string {
  let out = '';
  let col = 0;
  for (const it of items) {
    if (col && col + it.length + 1 > width) (out += '\n'), (col = 0);
    out += (col ? ' ' : '') + it;
    col += it.length + (col ? 1 : 0);
  }
  return out + '\n';
}

// stty asks its stdin: the container's terminal (with -t, which sets TERM) unless redirected
const stty: Command = (args, io, sh) => {
  if ((io.stdin !== undefined && !sh.direct) || !sh.getVar('TERM')) return noTty(io, 'stty');
  const [rows, cols] = size(io);
  if (args[1] === 'size') return io.out(`${rows} ${cols}\n`), 0;
  if (args[1] !== '-a') return 0;
  const w = (s: string) => wrap(s.split(' ').map((x) => x.replace(/_/g, ' ')), cols);
  io.out(`speed 38400 baud; rows ${rows}; columns ${cols}; line = 0;\n` + w('intr_=_^C; quit_=_^\\; erase_=_^?; kill_=_^U; eof_=_^D; eol_=_<undef>; eol2_=_<undef>; swtch_=_<undef>; start_=_^Q; stop_=_^S; susp_=_^Z; rprnt_=_^R; werase_=_^W; lnext_=_^V; discard_=_^O; min_=_1; time_=_0;')
    + w('-parenb -parodd -cmspar cs8 -hupcl -cstopb cread -clocal -crtscts') + w('-ignbrk -brkint -ignpar -parmrk -inpck -istrip -inlcr -igncr icrnl ixon -ixoff -iuclc -ixany -imaxbel iutf8')
    + w('opost -olcuc -ocrnl onlcr -onocr -onlret -ofill -ofdel nl0 cr0 tab0 bs0 vt0 ff0') + w('isig icanon iexten echo echoe echok -echonl -noflsh -xcase -tostop -echoprt echoctl echoke -flusho -extproc'));
  return 0;
};

/** tput: a few of xterm's capabilities, and the size; it needs to know the terminal. */
const CAPS: Record<string, string> = { clear: '\x1b[H\x1b[2J', bold: '\x1b[1m', sgr0: '\x1b(B\x1b[m', smul: '\x1b[4m', rev: '\x1b[7m', colors: '8' };
const tput: Command = (args, io, sh) => {
  if (!sh.getVar('TERM')) return io.err('tput: No value for $TERM and no -T specified\n'), 2;
  const cap = args[1] ?? '';
  const [rows, cols] = size(io);
  const v = cap === 'cols' ? String(cols) : cap === 'lines' ? String(rows) : /^seta[fb]$/.test(cap) ? `\x1b[${cap[4] === 'f' ? 3 : 4}${args[2] ?? 0}m` : CAPS[cap];
  if (v === undefined) return io.err(`tput: unknown terminfo capability '${cap}'\n`), 4;
  io.out(/^\d+$/.test(v) ? v + '\n' : v);
  return 0;
};

/** A banner for `--version` (or the flags given), and what the program says otherwise. */
const banner = (re: RegExp, text: (sh: ShellLike) => string, other = ''): Command => (args, io, sh) => {
  if (re.test(args[1] ?? '')) return io.out(text(sh)), 0;
  return io.err(other || `${args[0]}: este programa solo responde a --version en el simulador\n`), 1;
};

export const TOOLCHAIN: Record<string, Command> = {
  gcc, 'g++': gcc, make, ssh, gpg, gosu, stty, tput,
  mysqlsh: banner(/^--version$/, (sh) => {
    const v = (sh.getVar('MYSQL_SHELL_VERSION') ?? '9.3.0').split('-')[0];
    return `mysqlsh   Ver ${v} for Linux on x86_64 - for MySQL ${v} (MySQL Community Server (GPL))\n`;
  }),
  corepack: banner(/^(-v|--version)$/, () => '0.32.0\n'),
};
