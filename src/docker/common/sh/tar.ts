/**
 * `tar`: GNU tar (the host, Debian, Ubuntu) and busybox's, each with its listing format and
 * error texts. The archives are the simulator's own: `docker save`'s images (listed as the OCI
 * layout Docker 28 writes), `docker export`'s filesystem, and what `tar -c` packs itself.
 */
import type { ArchiveEntry } from '../../api';
import { pack, tarSize, unpack } from '../../archive';
import { digest } from '../../engine/hash';
import { imageConfigJSON, type Image } from '../../engine/store';
import { FsError, absPath, osRelease } from './fs';
import { usage } from './opts';
import { account, idName } from './passwd';
import type { IO, ShellLike } from './types';

/** An archive as tar sees it: its members, whether gzip wraps it, who owned what tar -c packed. */
interface Tar { entries: ArchiveEntry[]; z?: boolean; owner?: string; group?: string }
type Saved = [{ image: Omit<Image, 'id' | 'top' | 'lastTagTime' | 'manifest'>; layers: { diffId: string; size: number }[] }, string[]][];

const file = (name: string, size: number, mtime: number, kind: ArchiveEntry['kind'] = 'file'): ArchiveEntry => ({ name, kind, mode: kind === 'dir' ? 0o755 : 0o644, mtime, size });

/** The files of `docker save`: the OCI image layout (blobs by digest, index.json, oci-layout) plus Docker's manifest.json and repositories. */
function ociFiles(images: Saved): ArchiveEntry[] {
  const blobs = new Map<string, number>();
  let t = 0;
  for (const [{ image, layers }] of images) {
    t = image.created;
    const config = imageConfigJSON({ ...image, top: null });
    for (const l of layers) blobs.set(l.diffId, Math.ceil(l.size / 512) * 512 + 1024 + 512 * 8);
    blobs.set(digest(config), config.length);
    const manifest = JSON.stringify({ schemaVersion: 2, config: digest(config), layers: layers.map((l) => l.diffId) });
    blobs.set(digest(manifest), 400 + 180 * layers.length);
  }
  const tags = images.reduce((n, [, names]) => n + names.length, 0);
  return [
    file('blobs/', 0, t, 'dir'), file('blobs/sha256/', 0, t, 'dir'),
    ...[...blobs].sort().map(([d, size]) => file('blobs/sha256/' + d.slice(7), size, t)),
    file('index.json', 200 + 220 * (tags || images.length), t), file('manifest.json', 150 + 100 * images.length, t), file('oci-layout', 31, t), file('repositories', 20 + 90 * tags, t),
  ];
}

/** The members of an archive's text; undefined when it is none (any other file). */
export function read(data: string): Tar | undefined {
  let a;
  try {
    a = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (a?.aula === 'images') return { entries: ociFiles(a.images) };
  if (a?.aula !== 'fs') return undefined;
  // docker export's members are named from the root without `./`; tar -c's as they were given
  const entries = (a.entries as ArchiveEntry[]).filter((e) => a.owner || e.name !== '.')
    .map((e) => ({ ...e, name: (a.owner ? e.name : e.name.replace(/^\.\//, '')) + (e.kind === 'dir' && !e.name.endsWith('/') ? '/' : '') }));
  return { entries, z: a.z, owner: a.owner, group: a.group };
}

const MODES = 'ctx';
const two = (n: number) => String(n).padStart(2, '0');

/** `-rw-r--r--` of an entry. */
function modeString(e: ArchiveEntry): string {
  const bits = [...'rwxrwxrwx'].map((c, i) => (e.mode & (1 << (8 - i)) ? c : '-')).join('');
  return (e.kind === 'dir' ? 'd' : e.kind === 'link' ? 'l' : '-') + (e.kind === 'link' ? 'rwxrwxrwx' : bits);
}

export async function tar(args: string[], io: IO, sh: ShellLike): Promise<number> {
  const bb = io.busybox;
  const fail = (msg: string, code = bb ? 1 : 2, tail = 'Error is not recoverable: exiting now') => {
    io.err(`tar: ${msg}\n${bb || !tail ? '' : `tar: ${tail}\n`}`);
    return code;
  };
  const tryHelp = (msg: string) => fail(`${msg}\nTry 'tar --help' or 'tar --usage' for more information.`, 2, '');
  // The old form `tar tvf a.tar`: a first word of letters without a dash.
  const argv = args.slice(1);
  if (argv[0] && !argv[0].startsWith('-')) argv[0] = '-' + argv[0];
  const flags = new Set<string>();
  const values: Record<string, string> = {};
  const names: string[] = [];
  const LONG: Record<string, string> = { list: 't', extract: 'x', get: 'x', create: 'c', verbose: 'v', gzip: 'z', gunzip: 'z', file: 'f', directory: 'C' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--version' && !bb) {
      const ubuntu = /ID=ubuntu/.test(osRelease(sh.m.fs)) || !!sh.m.which;
      io.out(`tar (GNU tar) ${ubuntu ? '1.35' : '1.34'}\nCopyright (C) ${ubuntu ? 2023 : 2021} Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by John Gilmore and Jay Fenlason.\n`);
      return 0;
    }
    // the head of GNU tar's help: what it is and its examples (the option list is left out)
    if (a === '--help' && !bb) {
      io.out("Usage: tar [OPTION...] [FILE]...\nGNU 'tar' saves many files together into a single tape or disk archive, and can\nrestore individual files from the archive.\n\nExamples:\n  tar -cf archive.tar foo bar  # Create archive.tar from files foo and bar.\n  tar -tvf archive.tar         # List all files in archive.tar verbosely.\n  tar -xf archive.tar          # Extract all files from archive.tar.\n");
      return 0;
    }
    const long = /^--([a-z]+)(?:=(.*))?$/.exec(a);
    if (long) {
      const f = LONG[long[1]];
      if (!f) return bb ? (usage(io, 'tar c|x|t [-ZzJjahmvokO] [-f TARFILE] [-C DIR] [-T FILE] [-X FILE] [LONGOPT]... [FILE]...'), 1) : tryHelp(`unrecognized option '${a}'`);
      if ('fC'.includes(f)) values[f] = long[2] ?? argv[++i] ?? '';
      else flags.add(f);
    } else if (a.startsWith('-') && a !== '-') {
      for (let j = 1; j < a.length; j++) {
        if ('fC'.includes(a[j])) {
          values[a[j]] = a.slice(j + 1) || argv[++i] || '';
          break;
        }
        flags.add(a[j]);
      }
    } else names.push(a);
  }
  const modes = [...MODES].filter((m) => flags.has(m));
  if (modes.length !== 1) {
    if (bb) return (usage(io, 'tar c|x|t [-ZzJjahmvokO] [-f TARFILE] [-C DIR] [-T FILE] [-X FILE] [LONGOPT]... [FILE]...'), 1);
    return tryHelp(modes.length ? "You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option" : "You must specify one of the '-Acdtrux', '--delete' or '--test-label' options");
  }
  const verbose = flags.has('v');
  const z = flags.has('z');
  const fs = sh.m.fs;
  const archive = values.f ?? '-';
  // -C: where the names are taken from (-c) or the members written to (-x)
  const base = values.C ? absPath(sh.cwd, values.C) : sh.cwd;
  if (values.C && fs.resolve(base, '/').node?.kind !== 'dir') return bb ? fail(`can't change directory to '${values.C}': No such file or directory`) : fail(`${values.C}: Cannot open: No such file or directory`);

  if (modes[0] === 'c') {
    if (!names.length) return bb ? fail('empty archive') : tryHelp('Cowardly refusing to create an empty archive');
    const toStdout = archive === '-';
    const sink = io.out as { file?: string };
    if (toStdout && io.tty && !sink.file && !bb) return fail('Refusing to write archive contents to terminal (missing -f option?)');
    // tar opens (creates) its archive before it reads the files
    if (!toStdout) {
      try {
        fs.writeFile(archive, '', sh.cwd);
      } catch (e) {
        const why = !(e instanceof FsError) ? '' : e.code === 'EROFS' ? 'Read-only file system' : e.code === 'EISDIR' ? 'Is a directory' : e.code === 'EACCES' ? 'Permission denied' : '';
        return fail(`${bb ? `can't open '${archive}'` : `${archive}: Cannot open`}: ${why || 'No such file or directory'}`);
      }
    }
    const entries: ArchiveEntry[] = [];
    let status = 0;
    let warned = false;
    for (const n of names) {
      try {
        // the members keep the path given, less a leading `/`
        const dir = n.replace(/\/+$/, '').split('/').slice(0, -1).join('/').replace(/^\/+/, '');
        if (n.startsWith('/') && !warned) {
          warned = true;
          io.err(bb ? "tar: removing leading '/' from member names\n" : "tar: Removing leading `/' from member names\n");
        }
        const from = absPath(absPath(base, n), '..');
        for (const e of pack(fs, absPath(base, n))) {
          // the archive being written is left out of itself
          if (!toStdout && absPath(from, e.name) === absPath(sh.cwd, archive)) {
            io.err(`tar: ${n.startsWith('/') ? '/' : ''}${dir ? dir + '/' : ''}${e.name}: file is the archive; ${bb ? 'skipping' : 'not dumped'}\n`);
            continue;
          }
          entries.push({ ...e, name: (dir ? dir + '/' : '') + e.name });
        }
      } catch {
        io.err(bb ? `tar: ${n}: No such file or directory\n` : `tar: ${n}: Cannot stat: No such file or directory\n`);
        status = bb ? 1 : 2;
      }
    }
    // the owner of what carries none: root in a container, the host's user (no /etc/passwd) on the host
    const host = account(fs, sh.user) === null;
    const data = JSON.stringify({ aula: 'fs', entries, owner: host ? sh.user : idName(fs, 'passwd', 0), group: host ? sh.user : idName(fs, 'group', 0), ...(z && { z: true }) });
    // GNU tar fills its last 10 KiB record; gzip keeps about 40% of the files' bytes
    const size = z ? Math.ceil(entries.reduce((n, e) => n + e.size, 0) * 0.4) + 40 * entries.length + 100 : bb ? tarSize(entries) : Math.ceil(tarSize(entries) / 10240) * 10240;
    if (verbose) for (const e of entries) (toStdout ? io.err : io.out)(e.name + (e.kind === 'dir' ? '/' : '') + '\n');
    const node = { kind: 'file' as const, size, data, mode: 0o644, mtime: sh.m.now() };
    if (!toStdout) fs.putNode(absPath(sh.cwd, archive), node);
    else if (sink.file) fs.putNode(absPath((sink as { cwd?: string }).cwd ?? sh.cwd, sink.file), node);
    else io.out(data);
    if (status && !bb) io.err('tar: Exiting with failure status due to previous errors\n');
    return status;
  }

  // -t and -x read the archive from the file, or from stdin
  let data: string;
  if (archive === '-') {
    if (io.stdin === undefined) return bb ? fail('short read') : fail('Refusing to read archive contents from terminal (missing -f option?)');
    data = io.stdin;
  } else {
    try {
      data = fs.readFile(archive, sh.cwd);
    } catch (e) {
      const why = e instanceof FsError && e.code === 'EISDIR' ? 'Is a directory' : 'No such file or directory';
      return bb ? fail(`can't open '${archive}': ${why}`) : fail(`${archive}: Cannot open: ${why}`);
    }
  }
  const a = read(data);
  if (!a) return bb ? fail('invalid tar magic') : fail('This does not look like a tar archive', 2, 'Exiting with failure status due to previous errors');
  if (z && !a.z) {
    if (bb) return fail('invalid magic');
    io.err('gzip: stdin: not in gzip format\n');
    return fail('Child returned status 1');
  }
  // GNU finds the compression of a file itself, not that of a pipe
  if (a.z && !z && archive === '-' && !bb) return fail('Archive is compressed. Use -z option');

  // a NAME operand picks that member and, for a directory, what is under it
  const under = (name: string, n: string) => name.replace(/\/$/, '') === n.replace(/\/$/, '') || name.startsWith(n.replace(/\/?$/, '/'));
  const wanted = (name: string) => !names.length || names.some((n) => under(name, n));
  const members = a.entries.filter((e) => wanted(e.name));
  if (modes[0] === 'x') {
    for (const e of members) {
      const path = absPath(base, e.name);
      try {
        // the directories a member needs are made even when the archive does not hold them
        fs.mkdir(absPath(path, '..'), '/', true);
        unpack(fs, '/', [{ ...e, name: path }]);
      } catch (err) {
        io.err(`tar: ${e.name}: ${bb ? '' : 'Cannot open: '}${err instanceof FsError && err.code === 'EROFS' ? 'Read-only file system' : 'No such file or directory'}\n`);
        return bb ? 1 : 2;
      }
    }
    if (verbose) for (const e of members) io.out(e.name + '\n');
  } else {
    let ugs = 19;
    for (const e of members) {
      const owner = e.uid === undefined ? a.owner ?? '0' : idName(fs, 'passwd', e.uid);
      const group = e.uid === undefined ? a.group ?? '0' : idName(fs, 'group', e.gid ?? 0);
      if (!verbose) {
        io.out(e.name + '\n');
        continue;
      }
      const d = new Date(e.mtime);
      const day = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
      const size = String(e.kind === 'file' ? e.size : 0);
      const link = e.kind === 'link' ? ' -> ' + e.target : '';
      if (bb) {
        io.out(`${modeString(e)} ${owner}/${group} ${size.padStart(9)} ${day}:${two(d.getUTCSeconds())} ${e.name}${link}\n`);
        continue;
      }
      // GNU widens the owner/size column for good once a row needs more than 19 characters
      const pad = owner.length + group.length + 2 + size.length;
      ugs = Math.max(ugs, pad);
      io.out(`${modeString(e)} ${owner}/${group} ${size.padStart(ugs - pad + size.length)} ${day} ${e.name}${link}\n`);
    }
  }
  const missing = names.filter((n) => !a.entries.some((e) => under(e.name, n)));
  for (const n of missing) io.err(bb ? `tar: ${n}: not found in archive\n` : `tar: ${n}: Not found in archive\n`);
  if (missing.length) {
    if (!bb) io.err('tar: Exiting with failure status due to previous errors\n');
    return bb ? 1 : 2;
  }
  return 0;
}
