/** A whole machine on a terminal for the mongosh tests: each line's screen output, and Ctrl+D. */
import { createShell } from '../../../../src/docker/index';
import type { TermIO } from '../../../../src/docker/shell';

export async function session(state?: string) {
  const sh = createShell({ seed: 3, state });
  const screen = () => {
    const t = { text: '' };
    const io: TermIO = { out: (x) => void (t.text += x), err: (x) => void (t.text += x), tty: true, columns: 80, sleep: async () => {} };
    return [t, io] as const;
  };
  const run = async (line: string) => {
    const [t, io] = screen();
    await sh.run(line, io);
    return t.text;
  };
  const eof = async () => {
    const [t, io] = screen();
    await sh.eof(io);
    return t.text;
  };
  return { sh, run, eof };
}
