/**
 * bash 5.2's `help`: the list of its builtins and keywords. Their texts (`help NAME`, `-d`, `-s`)
 * would weigh several times the rest of the shell's messages, so they are refused rather than
 * half answered.
 */
import { bashBanner, bashVersion } from './text';
import type { IO } from './types';
import type { Shell } from './sh';

/** The synopses in bash's table order, each cut after 38 characters: all a list of 80 columns shows. */
const TOPICS = `job_spec [&]
(( expression ))
. filename [arguments]
:
[ arg... ]
[[ expression ]]
alias [-p] [name[=value] ... ]
bg [job_spec ...]
bind [-lpsvPSVX] [-m keymap] [-f filen
break [n]
builtin [shell-builtin [arg ...]]
caller [expr]
case WORD in [PATTERN [| PATTERN]...) 
cd [-L|[-P [-e]] [-@]] [dir]
command [-pVv] command [arg ...]
compgen [-abcdefgjksuv] [-o option] [-
complete [-abcdefgjksuv] [-pr] [-DEI] 
compopt [-o|+o option] [-DEI] [name ..
continue [n]
coproc [NAME] command [redirections]
declare [-aAfFgiIlnrtux] [name[=value]
dirs [-clpv] [+N] [-N]
disown [-h] [-ar] [jobspec ... | pid .
echo [-neE] [arg ...]
enable [-a] [-dnps] [-f filename] [nam
eval [arg ...]
exec [-cl] [-a name] [command [argumen
exit [n]
export [-fn] [name[=value] ...] or exp
false
fc [-e ename] [-lnr] [first] [last] or
fg [job_spec]
for NAME [in WORDS ... ] ; do COMMANDS
for (( exp1; exp2; exp3 )); do COMMAND
function name { COMMANDS ; } or name (
getopts optstring name [arg ...]
hash [-lr] [-p pathname] [-dt] [name .
help [-dms] [pattern ...]
history [-c] [-d offset] [n] or histor
if COMMANDS; then COMMANDS; [ elif COM
jobs [-lnprs] [jobspec ...] or jobs -x
kill [-s sigspec | -n signum | -sigspe
let arg [arg ...]
local [option] name[=value] ...
logout [n]
mapfile [-d delim] [-n count] [-O orig
popd [-n] [+N | -N]
printf [-v var] format [arguments]
pushd [-n] [+N | -N | dir]
pwd [-LP]
read [-ers] [-a array] [-d delim] [-i 
readarray [-d delim] [-n count] [-O or
readonly [-aAf] [name[=value] ...] or 
return [n]
select NAME [in WORDS ... ;] do COMMAN
set [-abefhkmnptuvxBCEHPT] [-o option-
shift [n]
shopt [-pqsu] [-o] [optname ...]
source filename [arguments]
suspend [-f]
test [expr]
time [-p] pipeline
times
trap [-lp] [[arg] signal_spec ...]
true
type [-afptP] name [name ...]
typeset [-aAfFgiIlnrtux] name[=value] 
ulimit [-SHabcdefiklmnpqrstuvxPRT] [li
umask [-p] [-S] [mode]
unalias [-a] name [name ...]
unset [-f] [-v] [-n] [name ...]
until COMMANDS; do COMMANDS-2; done
variables - Names and meanings of some
wait [-fn] [-p var] [id ...]
while COMMANDS; do COMMANDS-2; done
{ COMMANDS ; }`.split('\n');

/** The table in two columns of half the width `w`, cut with a `>`. */
function table(w: number): string {
  const h = (TOPICS.length + 1) >> 1;
  let o = '';
  for (let i = 0; i < h; i++) {
    const cell = (s: string, n: number) => ' ' + (s.length >= n ? s.slice(0, n) + '>' : s);
    o += (i + h < TOPICS.length ? cell(TOPICS[i], w - 3).padEnd(w) + cell(TOPICS[i + h], w - 4) : cell(TOPICS[i], w - 3)) + '\n';
  }
  return o;
}

export function help(argv: string[], io: IO, sh: Shell): number {
  const v = bashVersion(sh.m.fs);
  // half the width of COLUMNS, else of the terminal, else of 80
  const w = Math.min((+(sh.getVar('COLUMNS') ?? 0) || (io.tty && io.columns) || 80) >> 1, 128);
  const bad = /^-.*?([^dms])/.exec(argv[1] ?? '');
  if (bad && argv[1] !== '--') return io.err(`${sh.prefix()}: help: -${bad[1]}: invalid option\nhelp: usage: help [-dms] [pattern ...]\n`), 2;
  // other releases (and busybox) have other builtins; the list shows no more of them than 38 characters
  if (sh.flavor !== 'bash' || !v.startsWith('5.2') || argv.length > 1 || w > 41) return io.err('help: el simulador solo muestra la lista de órdenes (help), en terminales de hasta 80 columnas\n'), 2;
  io.out(`${bashBanner(v)}\nThese shell commands are defined internally.  Type \`help' to see this list.\nType \`help name' to find out more about the function \`name'.\nUse \`info bash' to find out more about the shell in general.\nUse \`man -k' or \`info' to find out more about commands not in this list.\n\nA star (*) next to a name means that the command is disabled.\n\n` + table(w));
  return 0;
}
