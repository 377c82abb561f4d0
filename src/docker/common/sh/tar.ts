/**
 * `tar`: GNU tar (the host, Debian, Ubuntu) and busybox's, each with its listing format and
 * error texts. The archives are the simulator's own: `docker save`'s images (listed as the OCI
 * layout Docker 28 writes), `docker export`'s filesystem, and what `tar -c` packs itself.
 */
import type { ArchiveEntry } from '../../api';
import { pack, tarSize, unpack } from '../../archive';
import { digest } from '../hash';
import { imageConfigJSON, type Image } from '../../engine/store';
import { FsError, absPath, osRelease, reason, type Node } from './fs';
import { perms } from './ls';
import { usage } from './opts';
import { idName, idNames } from './passwd';
import type { IO, ShellLike } from './types';
import { gnuVersion } from './gnu-version';

/** An archive as tar sees it: its members, whether gzip wraps it, who owned what tar -c packed. */
interface Tar { entries: ArchiveEntry[]; z?: boolean; owner?: string; group?: string }
type Saved = [{ image: Omit<Image, 'id' | 'top' | 'lastTagTime' | 'manifest'>; layers: { diffId: string; size: number }[] }, string[]][];

const file = (name: string, size: number, mtime: number, kind: ArchiveEntry['kind'] = 'file'): ArchiveEntry => ({ name, kind, mode: kind === 'dir' ? 0o755 : 0o644, mtime, size });

const OCI = 'application/vnd.oci.image.';
const text = (name: string, data: string, mtime: number): ArchiveEntry => ({ ...file(name, data.length, mtime), data });
/** A familiar tag's full name (docker.io/library/…) and its repository and tag apart. */
function fullName(tag: string): [string, string, string] {
  const at = tag.lastIndexOf(':');
  const [repo, t] = [tag.slice(0, at), tag.slice(at + 1)];
  const domain = repo.includes('/') && /[.:]|^localhost\//.test(repo.split('/')[0]);
  return [domain ? tag : `docker.io/${repo.includes('/') ? '' : 'library/'}${tag}`, repo, t];
}

/**
 * The files of `docker save` (moby's image/tarexport): the OCI layout (blobs by digest: each
 * config, whose digest is the image ID, each manifest, each layer; index.json, oci-layout) plus
 * Docker's manifest.json and repositories. The layers' bytes are not kept, only their size.
 */
function ociFiles(images: Saved): ArchiveEntry[] {
  const blobs = new Map<string, ArchiveEntry>();
  const index: object[] = [];
  const items: object[] = [];
  const repos: Record<string, Record<string, string>> = {};
  let t = 0;
  for (const [{ image, layers }, names] of images) {
    t = image.created;
    const blob = (d: string, size: number, data?: string) => blobs.set(d, data === undefined ? file('blobs/sha256/' + d.slice(7), size, t) : text('blobs/sha256/' + d.slice(7), data, t));
    const config = imageConfigJSON({ ...image, top: null });
    const descs = layers.map((l) => ({ mediaType: OCI + 'layer.v1.tar', digest: l.diffId, size: Math.ceil(l.size / 512) * 512 + 1024 + 512 * 8 }));
    for (const d of descs) blob(d.digest, d.size);
    const id = digest(config);
    blob(id, config.length, config);
    const manifest = JSON.stringify({ schemaVersion: 2, mediaType: OCI + 'manifest.v1+json', config: { mediaType: OCI + 'config.v1+json', digest: id, size: config.length }, layers: descs });
    const entry = { mediaType: OCI + 'manifest.v1+json', digest: digest(manifest), size: manifest.length };
    blob(entry.digest, manifest.length, manifest);
    if (!names.length) index.push(entry);
    for (const n of names) {
      const [full, repo, tag] = fullName(n);
      index.push({ ...entry, annotations: { 'io.containerd.image.name': full, 'org.opencontainers.image.ref.name': tag } });
      if (layers.length) (repos[repo] ??= {})[tag] = layers[layers.length - 1].diffId.slice(7);
    }
    items.push({ Config: 'blobs/sha256/' + id.slice(7), RepoTags: names.length ? names : null, Layers: descs.map((d) => 'blobs/sha256/' + d.digest.slice(7)), LayerSources: Object.fromEntries(descs.map((d) => [d.digest, { mediaType: d.mediaType, size: d.size, digest: d.digest }])) });
  }
  return [
    file('blobs/', 0, t, 'dir'), file('blobs/sha256/', 0, t, 'dir'),
    ...[...blobs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, e]) => e),
    text('index.json', JSON.stringify({ schemaVersion: 2, mediaType: OCI + 'index.v1+json', manifests: index }), t),
    text('manifest.json', JSON.stringify(items) + '\n', t), text('oci-layout', '{"imageLayoutVersion":"1.0.0"}\n', t),
    ...(Object.keys(repos).length ? [text('repositories', JSON.stringify(repos) + '\n', t)] : []),
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
      const os = osRelease(sh.m.fs);
      // noble's 1.35 on the host and in noble; jammy and bullseye 1.34, focal 1.30
      const ubuntu = (/ID=ubuntu/.test(os) && !/CODENAME=(jammy|focal)/.test(os)) || !!sh.m.which;
      // the image's own tar, as its dpkg status says (buster's is 1.30)
      const st = sh.m.fs.find(['var', 'lib', 'dpkg', 'status']);
      const v = (!sh.m.which && st?.kind === 'file' && /Package: tar\n[^]*?Version: (\d+\.\d+)/.exec(st.data ?? '')?.[1]) || (ubuntu ? '1.35' : /CODENAME=focal/.test(os) ? '1.30' : '1.34');
      io.out(gnuVersion('tar (GNU tar) ' + v, v === '1.35' ? 2023 : v === '1.30' ? 2017 : 2021) + '\nWritten by John Gilmore and Jay Fenlason.\n');
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
    // tar names each member's owner from this machine's accounts; what carries none is root's
    const data = JSON.stringify({ aula: 'fs', entries, owner: idName(fs, 'passwd', 0), group: idName(fs, 'group', 0), ...(z && { z: true }) });
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
        io.err(`tar: ${e.name}: ${bb ? '' : 'Cannot open: '}${reason(err)}\n`);
        return bb ? 1 : 2;
      }
    }
    if (verbose) for (const e of members) io.out(e.name + '\n');
  } else {
    let ugs = 19;
    // docker's archives (export, cp) carry numbers only, no names
    const [user, grp] = a.owner === undefined ? [String, String] : [idNames(fs, 'passwd'), idNames(fs, 'group')];
    for (const e of members) {
      if (!verbose) {
        io.out(e.name + '\n');
        continue;
      }
      const owner = e.uid === undefined ? a.owner ?? '0' : user(e.uid);
      const group = e.uid === undefined ? a.group ?? '0' : grp(e.gid ?? 0);
      const d = new Date(e.mtime);
      const day = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
      const size = String(e.kind === 'file' ? e.size : 0);
      const link = e.kind === 'link' ? ' -> ' + e.target : '';
      if (bb) {
        io.out(`${perms(e as Node)} ${owner}/${group} ${size.padStart(9)} ${day}:${two(d.getUTCSeconds())} ${e.name}${link}\n`);
        continue;
      }
      // GNU widens the owner/size column for good once a row needs more than 19 characters
      const pad = owner.length + group.length + 2 + size.length;
      ugs = Math.max(ugs, pad);
      io.out(`${perms(e as Node)} ${owner}/${group} ${size.padStart(ugs - pad + size.length)} ${day} ${e.name}${link}\n`);
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
