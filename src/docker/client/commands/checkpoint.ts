/**
 * `docker checkpoint` is annotated `experimental`: docker's isSupported check refuses it, and
 * every subcommand, on a daemon without experimental features (this one), before its flag and
 * argument errors (docker's flag-error and Args wrappers check it first). Asked for help, the
 * client prints that refusal instead (cobra's Println: stdout, exit 0). Without a daemon the
 * client assumes experimental features, so captures made without one show the help instead.
 */
import type { TermIO } from '../../shell';

const SUBS: Record<string, string> = { create: 'create', ls: 'ls', list: 'ls', rm: 'rm', remove: 'rm' };

export function checkpoint(io: TermIO, args: string[]): number {
  const sub = Object.hasOwn(SUBS, args[0] ?? '') ? ' ' + SUBS[args[0]] : '';
  const msg = `docker checkpoint${sub} is only supported on a Docker daemon with experimental features enabled\n`;
  // -h parses first, with pflag's notice for the deprecated shorthand.
  if (args.includes('-h')) return io.out('Flag shorthand -h has been deprecated, use --help\n' + msg), 0;
  if (args.includes('--help')) return io.out(msg), 0;
  io.err(msg);
  return 1;
}
