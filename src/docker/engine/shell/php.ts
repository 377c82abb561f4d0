/**
 * php of the php images: its version banner, its modules, and code that only echoes or prints
 * strings and numbers (`php -r`, a file, the `<?php ?>` blocks of a page Apache serves).
 */
import type { Command, ShellLike } from './types';

const phpVersion = (sh: ShellLike) => sh.getVar('PHP_VERSION') ?? '8.4.8';
const MODULES = 'Core ctype curl date dom fileinfo filter hash iconv json libxml mbstring mysqlnd openssl pcre PDO pdo_sqlite Phar posix random readline Reflection session SimpleXML sodium SPL sqlite3 standard tokenizer xml xmlreader xmlwriter zlib';
const TOKEN = /\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\d+(?:\.\d+)?|[A-Za-z_]\w*\s*(?:\(\s*\))?|[.,()])/y;
const unquote = (t: string) => (t[0] === "'" ? t.slice(1, -1).replace(/\\(['\\])/g, '$1') : t.slice(1, -1).replace(/\\([nt\\"$])/g, (_, c: string) => ({ n: '\n', t: '\t' })[c] ?? c));

/** What `code` prints, or null when it does more than echo and print. */
export function phpRun(code: string, v: string): string | null {
  let out = '';
  for (const st of code.match(/(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^;'"])+/g) ?? []) {
    const m = /^\s*(echo|print)\b\s*(.*)$/s.exec(st);
    if (!m) {
      if (!st.trim()) continue;
      return null;
    }
    const vals: string[] = [];
    let cur = '';
    const src = m[2].trim();
    for (let at = 0; src.slice(at).trim(); at = TOKEN.lastIndex) {
      TOKEN.lastIndex = at;
      const t = TOKEN.exec(src)?.[1].trim();
      if (!t) return null;
      if (t === ',' && m[1] === 'echo') (vals.push(cur), (cur = ''));
      else if (/^['"]/.test(t)) cur += unquote(t);
      else if (/^\d/.test(t)) cur += String(Number(t));
      else if (/^PHP_EOL$/.test(t)) cur += '\n';
      else if (/^PHP_VERSION$|^phpversion\s*\(\s*\)$/.test(t)) cur += v;
      else if (!/^[.()]$/.test(t)) return null;
    }
    out += [...vals, cur].join('');
  }
  return out;
}

/** A page: its text with each `<?php … ?>` or `<?= … ?>` block replaced by what it prints. */
export const phpPage = (src: string, v: string): string | null => {
  let bad = false;
  const r = src.replace(/<\?(php\b|=)([\s\S]*?)(\?>\n?|$)/g, (_, k: string, code: string) => phpRun(k === '=' ? `echo ${code};` : code, v) ?? ((bad = true), ''));
  return bad ? null : r;
};

const LIMITED = 'php: el simulador solo ejecuta echo y print de textos y números\n';

export const php: Command = (a, io, sh) => {
  const v = phpVersion(sh);
  const [flag, arg] = [a[1] ?? '', a[2]];
  if (/^(-v|--version)$/.test(flag)) {
    io.out(`PHP ${v} (cli) (built: Jun  6 2025 17:51:04) (NTS)\nCopyright (c) The PHP Group\n${v >= '8.4' ? 'Built by https://github.com/docker-library/php\n' : ''}Zend Engine v4.${v.split('.')[1]}.${v.split('.')[2]}, Copyright (c) Zend Technologies\n`);
    return 0;
  }
  if (flag === '-m') return io.out(`[PHP Modules]\n${MODULES.replace(/ /g, '\n')}\n\n[Zend Modules]\n\n`), 0;
  if (flag === '-a') return io.out('Interactive shell\n\n'), 0;
  let out: string | null;
  if (flag === '-r' && arg !== undefined) {
    // the code's last statement needs its `;` (a file's ends at `?>` or the end)
    if (!/;\s*$/.test(arg) && arg.trim()) {
      const e = 'syntax error, unexpected end of file, expecting "," or ";" in Command line code on line 1';
      io.err(`PHP Parse error:  ${e}\n`);
      io.out(`\nParse error: ${e}\n`);
      return 255;
    }
    out = phpRun(arg, v);
  } else if (flag && !flag.startsWith('-')) {
    let src: string;
    try {
      src = sh.m.fs.readFile(flag, sh.cwd);
    } catch {
      io.out(`Could not open input file: ${flag}\n`);
      return 1;
    }
    out = phpPage(src, v);
  } else return io.err(LIMITED), 1;
  if (out === null) return io.err(LIMITED), 1;
  io.out(out);
  return 0;
};
