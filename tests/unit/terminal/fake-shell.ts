// A stand-in for the simulator's shell with just enough behaviour to drive the terminal's logic:
// echo, a slow command that honours Ctrl+C, failure, entering and leaving a "container".
import { InvalidState, type Shell, type ShellOptions, type TermIO } from '../../../src/docker/shell';

export class FakeShell implements Shell {
  ran: string[] = [];
  container: string | null = null;
  images: string[] = [];
  /** What `pull` did inside the "container" (so tests can tell host from container). */
  insideContainer: string[] = [];

  constructor(opts: ShellOptions = {}) {
    if (opts.state !== undefined) {
      let s: { fake?: boolean; ran?: string[]; images?: string[] };
      try {
        s = JSON.parse(opts.state);
      } catch {
        throw new InvalidState('corrupt');
      }
      if (!s || s.fake !== true) throw new InvalidState('foreign');
      this.ran = s.ran ?? [];
      this.images = s.images ?? [];
    }
  }

  question: string | null = null;
  /** The question asks for a line that is not shown as typed. */
  secret = false;

  echo(): boolean {
    return !(this.question && this.secret);
  }

  interrupted = 0;

  prompt(): string {
    if (this.question) return this.question;
    return this.container ? `root@${this.container}:/# ` : '$ ';
  }

  async interrupt(io: TermIO): Promise<void> {
    this.interrupted++;
    if (this.question) {
      this.question = null;
      io.out('^C\n');
    } else if (this.container) io.out('^C\n');
  }

  inContainer(): boolean {
    return this.container !== null;
  }

  async run(line: string, io: TermIO): Promise<number> {
    this.ran.push(line);
    if (this.question) {
      this.question = null;
      io.out(line.trim() === 'y' ? 'Deleted\n' : '');
      return 0;
    }
    const [cmd, ...args] = line.trim().split(/\s+/);
    if (cmd === 'echo') {
      io.out(args.join(' ') + '\n');
      return 0;
    }
    if (cmd === 'pull' && this.container) {
      this.insideContainer.push(args[0]);
      return 0;
    }
    if (cmd === 'pull') {
      this.images.push(args[0]);
      io.out(`pulled ${args[0]}\n`);
      return 0;
    }
    if (cmd === 'images') {
      io.out(this.images.join('\n') + (this.images.length ? '\n' : ''));
      return 0;
    }
    if (cmd === 'slow' || cmd === 'slower') {
      for (let i = 0; i < (cmd === 'slow' ? 10 : 100000); i++) {
        if (io.signal?.aborted) return 130;
        io.out(`tick ${i}\n`);
        await io.sleep(100);
      }
      io.out('done\n');
      return 0;
    }
    if (cmd === 'pinger') {
      // as ping: replies until Ctrl+C, then its statistics
      for (let i = 1; !io.signal?.aborted; i++) {
        io.out(`reply ${i}\n`);
        await io.sleep(100);
      }
      io.out('\n--- statistics ---\n');
      return 0;
    }
    if (cmd === 'password') {
      this.question = 'Password: ';
      this.secret = true;
      return 0;
    }
    if (cmd === 'prune') {
      this.question = 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ';
      return 0;
    }
    if (cmd === 'enter') {
      if (!io.tty) {
        io.err('the input device is not a TTY\n');
        return 1;
      }
      this.container = 'abcdef123456';
      return 0;
    }
    if (cmd === 'exit' && this.container) {
      this.container = null;
      return 0;
    }
    if (cmd === 'progress') {
      io.out('layer: waiting');
      await io.sleep(10);
      io.out('\r\x1b[Klayer: done\n');
      return 0;
    }
    io.err(`${cmd}: command not found\n`);
    return 127;
  }

  async eof(io: TermIO): Promise<void> {
    if (this.container) {
      io.out('exit\n');
      this.container = null;
    }
  }

  async detach(_io: TermIO): Promise<void> {
    this.container = null;
  }

  complete(line: string, cursor: number): { start: number; candidates: string[] } {
    const before = line.slice(0, cursor);
    const start = before.lastIndexOf(' ') + 1;
    const word = before.slice(start);
    const all = ['echo', 'enter', 'exit', 'images', 'pull', 'progress', 'slow', 'slower'];
    return { start, candidates: all.filter((c) => c.startsWith(word)) };
  }

  save(): string {
    return JSON.stringify({ fake: true, ran: this.ran, images: this.images });
  }
}

export class MemoryStore {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}
