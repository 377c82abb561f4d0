/**
 * `chown` and `chgrp` (GNU coreutils, busybox): names or numbers looked up in the machine's
 * /etc/passwd and /etc/group; the owner is kept on the node (copied up into the container's
 * layer) and shown by `ls -l`. Only root may give a file away.
 */
import { changeAttrs } from './attrs';
import { FsError } from './fs';
import { opts, bbHead } from './opts';
import { account, groupEntries } from './passwd';
import type { IO, ShellLike } from './types';

export function chown(args: string[], io: IO, sh: ShellLike): number {
  const name = args[0].slice(args[0].lastIndexOf('/') + 1) === 'chgrp' ? 'chgrp' : 'chown';
  const bb = io.busybox;
  const o = opts(args);
  const [spec, ...files] = o.rest;
  const fs = sh.m.fs;
  if (!spec || !files.length) {
    io.err(bb ? `${bbHead(io)}${name} [-Rh]... ${name === 'chown' ? 'USER[:[GRP]]' : 'GROUP'} FILE...\n` : `${name}: missing operand${spec ? ` after '${spec}'` : ''}\nTry '${name} --help' for more information.\n`);
    return 1;
  }
  const [u, g] = name === 'chgrp' ? ['', spec] : spec.split(/[:.](.*)/s);
  const user = u ? account(fs, u) : undefined;
  if (u && !user && !/^\d+$/.test(u)) {
    io.err(bb ? `${name}: unknown user ${u}\n` : `${name}: invalid user: '${spec}'\n`);
    return 1;
  }
  const uid = u ? user?.uid ?? Number(u) : undefined;
  const grp = g ? groupEntries(fs).find((e) => e[0] === g)?.[1] ?? (/^\d+$/.test(g) ? Number(g) : undefined) : undefined;
  if (g && grp === undefined) {
    io.err(bb ? `${name}: unknown group ${g}\n` : `${name}: invalid group: '${spec}'\n`);
    return 1;
  }
  // `user:` takes the user's login group
  const gid = grp ?? (spec.endsWith(':') && user ? user.gid : undefined);
  const root = (account(fs, sh.user)?.uid ?? 0) === 0;
  let status = 0;
  for (const f of files) {
    try {
      changeAttrs(fs, f, sh.cwd, !o.flags.has('h'), o.flags.has('R'), (n) => {
        if (!root) throw new FsError('EBUSY', f);
        return { uid: uid ?? n.uid ?? 0, gid: gid ?? n.gid ?? 0 };
      });
    } catch (e) {
      const eperm = e instanceof FsError && (e.code === 'EBUSY' || e.code === 'EPERM');
      const ro = e instanceof FsError && e.code === 'EROFS';
      const why = eperm ? 'Operation not permitted' : ro ? 'Read-only file system' : 'No such file or directory';
      io.err(bb ? `${name}: ${f}: ${why}\n` : eperm || ro ? `${name}: changing ${name === 'chgrp' ? 'group' : 'ownership'} of '${f}': ${why}\n` : `${name}: cannot access '${f}': ${why}\n`);
      status = 1;
    }
  }
  return status;
}
