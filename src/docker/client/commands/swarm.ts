/**
 * Swarm, stack, manifest and trust commands on an engine in no swarm: what the daemon (or the
 * client's own checks) answers. What would change a swarm or reach a registry or notary is not
 * simulated: those lines, once their flags and arguments pass, answer as a command the client lacks.
 */
import { ApiError } from '../../api';
import { CliError, type Handler } from '../cli';
import { HELP } from '../help-texts';
import { canonicalString, parseRef, withLatest } from '../reference';
import { confirm } from './shared';

export const swarmList = (kind: 'nodes' | 'services' | 'secrets' | 'configs'): Handler => async (ctx) => {
  await ctx.api.swarmList(kind);
  return 0;
};

/** A manager's command (swarm ca, stack ls…): the daemon's "not a swarm manager". */
export const notManager = swarmList('services');

export const swarmLeave: Handler = async (ctx, f) => {
  await ctx.api.swarmLeave(f.bool('force'));
  ctx.io.out('Node left the swarm.\n');
  return 0;
};

export const swarmJoinToken: Handler = async (ctx, f, [role]) => {
  if (role !== 'worker' && role !== 'manager') throw new CliError(`unknown role ${role}`);
  return notManager(ctx, f, []);
};

/** unlock reads `docker info` first: a node in no swarm has nothing to unlock. */
export const swarmUnlock: Handler = async () => {
  throw new CliError('Error: This node is not part of a swarm');
};

export const swarmUnlockKey: Handler = async (ctx, f) => {
  try {
    return await notManager(ctx, f, []);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    throw new CliError(`could not fetch unlock key: Error response from daemon: ${e.message}`);
  }
};

/** Without an option there is nothing to update: the client shows the help. */
export const swarmUpdate: Handler = async (ctx, f, args) => {
  if (!f.size) return ctx.io.out(HELP['swarm-update']), 0;
  return notManager(ctx, f, args);
};

/** The rest of a group the simulator does not model: as before, the client lacks it. */
export const unmodelled: Handler = async (ctx) => {
  const group = ctx.path.split(' ').slice(0, 2).join(' ');
  throw new CliError(`docker: unknown command: ${ctx.path}\n\nUsage:  ${group}\n\nRun '${group} --help' for more information`);
};

/** stack deploy and config read their Compose files first. */
export const stackCompose: Handler = async (ctx, f, args) => {
  const files = f.list('compose-file');
  if (!files.length) throw new CliError('Specify a Compose file (with --compose-file)');
  for (const file of files) {
    try {
      ctx.sh.m.fs.readFile(file, ctx.sh.cwd);
    } catch {
      throw new CliError(`open ${file}: no such file or directory`);
    }
  }
  return unmodelled(ctx, f, args);
};

/** manifest push and rm look in the client's own manifest store, which is empty. */
export const manifestLocal: Handler = async (_ctx, _f, args) => {
  const missing = (a: string): string => {
    try {
      return `No such manifest: ${canonicalString(withLatest(parseRef(a)))}`;
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      return e.message;
    }
  };
  throw new CliError(args.map(missing).join('\n'));
};

/** trust revoke asks first (without --yes); only a yes would reach the notary server. */
export const trustRevoke: Handler = async (ctx, f, args) =>
  f.bool('yes') ? unmodelled(ctx, f, args) : confirm(ctx, `Confirm you would like to delete all signature data for ${args[0]}?`, () => unmodelled(ctx, f, args), true);
