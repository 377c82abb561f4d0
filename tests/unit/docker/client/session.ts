/** A whole simulated machine (engine and host shell) and a runner that records one line's output. */
import { createShell } from '../../../../src/docker/index';
import type { TermIO } from '../../../../src/docker/shell';

export interface Result { out: string; err: string; exit: number }

export function session(seed = 3) {
  const sh = createShell({ seed });
  const run = async (line: string, extra: Partial<TermIO> = {}): Promise<Result> => {
    const r = { out: '', err: '', exit: 0 };
    const io: TermIO = { out: (t) => { r.out += t; }, err: (t) => { r.err += t; }, tty: false, sleep: () => Promise.resolve(), ...extra };
    r.exit = await sh.run(line, io);
    return r;
  };
  // the shell at hand, for what the terminal shows between lines (prompt, echo)
  return Object.assign(run, { shell: sh });
}
