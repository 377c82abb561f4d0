/**
 * The perl of the Debian images, for one-liners: `-e` printing strings and numbers, `-ne`/`-pe`
 * over lines with `s///`, `print if /re/`; other code is refused, as perl refuses what it cannot compile (255).
 */
import { opts } from '../../common/sh/opts';
import { readOr } from '../fs';
import { reason } from '../../common/sh/fs';
import type { Command } from './types';

/** perl's "…" escapes; $_ interpolated. */
const dq = (s: string, line: string) => s.replace(/\\(.)|\$_/g, (m, c?: string) => (c === undefined ? line : ({ n: '\n', t: '\t', e: '\x1b', '0': '\0' } as Record<string, string>)[c] ?? c));

/** Runs one statement on the line; undefined when it is not one this perl knows. */
function statement(code: string, line: string, out: (t: string) => void): string | undefined {
  let m = /^s(.)(.*?)\1(.*?)\1([gi]*)$/.exec(code);
  if (m) return line.replace(new RegExp(m[2], m[4]), m[3].replace(/\\(\d)/g, '$$$1'));
  m = /^print(?:\s+(?!if\b|unless\b)(.*?))?(?:\s+(if|unless)\s+\/(.*)\/(i?))?$/.exec(code);
  if (!m) return undefined;
  if (m[2] && new RegExp(m[3], m[4]).test(line) !== (m[2] === 'if')) return line;
  const items = m[1] === undefined ? [line] : m[1].split(/\s*[,.]\s*(?=(?:[^"']*["'][^"']*["'])*[^"']*$)/).map((x) => (/^"([^]*)"$/.exec(x) ? dq(x.slice(1, -1), line) : /^'([^]*)'$/.exec(x)?.[1] ?? (/^-?\d+(\.\d+)?$/.test(x) ? String(Number(x)) : x === '$_' ? line : null)));
  if (items.includes(null)) return undefined;
  out(items.join(''));
  return line;
}

export const perl: Command = (args, io, sh) => {
  const o = opts(args, 'e');
  if (o.flags.has('v')) {
    const v = /Package: perl-base\n[^]*?Version: (\d+)\.(\d+)\.(\d+)/.exec(readOr(sh.m.fs, '/var/lib/dpkg/status')) ?? ['', '5', '36', '0'];
    return io.out(`\nThis is perl 5, version ${v[2]}, subversion ${v[3]} (v${v[1]}.${v[2]}.${v[3]}) built for x86_64-linux-gnu-thread-multi\n\nCopyright 1987-${2000 + (+v[2] - 36) / 2 + 22}, Larry Wall\n\nPerl may be copied only under the terms of either the Artistic License or the\nGNU General Public License, which may be found in the Perl 5 source kit.\n\nComplete documentation for Perl, including FAQ lists, should be found on\nthis system using "man perl" or "perldoc perl".  If you have access to the\nInternet, point your browser at https://www.perl.org/, the Perl Home Page.\n\n`), 0;
  }
  const code = (o.values.e ?? '').trim().replace(/;$/, '').trim();
  if (o.values.e === undefined) return io.err('perl: este programa solo ejecuta -e, -ne y -pe en el simulador\n'), 2;
  const loop = o.flags.has('n') || o.flags.has('p');
  // a file <> cannot open is a warning and the loop goes on with the next one
  const read = (f: string) => {
    try {
      return sh.m.fs.readFile(f, sh.cwd);
    } catch (e) {
      return io.err(`Can't open ${f}: ${reason(e)}.\n`), '';
    }
  };
  const input = loop ? (o.rest.length ? o.rest.map(read).join('') : io.stdin ?? '') : '';
  let out = '';
  const lines = loop ? input.split(/(?<=\n)/).filter(Boolean) : [''];
  // -l: lines lose their newline and every print gets one
  const nl = o.flags.has('l') ? '\n' : '';
  for (const l of lines) {
    let line: string | undefined = nl ? l.replace(/\n$/, '') : l;
    for (const st of code.split(/\s*;\s*/).filter(Boolean)) {
      line = statement(st, line, (t) => void (out += t + nl));
      if (line === undefined) {
        io.err(`perl: el simulador solo interpreta print y s/// (${st})\n`);
        return 255;
      }
    }
    if (o.flags.has('p')) out += line + nl;
  }
  io.out(out);
  return 0;
};
