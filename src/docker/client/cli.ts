/**
 * The `docker` command: finds the (sub)command as cobra does (aliases, management forms),
 * parses its flags, checks its argument count with docker/cli's own messages, prints help, and
 * turns daemon errors into `Error response from daemon: …`.
 */
import { type DockerApi, type ProcessHandle } from '../api';
import type { TermIO } from '../shell';
import { COMMANDS, GROUPS, type ArgRule, type Spec } from './command-table';
import { FlagError, flagsFromHelp, parseFlags, type Flags } from './flags';
import { CliError, reportError } from './errors';
import { HELP } from './help-texts';
import { memo } from './memo';
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

const flagsOf = memo((helpKey) => flagsFromHelp(HELP[helpKey]));

/**
 * cobra's `Aliases:` paragraph under the description of a top-level command: every path of the
 * command table that runs it, then its own. Build's text, which opens with the deprecation
 * notice, keeps the paragraph it was captured with.
 */
function withAliases(spec: Spec, text: string): string {
  // Only commands that also exist at the top level (`docker ps`, not `docker image prune`) list them.
  if (!own(COMMANDS, spec.help)) return text;
  const paths = Object.entries(GROUPS).flatMap(([group, subs]) =>
    Object.keys(subs).filter((sub) => subs[sub].help === spec.help).map((sub) => `docker ${group} ${sub}`));
  if (!paths.length) return text;
  return text.replace(/^Usage:.*\n\n.*\n/, (head) => `${head}\nAliases:\n  ${paths.join(', ')}, docker ${spec.help}\n`);
}

/** Help text of `spec` as shown when invoked through `path`: its Usage line names that path. */
export function helpFor(spec: Spec, path: string): string {
  return withAliases(spec, HELP[spec.help]).replace(/^Usage: {2}docker(?: [a-z]+)*/m, 'Usage:  ' + path);
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

/** cobra's usage error: the message, the command's Usage line and where to read more. */
function usageError(message: string, usage: string, path: string, see = 'Run'): string {
  return `${message}\n\nUsage:  ${usage}\n\n${see} '${path} --help' for more information\n`;
}

/** pflag's message for a flag the command does not define. */
function unknownFlag(arg: string): string {
  return arg.startsWith('--') ? `unknown flag: ${arg.split('=')[0]}` : `unknown shorthand flag: '${arg[1]}' in ${arg}`;
}

/** Prints a help text; asking for help always succeeds. */
function showHelp(io: TermIO, text: string): number {
  io.out(text);
  return 0;
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
    if (a === '-v' || a === '--version') return showHelp(io, VERSION_LINE);
    if (a === '-h' || a === '--help') return showHelp(io, HELP.docker);
    if (a === '-D' || a === '--debug' || /^--(log-level|context|host)=/.test(a)) continue;
    if (/^-(l|-log-level|c|-context|H|-host)$/.test(a)) {
      i++;
      continue;
    }
    io.err(usageError(unknownFlag(a), 'docker [OPTIONS] COMMAND', 'docker'));
    return 125;
  }
  const name = argv[i];
  if (name === undefined) return showHelp(io, HELP.docker);
  if (name === 'help') return helpCommand(argv.slice(i + 1), io);
  const group = own(GROUPS, name);
  if (group) {
    const sub = argv[i + 1];
    const gpath = 'docker ' + name;
    if (sub === undefined || sub === '--help' || sub === '-h') return showHelp(io, HELP[name]);
    if (sub.startsWith('-')) {
      io.err(usageError(unknownFlag(sub), gpath + ' COMMAND', gpath));
      return 125;
    }
    const spec = own(group, sub);
    if (!spec) {
      io.err(usageError(`docker: unknown command: ${gpath} ${sub}`, gpath, gpath));
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

function helpCommand([a, b]: string[], io: TermIO): number {
  if (a === undefined) return showHelp(io, HELP.docker);
  const group = own(GROUPS, a);
  if (group) {
    const spec = b !== undefined ? own(group, b) : undefined;
    return showHelp(io, spec ? helpFor(spec, `docker ${a} ${spec.name}`) : HELP[a]);
  }
  const spec = own(COMMANDS, a);
  if (!spec) {
    io.err(`Unknown help topic [\`${a}\`]\n`);
    return showHelp(io, HELP.docker);
  }
  return showHelp(io, helpFor(spec, `docker ${a}`));
}

async function runSpec(spec: Spec, path: string, argv: string[], base: Omit<Ctx, 'path'>): Promise<number> {
  const { io } = base;
  let parsed;
  try {
    parsed = parseFlags(argv, flagsOf(spec.help), spec.interspersed !== false);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    io.err(usageError(e.message, useLine(spec, path), path));
    return 125;
  }
  if (parsed.help) return showHelp(io, helpFor(spec, path));
  if (spec.banner) io.err(spec.banner);
  const argErr = checkArgs(spec, path, parsed.args.length);
  if (argErr) {
    io.err(argErr);
    return 1;
  }
  const ctx: Ctx = { ...base, path };
  try {
    return await spec.run(ctx, parsed.flags, parsed.args);
  } catch (e) {
    return reportError(e, io);
  }
}

const plural = (k: number): string => (k === 1 ? 'argument' : 'arguments');

/** cobra's argument checks with docker/cli's messages (`SRun` is the client's own typo for max). */
function checkArgs(spec: Spec, path: string, n: number): string | null {
  const [kind, a = 0, b = 0] = spec.args;
  const rules: Record<ArgRule[0], [boolean, string, string?]> = {
    none: [n === 0, 'accepts no arguments'],
    min: [n >= a, `requires at least ${a} ${plural(a)}`, 'See'],
    max: [n <= a, `requires at most ${a} ${plural(a)}`, 'SRun'],
    exact: [n === a, `requires ${a} ${plural(a)}`],
    range: [n >= a && n <= b, `requires at least ${a} and at most ${b} ${plural(b)}`],
  };
  const [ok, what, see = 'Run'] = rules[kind];
  return ok ? null : usageError(`docker: '${path}' ${what}`, useLine(spec, path), path, see);
}
