/**
 * dpkg and dpkg-query over /var/lib/dpkg/status: the listing (-l), a package's record (-s), its
 * files (-L) and the architecture; installing is apt-get's work.
 */
import { globRe } from '../../common/sh/glob';
import { readOr } from '../fs';
import type { Command } from './types';

const HELP = "\nType dpkg --help for help about installing and deinstalling packages [*];\nUse 'apt' or 'aptitude' for user-friendly package management;\nType dpkg -Dhelp for a list of dpkg debug flag values;\nType dpkg --force-help for a list of forcing options;\nType dpkg-deb --help for help about manipulating *.deb files;\n\nOptions marked [*] produce a lot of output - pipe it through 'less' or 'more' !\n";

export const dpkg: Command = (args, io, sh) => {
  const act = args.find((a) => a.startsWith('-'));
  const names = args.slice(1).filter((a) => !a.startsWith('-')).map((a) => a.replace(/:amd64$/, ''));
  if (act === '--print-architecture') return io.out('amd64\n'), 0;
  // no database: nothing installed
  const records = readOr(sh.m.fs, '/var/lib/dpkg/status').split('\n\n').filter((r) => r.startsWith('Package: '));
  const field = (r: string, f: string) => new RegExp(`^${f}: (.*)$`, 'm').exec(r)?.[1] ?? '';
  const byName = new Map(records.map((r) => [field(r, 'Package'), r]));
  const q = args[0].endsWith('query') ? 'dpkg-query' : 'dpkg';
  if (act === '-l' || act === '--list') {
    // every pattern must match something; the header comes with the first row
    const pats = names.map((p) => globRe(p));
    const rows = [...byName.keys()].sort().filter((n) => !pats.length || pats.some((re) => re.test(n)));
    // the patterns that matched nothing are reported after the rows
    const missing = () => names.filter((p, i) => !rows.some((n) => pats[i].test(n))).map((p) => io.err(`dpkg-query: no packages found matching ${p}\n`)).length ? 1 : 0;
    if (!rows.length) return missing();
    // a Multi-Arch: same package is named with its architecture
    const cols = rows.map((n) => {
      const r = byName.get(n)!;
      return [n + (field(r, 'Multi-Arch') === 'same' ? ':amd64' : ''), ...['Version', 'Architecture', 'Description'].map((f) => field(r, f))];
    });
    const w = [14, 12, 12, 33].map((min, i) => Math.max(min, ...cols.map((c) => c[i].length)));
    const line = (lead: string, c: string[]) => `${lead} ${c.slice(0, 3).map((x, i) => x.padEnd(w[i])).join(' ')} ${c[3]}\n`;
    io.out('Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n'
      + line('||/', ['Name', 'Version', 'Architecture', 'Description']) + `+++-${w.map((n) => '='.repeat(n)).join('-')}\n` + cols.map((c, i) => line(field(byName.get(rows[i])!, 'Status').startsWith('hold') ? 'hi ' : 'ii ', c)).join(''));
    return missing();
  }
  if (act === '-s' || act === '--status' || act === '-L' || act === '--listfiles') {
    const files = act === '-L' || act === '--listfiles';
    if (!names.length) {
      if (files) return io.err(`dpkg-query: error: --listfiles needs at least one package name argument\n\nUse --help for help about querying packages.\n`), 2;
      io.out(records.map((r) => r + '\n').join('\n'));
      return 0;
    }
    let failed = 0;
    names.forEach((n, i) => {
      const r = byName.get(n);
      if (!r) {
        failed++;
        io.err(files ? `dpkg-query: package '${n}' is not installed\n` : `dpkg-query: package '${n}' is not installed and no information is available\n`);
      } else if (files) {
        // a base package: its file list is not kept
        io.out(readOr(sh.m.fs, `/var/lib/dpkg/info/${n}.list`) || `Package '${n}' does not contain any files (!)\n`);
      } else io.out(r + '\n');
      if (i < names.length - 1) io.out('\n');
    });
    if (failed) io.err(files ? 'Use dpkg --contents (= dpkg-deb --contents) to list archive files contents.\n' : 'Use dpkg --info (= dpkg-deb --info) to examine archive files.\n');
    return failed ? 1 : 0;
  }
  io.err(`${q}: error: ${act ? `unknown option ${act}` : 'need an action option'}\n${q === 'dpkg' ? HELP : '\nUse --help for help about querying packages.\n'}`);
  return 2;
};
