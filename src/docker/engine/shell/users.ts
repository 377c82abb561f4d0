/**
 * Accounts made at the prompt: shadow's `useradd` (Debian, Ubuntu), busybox's `adduser` (Alpine,
 * BusyBox), `passwd`, and `su`, whose shell runs on top of the one that started it.
 */
import { account, groupEntries } from '../../common/sh/passwd';
import { newDir, osRelease } from '../../common/sh/fs';
import { opts, usage } from '../../common/sh/opts';
import type { Command, IO, ShellLike } from './types';

const isRoot = (sh: ShellLike) => !account(sh.m.fs, sh.user)?.uid;
const fail = (io: IO, text: string, code = 1) => (io.err(text + '\n'), code);
const add = (sh: ShellLike, file: string, line: string) => {
  try {
    sh.m.fs.writeFile(file, line + '\n', '/', true);
  } catch { /* the image has no such file (BusyBox: no gshadow) */ }
};

/**
 * A new id: shadow gives a system account the highest free one below 1000 and a user the one
 * after the highest in use from 1000; busybox the first free from 100 or 1000.
 */
function pick(taken: number[], sys: boolean, bb: boolean): number {
  const down = sys && !bb;
  let i = down ? 999 : Math.max(sys ? 100 : 1000, bb ? 0 : Math.max(...taken.filter((n) => n < 60000)) + 1);
  while (taken.includes(i)) i += down ? -1 : 1;
  return i;
}

/** Adds the user and its group; `mode`: the home directory to make, holding a copy of /etc/skel. */
function create(sh: ShellLike, name: string, v: Record<string, string>, gecos: string, dir: string, sys: boolean, mode: number, bb: boolean): void {
  const { fs } = sh.m;
  const uids = fs.readFile('/etc/passwd').split('\n').map((l) => Number(l.split(':')[2]));
  const gids = groupEntries(fs).map((g) => g[1]);
  const u = v.u ? Number(v.u) : pick(uids, sys, bb);
  // the group takes the uid's number when it is free
  const g = gids.includes(u) ? pick(gids, sys, bb) : u;
  add(sh, '/etc/passwd', `${name}:x:${u}:${g}:${gecos}:${dir}:${v.s ?? '/bin/sh'}`);
  add(sh, '/etc/group', `${name}:x:${g}:`);
  add(sh, '/etc/shadow', `${name}:!:${Math.floor(sh.m.now() / 864e5)}:0:99999:7:::`);
  if (!bb) add(sh, '/etc/gshadow', `${name}:!::`);
  if (!mode || fs.find(dir.split('/').filter(Boolean))) return;
  fs.mkdir(dir, '/', true);
  fs.putNode(dir, { ...newDir(sh.m.now(), mode), uid: u, gid: g });
  for (const [k, n] of fs.find(['etc', 'skel']) ? fs.list(['etc', 'skel']) : []) fs.putNode(`${dir}/${k}`, { ...n, uid: u, gid: g } as typeof n);
}

const LONG: Record<string, string> = { '--create-home': '-m', '--shell': '-s', '--home-dir': '-d', '--uid': '-u', '--comment': '-c', '--system': '-r' };

export const useradd: Command = (args, io, sh) => {
  const o = opts(args.flatMap((a) => (LONG[a.split('=')[0]] ? [LONG[a.split('=')[0]], ...a.split('=').slice(1)] : [a])), 'sduc');
  const name = o.rest[0];
  if (!name) return fail(io, 'Usage: useradd [options] LOGIN\n       useradd -D\n       useradd -D [options]', 2);
  if (!isRoot(sh)) return fail(io, 'useradd: Permission denied.\nuseradd: cannot lock /etc/passwd; try again later.');
  if (account(sh.m.fs, name)) return fail(io, `useradd: user '${name}' already exists`, 9);
  // Ubuntu's login.defs sets HOME_MODE 0750 since 21.04; Debian's leaves it to the umask
  const os = osRelease(sh.m.fs);
  create(sh, name, o.values, o.values.c ?? '', o.values.d ?? `/home/${name}`, o.flags.has('r'), o.flags.has('m') ? (/ID=ubuntu/.test(os) && !/focal/.test(os) ? 0o750 : 0o755) : 0, false);
  return 0;
};

/** busybox adduser: `-D` leaves the password disabled (without it passwd would ask for one). */
export const adduser: Command = (args, io, sh) => {
  const o = opts(args, 'hgsu');
  const name = o.rest[0];
  if (!name) return usage(io, "adduser [OPTIONS] USER [GROUP]\n\nCreate new user, or add USER to GROUP\n\n\t-h DIR\t\tHome directory\n\t-g GECOS\tGECOS field\n\t-s SHELL\tLogin shell\n\t-G GRP\t\tGroup\n\t-S\t\tCreate a system user\n\t-D\t\tDon't assign a password\n\t-H\t\tDon't create home directory\n\t-u UID\t\tUser id\n\t-k SKEL\t\tSkeleton directory (/etc/skel)"), 1;
  if (!isRoot(sh)) return fail(io, 'adduser: permission denied (are you root?)');
  if (account(sh.m.fs, name)) return fail(io, `adduser: user '${name}' in use`);
  create(sh, name, o.values, o.values.g ?? 'Linux User,,,', o.values.h ?? `/home/${name}`, o.flags.has('S'), o.flags.has('H') ? 0 : 0o2755, true);
  return 0;
};

/** A password asked that cannot be right here (passwd asks the current one of a user): it fails. */
const refused = (sh: ShellLike, prompt: string, text: string, code: number) => sh.ask?.(prompt, async (_x, io) => fail(io, text, code), { secret: true });

export const su: Command = (args, io, sh) => {
  // -c or -s last, without its value: getopt's complaint (musl's or glibc's), then usage
  const short = /^-[a-z]*([cs])$/.exec(args[args.length - 1] ?? '')?.[1];
  if (short) {
    if (!io.busybox) return io.err(`su: option requires an argument -- '${short}'\nTry 'su --help' for more information.\n`), 1;
    io.err(`su: option requires an argument: ${short}\n`);
    return usage(io, "su [-lmp] [-s SH] [-] [USER [FILE ARGS | -c 'CMD' [ARG0 ARGS]]]\n\nRun shell under USER (by default, root)\n\n\t-,-l\tClear environment, go to home dir, run shell as login shell\n\t-p,-m\tDo not set new $HOME, $SHELL, $USER, $LOGNAME\n\t-c CMD\tCommand to pass to 'sh -c'\n\t-s SH\tShell to use instead of user's default"), 1;
  }
  const o = opts(args, 'cs');
  const login = o.flags.has('l') || o.flags.has('--login') || o.rest[0] === '-';
  const name = o.rest.filter((a) => a !== '-')[0] ?? 'root';
  const a = account(sh.m.fs, name);
  if (!a) return fail(io, io.busybox ? `su: unknown user ${name}` : `su: user ${name} does not exist or the user entry does not contain all the required fields`);
  const become = (io: IO) => {
    const shell = o.values.s ?? a.shell ?? '/bin/sh';
    if (/nologin$/.test(shell)) io.out('This account is currently not available.\n');
    if (/(nologin|false)$/.test(shell)) return 1;
    const keep = sh.env().filter(([k]) => (login ? k === 'TERM' : !/^(HOME|SHELL|USER|LOGNAME)$/.test(k)));
    const set = [['HOME', a.home], ['SHELL', shell], ...(a.uid ? [['USER', name], ['LOGNAME', name]] : [])];
    let cwd = sh.cwd;
    if (login) {
      // busybox's login shell takes its PATH from Alpine's /etc/profile
      set.push(['PATH', a.uid && !io.busybox ? '/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games' : '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']);
      cwd = a.home;
      if (sh.m.fs.find(a.home.split('/').filter(Boolean))?.kind !== 'dir') {
        io.err(`su: warning: cannot change directory to ${a.home}: No such file or directory\n`);
        cwd = '/';
      }
    }
    // a login shell's $0 starts with '-' (`-sh: 1: x: not found`)
    return sh.spawn(['\u0000su', name, cwd, shell, (login ? '-' : '') + shell.slice(shell.lastIndexOf('/') + 1), o.values.c ?? '', ...[...keep, ...set].map(([k, v]) => `${k}=${v}`)], io);
  };
  if (isRoot(sh)) return become(io);
  // only a password set here with passwd can be typed right
  // su is setuid root: it reads /etc/shadow whoever runs it
  sh.ask?.('Password: ', async (p, io2) => ((sh.m.fs.as?.(0, [0]) ?? sh.m.fs).readFile('/etc/shadow').includes(`${name}:${hash(p, name)}:`) ? become(io2) : fail(io2, io.busybox ? 'su: incorrect password' : 'su: Authentication failure')), { secret: true });
  return 1;
};

/** The shadow entry of a password passwd sets: a stand-in for yescrypt's hash, so su can check it. */
const hash = (p: string, name: string) => `$y$j9T$${btoa(encodeURIComponent(p + name)).slice(0, 22)}`;

/** passwd: the new password asked twice, unseen; the shadow entry then holds a (stand-in) hash. */
export const passwd: Command = (args, io, sh) => {
  const me = account(sh.m.fs, sh.user)?.name ?? 'root';
  const name = opts(args).rest[0] ?? me;
  const bb = io.busybox;
  const root = isRoot(sh);
  if (!account(sh.m.fs, name)) return fail(io, bb ? `passwd: unknown user ${name}` : `passwd: user '${name}' does not exist`);
  if (!root && name !== me) return fail(io, bb ? 'passwd: permission denied (are you root?)' : `passwd: You may not view or modify password information for ${name}.`);
  if (bb || !root) io.out(`Changing password for ${name}${bb ? '' : '.'}\n`);
  if (!root) return refused(sh, bb ? 'Old password: ' : 'Current password: ', bb ? 'passwd: incorrect password' : 'passwd: Authentication token manipulation error\npasswd: password unchanged', bb ? 1 : 10), 0;
  sh.ask?.('New password: ', async (p1) => {
    sh.ask?.(bb ? 'Retype password: ' : 'Retype new password: ', async (p2, io2) => {
      if (p1 !== p2) return fail(io2, bb ? "passwd: passwords don't match" : 'Sorry, passwords do not match.\npasswd: Authentication token manipulation error\npasswd: password unchanged', bb ? 1 : 10);
      sh.m.fs.writeFile('/etc/shadow', sh.m.fs.readFile('/etc/shadow').replace(new RegExp(`^(${name}:)[^:]*`, 'm'), (_m, n) => n + hash(p1, name)));
      io2.out(bb ? `passwd: password for ${name} changed by ${me}\n` : 'passwd: password updated successfully\n');
      return 0;
    }, { secret: true });
    return 0;
  }, { secret: true });
  return 0;
};
