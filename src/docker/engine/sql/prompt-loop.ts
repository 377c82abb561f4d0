import type { IO, ShellLike } from '../shell/types';

/** A client's session typed at a container shell's prompt: each line is asked for in turn until `line` ends it (false). */
export function promptLoop(sh: ShellLike, prompt: () => string, line: (text: string, io: IO) => boolean): void {
  const next = (): void => sh.ask?.(prompt(), async (text, io) => (line(text, io) && next(), 0));
  next();
}
