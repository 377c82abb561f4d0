/**
 * apt-cache (policy, madison, show, depends, search) over the archive apt-get installs from and the
 * dpkg database; apt-mark over apt's extended_states (auto/manual) and dpkg's selections (hold).
 */
import { readOr } from '../fs';
import { stanza } from '../../registry/dpkg-status';
import { names } from './deb-versions';
import { PKGS, arch, distro, listsReady, suiteOf, version, type Distro } from './packages';
import type { Command, ShellLike } from './types';

const STATUS = '/var/lib/dpkg/status';
const STATES = '/var/lib/apt/extended_states';

/** The installed packages: name → version, held or not. */
function dpkg(sh: ShellLike): Map<string, [string, boolean]> {
  const m = new Map<string, [string, boolean]>();
  for (const b of readOr(sh.m.fs, STATUS).split('\n\n')) {
    const [, n, st, v] = /^Package: (.*)\nStatus: (\w+)[^]*?\nVersion: (.*)/.exec(b) ?? [];
    if (n) m.set(n, [v, st === 'hold']);
  }
  return m;
}
const autos = (sh: ShellLike) => new Set([...readOr(sh.m.fs, STATES).matchAll(/Package: (\S+)\n(?:.*\n)*?Auto-Installed: 1/g)].map((x) => x[1]));
const describe = (n: string) => /Description: (.*)/.exec(stanza(n, ''))![1];
const origin = (d: Distro, n: string, v: string) => `http://${d.ubuntu ? 'archive.ubuntu.com/ubuntu' : d.host + '/debian'} ${suiteOf(d, v)}/${n === 'tree' && d.ubuntu ? 'universe' : 'main'} amd64 Packages`;
const missing = (n: string) => `N: Unable to locate package ${n}\n`;

export const aptCache: Command = (args, io, sh) => {
  const [op, ...rest] = args.slice(1).filter((a) => !a.startsWith('-'));
  const d = distro(sh);
  const ready = listsReady(sh);
  const db = dpkg(sh);
  let out = '';
  let err = '';
  if (op === 'search') {
    const re = new RegExp(rest[0] ?? '', 'i');
    if (ready) for (const n of names(d.rel, d.ubuntu).sort()) if (describe(n) && (re.test(n) || re.test(describe(n)))) out += `${n} - ${describe(n)}\n`;
  } else if (op === 'policy' && !rest.length) {
    out = `Package files:\n 100 ${STATUS}\n     release a=now\n${ready ? ` 500 ${origin(d, '', '')}\n` : ''}Pinned packages:\n`;
  } else if (/^(policy|madison|show|depends)$/.test(op ?? '')) {
    for (const n of rest) {
      const listed = ready && version(d, n);
      const inst = db.get(n)?.[0];
      // without package lists the dpkg database is apt's only source: what is installed is the candidate
      const c = listed || inst;
      if (!c && !inst) {
        err += missing(n);
        continue;
      }
      if (op === 'policy') {
        const mine = c === inst;
        out += `${n}:\n  Installed: ${inst ?? '(none)'}\n  Candidate: ${c}\n  Version table:\n${mine ? ' *** ' : '     '}${c} ${listed ? `500\n        500 ${origin(d, n, c!)}` : 100}\n${mine ? `        100 ${STATUS}\n` : ''}`;
      } else if (op === 'madison') {
        if (listed) out += `${n.padStart(10)} | ${c!.padStart(10)} | ${origin(d, n, c!)}\n`;
      } else {
        const deps = ['libc6', ...(PKGS[n]?.[2].split(' ').filter(Boolean) ?? [])];
        out += op === 'depends' ? `${n}\n${deps.map((x) => `  Depends: ${x}\n`).join('')}`
          : `Package: ${n}\nVersion: ${c}\nPriority: optional\nArchitecture: ${arch(n)}\nDepends: ${deps.join(', ')}\n${describe(n) && `Description: ${describe(n)}\n`}\n`;
      }
    }
    // show and depends fail when none of the names was found; policy and madison only say so
    if (!out && /show|depends/.test(op)) return io.err(err + 'E: No packages found\n'), 100;
  } else return io.err(`E: Invalid operation ${op ?? ''}\n`), 100;
  io.out(out);
  io.err(err);
  return 0;
};

/** apt-mark: auto/manual in extended_states, hold/unhold as dpkg's selection; the show* lists. */
export const aptMark: Command = (args, io, sh) => {
  const [op, ...pkgs] = args.slice(1).filter((a) => !a.startsWith('-'));
  const db = dpkg(sh);
  const auto = autos(sh);
  const fs = sh.m.fs;
  const list = (ns: string[]) => io.out(ns.filter((n) => pkgs.length === 0 || pkgs.includes(n)).sort().map((n) => n + '\n').join(''));
  if (op === 'showmanual' || op === 'showauto') return list([...db.keys()].filter((n) => auto.has(n) === (op === 'showauto'))), 0;
  if (op === 'showhold') return list([...db].filter(([, [, h]]) => h).map(([n]) => n)), 0;
  if (!/^(auto|manual|hold|unhold)$/.test(op ?? '')) return io.err(`E: Invalid operation ${op ?? ''}\n`), 100;
  const bad = pkgs.find((n) => !db.has(n));
  if (bad) return io.err(`E: Unable to locate package ${bad}\n`), 100;
  for (const n of pkgs) {
    if (op === 'hold' || op === 'unhold') {
      const held = db.get(n)![1];
      io.out(op === 'hold' ? `${n} ${held ? 'was already ' : ''}set on hold.\n` : held ? `Canceled hold on ${n}.\n` : `${n} was already not on hold.\n`);
      fs.writeFile(STATUS, readOr(fs, STATUS).replace(new RegExp(`(Package: ${n.replace(/[.+]/g, '\\$&')}\nStatus: )\\w+`), `$1${op === 'hold' ? 'hold' : 'install'}`));
      continue;
    }
    const want = op === 'auto';
    const what = `${want ? 'automatically' : 'manually'} installed.\n`;
    if (auto.has(n) === want) io.out(`${n} was already set to ${what}`);
    else {
      io.out(`${n} set to ${what}`);
      const rest = readOr(fs, STATES).replace(new RegExp(`Package: ${n.replace(/[.+]/g, '\\$&')}\n[^]*?\n\n`), '');
      fs.mkdir('/var/lib/apt', '/', true);
      fs.writeFile(STATES, rest + (want ? `Package: ${n}\nArchitecture: ${arch(n)}\nAuto-Installed: 1\n\n` : ''));
    }
  }
  return 0;
};
