/**
 * `trap`: what a shell runs when a signal arrives or when it exits, in bash's, dash's and busybox
 * ash's words. A caught signal's action runs between commands, as the real shells defer it.
 */
import type { IO } from './types';
import type { Shell } from './sh';
import { parseSignal, signalList, signalName } from './signals';

/** bash's pseudo-signals after the 64 real ones, in the order `trap -p` lists them. */
const PSEUDO = ['DEBUG', 'ERR', 'RETURN'];

/** A trap's condition as each shell reads it: 0 is EXIT; dash wants no SIG prefix, busybox knows ERR but not DEBUG. */
function condition(sh: Shell, s: string): number | undefined {
  const up = s.toUpperCase();
  if (up === 'EXIT' || s === '0') return 0;
  const k = PSEUDO.indexOf(up);
  if (k >= 0) return sh.flavor === 'bash' || (k === 1 && sh.flavor === 'ash') ? 65 + k : undefined;
  return sh.flavor === 'dash' && up.startsWith('SIG') ? undefined : parseSignal(s);
}

/** One line of the listing: bash quotes with '\'' and names SIGTERM, dash and busybox use '"'"' and TERM. */
function shown(sh: Shell, n: number, action: string): string {
  const bash = sh.flavor === 'bash';
  const name = n ? PSEUDO[n - 65] ?? (bash ? 'SIG' : '') + signalName(n) : 'EXIT';
  return `trap -- '${action.replace(/'/g, bash ? "'\\''" : `'"'"'`)}' ${name}\n`;
}

export function trap(argv: string[], io: IO, sh: Shell): number {
  const traps = (sh.traps ??= new Map());
  const bash = sh.flavor === 'bash';
  let args = argv.slice(1);
  let list = false;
  for (; /^-./.test(args[0] ?? ''); args = args.slice(1)) {
    if (args[0] === '--') {
      args = args.slice(1);
      break;
    }
    if (bash && /^-[lp]+$/.test(args[0])) {
      if (args[0].includes('l')) return io.out(signalList('bash')), 0;
      list = true;
      continue;
    }
    if (bash) return io.err(`${sh.prefix()}: trap: ${args[0].slice(0, 2)}: invalid option\ntrap: usage: trap [-lp] [[arg] signal_spec ...]\n`), 2;
    // dash's and busybox's nextopt know no option at all: an error that ends a script
    io.err(sh.flavor === 'dash' ? `${sh.prefix()}: trap: Illegal option ${args[0].slice(0, 2)}\n` : `${sh.argv0}: trap: ${sh.interactive ? '' : `line ${sh.lineNo}: `}illegal option ${args[0].slice(0, 2)}\n`);
    if (!sh.interactive) sh.exit(2);
    return 2;
  }
  const bad = (s: string) => io.err(sh.flavor === 'dash' ? `trap: ${s}: bad trap\n` : sh.flavor === 'ash' ? `${sh.argv0}: trap: ${sh.interactive ? '' : `line ${sh.lineNo}: `}${s}: invalid signal specification\n` : `${sh.prefix()}: trap: ${s}: invalid signal specification\n`);
  if (!args.length || list) {
    let status = 0;
    const only = args.map((s) => condition(sh, s) ?? (bad(s), (status = 1), -1));
    for (const [n, action] of [...traps].sort((a, b) => a[0] - b[0])) if (!args.length || only.includes(n)) io.out(shown(sh, n, action));
    return status;
  }
  // a lone condition, or a first operand that is a number, resets; `-` resets, '' ignores
  const reset = args.length === 1 || (!bash && /^\d+$/.test(args[0])) || args[0] === '-';
  if (bash && args.length === 1 && condition(sh, args[0]) === undefined) return io.err('trap: usage: trap [-lp] [[arg] signal_spec ...]\n'), 2;
  const action = reset ? undefined : args[0];
  let status = 0;
  for (const s of args.slice(reset && args[0] !== '-' ? 0 : 1)) {
    const n = condition(sh, s);
    if (n === undefined) {
      bad(s);
      status = 1;
      // dash stops at the first bad one
      if (sh.flavor === 'dash') break;
    } else if (action === undefined) traps.delete(n);
    else traps.set(n, action);
  }
  return status;
}

/** The actions of the signals caught since the last command; `$?` is as it was after each. */
export async function runTraps(sh: Shell, io: IO): Promise<void> {
  for (let sig; (sig = sh.caught?.shift()) !== undefined && !sh.exited; ) {
    const status = sh.status;
    const action = sh.traps?.get(sig);
    // no action of its own: a terminating signal bash caught for its EXIT trap
    if (action === undefined) sh.exit(128 + sig);
    else await trapAction(sh, action, io);
    sh.status = status;
  }
}

/** A trap's action runs with `$BASH_COMMAND` still the command it interrupted. */
export async function trapAction(sh: Shell, action: string, io: IO, nested = false): Promise<void> {
  sh.frozen++;
  try {
    await sh.run(action, io, nested);
  } finally {
    sh.frozen--;
  }
}

/**
 * The EXIT trap, once, as the shell ends: `$?` is the exit status, which stays unless the action
 * exits. Then what an `exec > >(…)` kept open reads all the shell wrote to it (its pipe closes).
 */
export async function exitTrap(sh: Shell, io: IO): Promise<void> {
  const action = sh.traps?.get(0);
  if (action !== undefined) {
    sh.traps!.delete(0);
    const code = sh.exitCode ?? sh.status;
    sh.exitCode = null;
    sh.status = code;
    await trapAction(sh, action, io);
    sh.exitCode ??= code;
  }
  await sh.closeExec();
}
