/** Linux signal names in number order: HUP is 1, SYS is 31. */
const SIGNALS = ('HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP ' +
  'TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO PWR SYS').split(' ');

/** `SIGTERM`, `TERM`, `15` → 15; undefined when invalid (32 and 33 are glibc's, not a Linux name). */
export function parseSignal(s: string): number | undefined {
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return n >= 1 && n <= 64 && n !== 32 && n !== 33 ? n : undefined;
  }
  const index = SIGNALS.indexOf(s.toUpperCase().replace(/^SIG/, ''));
  return index < 0 ? undefined : index + 1;
}

/** The name of signal `n` without SIG, as `kill -l N` says it; realtime ones relative to RTMIN and RTMAX. */
export function signalName(n: number): string | undefined {
  if (n >= 1 && n <= 31) return SIGNALS[n - 1];
  if (n < 34 || n > 64) return undefined;
  return n === 34 ? 'RTMIN' : n === 64 ? 'RTMAX' : n <= 49 ? `RTMIN+${n - 34}` : `RTMAX-${64 - n}`;
}

/** `kill -l`: bash's table of five a line, or one name a line for dash, or busybox's numbered list. */
export function signalList(flavor: 'bash' | 'dash' | 'ash'): string {
  const nums = [...Array(64).keys()].map((i) => i + 1).filter((n) => signalName(n));
  if (flavor === 'dash') return nums.filter((n) => n < 32).map((n) => signalName(n) + '\n').join('');
  if (flavor === 'ash') return nums.filter((n) => n < 32).map((n) => `${String(n).padStart(2)}) ${signalName(n)}\n`).join('');
  return nums.map((n, i) => `${String(n).padStart(2)}) SIG${signalName(n)}${(i + 1) % 5 ? '\t' : '\n'}`).join('') + '\n';
}

/** Signals whose default action ends a process (one that is not a namespace's init). */
export const FATAL = [1, 2, 3, 6, 10, 12, 13, 14, 15];

/** kill's operands, read once for the builtin and the program: `-9`, `-KILL`, `-s SIG`, `-n NUM` name the signal, `--` ends the options. */
export function killArgs(args: string[]): { spec?: string; pids: string[] } {
  let spec: string | undefined;
  const pids: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-s' || a === '-n') spec = args[++i] ?? '';
    else if (a === '--') return { spec, pids: pids.concat(args.slice(i + 1)) };
    else if (/^-\w/.test(a) && !pids.length) spec = a.slice(1);
    else pids.push(a);
  }
  return { spec, pids };
}
