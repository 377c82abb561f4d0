/**
 * The `docker` command: finds the (sub)command as cobra does (aliases, management forms),
 * parses its flags, checks its argument count with docker/cli's own messages, prints help, and
 * turns daemon errors into `Error response from daemon: …`.
 */
import { type DockerApi, type ProcessHandle } from '../api';
import type { TermIO } from '../shell';
import { COMMANDS, GROUPS, REBUILT, type ArgRule, type Spec } from './command-table';
import { FlagError, Flags, flagsFromHelp, parseFlags, type FlagDef, type Parsed } from './flags';
import { CliError, reportError } from './errors';
import { BUILD_BANNER, HELP } from './help-texts';
import { memo } from './memo';
import { endpointConflict, endpointError, rootHelp } from './endpoint';
import { checkpoint } from './commands/checkpoint';
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
  /** The global options (`--config`), once read. */
  globals?: Flags;
}

export type Handler = (ctx: Ctx, flags: Flags, args: string[]) => Promise<number>;

export { CliError };

export const VERSION_LINE = 'Docker version 28.2.2, build e6534b4\n';

const flagsOf = memo((helpKey) => [...flagsFromHelp(HELP[helpKey]), ...(HIDDEN[helpKey] ?? [])]);

/**
 * cobra's `Aliases:` paragraph under the description of a top-level command: every path of the
 * command table that runs it, then its own. Build's text keeps the paragraph it was captured with,
 * which names `docker builder build`.
 */
function withAliases(spec: Spec, text: string): string {
  // Only commands that also exist at the top level (`docker ps`, not `docker image prune`) list them.
  if (!own(COMMANDS, spec.help) || text.includes('\nAliases:\n')) return text;
  const paths = Object.entries(GROUPS).flatMap(([group, subs]) =>
    Object.keys(subs).filter((sub) => subs[sub].help === spec.help && !subs[sub].hidden).map((sub) => `docker ${group} ${sub}`));
  if (!paths.length) return text;
  return text.replace(/^Usage:.*\n\n.*\n/, (head) => `${head}\nAliases:\n  ${paths.join(', ')}, docker ${spec.help}\n`);
}

/** Help text of `spec` as shown when invoked through `path`: its Usage line names that path. */
export function helpFor(spec: Spec, path: string): string {
  return withAliases(spec, HELP[spec.help]).replace(/^Usage: {2}docker(?: [a-z][a-z-]*)*/m, 'Usage:  ' + path);
}

const useCache = new Map<string, string>();
function useLine(spec: Spec, path: string): string {
  const key = spec.help + ' ' + path;
  let u = useCache.get(key);
  if (u === undefined) useCache.set(key, (u = /^Usage: {2}(.*(?:\n\t.*)?)$/m.exec(helpFor(spec, path))![1]));
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

/** Prints a help text; asking for help always succeeds. */
function showHelp(io: TermIO, text: string): number {
  io.out(text);
  return 0;
}

/**
 * Flags docker/cli keeps hidden for compatibility, by help text: they parse, with pflag's
 * deprecation notice, and set the flag that replaced them.
 */
const HIDDEN: Record<string, FlagDef[]> = {
  // update's --kernel-memory is only hidden: pflag says nothing when it is used.
  update: [{ long: 'kernel-memory', type: 'bytes' }],
  stop: [{ long: 'time', type: 'int', deprecated: 'use --timeout instead', alias: 'timeout' }],
  restart: [{ long: 'time', type: 'int', deprecated: 'use --timeout instead', alias: 'timeout' }],
  // --net, --net-alias and --dns-opt: the old names of --network, --network-alias and --dns-option, hidden without a notice.
  run: [{ long: 'net', type: 'network', alias: 'network' }, { long: 'net-alias', type: 'list', alias: 'network-alias' }, { long: 'dns-opt', type: 'list', alias: 'dns-option' }],
  create: [{ long: 'net', type: 'network', alias: 'network' }, { long: 'net-alias', type: 'list', alias: 'network-alias' }, { long: 'dns-opt', type: 'list', alias: 'dns-option' }],
  'volume-create': [{ long: 'name', type: 'string' }],
};

/** The few groups whose cobra `Use` goes on after their name, as their usage errors show it. */
const GROUP_USE: Record<string, string> = { volume: ' COMMAND', manifest: ' COMMAND', stack: ' [OPTIONS]' };

/** run and create's flags annotated `ostype: windows`, in the order pflag visits them. */
const WINDOWS_ONLY = ['cpu-count', 'cpu-percent', 'io-maxbandwidth', 'io-maxiops'];

/** Parses `argv` as cobra does for `path`; a flag error is printed with `usage` (exit 125). */
function parseOrFail(io: TermIO, argv: string[], defs: FlagDef[], interspersed: boolean, usage: string | (() => string), path: string): Parsed | null {
  try {
    return parseFlags(argv, defs, interspersed);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    io.err(usageError(e.message, typeof usage === 'string' ? usage : usage(), path));
    return null;
  }
}

/**
 * Runs `docker <argv>`; returns the exit code. The global options are parsed up to the command
 * (docker's HandleGlobalFlags); `--help` among them asks for that command's help.
 */
export async function docker(argv: string[], ctx: Omit<Ctx, 'path'>): Promise<number> {
  const { io } = ctx;
  // The client is initialised, whatever the command, after the global parse (and before its
  // flag error, with the options read up to there): a log level logrus cannot read or --host
  // with --context ends it.
  const initFails = (g: Flags): string | null => {
    const level = g.str('log-level');
    if (level && !/^(panic|fatal|error|warn|warning|info|debug|trace)$/i.test(level)) return `Unable to parse logging level: ${level}`;
    return endpointConflict(g);
  };
  let globals: Parsed;
  try {
    globals = parseFlags(argv, flagsOf('docker'), false);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    // the longest start of the line that parses (`-l` alone does not, `-l bogus` does)
    let before = new Flags();
    for (let k = 1; k < argv.length; k++) {
      try {
        before = parseFlags(argv.slice(0, k), flagsOf('docker'), false).flags;
      } catch { /* cut inside a flag, or past the error */ }
    }
    const why = initFails(before);
    io.err(why ? why + '\n' : usageError(e.message, 'docker [OPTIONS] COMMAND [ARG...]', 'docker'));
    return why ? 1 : 125;
  }
  // That parse writes its notices to stderr, unlike a command's own, which cobra prints on stdout.
  if (globals.warnings) io.err(globals.warnings);
  const failed = initFails(globals.flags);
  if (failed) return io.err(failed + '\n'), 1;
  const unresolved = endpointError(globals.flags, ctx.sh);
  ctx = { ...ctx, globals: globals.flags, ...(unresolved && { api: unreachable(ctx.api, unresolved) }) };
  const root = rootHelp(HELP.docker, globals.flags, ctx.sh, !!unresolved);
  // After `--` cobra looks for the command as its Traverse does: a word after a flag that may
  // take a value (`--` too) is that value, so `docker -- -D ps` runs ps and `docker -- -- ps`
  // leaves the root with `ps` to refuse.
  if (/^-./.test(globals.args[0] ?? '') && globals.args.length < argv.length && argv.includes('--')) {
    const a = globals.args;
    const bool = (n: string) => flagsOf('docker').some((f) => (f.long === n || f.short === n) && f.type === 'bool') || n === 'help' || n === 'h';
    let value = false;
    let at = 0;
    for (; at < a.length; at++) {
      const w = a[at];
      if (w.startsWith('--') && !w.includes('=')) value = !bool(w.slice(2));
      else if (/^-[^-]$/.test(w) && !bool(w[1])) value = true;
      else if (value) value = false;
      else if (!/^-./.test(w)) break;
    }
    // the flags before the command, up to a `--` among them
    if (at < a.length) return docker([...a.slice(0, a.includes('--') ? Math.min(at, a.indexOf('--')) : at), ...a.slice(at)], ctx);
    const more = parseOrFail(io, a, flagsOf('docker'), true, 'docker [OPTIONS] COMMAND [ARG...]', 'docker');
    if (!more) return 125;
    if (more.help) return showHelp(io, root);
    if (more.flags.bool('version')) return showHelp(io, VERSION_LINE);
    if (!more.args.length) return io.err(root), 0;
    io.err(`docker: unknown command: docker ${more.args[0]}\n\nRun 'docker --help' for more information\n`);
    return 1;
  }
  const [name, ...rest] = globals.args;
  if (name === undefined) {
    if (globals.help || globals.flags.bool('version')) return showHelp(io, globals.help ? root : VERSION_LINE);
    // Without a command the root's RunE shows the help on stderr (command.ShowHelp(dockerCli.Err())).
    io.err(root);
    return 0;
  }
  // Without buildx, the client warns before cobra sees the command (processBuilder).
  if (name === 'build' || name === 'builder' || (name === 'image' && rest[0] === 'build')) io.err(BUILD_BANNER);
  const asked = globals.help ? ['--help'] : [];
  if (name === 'help') return helpCommand(rest, io, root);
  if (name === 'checkpoint') return checkpoint(io, [...asked, ...rest]);
  const group = own(GROUPS, name);
  if (group) {
    const gpath = 'docker ' + name;
    const spec = rest[0] === undefined ? undefined : own(group, rest[0]) ?? own(REBUILT[name] ?? {}, rest[0]);
    if (spec) return runSpec(spec, `${gpath} ${spec.name}`, [...asked, ...rest.slice(1)], ctx);
    rest.unshift(...asked);
    // The group itself only knows --help; anything else is its flag error or an unknown command.
    const use = gpath + (GROUP_USE[name] ?? '');
    const parsed = parseOrFail(io, rest, [], true, use, gpath);
    if (!parsed) return 125;
    if (parsed.warnings) io.out(parsed.warnings);
    if (parsed.help) return showHelp(io, HELP[name]);
    // A management command alone shows its help on stderr, as the root does.
    if (!parsed.args.length) {
      // manifest's own RunE writes a blank line before the help.
      io.err((name === 'manifest' ? '\n' : '') + HELP[name]);
      return 0;
    }
    io.err(usageError(`docker: unknown command: ${gpath} ${parsed.args[0]}`, use, gpath));
    return 1;
  }
  const spec = own(COMMANDS, name);
  if (!spec) {
    // A word that names no command leaves the root in charge: cobra reads what follows with the
    // root's flags, and their errors, then --help, then --version answer before the word.
    const more = parseOrFail(io, rest, flagsOf('docker'), true, 'docker [OPTIONS] COMMAND [ARG...]', 'docker');
    if (!more) return 125;
    // cobra parses these itself, so -h's notice goes to stdout, unlike the global parse's
    if (more.warnings) io.out(more.warnings);
    if (globals.help || more.help) return showHelp(io, root);
    if (globals.flags.bool('version') || more.flags.bool('version')) return showHelp(io, VERSION_LINE);
    io.err(`docker: unknown command: docker ${name}\n\nRun 'docker --help' for more information\n`);
    return 1;
  }
  return runSpec(spec, `docker ${name}`, [...asked, ...rest], ctx);
}

/** The engine behind an endpoint the client cannot resolve: the first call for it ends the client. */
function unreachable(api: DockerApi, why: string): DockerApi {
  return new Proxy(api, {
    get: (t, p, r) => (p === 'now' || p === 'advance' || typeof Reflect.get(t, p, r) !== 'function' ? Reflect.get(t, p, r) : () => { throw new CliError(why); }),
  });
}

/**
 * `docker help [command]`: docker's own help command finds the command as the root does and
 * refuses any word left over (`docker help foo`, `docker help run x`).
 */
function helpCommand(argv: string[], io: TermIO, root: string): number {
  // The help command has a flag of its own, --help, and its own usage.
  const parsed = parseOrFail(io, argv, [], true, 'docker help [command]', 'docker help');
  if (!parsed) return 125;
  if (parsed.help) return showHelp(io, parsed.warnings + 'Usage:  docker help [command]\n\nHelp about the command\n');
  const words = parsed.args;
  const [a, b] = words;
  if (a === undefined) return showHelp(io, root);
  if (a === 'checkpoint') return checkpoint(io, [...words.slice(1), '--help']);
  const group = own(GROUPS, a);
  const spec = group ? (b === undefined ? undefined : own(group, b) ?? own(REBUILT[a] ?? {}, b)) : own(COMMANDS, a);
  const used = spec && group ? 2 : spec || group ? 1 : 0;
  if (used < words.length) {
    io.err(`unknown help topic: ${words.slice(used).join(' ')}\n`);
    return 1;
  }
  return showHelp(io, spec ? helpFor(spec, group ? `docker ${a} ${spec.name}` : `docker ${a}`) : HELP[a]);
}

async function runSpec(spec: Spec, path: string, argv: string[], base: Omit<Ctx, 'path'>): Promise<number> {
  const { io } = base;
  const parsed = parseOrFail(io, argv, flagsOf(spec.help), spec.interspersed !== false, () => useLine(spec, path), path);
  if (!parsed) return 125;
  if (parsed.warnings) io.out(parsed.warnings);
  if (parsed.help) return showHelp(io, helpFor(spec, path));
  const argErr = checkArgs(spec, path, parsed.args.length);
  if (argErr) {
    io.err(argErr);
    return 1;
  }
  // isSupported, before the command runs: flags for a daemon on Windows, this one being on Linux.
  const windowsOnly = WINDOWS_ONLY.filter((flag) => parsed.flags.has(flag));
  if (windowsOnly.length) {
    io.err(windowsOnly.map((flag) => `"--${flag}" is only supported on a Docker daemon running on windows, but the Docker daemon is running on linux\n`).join(''));
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
  if (kind === 'cobra') return n === a ? null : `accepts ${a} arg(s), received ${n}\n`;
  const ok = kind === 'none' ? n === 0 : kind === 'min' ? n >= a : kind === 'max' ? n <= a : kind === 'exact' ? n === a : n >= a && n <= b;
  if (ok) return null;
  const rules: Record<Exclude<ArgRule[0], 'cobra'>, [string, string?]> = {
    none: ['accepts no arguments'],
    min: [`requires at least ${a} ${plural(a)}`, 'See'],
    max: [`requires at most ${a} ${plural(a)}`, 'SRun'],
    exact: [`requires ${a} ${plural(a)}`],
    range: [`requires at least ${a} and at most ${b} ${plural(b)}`],
  };
  const [what, see = 'Run'] = rules[kind];
  return usageError(`docker: '${path}' ${what}`, useLine(spec, path), path, see);
}
