/**
 * Accounts made at the prompt: shadow's `useradd` (Debian, Ubuntu), busybox's `adduser` (Alpine,
 * BusyBox), `passwd`, and `su`, whose shell runs on top of the one that started it.
 */
import { account, groupEntries } from '../../common/sh/passwd';
import { newDir, osRelease } from '../../common/sh/fs';
import { opts } from '../../common/sh/opts';
import type { Command, IO, ShellLike } from './types';

const isRoot = (sh: ShellLike) => !account(sh.m.fs, sh.user)?.uid;
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

/** Creates the user, its group and (with `home`) the home directory holding a copy of /etc/skel. */
function create(sh: ShellLike, name: string, uid: number | undefined, gecos: string, dir: string, shell: string, home: boolean, sys: boolean, mode: number, bb: boolean): void {
  const { fs } = sh.m;
  const uids = fs.readFile('/etc/passwd').split('\n').map((l) => Number(l.split(':')[2]));
  const gids = groupEntries(fs).map((g) => g[1]);
  const u = uid ?? pick(uids, sys, bb);
  // the group takes the uid's number when it is free
  const g = gids.includes(u) ? pick(gids, sys, bb) : u;
  const day = Math.floor(sh.m.now() / 864e5);
  add(sh, '/etc/passwd', `${name}:x:${u}:${g}:${gecos}:${dir}:${shell}`);
  add(sh, '/etc/group', `${name}:x:${g}:`);
  add(sh, '/etc/shadow', `${name}:!:${day}:0:99999:7:::`);
  if (!bb) add(sh, '/etc/gshadow', `${name}:!::`);
  if (!home || fs.find(dir.split('/').filter(Boolean))) return;
  fs.mkdir(dir, '/', true);
  fs.putNode(dir, { ...newDir(sh.m.now(), mode), uid: u, gid: g });
  for (const [k, n] of fs.find(['etc', 'skel']) ? fs.list(['etc', 'skel']) : []) fs.putNode(`${dir}/${k}`, { ...n, uid: u, gid: g } as typeof n);
}

const LONG: Record<string, string> = { '--create-home': '-m', '--shell': '-s', '--home-dir': '-d', '--uid': '-u', '--comment': '-c', '--system': '-r', '--no-create-home': '-M' };

export const useradd: Command = (args, io, sh) => {
  const o = opts(args.flatMap((a) => (LONG[a.split('=')[0]] ? [LONG[a.split('=')[0]], ...a.split('=').slice(1)] : [a])), 'sduc');
  const name = o.rest[0];
  if (!name) {
    io.err('Usage: useradd [options] LOGIN\n       useradd -D\n       useradd -D [options]\n');
    return 2;
  }
  if (!isRoot(sh)) {
    io.err('useradd: Permission denied.\nuseradd: cannot lock /etc/passwd; try again later.\n');
    return 1;
  }
  if (account(sh.m.fs, name)) {
    io.err(`useradd: user '${name}' already exists\n`);
    return 9;
  }
  // Ubuntu's login.defs sets HOME_MODE 0750; Debian's leaves it to the umask
  create(sh, name, o.values.u ? Number(o.values.u) : undefined, o.values.c ?? '', o.values.d ?? `/home/${name}`, o.values.s ?? '/bin/sh', o.flags.has('m'), o.flags.has('r'), /ID=ubuntu/.test(osRelease(sh.m.fs)) ? 0o750 : 0o755, false);
  return 0;
};

/** busybox adduser: `-D` leaves the password disabled (without it passwd would ask for one). */
export const adduser: Command = (args, io, sh) => {
  const o = opts(args, 'hgsu');
  const name = o.rest[0];
  if (!name) {
    io.err(`${io.bb?.() ?? 'BusyBox v1.37.0'} multi-call binary.\n\nUsage: adduser [OPTIONS] USER [GROUP]\n\nCreate new user, or add USER to GROUP\n\n\t-h DIR\t\tHome directory\n\t-g GECOS\tGECOS field\n\t-s SHELL\tLogin shell\n\t-G GRP\t\tGroup\n\t-S\t\tCreate a system user\n\t-D\t\tDon't assign a password\n\t-H\t\tDon't create home directory\n\t-u UID\t\tUser id\n\t-k SKEL\t\tSkeleton directory (/etc/skel)\n`);
    return 1;
  }
  if (!isRoot(sh)) {
    io.err('adduser: permission denied (are you root?)\n');
    return 1;
  }
  if (account(sh.m.fs, name)) {
    io.err(`adduser: user '${name}' in use\n`);
    return 1;
  }
  create(sh, name, o.values.u ? Number(o.values.u) : undefined, o.values.g ?? 'Linux User,,,', o.values.h ?? `/home/${name}`, o.values.s ?? '/bin/sh', !o.flags.has('H'), o.flags.has('S'), 0o2755, true);
  return 0;
};

export const su: Command = (args, io, sh) => {
  const o = opts(args, 'cs');
  const login = o.flags.has('l') || o.flags.has('--login') || o.rest[0] === '-';
  const name = o.rest.filter((a) => a !== '-')[0] ?? 'root';
  const a = account(sh.m.fs, name);
  if (!a) {
    io.err(io.busybox ? `su: unknown user ${name}\n` : `su: user ${name} does not exist or the user entry does not contain all the required fields\n`);
    return 1;
  }
  if (!isRoot(sh)) {
    // a password that cannot be typed right here: every answer fails
    sh.ask?.('Password: ', async (_x, io2) => {
      io2.err(io.busybox ? 'su: incorrect password\n' : 'su: Authentication failure\n');
      return 1;
    }, { secret: true });
    return 1;
  }
  const shell = o.values.s ?? sh.m.fs.readFile('/etc/passwd').split('\n').find((l) => l.startsWith(name + ':'))!.split(':')[6];
  if (/nologin$/.test(shell)) {
    io.out('This account is currently not available.\n');
    return 1;
  }
  if (/false$/.test(shell)) return 1;
  const keep = sh.env().filter(([k]) => (login ? k === 'TERM' : !/^(HOME|SHELL|USER|LOGNAME)$/.test(k)));
  const set = [['HOME', a.home], ['SHELL', shell], ...(a.uid ? [['USER', name], ['LOGNAME', name]] : [])];
  // busybox's login shell takes its PATH from Alpine's /etc/profile
  if (login) set.push(['PATH', a.uid && !io.busybox ? '/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games' : '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']);
  let cwd = sh.cwd;
  if (login) {
    cwd = a.home;
    if (sh.m.fs.find(a.home.split('/').filter(Boolean))?.kind !== 'dir') {
      io.err(`su: warning: cannot change directory to ${a.home}: No such file or directory\n`);
      cwd = '/';
    }
  }
  // a login shell's $0 starts with '-' (`-sh: 1: x: not found`)
  return sh.spawn(['\u0000su', name, cwd, shell, (login ? '-' : '') + shell.slice(shell.lastIndexOf('/') + 1), o.values.c ?? '', ...[...keep, ...set].map(([k, v]) => `${k}=${v}`)], io);
};

/** passwd: the new password asked twice, unseen; the shadow entry then holds a (stand-in) hash. */
export const passwd: Command = (args, io, sh) => {
  const name = opts(args).rest[0] ?? account(sh.m.fs, sh.user)?.name ?? 'root';
  const bb = io.busybox;
  if (!account(sh.m.fs, name)) {
    io.err(bb ? `passwd: unknown user ${name}\n` : `passwd: user '${name}' does not exist\n`);
    return 1;
  }
  if (!isRoot(sh) && name !== account(sh.m.fs, sh.user)?.name) {
    io.err(bb ? 'passwd: permission denied (are you root?)\n' : `passwd: You may not view or modify password information for ${name}.\n`);
    return 1;
  }
  if (bb || !isRoot(sh)) io.out(`Changing password for ${name}${bb ? '' : '.'}\n`);
  // the current password, asked of a user, is never the one typed
  if (!isRoot(sh)) {
    sh.ask?.(bb ? 'Old password: ' : 'Current password: ', async (_x, io2) => {
      io2.err(bb ? 'passwd: incorrect password\n' : 'passwd: Authentication token manipulation error\npasswd: password unchanged\n');
      return bb ? 1 : 10;
    }, { secret: true });
    return 0;
  }
  sh.ask?.('New password: ', async (p1) => {
    sh.ask?.(bb ? 'Retype password: ' : 'Retype new password: ', async (p2, io2) => done(io2, p1, p2), { secret: true });
    return 0;
  }, { secret: true });
  const done = (io2: IO, p1: string, p2: string) => {
    if (p1 !== p2) {
      io2.err(bb ? "passwd: passwords don't match\n" : 'Sorry, passwords do not match.\npasswd: Authentication token manipulation error\npasswd: password unchanged\n');
      return bb ? 1 : 10;
    }
    const f = '/etc/shadow';
    const text = sh.m.fs.readFile(f);
    sh.m.fs.writeFile(f, text.replace(new RegExp(`^(${name}:)[^:]*`, 'm'), `$1$y$j9T$${btoa(encodeURIComponent(p1 + name)).slice(0, 22)}`));
    io2.out(bb ? `passwd: password for ${name} changed by ${account(sh.m.fs, sh.user)?.name}\n` : 'passwd: password updated successfully\n');
    return 0;
  };
  return 0;
};
