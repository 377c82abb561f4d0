/** gettext's envsubst: `$VAR` and `${VAR}` replaced from the environment, or only those a format names. */
import { opts } from '../../common/sh/opts';
import type { Fs } from '../../common/sh/fs';
import type { Command } from './types';
import { gnuVersion } from '../../common/sh/gnu-version';

const VAR = /\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g;

/** The variables a shell format names (`'$A ${B}'`). */
export const named = (format: string) => new Set([...format.matchAll(VAR)].map((m) => m[1] ?? m[2]));

/** `text` with the variables of `only` (all when none given) replaced; an unset one is empty. */
export const substitute = (text: string, env: Map<string, string>, only?: Set<string>) =>
  text.replace(VAR, (m, a?: string, b?: string) => (!only || only.has(a ?? b!) ? env.get(a ?? b!) ?? '' : m));

export const envsubst: Command = (args, io, sh) => {
  const o = opts(args);
  if (o.flags.has('--version') || o.flags.has('V')) return io.out(gnuVersion('envsubst (GNU gettext-runtime) 0.21', '2003-2020', 'https://gnu.org/licenses/gpl.html>') + 'Written by Bruno Haible.\n'), 0;
  const [format, more] = o.rest;
  if (more !== undefined || (o.flags.has('v') && format === undefined)) return io.err(`envsubst: ${more === undefined ? 'missing' : 'too many'} arguments\nTry 'envsubst --help' for more information.\n`), 1;
  const only = format === undefined ? undefined : named(format);
  if (o.flags.has('v')) return io.out([...only!].map((n) => n + '\n').join('')), 0;
  io.out(substitute(io.stdin ?? '', new Map(sh.env()), only));
  return 0;
};

/**
 * nginx's 20-envsubst-on-templates.sh: each /etc/nginx/templates/**\/*.template becomes the file of
 * that path under /etc/nginx/conf.d, with only the variables the environment defines replaced
 * (nginx's own `$host` stays).
 */
export function nginxTemplates(fs: Fs, env: string[], log: (t: string) => void, rel = '', vars?: Map<string, string>): void {
  const dir = '/etc/nginx/templates' + rel;
  const parts = dir.split('/').filter(Boolean);
  // no exception to catch at each start of an nginx that has no templates
  if (fs.find(parts)?.kind !== 'dir') return;
  const kids = fs.list(parts);
  vars ??= new Map(env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  for (const [name, node] of [...kids].sort()) {
    if (node.kind === 'dir') nginxTemplates(fs, env, log, `${rel}/${name}`, vars);
    else if (name.endsWith('.template')) {
      const out = `/etc/nginx/conf.d${rel}/${name.slice(0, -9)}`;
      log(`20-envsubst-on-templates.sh: Running envsubst on ${dir}/${name} to ${out}\n`);
      fs.mkdir(`/etc/nginx/conf.d${rel}`, '/', true);
      fs.writeFile(out, substitute(fs.readFile(`${dir}/${name}`), vars, new Set(vars.keys())));
    }
  }
}
