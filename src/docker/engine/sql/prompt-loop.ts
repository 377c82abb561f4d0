import type { IO, ShellLike } from '../shell/types';

/** What a client's line (or Ctrl+D) answers: true goes on asking, otherwise the client's exit status (false: 0). */
type Step = (text: string, io: IO) => boolean | number;

/**
 * A client's session typed at a container shell's prompt: each line is asked for in turn until `line`
 * ends it. Ctrl+D goes to `eof` and ends that client only; `secret` hides the line (a password);
 * Ctrl+C goes to `int` (none: it ends the client).
 */
export function promptLoop(sh: ShellLike, prompt: () => string, line: Step, eof?: (io: IO) => boolean | number, secret?: () => boolean, int?: () => void): void {
  const step = (r: boolean | number) => (r === true ? (next(), 0) : +r);
  const next = (): void => {
    const hide = secret?.();
    // Ctrl+C at a password ends the client; at its own prompt `int` clears what it was reading
    sh.ask?.(prompt(), async (text, io) => step(line(text, io)), { secret: hide, eof: async (io) => step(eof ? eof(io) : false), int: hide || !int ? undefined : () => (int(), next()) });
  };
  next();
}
