/**
 * `npm run sim`: the simulated Docker in a terminal.
 *   interactive prompt when stdin is a terminal;
 *   otherwise one command line per input line, printed as a transcript (`--json`: one JSON object
 *   per line with prompt, input, stdout, stderr and exit).
 * Options: --seed N (deterministic IDs, names, clock), --json, --no-tty (input treated as not a
 * terminal: plain pull output, `-it` refused), --columns N.
 * In a scenario, lines after `docker run -it …` go to the container until it exits; a line `^P^Q`
 * detaches (Ctrl+P Ctrl+Q) and a line `^D` sends end-of-input (Ctrl+D). Lines starting with `#`
 * are comments.
 */
import { createInterface } from 'node:readline';
import { createShell } from '../docker/index';
import { flatten, isComment, step } from '../docker/client/script';
import type { TermIO } from '../docker/shell';

function usage(): never {
  process.stderr.write('uso: npm run sim -- [--seed N] [--json] [--no-tty] [--columns N] < escenario.txt\n');
  process.exit(2);
}

const argv = process.argv.slice(2);
let seed: number | undefined;
let json = false;
let tty = true;
let columns = 80;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--seed') seed = Number(argv[++i]);
  else if (a.startsWith('--seed=')) seed = Number(a.slice(7));
  else if (a === '--json') json = true;
  else if (a === '--no-tty') tty = false;
  else if (a === '--columns') columns = Number(argv[++i]);
  else usage();
  if (seed !== undefined && !Number.isInteger(seed)) usage();
  if (!Number.isInteger(columns) || columns < 20) usage();
}

const shell = createShell({ seed });

// A reader that stops early (`npm run sim < pasos.txt | head`) closes the pipe: that ends the
// run quietly, as it does for any Unix tool, rather than with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

if (process.stdin.isTTY) {
  await interactive();
} else {
  await batch();
}

async function batch(): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (isComment(line, shell)) continue;
    const s = await step(shell, line, { tty, columns });
    if (json) {
      process.stdout.write(JSON.stringify({ prompt: s.prompt, input: s.input, stdout: flatten(s.stdout), stderr: flatten(s.stderr), exit: s.exit }) + "\n");
    } else {
      process.stdout.write(s.prompt + s.input + '\n' + (s.screen && !s.screen.endsWith('\n') ? s.screen + '\n' : s.screen));
    }
  }
}

async function interactive(): Promise<void> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: true,
    completer: (line: string) => {
      const c = shell.complete(line, line.length);
      return [c.candidates.map((x) => line.slice(0, c.start) + x), line];
    },
  });
  // A password prompt (`docker login`): readline still edits the line, but only the prompt and
  // the line ends reach the screen. _writeToOutput is readline's one way to the terminal.
  const rlOut = rl as unknown as { _writeToOutput(s: string): void };
  const show = rlOut._writeToOutput.bind(rl);
  rlOut._writeToOutput = (s: string) => {
    if (shell.echo?.() !== false) show(s);
    else if (s.includes(shell.prompt())) show(s.slice(0, s.indexOf(shell.prompt()) + shell.prompt().length));
    else if (/^[\r\n]+$/.test(s)) show(s);
  };
  let controller = new AbortController();
  // Where the cursor stands: after a ^C mid-line the prompt goes on the next line, as bash does.
  let atLineStart = true;
  const write = (s: NodeJS.WriteStream, t: string) => {
    if (t) atLineStart = t.endsWith('\n');
    s.write(t.replace(/\r?\n/g, '\r\n'));
  };
  const io: TermIO = {
    out: (t) => write(process.stdout, t),
    err: (t) => write(process.stderr, t),
    tty: true,
    get columns() {
      return process.stdout.columns ?? 80;
    },
    // Ctrl+C ends a wait at once: the program then stops, or prints what it prints on SIGINT.
    sleep: (ms) => {
      const signal = controller.signal;
      return new Promise<void>((r) => {
        const done = () => (clearTimeout(t), signal.removeEventListener('abort', done), r());
        const t = setTimeout(done, ms);
        signal.addEventListener('abort', done);
      });
    },
    get signal() {
      return controller.signal;
    },
  };
  let busy = false;
  const interruptible = shell as typeof shell & { interrupt?(io: TermIO): Promise<void> };
  rl.on('SIGINT', () => {
    if (busy) {
      // readline keeps the tty raw, so the ^C a tty echoes is written here
      if (!controller.signal.aborted) write(process.stdout, '^C');
      controller.abort();
    }
    else if (shell.prompt() !== '$ ' && interruptible.interrupt) {
      // A process in a container (or a y/N question) decides what Ctrl+C means.
      rl.write(null, { ctrl: true, name: 'u' });
      void interruptible.interrupt(io).then(() => {
        rl.setPrompt(shell.prompt());
        rl.prompt();
      });
    } else {
      process.stdout.write('^C\n');
      rl.write(null, { ctrl: true, name: 'u' });
      rl.setPrompt(shell.prompt());
      rl.prompt();
    }
  });
  // Ctrl+P Ctrl+Q detaches from a container, as docker's default detach keys do.
  let lastCtrlP = false;
  process.stdin.on('keypress', (_s: string, key: { ctrl?: boolean; name?: string }) => {
    if (key?.ctrl && key.name === 'p') lastCtrlP = true;
    else if (key?.ctrl && key.name === 'q' && lastCtrlP && shell.inContainer()) {
      lastCtrlP = false;
      void shell.detach(io).then(() => {
        rl.setPrompt(shell.prompt());
        rl.prompt();
      });
    } else lastCtrlP = false;
  });
  rl.setPrompt(shell.prompt());
  rl.prompt();
  rl.on('close', async () => {
    if (shell.inContainer()) await shell.eof(io);
    process.stdout.write('\n');
    process.exit(0);
  });
  for await (const line of rl) {
    busy = true;
    controller = new AbortController();
    await shell.run(line, io);
    if (controller.signal.aborted && !atLineStart) write(process.stdout, '\n');
    atLineStart = true;
    busy = false;
    rl.setPrompt(shell.prompt());
    rl.prompt();
  }
}
