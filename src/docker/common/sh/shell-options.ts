/** bash's `set -o` and `shopt` lists: every option by name, on or off, as bash 5.2 prints them. */
import type { IO } from './types';
import type { Shell } from './sh';

const SET_O = 'allexport braceexpand emacs errexit errtrace functrace hashall histexpand history ignoreeof interactive-comments keyword monitor noclobber noexec noglob nolog notify nounset onecmd physical pipefail posix privileged verbose vi xtrace'.split(' ');
const SHOPT = 'autocd assoc_expand_once cdable_vars cdspell checkhash checkjobs checkwinsize cmdhist compat31 compat32 compat40 compat41 compat42 compat43 compat44 complete_fullquote direxpand dirspell dotglob execfail expand_aliases extdebug extglob extquote failglob force_fignore globasciiranges globskipdots globstar gnu_errfmt histappend histreedit histverify hostcomplete huponexit inherit_errexit interactive_comments lastpipe lithist localvar_inherit localvar_unset login_shell mailwarn no_empty_cmd_completion nocaseglob nocasematch noexpand_translation nullglob patsub_replacement progcomp progcomp_alias promptvars restricted_shell shift_verbose sourcepath varredir_close xpg_echo'.split(' ');
// on from the start (bash -c); an interactive shell also has checkwinsize's and these
const SHOPT_ON = /^(checkwinsize|cmdhist|complete_fullquote|extquote|force_fignore|globasciiranges|globskipdots|hostcomplete|interactive_comments|patsub_replacement|progcomp|promptvars|sourcepath)$/;

/** The `set -o NAME` options the shell keeps, by their letter. */
export const SET_LETTER: Record<string, string> = { errexit: 'e', nounset: 'u', xtrace: 'x', pipefail: '|', noclobber: 'C', noglob: 'f' };

const row = (name: string, on: boolean) => `${name.padEnd(15)}\t${on ? 'on' : 'off'}\n`;

export function setOptionOn(sh: Shell, name: string): boolean {
  const i = sh.interactive;
  switch (name) {
    case 'errexit': return sh.errexit;
    case 'nounset': return sh.nounset;
    case 'xtrace': return sh.xtrace;
    case 'pipefail': return sh.pipefail;
    case 'noclobber': return sh.noclobber;
    case 'noglob': return sh.noglob;
    case 'braceexpand': case 'hashall': case 'interactive-comments': return true;
    case 'emacs': case 'histexpand': case 'history': case 'monitor': return i;
    default: return false;
  }
}

/** `set -o` (a table) and `set +o` (the commands that set it again). */
export const setOptionList = (sh: Shell, plus: boolean): string => SET_O.map((n) => (plus ? `set ${setOptionOn(sh, n) ? '-' : '+'}o ${n}\n` : row(n, setOptionOn(sh, n)))).join('');

export const isSetOption = (name: string): boolean => SET_O.includes(name);

/** `shopt [-s|-u|-q|-p] [NAME…]`: bash's other options; only nullglob and expand_aliases change what the shell does. */
export function shopt(argv: string[], io: IO, sh: Shell): number {
  let k = 1;
  let mode = '';
  for (; /^-[supqo]+$/.test(argv[k] ?? ''); k++) mode += argv[k].slice(1);
  if (/^-./.test(argv[k] ?? '')) {
    io.err(`${sh.prefix()}: shopt: ${argv[k].slice(0, 2)}: invalid option\nshopt: usage: shopt [-pqsu] [-o] [optname ...]\n`);
    return 2;
  }
  const on = (n: string) => sh.shopts.has(n) || (SHOPT_ON.test(n) && !sh.shopts.has('-' + n));
  const names = argv.slice(k);
  let status = 0;
  for (const n of names) {
    if (SHOPT.includes(n)) continue;
    io.err(`${sh.prefix()}: shopt: ${n}: invalid shell option name\n`);
    status = 1;
  }
  if (status) return status;
  const set = mode.includes('s') ? true : mode.includes('u') ? false : undefined;
  if (set !== undefined && names.length) {
    for (const n of names) {
      sh.shopts.delete(set ? '-' + n : n);
      if (set !== SHOPT_ON.test(n)) sh.shopts.add(set ? n : '-' + n);
    }
    return 0;
  }
  const shown = (names.length ? names : SHOPT).filter((n) => set === undefined || on(n) === set);
  if (!mode.includes('q')) io.out(shown.map((n) => (mode.includes('p') ? `shopt ${on(n) ? '-s' : '-u'} ${n}\n` : row(n, on(n)))).join(''));
  return names.every(on) ? 0 : 1;
}
