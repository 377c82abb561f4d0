/**
 * The `docker` command: finds the (sub)command as cobra does (aliases, management forms),
 * parses its flags, checks its argument count with docker/cli's own messages, prints help, and
 * turns daemon errors into `Error response from daemon: …`.
 */
import { ApiError, type DockerApi, type ProcessHandle } from '../api';
import type { TermIO } from '../shell';
import { COMMANDS, GROUPS, type Spec } from './command-table';
import { FlagError, flagsFromHelp, parseFlags, type FlagDef, type Flags } from './flags';
import { CliError } from './errors';
import { HELP } from './help-texts';
import type { HostShell } from './shell/host-shell';

export interface Ctx {
  api: DockerApi;
  io: TermIO;
  /** Piped or redirected input, null for the terminal. */
  stdin: string | null;
  sh: HostShell;
  /** The command path cobra would show: `docker container ls` for `docker ps` is `docker ps`. */
  path: string;
  /** Hands the terminal to a container process (`run -it`, `exec -it`, `attach`). */
  enter(handle: ProcessHandle): void;
}

export type Handler = (ctx: Ctx, flags: Flags, args: string[]) => Promise<number>;

export { CliError };

export const VERSION_LINE = 'Docker version 28.2.2, build e6534b4\n';
const ROOT_USAGE = 'docker [OPTIONS] COMMAND';

const flagCache = new Map<string, FlagDef[]>();
function flagsOf(helpKey: string): FlagDef[] {
  let defs = flagCache.get(helpKey);
  if (!defs) flagCache.set(helpKey, (defs = flagsFromHelp(HELP[helpKey])));
  return defs;
}

/** The path printed in a help text's Usage line (`docker run`, `docker container inspect`). */
function basePath(text: string): string {
  return /^Usage: {2}(docker(?: [a-z]+)*)/m.exec(text)![1];
}

/** Help text of `spec` as shown when invoked through `path`. */
export function helpFor(spec: Spec, path: string): string {
  const text = HELP[spec.help];
  return text.replace('Usage:  ' + basePath(text), 'Usage:  ' + path);
}

const useCache = new Map<string, string>();
function useLine(spec: Spec, path: string): string {
  const key = spec.help + ' ' + path;
  let u = useCache.get(key);
  if (u === undefined) useCache.set(key, (u = /^Usage: {2}(.*)$/m.exec(helpFor(spec, path))![1]));
  return u;
}

/** A table entry by name, never one inherited from Object (`docker constructor`). */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Runs `docker <argv>`; returns the exit code. */
export async function docker(argv: string[], ctx: Omit<Ctx, 'path'>): Promise<number> {
  const { io } = ctx;
  // Global options before the command.
  let i = 0;
  for (; i < argv.length && argv[i].startsWith('-') && argv[i] !== '-'; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-v' || a === '--version') {
      io.out(VERSION_LINE);
      return 0;
    }
    if (a === '-h' || a === '--help') {
      io.out(HELP.docker);
      return 0;
    }
    if (a === '-D' || a === '--debug') continue;
    if (/^-(l|-log-level|c|-context|H|-host)$/.test(a)) {
      i++;
      continue;
    }
    if (/^--(log-level|context|host)=/.test(a)) continue;
    const msg = a.startsWith('--') ? `unknown flag: ${a.split('=')[0]}` : `unknown shorthand flag: '${a[1]}' in ${a}`;
    io.err(`${msg}\n\nUsage:  ${ROOT_USAGE}\n\nRun 'docker --help' for more information\n`);
    return 125;
  }
  const name = argv[i];
  if (name === undefined) {
    io.out(HELP.docker);
    return 0;
  }
  if (name === 'help') return helpCommand(argv.slice(i + 1), io);
  const group = own(GROUPS, name);
  if (group) {
    const sub = argv[i + 1];
    const gpath = 'docker ' + name;
    if (sub === undefined || sub === '--help' || sub === '-h') {
      io.out(HELP[name]);
      return 0;
    }
    const spec = own(group, sub);
    if (!spec || sub.startsWith('-')) {
      if (sub.startsWith('-')) {
        const msg = sub.startsWith('--') ? `unknown flag: ${sub.split('=')[0]}` : `unknown shorthand flag: '${sub[1]}' in ${sub}`;
        io.err(`${msg}\n\nUsage:  ${gpath} COMMAND\n\nRun '${gpath} --help' for more information\n`);
        return 125;
      }
      io.err(`docker: unknown command: ${gpath} ${sub}\n\nUsage:  ${gpath}\n\nRun '${gpath} --help' for more information\n`);
      return 1;
    }
    return runSpec(spec, `${gpath} ${spec.name}`, argv.slice(i + 2), ctx);
  }
  const spec = own(COMMANDS, name);
  if (!spec) {
    io.err(`docker: unknown command: docker ${name}\n\nRun 'docker --help' for more information\n`);
    return 1;
  }
  return runSpec(spec, `docker ${name}`, argv.slice(i + 1), ctx);
}

function helpCommand(args: string[], io: TermIO): number {
  if (args.length === 0) {
    io.out(HELP.docker);
    return 0;
  }
  const [a, b] = args;
  const group = own(GROUPS, a);
  if (group) {
    const spec = b !== undefined ? own(group, b) : undefined;
    if (b === undefined || !spec) io.out(HELP[a]);
    else io.out(helpFor(spec, `docker ${a} ${spec.name}`));
    return 0;
  }
  const spec = own(COMMANDS, a);
  if (!spec) {
    io.err(`Unknown help topic [\`${a}\`]\n`);
    io.out(HELP.docker);
    return 0;
  }
  io.out(helpFor(spec, `docker ${a}`));
  return 0;
}

async function runSpec(spec: Spec, path: string, argv: string[], base: Omit<Ctx, 'path'>): Promise<number> {
  const { io } = base;
  let parsed;
  try {
    parsed = parseFlags(argv, flagsOf(spec.help), spec.interspersed !== false);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    io.err(`${e.message}\n\nUsage:  ${useLine(spec, path)}\n\nRun '${path} --help' for more information\n`);
    return 125;
  }
  if (parsed.help) {
    io.out(helpFor(spec, path));
    return 0;
  }
  if (spec.banner) io.err(spec.banner);
  const argErr = checkArgs(spec, path, parsed.args.length);
  if (argErr) {
    io.err(argErr + '\n');
    return 1;
  }
  const ctx: Ctx = { ...base, path };
  try {
    return await spec.run(ctx, parsed.flags, parsed.args);
  } catch (e) {
    if (e instanceof CliError) {
      if (e.message) io.err(e.message.endsWith('\n') ? e.message : e.message + '\n');
      return e.code;
    }
    if (e instanceof ApiError) {
      io.err(e.inStream ? e.message + '\n' : `Error response from daemon: ${e.message}\n`);
      return e.exitCode ?? 1;
    }
    throw e;
  }
}

const plural = (k: number): string => (k === 1 ? 'argument' : 'arguments');

function argError(spec: Spec, path: string, what: string, see: string): string {
  return `docker: '${path}' ${what}\n\nUsage:  ${useLine(spec, path)}\n\n${see} '${path} --help' for more information`;
}

function checkArgs(spec: Spec, path: string, n: number): string | null {
  const [kind, a = 0, b = 0] = spec.args;
  if (kind === 'none') return n > 0 ? argError(spec, path, 'accepts no arguments', 'Run') : null;
  if (kind === 'min') return n < a ? argError(spec, path, `requires at least ${a} ${plural(a)}`, 'See') : null;
  if (kind === 'max') return n > a ? argError(spec, path, `requires at most ${a} ${plural(a)}`, 'SRun') : null;
  if (kind === 'exact') return n !== a ? argError(spec, path, `requires ${a} ${plural(a)}`, 'Run') : null;
  return n < a || n > b ? argError(spec, path, `requires at least ${a} and at most ${b} ${plural(b)}`, 'Run') : null;
}
