/**
 * Package managers: apt-get/apt (Debian, Ubuntu) and apk (Alpine). Everything they do lands
 * in the filesystem (package lists, binaries, libraries, dpkg database), so the container's
 * writable layer grows the way it does in a real container.
 */
import { bbPackage } from '../../common/sh/busybox';
import { globRe } from '../../common/sh/glob';
import { osRelease, readOr, type FileNode } from '../fs';
import { PROCPS } from '../../registry/content';
import { aptSize, archAll, deb, known, names, releaseFacts, releaseName } from './deb-versions';
import { exists } from './package-files';
import { stanza } from '../../registry/dpkg-status';
import type { Command, IO, ShellLike } from './types';

/** name: [installed KiB, programs, libraries/extra packages] (noble's names). */
export const PKGS: Record<string, [number, string, string]> = {
  curl: [520, 'curl', 'ca-certificates krb5-locales libbrotli1 libcurl4t64 libgssapi-krb5-2 libk5crypto3 libkeyutils1 libkrb5-3 libkrb5support0 libldap-common libldap2 libnghttp2-14 libpsl5t64 librtmp1 libsasl2-2 libsasl2-modules libsasl2-modules-db libssh-4 openssl publicsuffix'],
  wget: [3340, 'wget', 'libpsl5t64 publicsuffix ca-certificates openssl'],
  vim: [4120, 'vim vim.basic vi', 'vim-common vim-runtime libgpm2 libsodium23 xxd'],
  nano: [881, 'nano rnano', ''],
  'iputils-ping': [119, 'ping', 'libcap2-bin'],
  git: [24400, 'git', 'git-man liberror-perl less libcurl3t64-gnutls libexpat1 perl'],
  procps: [2218, PROCPS, 'libproc2-0 psmisc'],
  'net-tools': [1014, 'ifconfig netstat route arp', ''],
  iproute2: [3440, 'ip ss bridge tc', 'libbpf1 libelf1t64 libmnl0 libxtables12 libcap2-bin'],
  tree: [111, 'tree', ''],
  less: [391, 'less', ''],
  htop: [445, 'htop', 'libnl-3-200 libnl-genl-3-200'],
  python3: [25900, 'python3 python3.12', 'python3.12 libpython3.12-stdlib python3-minimal libpython3-stdlib media-types libexpat1 libreadline8t64'],
  jq: [426, 'jq', 'libjq1 libonig5'],
  unzip: [384, 'unzip', ''],
  zip: [615, 'zip', ''],
  sudo: [4150, 'sudo', ''],
  'openssh-client': [5080, 'ssh scp sftp ssh-keygen', 'libcbor0.10 libfido2-1 libedit2'],
  nginx: [1504, 'nginx', 'nginx-common iproute2 libbpf1 libelf1t64 libmnl0'],
  'ca-certificates': [385, '', 'openssl'],
  dnsutils: [1016, 'dig host nslookup nsupdate', 'bind9-dnsutils bind9-host bind9-libs libuv1t64 libxml2 libjemalloc2 liblmdb0 libmaxminddb0 libfstrm0 libprotobuf-c1'],
};

/** The words of a space-separated list (none in an empty or missing one). */
const words = (list = '') => list.split(' ').filter(Boolean);


/**
 * The release of the image (its archive's codename), the one whose package data it uses, and
 * Debian's mirror in its sources (archive.debian.org once they point an archived release there).
 */
export interface Distro { ubuntu: boolean; codename: string; rel: string; host: string }
export function distro(sh: ShellLike): Distro {
  const os = osRelease(sh.m.fs);
  const ubuntu = /ID=ubuntu/.test(os);
  const codename = /VERSION_CODENAME=(\w+)/.exec(os)?.[1] ?? 'bookworm';
  const host = (!ubuntu && readOr(sh.m.fs, '/etc/apt/sources.list').includes('archive.debian.org') ? 'archive' : 'deb') + '.debian.org';
  return { ubuntu, codename, rel: known(codename, ubuntu), host };
}

/** A package's architecture as apt and dpkg name it. */
export const arch = (name: string) => (archAll(name) ? 'all' : 'amd64');

/** A package's name in the distribution (noble's names are the table's keys) and its archive entry. */
const pkgName = (d: Distro, name: string) => releaseName(d.rel, name);
/** The version of a package, named as its release names it (the names typed are the same in all). */
export const version = (d: Distro, name: string) => deb(d.rel, d.ubuntu, name)?.version ?? '';

/**
 * apt's progress lines: `... Done` on a terminal, bare `...` otherwise (a build's log); before 2.1
 * (focal's 2.0, buster's 1.8) apt padded its dependency tree line instead.
 */
function steps(io: IO, d: Distro, ops: string[]): void {
  io.out(ops.map((o) => (!io.tty ? o + '...' : /focal|buster|bionic/.test(d.codename) && o === 'Building dependency tree' ? o + '       ' : o + '... Done')).join('\n') + '\n');
}
const TREE = ['Reading package lists', 'Building dependency tree', 'Reading state information'];

/**
 * The suite a version comes from: Ubuntu's updates carry a `ubuntuN.M` or `~YY.MM.N` backport suffix;
 * buster's last fixes came from its LTS security suite.
 */
export const suiteOf = (d: Distro, v: string) => d.codename + (d.ubuntu && /ubuntu\d+\.\d|~\d\d\.\d\d\.\d/.test(v) ? '-updates' : d.codename === 'buster' && /deb10u/.test(v) ? '/updates' : '');

/**
 * `apt list`: the packages known (those the simulator installs and those dpkg has) matching the
 * patterns, with the suites holding them (Debian names its suites stable, oldstable, oldoldstable)
 * and whether they are installed.
 */
function aptListCmd(args: string[], sh: ShellLike, io: IO): number {
  const d = distro(sh);
  const only = args.includes('--installed') || args.includes('-i');
  const pats = args.filter((a) => !a.startsWith('-')).map(globRe);
  const ready = listsReady(sh);
  let out = '';
  // what dpkg has installed (the image's base system too): its version and architecture
  const dpkg = new Map([...readOr(sh.m.fs, '/var/lib/dpkg/status').matchAll(/^Package: (.+)\n[^]*?^Architecture: (.+)\n[^]*?^Version: (.+)$/gm)].map((m) => [m[1], [m[3], m[2]]]));
  for (const name of [...new Set([...names(d.rel, d.ubuntu), ...dpkg.keys()])].sort()) {
    if (pats.length && !pats.some((re) => re.test(name))) continue;
    const state = installed(sh, name) ? '[installed]' : exists(sh.m.fs, `/usr/share/doc/${name}`) ? '[installed,automatic]' : dpkg.has(name) ? '[installed]' : '';
    if ((only && !state) || (!ready && !state)) continue;
    const [v, a] = dpkg.get(name) ?? [version(d, name), arch(name)];
    // Ubuntu's updates are mostly security fixes, published in both suites
    const suite = d.ubuntu ? suiteOf(d, v).replace(/-updates$/, `$&,${d.codename}-security`) : ({ bookworm: 'stable', bullseye: 'oldstable', buster: 'oldoldstable' } as Record<string, string>)[d.codename] ?? d.codename;
    // without the lists no source offers what is installed: apt calls it local
    out += `${name}/${ready ? suite : ''}${ready && state ? ',' : ''}${state ? 'now' : ''} ${v} ${a}${state && ' ' + (ready ? state : '[installed,local]')}\n`;
  }
  io.out((io.tty ? 'Listing... Done\n' : 'Listing...\n') + out);
  return 0;
}

export function listsReady(sh: ShellLike): boolean {
  try {
    const r = sh.m.fs.resolve('/var/lib/apt/lists');
    return !!r.node && [...sh.m.fs.list(r.parts).keys()].some((k) => k.endsWith('Packages') || k.endsWith('Packages.lz4'));
  } catch {
    return false;
  }
}

export function bigFile(sh: ShellLike, path: string, size: number, mode = 0o644): void {
  const node: FileNode = { kind: 'file', size, mode, mtime: sh.m.now() };
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  sh.m.fs.mkdir(dir, '/', true);
  sh.m.fs.putNode(path, node);
}

/**
 * apt's name for a repository and suite, as in `http://deb.debian.org/debian buster/main amd64
 * Packages`: a security suite comes from the distribution's security host.
 */
const repoUrl = (d: Distro, suite: string) => {
  const security = /^[a-z]+(-security|\/updates)/.test(suite);
  return `http://${d.ubuntu ? `${security ? 'security' : 'archive'}.ubuntu.com/ubuntu` : `${d.host}/debian${security ? '-security' : ''}`} ${suite}`;
};

async function aptUpdate(sh: ShellLike, io: IO, apt: boolean): Promise<number> {
  const d = distro(sh);
  // Suites after the codename, with the kB of each index; security suites come from their own host.
  const older = releaseFacts(d.rel);
  const buster = d.codename === 'buster';
  const lists: [string, number][] = d.ubuntu
    ? [[' InRelease', 256], ['-security InRelease', 126], ['-updates InRelease', 126], ['-backports InRelease', 126],
      ['/universe amd64 Packages', 19300], ['/main amd64 Packages', 1808], ['-security/main amd64 Packages', 1104], ['-updates/main amd64 Packages', 1420]]
    // buster's security suite is buster/updates, after the main one as in its sources.list
    : buster ? [[' InRelease', 122], ['/updates InRelease', 34.8], ['-updates InRelease', 56.6], ['/main amd64 Packages', 7909], ['/updates/main amd64 Packages', 613], ['-updates/main amd64 Packages', 8.788]]
    : [[' InRelease', 151], ['-updates InRelease', 55.4], ['-security InRelease', 48], ['/main amd64 Packages', 8793], ['-security/main amd64 Packages', 263]];
  if (older) lists.forEach((l, i) => (l[1] = older[1][i]));
  const url = (suite: string) => repoUrl(d, d.codename + suite);
  bigFile(sh, '/var/lib/apt/lists/lock', 0);
  sh.m.fs.mkdir('/var/lib/apt/lists/partial', '/', true);
  // Debian moved buster to archive.debian.org in July 2025: deb.debian.org answers 404 for its Release files.
  if (buster && d.host === 'deb.debian.org') {
    const repos = lists.slice(0, 3).map(([s]) => url(s.slice(0, -10)));
    io.out(repos.map((r, i) => `Ign:${i + 1} ${r} InRelease\n`).join('') + repos.map((r, i) => `Err:${i + 4} ${r} Release\n  404  Not Found [IP: 151.101.2.132 80]\n`).join(''));
    steps(io, d, TREE.slice(0, 1));
    // apt's notices need a terminal: without one it runs as with -q
    io.err(repos.map((r) => `E: The repository '${r} Release' does not have a Release file.\n${io.tty ? "N: Updating from such a repository can't be done securely, and is therefore disabled by default.\nN: See apt-secure(8) manpage for repository creation and user configuration details.\n" : ''}`).join(''));
    return 100;
  }
  // Lists already fetched are current: each InRelease is a Hit and nothing is downloaded.
  const hit = listsReady(sh);
  let total = 0;
  for (const [i, [suite, kb]] of lists.entries()) {
    const u = url(suite);
    if (hit) {
      if (suite.endsWith('InRelease')) io.out(`Hit:${i + 1} ${u}\n`);
      continue;
    }
    io.out(`Get:${i + 1} ${u} [${aptSize(kb * 1000)}]\n`);
    total += kb;
    await io.sleep(150);
    // SIGINT kills apt where it stands: no summary, the lists fetched so far stay.
    if (io.signal?.aborted) return 130;
    // The index as apt stores it: host/dists/suite with / and spaces as _ (lz4-compressed on Ubuntu).
    const file = u.slice(7).replace(' ', '/dists/').replace(' amd64 ', ' binary-amd64 ').replace(/[ /]/g, '_') + (d.ubuntu && suite.endsWith('Packages') ? '.lz4' : '');
    bigFile(sh, `/var/lib/apt/lists/${file}`, Math.round(kb * (d.ubuntu ? 1250 : 4100)));
  }
  if (!hit) io.out(`Fetched ${aptSize(total * 1000)} in 2s (${aptSize(total * 500)}/s)\n`);
  // `apt` (not apt-get) goes on to count what could be upgraded.
  steps(io, d, apt ? TREE : TREE.slice(0, 1));
  if (apt) io.out('All packages are up to date.\n');
  return 0;
}

function installFiles(sh: ShellLike, name: string, d: Distro): void {
  const [kib, bins, extra] = PKGS[name];
  const progs = words(bins).map((p) => pkgName(d, p));
  const libs = words(extra).map((l) => pkgName(d, l)).filter(Boolean);
  const bytes = kib * 1024;
  progs.forEach((p, i) => bigFile(sh, `/usr/bin/${p}`, i === 0 ? Math.round(bytes * 0.3) : 14000 + p.length * 997, 0o755));
  libs.forEach((l, i) => {
    if (!exists(sh.m.fs, `/usr/share/doc/${l}`)) bigFile(sh, `/usr/lib/x86_64-linux-gnu/${l}.so.${1 + (i % 3)}`, Math.round((bytes * 0.6) / libs.length), 0o644);
    sh.m.fs.mkdir(`/usr/share/doc/${l}`, '/', true);
  });
  sh.m.fs.mkdir(`/usr/share/doc/${name}`, '/', true);
  sh.m.fs.mkdir('/var/lib/dpkg/info', '/', true);
  sh.m.fs.mkdir('/var/log/apt', '/', true);
  sh.m.fs.writeFile(`/usr/share/doc/${name}/copyright`, `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: ${name}\n`, '/', false);
  sh.m.fs.writeFile(`/var/lib/dpkg/info/${name}.list`, ['/.', ...progs.map((p) => `/usr/bin/${p}`), `/usr/share/doc/${name}/copyright`].join('\n') + '\n');
  sh.m.fs.writeFile('/var/lib/dpkg/status', stanza(name, version(d, name)), '/', true);
  sh.m.fs.writeFile('/var/log/dpkg.log', `${new Date(sh.m.now()).toISOString().slice(0, 19).replace('T', ' ')} status installed ${name}:amd64 ${version(d, name)}\n`, '/', true);
}

/** A package list as apt prints it: indented two spaces, wrapped before 80 columns. */
function aptList(list: string[]): string {
  let out = '';
  let line = ' ';
  for (const w of list) {
    if (line.length + w.length + 1 > 79) {
      out += line + '\n';
      line = ' ';
    }
    line += ' ' + w;
  }
  return out + line + '\n';
}

/** dpkg's count of what it knows, growing by the files of each package installed. */
function dpkgFiles(sh: ShellLike): number {
  try {
    return 4381 + 12 * sh.m.fs.list(sh.m.fs.resolve('/usr/share/doc').parts).size;
  } catch {
    return 4381;
  }
}

/** apt's question before changes the user did not spell out; an answer other than yes aborts. */
function confirm(sh: ShellLike, io: IO, proceed: (io: IO) => Promise<number>): Promise<number> | number {
  if (!sh.ask) {
    io.out('Do you want to continue? [Y/n] Abort.\n');
    return 1;
  }
  sh.ask('Do you want to continue? [Y/n] ', async (answer, io2) => {
    if (/^(y|$)/i.test(answer.trim())) return proceed(io2);
    io2.out('Abort.\n');
    return 1;
  });
  return 0;
}

function installed(sh: ShellLike, name: string): boolean {
  return exists(sh.m.fs, `/var/lib/dpkg/info/${name}.list`);
}

/** `io`: where apt speaks (silent with -qq); `dpkg`: where dpkg's own lines go, whatever apt's quiet level. */
async function aptInstall(args: string[], sh: ShellLike, io: IO, dpkg: IO, yes: boolean): Promise<number> {
  const names = args.filter((a) => !a.startsWith('-'));
  const d = distro(sh);
  steps(io, d, TREE);
  for (const n of names) {
    if (!listsReady(sh) || !PKGS[n]) {
      io.err(`E: Unable to locate package ${n}\n`);
      return 100;
    }
  }
  const already = names.filter((n) => installed(sh, n));
  for (const n of already) io.out(`${n} is already the newest version (${version(d, n)}).\n`);
  const fresh = names.filter((n) => !installed(sh, n));
  const extras = [...new Set(fresh.flatMap((n) => words(PKGS[n][2]).map((x) => pkgName(d, x))))].filter((x) => x && !exists(sh.m.fs, `/usr/share/doc/${x}`) && !fresh.includes(x)).sort();
  const all = [...extras, ...fresh].sort();
  if (!fresh.length) {
    io.out('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    return 0;
  }
  if (extras.length) io.out('The following additional packages will be installed:\n' + aptList(extras));
  io.out('The following NEW packages will be installed:\n' + aptList(all));
  const bytes = (p: string) => deb(d.rel, d.ubuntu, p)?.bytes ?? 0;
  const dl = all.reduce((a, p) => a + bytes(p), 0);
  // Libraries unpack to about three times their download; the programs' sizes are known.
  const inst = fresh.reduce((a, n) => a + PKGS[n][0] * 1024, 0) + extras.reduce((a, p) => a + bytes(p) * 3, 0);
  io.out(`0 upgraded, ${all.length} newly installed, 0 to remove and 0 not upgraded.\nNeed to get ${aptSize(dl)} of archives.\nAfter this operation, ${aptSize(inst)} of additional disk space will be used.\n`);
  const older = releaseFacts(d.rel);
  // dpkg names multi-arch libraries with their architecture.
  const shown = (p: string) => (/^lib/.test(p) && !archAll(p) && !/-bin$/.test(p) ? p + ':amd64' : p);
  const proceed = async (io2: IO): Promise<number> => {
    let i = 0;
    for (const p of all) {
      const v = version(d, p);
      const suite = suiteOf(d, v) + (p === 'tree' && d.ubuntu ? '/universe' : '/main');
      io2.out(`Get:${++i} ${repoUrl(d, suite)} amd64 ${p} ${arch(p)} ${v} [${aptSize(bytes(p))}]\n`);
      await io2.sleep(80);
      // Killed while downloading: dpkg never ran, nothing is installed.
      if (io2.signal?.aborted) return 130;
    }
    io2.out(`Fetched ${aptSize(dl)} in 1s (${aptSize(dl)}/s)\n`);
    io2 = io2 === io ? dpkg : io2;
    io2.out('debconf: delaying package configuration, since apt-utils is not installed\n');
    // One dpkg run unpacks them all; with several, apt numbers the archives it hands over.
    const width = String(all.length - 1).length;
    all.forEach((p, k) => {
      const v = version(d, p);
      const file = `${all.length > 1 ? String(k).padStart(width, '0') + '-' : ''}${p}_${v.replace(':', '%3a')}_${arch(p)}.deb`;
      io2.out(`Selecting previously unselected package ${shown(p)}.\n${k ? '' : `(Reading database ... ${dpkgFiles(sh)} files and directories currently installed.)\n`}Preparing to unpack .../${file} ...\nUnpacking ${shown(p)} (${v}) ...\n`);
    });
    for (const p of all) io2.out(`Setting up ${shown(p)} (${version(d, p)}) ...\n`);
    // Shared libraries activate libc-bin's ldconfig trigger; a lone program does not.
    if (all.some((p) => shown(p) !== p)) io2.out(`Processing triggers for libc-bin (${older?.[0] ?? (d.ubuntu ? '2.39-0ubuntu8.4' : '2.36-9+deb12u10')}) ...\n`);
    for (const n of fresh) installFiles(sh, n, d);
    for (const x of extras) sh.m.fs.mkdir(`/usr/share/doc/${x}`, '/', true);
    sh.m.fs.writeFile('/var/lib/dpkg/status', extras.map((x) => stanza(x, version(d, x))).join(''), '/', true);
    // apt remembers what it pulled in only as a dependency (apt-mark showauto, autoremove)
    sh.m.fs.writeFile('/var/lib/apt/extended_states', extras.map((x) => `Package: ${x}\nArchitecture: ${arch(x)}\nAuto-Installed: 1\n\n`).join(''), '/', true);
    bigFile(sh, '/var/cache/debconf/templates.dat', 592342);
    sh.m.fs.writeFile('/var/log/apt/history.log', `\nStart-Date: ${new Date(sh.m.now()).toISOString().slice(0, 19).replace('T', '  ')}\nCommandline: apt-get install ${args.join(' ')}\nEnd-Date: ${new Date(sh.m.now()).toISOString().slice(0, 19).replace('T', '  ')}\n`, '/', true);
    return 0;
  };
  return extras.length && !yes ? confirm(sh, io, proceed) : proceed(io);
}

/** apt-get remove/purge: the list, the space freed, the question (removals always ask), dpkg. */
function aptRemove(args: string[], purge: boolean, sh: ShellLike, io: IO, yes: boolean): Promise<number> | number {
  const d = distro(sh);
  steps(io, d, TREE);
  const names = args.filter((a) => !a.startsWith('-'));
  for (const n of names) {
    if (!PKGS[n] || !listsReady(sh) && !installed(sh, n)) {
      io.err(`E: Unable to locate package ${n}\n`);
      return 100;
    }
  }
  const gone = names.filter((n) => installed(sh, n));
  for (const n of names.filter((x) => !gone.includes(x))) io.out(`Package '${n}' is not installed, so not removed\n`);
  // apt-mark hold: dpkg's selection; with -y apt refuses to change a held package
  const status = readOr(sh.m.fs, '/var/lib/dpkg/status');
  const held = gone.filter((n) => status.includes(`Package: ${n}\nStatus: hold`));
  io.out(`${gone.length ? 'The following packages will be REMOVED:\n' + aptList(gone.sort().map((n) => n + (purge ? '*' : ''))) : ''}${held.length ? 'The following held packages will be changed:\n' + aptList(held) : ''}0 upgraded, 0 newly installed, ${gone.length} to remove and 0 not upgraded.\n`);
  if (!gone.length) return 0;
  if (held.length && yes && !args.includes('--allow-change-held-packages')) return io.err('E: Held packages were changed and -y was used without --allow-change-held-packages.\n'), 100;
  io.out(`After this operation, ${aptSize(gone.reduce((a, n) => a + PKGS[n][0] * 1024, 0))} disk space will be freed.\n`);
  const proceed = async (io2: IO) => {
    io2.out(`(Reading database ... ${dpkgFiles(sh)} files and directories currently installed.)\n`);
    for (const n of gone) {
      for (const p of words(PKGS[n][1]).map((x) => pkgName(d, x))) {
        try {
          sh.m.fs.remove(`/usr/bin/${p}`);
        } catch { /* already gone */ }
      }
      sh.m.fs.remove(`/var/lib/dpkg/info/${n}.list`);
      sh.m.fs.writeFile('/var/lib/dpkg/status', sh.m.fs.readFile('/var/lib/dpkg/status').split(/(?<=\n\n)/).filter((r) => !r.startsWith(`Package: ${n}\n`)).join(''));
      sh.m.fs.remove(`/usr/share/doc/${n}`, '/', true);
      io2.out(`Removing ${n} (${version(d, n)}) ...\n`);
    }
    return 0;
  };
  return yes ? proceed(io) : confirm(sh, io, proceed);
}

const aptGet: Command = async (args, io, sh) => {
  const sub = args.slice(1).find((a) => !a.startsWith('-'));
  const rest = args.slice(args.indexOf(sub ?? '') + 1);
  if (args[0] === 'apt' && !io.tty) io.err('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
  // apt-get has no list
  if (sub === 'list' && args[0] === 'apt') return aptListCmd(rest, sh, io);
  // -q leaves out apt's progress (no `... Done`); -qq its messages too, dpkg's stay, and implies -y
  const quiet = args.slice(1).reduce((n, a) => {
    const set = /^(?:-q|--quiet)=(\d+)$/.exec(a);
    return set ? Number(set[1]) : a === '--quiet' ? n + 1 : /^-[a-z]+$/.test(a) ? n + (a.match(/q/g)?.length ?? 0) : n;
  }, 0);
  const aio: IO = quiet ? { ...io, tty: false, ...(quiet > 1 && { out: () => {} }) } : io;
  const yes = quiet > 1 || args.some((a) => /^-(-yes|-assume-yes|[a-z]*y[a-z]*)$/.test(a));
  // not root: the locks cannot be opened (update reads the lists first, then wants their directory)
  if (sh.m.fs.cred && sub && /^(update|install|remove|purge|upgrade|dist-upgrade|full-upgrade|autoremove)$/.test(sub)) {
    if (sub !== 'update') io.err('E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n');
    else {
      steps(aio, distro(sh), TREE.slice(0, 1));
      io.err(exists(sh.m.fs, '/var/lib/apt/lists/partial') ? 'E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n' : 'E: List directory /var/lib/apt/lists/partial is missing. - Acquire (13: Permission denied)\n');
    }
    return 100;
  }
  switch (sub) {
    case 'update':
      return aptUpdate(sh, aio, args[0] === 'apt');
    case 'install':
      return aptInstall(rest, sh, aio, io, yes);
    case 'upgrade':
      steps(io, distro(sh), [...TREE, 'Calculating upgrade']);
      io.out('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
      return 0;
    case 'clean':
      // Downloaded .deb files are never kept in /var/cache/apt/archives: nothing to clean.
      return 0;
    case 'remove': case 'purge':
      return aptRemove(rest, sub === 'purge', sh, aio, yes);
    default:
      if (sub === undefined) {
        // The apt of each release (bookworm's 2.6.1 unless another)
        const head = `apt ${({ noble: '2.7.14', jammy: '2.4.14', focal: '2.0.10', bullseye: '2.2.4', buster: '1.8.2.3', bionic: '1.6.17' } as Record<string, string>)[distro(sh).codename] ?? '2.6.1'} (amd64)\n`;
        // (apt-get --version goes on with its 'Supported modules' list, not simulated)
        if (args[0] === 'apt' && args.some((a) => a === '--version' || a === '-v')) {
          io.out(head);
          return 0;
        }
        io.out(head + (args[0] === 'apt' ? 'Usage: apt [options] command\n' : 'Usage: apt-get [options] command\n       apt-get [options] install|remove pkg1 [pkg2 ...]\n'));
        return 1;
      }
      io.err(`E: Invalid operation ${sub}\n`);
      return 100;
  }
};

const APK: Record<string, [string, number, string]> = {
  curl: ['8.12.1-r1', 1320, 'brotli-libs c-ares libunistring libidn2 nghttp2-libs libpsl zstd-libs libcurl'],
  bash: ['5.2.37-r0', 2730, 'ncurses-terminfo-base libncursesw readline'],
  vim: ['9.1.1105-r0', 18100, 'xxd lua5.4-libs'],
  nano: ['8.2-r0', 1240, 'libmagic'],
  git: ['2.47.2-r0', 15800, 'brotli-libs c-ares libunistring libidn2 nghttp2-libs libpsl zstd-libs libcurl libexpat pcre2'],
  htop: ['3.3.0-r0', 520, 'libncursesw ncurses-terminfo-base'],
  tree: ['2.2.1-r0', 88, ''],
  jq: ['1.7.1-r0', 560, 'oniguruma'],
  python3: ['3.12.10-r0', 46200, 'libbz2 libexpat libffi gdbm xz-libs mpdecimal libpanelw readline sqlite-libs'],
  nginx: ['1.26.3-r0', 1450, 'pcre2'],
  'bind-tools': ['9.18.37-r0', 1030, 'fstrm libuv libxml2 protobuf-c bind-libs'],
};

/** Versions of the libraries those pull in, in Alpine 3.21. */
const APK_LIBS = Object.fromEntries('brotli-libs 1.1.0-r2;c-ares 1.34.5-r0;libunistring 1.2-r0;libidn2 2.3.7-r0;nghttp2-libs 1.64.0-r0;libpsl 0.21.5-r3;zstd-libs 1.5.6-r2;libcurl 8.12.1-r1;ncurses-terminfo-base 6.5_p20241006-r3;libncursesw 6.5_p20241006-r3;readline 8.2.13-r0;xxd 9.1.1105-r0;lua5.4-libs 5.4.7-r0;libmagic 5.46-r2;libexpat 2.7.0-r0;pcre2 10.43-r0;oniguruma 6.9.9-r0;libbz2 1.0.8-r6;libffi 3.4.7-r0;gdbm 1.24-r0;xz-libs 5.6.3-r1;mpdecimal 4.0.0-r0;libpanelw 6.5_p20241006-r3;sqlite-libs 3.48.0-r2;fstrm 0.6.1-r4;libuv 1.49.2-r0;libxml2 2.13.4-r6;protobuf-c 1.5.0-r2;bind-libs 9.18.37-r0'.split(';').map((e) => e.split(' ')));

/** Where a package's programs go (bind-tools is BIND's clients: its nslookup takes the place of busybox's link), and a library. */
const apkBins = (p: string) => (p === 'bind-tools' ? ['dig', 'host', 'nslookup'] : [p]).map((b) => `/usr/bin/${b}`);
const apkLib = (p: string) => `/usr/lib/lib${p.replace(/-libs$|^lib/, '')}.so.1`;

/** The minirootfs's packages, in the order of its installed database (what `apk info` lists). */
const APK_BASE = 'alpine-baselayout-data musl busybox busybox-binsh alpine-baselayout alpine-keys ca-certificates-bundle libcrypto3 libssl3 ssl_client zlib apk-tools scanelf musl-utils alpine-release'.split(' ');

const apk: Command = async (args, io, sh) => {
  // Options go before or after the applet; -t/--virtual and -X/--repository take a value.
  const names: string[] = [];
  const flags = new Set<string>();
  let virtual = '';
  // the usage apk answers a bad option with (its help's first lines): the applet's, or apk's own
  const usage = (applet?: string) => io.out(`apk-tools 2.14.6, compiled for x86_64.\n\nusage: apk ${applet ? `${applet} [<OPTIONS>...]${/^(add|del|info)$/.test(applet) ? ' PACKAGES...' : ''}` : '[<OPTIONS>...] COMMAND [<ARGUMENTS>...]'}\n`);
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (/^-[tXp]$|^--(virtual|repository|root|arch|cache-dir|cache-max-age|keys-dir|repositories-file|wait)$/.test(a)) {
      // musl's getopt_long names the option without its dashes
      if (i + 1 === args.length) return io.err(`apk: option requires an argument: ${a.replace(/^--?/, '')}\n`), usage(names.find((w) => /^(add|del|fix|update|upgrade|info|list|search|cache|policy|version|fetch|audit|verify|dot|stats|manifest)$/.test(w))), 1;
      if (a === '-t' || a === '--virtual') virtual = args[i + 1];
      i++;
    } else if (a.startsWith('--virtual=')) virtual = a.slice(10);
    else if (/^-[a-zA-Z]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
    else if (a.startsWith('--')) flags.add(a);
    else names.push(a);
  }
  const sub = names.shift();
  // not root: every applet that changes the world must lock the database first
  if (sh.m.fs.cred && (/^(add|del|update|upgrade|fix|cache)$/.test(sub ?? '') || flags.has('U') || flags.has('--update'))) {
    io.err('ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n');
    return 99;
  }
  // -q: only errors and warnings are said
  const say = (t: string) => (flags.has('q') || flags.has('--quiet') ? undefined : io.out(t));
  const fetch = () => say('fetch https://dl-cdn.alpinelinux.org/alpine/v3.21/main/x86_64/APKINDEX.tar.gz\nfetch https://dl-cdn.alpinelinux.org/alpine/v3.21/community/x86_64/APKINDEX.tar.gz\n');
  const db = '/lib/apk/db/';
  const installed = (): string[] => {
    try {
      return [...sh.m.fs.list(sh.m.fs.resolve(db).parts).keys()].filter((k) => k !== 'installed');
    } catch {
      return [];
    }
  };
  const version = (p: string) => APK[p]?.[0] ?? APK_LIBS[p] ?? sh.m.fs.readFile(db + p, '/').trim().split(' ')[1];
  // The minirootfs's 15 packages take about 8 MiB; libraries a quarter of one each.
  const ok = () => {
    const added = installed();
    say(`OK: ${Math.round(7.8 + added.reduce((a, p) => a + (APK[p]?.[1] ?? 250), 0) / 1024)} MiB in ${15 + added.length} packages\n`);
  };
  if (sub === 'update' || flags.has('U') || flags.has('--update')) {
    fetch();
    if (sub === 'update') say('v3.21.3-316-g8ac1b3e4e5e [https://dl-cdn.alpinelinux.org/alpine/v3.21/main]\nv3.21.3-318-g4a5c7f1b0ea [https://dl-cdn.alpinelinux.org/alpine/v3.21/community]\nOK: 25397 distinct packages available\n');
    if (!flags.has('--no-cache')) bigFile(sh, '/var/cache/apk/APKINDEX.tar.gz', 2546088);
    if (sub === 'update') return 0;
  }
  if (sub === 'info') {
    io.out([...APK_BASE, ...installed()].join('\n') + '\n');
    return 0;
  }
  if (sub === 'add') {
    // The indexes are fetched when /var/cache/apk has none (always with --no-cache, which keeps
    // none), before the packages are resolved.
    const noCache = flags.has('--no-cache');
    if (noCache || !exists(sh.m.fs, '/var/cache/apk/APKINDEX.tar.gz')) {
      fetch();
      if (!noCache) bigFile(sh, '/var/cache/apk/APKINDEX.tar.gz', 2546088);
    }
    const missing = names.filter((n) => !APK[n]);
    if (missing.length) {
      io.err(`ERROR: unable to select packages:\n${missing.map((n) => `  ${n} (no such package):\n    required by: world[${n}]\n`).join('')}`);
      return 1;
    }
    // Each package right after what it needs, as apk orders its changeset; a virtual package
    // (dated, depending on the others) comes last, so `apk del` of it takes them away.
    const all = [...new Set(names.flatMap((n) => [...words(APK[n][2]), n]))].filter((x) => !exists(sh.m.fs, db + x));
    const stamp = new Date(sh.m.now()).toISOString().replace(/\D/g, '').replace(/^(\d{8})(\d{6}).*/, '$1.$2');
    if (virtual) all.push(virtual);
    all.forEach((p, i) => say(`(${i + 1}/${all.length}) Installing ${p} (${p === virtual ? stamp : version(p)})\n${p === 'bash' ? `Executing bash-${APK.bash[0]}.post-install\n` : ''}`));
    for (const p of all) {
      sh.m.fs.writeFile(db + p, p === virtual ? `${p} ${stamp} ${names.join(' ')}\n` : `${p}\n`);
      if (APK[p]) for (const f of apkBins(p)) bigFile(sh, f, APK[p][1] * 1024, 0o755);
      else if (p !== virtual) bigFile(sh, apkLib(p), 180000);
    }
    if (all.length) say(`Executing ${bbPackage(sh.m.fs)}.trigger\n`);
    ok();
    return 0;
  }
  if (sub === 'del') {
    // What goes: the named packages (a virtual one takes its members), then what nothing left needs.
    const have = installed();
    const members = (p: string): string[] => (APK[p] ? [p] : sh.m.fs.readFile(db + p, '/').trim().split(' ').slice(2));
    const gone = new Set(names.filter((n) => have.includes(n)).flatMap((n) => [n, ...members(n)]));
    const needs = (p: string) => [p, ...words(APK[p]?.[2] ?? '')];
    const kept = new Set(have.filter((p) => !gone.has(p) && APK[p]).flatMap(needs));
    const order = [...gone].flatMap(needs).filter((p, i, a) => a.indexOf(p) === i && have.includes(p) && !kept.has(p));
    order.forEach((p, i) => say(`(${i + 1}/${order.length}) Purging ${p} (${version(p)})\n`));
    for (const p of order) {
      sh.m.fs.remove(db + p, '/');
      for (const f of APK[p] ? apkBins(p) : [apkLib(p)]) {
        try {
          sh.m.fs.remove(f, '/');
        } catch { /* not there */ }
      }
    }
    // busybox's trigger puts its own links back where a package's binaries were
    if (order.includes('bind-tools')) sh.m.fs.putNode('/usr/bin/nslookup', { kind: 'link', target: '/bin/busybox', mtime: sh.m.now() });
    if (order.length) say(`Executing ${bbPackage(sh.m.fs)}.trigger\n`);
    ok();
    return 0;
  }
  usage();
  return sub ? 1 : 0;
};

export const PACKAGE_COMMANDS: Record<string, Command> = { 'apt-get': aptGet, apt: aptGet, apk };
