/** Option parsing and usage messages shared by the container programs. */
import type { IO } from './types';

/** The head of a busybox applet's usage: the banner of the machine's busybox (see busybox.ts). */
export const bbHead = (io: IO) => `${io.bb?.() ?? 'BusyBox v1.37.0'} multi-call binary.\n\nUsage: `;
/** What busybox applets print when called wrongly. */
export const usage = (io: IO, text: string) => io.err(`${bbHead(io)}${text}\n`);

/** Splits `-abc` style options; stops at `--` or the first operand. */
export function opts(args: string[], withValue = ''): { flags: Set<string>; values: Record<string, string>; all: Record<string, string[]>; rest: string[]; bad?: string } {
  const flags = new Set<string>();
  const values: Record<string, string> = {};
  // every value of a repeated option (`grep -e A -e B`), where `values` keeps the last
  const all: Record<string, string[]> = {};
  const rest: string[] = [];
  let i = 1;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      flags.add(a);
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if (withValue.includes(f)) {
        values[f] = a.slice(j + 1) || args[++i] || '';
        (all[f] ??= []).push(values[f]);
        break;
      }
      flags.add(f);
    }
  }
  rest.push(...args.slice(i));
  return { flags, values, all, rest };
}

