/**
 * Every command the client knows, as docker/cli declares them: the help text it shows (which
 * also defines its flags), its argument rule, whether flags stop at the first argument, and the
 * aliases under `docker container|image|system`.
 */
import type { Handler } from './cli';
import { events } from './commands/events';
import { update } from './commands/update';
import { contextInspect, contextLs, contextRm, contextShow, contextUse } from './commands/context';
import { pluginLs } from './commands/plugin-ls';
import { builderPrune } from './commands/builder-prune';
import { attach } from './commands/attach';
import { build } from './commands/build';
import { commit } from './commands/commit';
import { cp } from './commands/cp';
import { create } from './commands/create';
import { diff } from './commands/diff';
import { exec } from './commands/exec';
import { history } from './commands/history';
import { images } from './commands/images';
import { info } from './commands/info';
import { containerInspect, imageInspect, inspect } from './commands/inspect';
import { kill } from './commands/kill';
import { logs } from './commands/logs';
import { pause } from './commands/pause';
import { port } from './commands/port';
import { rename } from './commands/rename';
import { top } from './commands/top';
import { wait } from './commands/wait';
import { containerPrune } from './commands/container-prune';
import { imagePrune } from './commands/image-prune';
import { ps } from './commands/ps';
import { pull } from './commands/pull';
import { rm } from './commands/rm';
import { rmi } from './commands/rmi';
import { run } from './commands/run';
import { start } from './commands/start';
import { stats } from './commands/stats';
import { restart } from './commands/restart';
import { stop } from './commands/stop';
import { systemDf } from './commands/system-df';
import { systemPrune } from './commands/system-prune';
import { tag } from './commands/tag';
import { unpause } from './commands/unpause';
import { version } from './commands/version';
import { exportContainer } from './commands/export';
import { importImage } from './commands/import';
import { load } from './commands/load';
import { login, logout } from './commands/login';
import { push } from './commands/push';
import { save } from './commands/save';
import { search } from './commands/search';
import { networkConnect, networkDisconnect } from './commands/network-connect';
import { networkCreate } from './commands/network-create';
import { networkInspect } from './commands/inspect';
import { networkLs } from './commands/network-ls';
import { networkPrune } from './commands/network-prune';
import { networkRm } from './commands/network-rm';
import { volumeCreate } from './commands/volume-create';
import { volumeInspect } from './commands/volume-inspect';
import { volumeLs } from './commands/volume-ls';
import { volumePrune } from './commands/volume-prune';
import { volumeRm } from './commands/volume-rm';
import { volumeUpdate } from './commands/volume-update';
// last: the help texts come in with it, and beside the command table they gzip smaller
import { manifestLocal, notManager, stackCompose, swarmJoinToken, swarmLeave, swarmList, swarmUnlock, swarmUnlockKey, swarmUpdate, trustRevoke, unmodelled } from './commands/swarm';

/** `cobra`: cobra's own ExactArgs, whose message comes without the usage. */
export type ArgRule = ['none'] | ['min', number] | ['max', number] | ['exact', number] | ['range', number, number] | ['cobra', number];

export interface Spec {
  /** The name cobra shows in the command path (`ls` for `docker container list`). */
  name: string;
  /** Key of its help text. */
  help: string;
  args: ArgRule;
  /** false: flags end at the first positional argument (run, create, exec, commit, tag). */
  interspersed?: boolean;
  /** An alias left out of the help's Aliases paragraph. */
  hidden?: boolean;
  run: Handler;
}

/** A command whose help text is keyed by its name unless `extra` says otherwise. */
const s = (name: string, args: ArgRule, run: Handler, extra: Partial<Spec> = {}): Spec => ({ name, help: name, args, run, ...extra });

const C = {
  attach: s('attach', ['exact', 1], attach),
  commit: s('commit', ['range', 1, 2], commit, { interspersed: false }),
  cp: s('cp', ['exact', 2], cp),
  create: s('create', ['min', 1], create, { interspersed: false }),
  diff: s('diff', ['exact', 1], diff),
  exec: s('exec', ['min', 2], exec, { interspersed: false }),
  kill: s('kill', ['min', 1], kill),
  logs: s('logs', ['exact', 1], logs),
  pause: s('pause', ['min', 1], pause),
  port: s('port', ['range', 1, 2], port),
  rename: s('rename', ['exact', 2], rename),
  restart: s('restart', ['min', 1], restart),
  rm: s('rm', ['min', 1], rm),
  run: s('run', ['min', 1], run, { interspersed: false }),
  start: s('start', ['min', 1], start),
  stats: s('stats', ['min', 0], stats),
  stop: s('stop', ['min', 1], stop),
  top: s('top', ['min', 1], top, { interspersed: false }),
  update: s('update', ['min', 1], update),
  unpause: s('unpause', ['min', 1], unpause),
  wait: s('wait', ['min', 1], wait),
  export: s('export', ['exact', 1], exportContainer),
};

const I = {
  build: s('build', ['exact', 1], build),
  history: s('history', ['exact', 1], history),
  pull: s('pull', ['exact', 1], pull),
  tag: s('tag', ['exact', 2], tag, { interspersed: false }),
  push: s('push', ['exact', 1], push),
  save: s('save', ['min', 1], save),
  load: s('load', ['none'], load),
  import: s('import', ['min', 1], importImage),
};

const ps_ = s('ps', ['none'], ps);
const images_ = s('images', ['max', 1], images);
const rmi_ = s('rmi', ['min', 1], rmi);
const info_ = s('info', ['none'], info);

/** Top-level commands (`docker run`, `docker ps`…). */
export const COMMANDS: Record<string, Spec> = {
  ...C,
  ...I,
  ps: ps_,
  images: images_,
  rmi: rmi_,
  info: info_,
  inspect: s('inspect', ['min', 1], inspect),
  events: s('events', ['none'], events),
  version: s('version', ['none'], version),
  login: s('login', ['max', 1], login),
  logout: s('logout', ['max', 1], logout),
  search: s('search', ['exact', 1], search),
};

const cls = { ...ps_, name: 'ls' };
const ils = { ...images_, name: 'ls' };
const irm = { ...rmi_, name: 'rm' };
const crm = C.rm;

/** A subcommand whose help text is keyed `<group>-<name>`. */
const g = (group: string, name: string, args: ArgRule, run: Handler, extra: Partial<Spec> = {}): Spec => s(name, args, run, { help: `${group}-${name}`, ...extra });

/** A spec under its name and an alias (`ls` and `list`, `rm` and `remove`). */
const aliased = (spec: Spec, alias: string): Record<string, Spec> => ({ [spec.name]: spec, [alias]: spec });

/** `ls` with its `list` alias. */
const ls = (group: string, run: Handler): Record<string, Spec> => aliased(g(group, 'ls', ['none'], run), 'list');

/** Management commands and their subcommands, aliases included. */
export const GROUPS: Record<string, Record<string, Spec>> = {
  // Groups whose help is all the simulator shows (a single-node engine outside any swarm).
  builder: {}, checkpoint: {}, config: {}, context: {}, manifest: {}, node: {}, plugin: {}, secret: {}, service: {}, stack: {}, swarm: {}, trust: {},
  container: {
    ...C,
    ls: cls,
    list: cls,
    ps: cls,
    remove: crm,
    inspect: g('container', 'inspect', ['min', 1], containerInspect),
    prune: g('container', 'prune', ['none'], containerPrune),
  },
  image: {
    ...I,
    ls: ils,
    list: ils,
    rm: irm,
    remove: irm,
    // `docker image rmi` works, but cobra's Aliases paragraph does not list it
    rmi: { ...irm, hidden: true },
    inspect: g('image', 'inspect', ['min', 1], imageInspect),
    prune: g('image', 'prune', ['none'], imagePrune),
  },
  system: {
    df: g('system', 'df', ['none'], systemDf),
    prune: g('system', 'prune', ['none'], systemPrune),
    info: info_,
    events: s('events', ['none'], events),
  },
  network: {
    connect: g('network', 'connect', ['exact', 2], networkConnect),
    create: g('network', 'create', ['exact', 1], networkCreate),
    disconnect: g('network', 'disconnect', ['exact', 2], networkDisconnect),
    inspect: g('network', 'inspect', ['min', 1], networkInspect),
    ...ls('network', networkLs),
    prune: g('network', 'prune', ['none'], networkPrune),
    ...aliased(g('network', 'rm', ['min', 1], networkRm), 'remove'),
  },
  volume: {
    create: g('volume', 'create', ['max', 1], volumeCreate),
    inspect: g('volume', 'inspect', ['min', 1], volumeInspect),
    ...ls('volume', volumeLs),
    prune: g('volume', 'prune', ['none'], volumePrune),
    ...aliased(g('volume', 'rm', ['min', 1], volumeRm), 'remove'),
    update: g('volume', 'update', ['exact', 1], volumeUpdate),
  },
};

/**
 * Subcommands of the groups above whose help the reference captures lack, rebuilt from
 * docker/cli's cobra definitions. They stay out of GROUPS, whose every help text is checked
 * against a capture.
 */
export const REBUILT: Record<string, Record<string, Spec>> = {
  node: ls('node', swarmList('nodes')),
  secret: ls('secret', swarmList('secrets')),
  service: ls('service', swarmList('services')),
  config: ls('config', swarmList('configs')),
  plugin: ls('plugin', pluginLs),
  context: {
    ...ls('context', contextLs), show: g('context', 'show', ['none'], contextShow), use: g('context', 'use', ['cobra', 1], contextUse),
    inspect: g('context', 'inspect', ['min', 0], contextInspect), ...aliased(g('context', 'rm', ['min', 1], contextRm), 'remove'),
  },
  swarm: {
    leave: g('swarm', 'leave', ['none'], swarmLeave), ca: g('swarm', 'ca', ['none'], notManager), init: g('swarm', 'init', ['none'], unmodelled),
    join: g('swarm', 'join', ['exact', 1], unmodelled), 'join-token': g('swarm', 'join-token', ['exact', 1], swarmJoinToken),
    unlock: g('swarm', 'unlock', ['none'], swarmUnlock), 'unlock-key': g('swarm', 'unlock-key', ['none'], swarmUnlockKey), update: g('swarm', 'update', ['none'], swarmUpdate),
  },
  stack: {
    config: g('stack', 'config', ['none'], stackCompose), ...aliased(g('stack', 'deploy', ['exact', 1], stackCompose), 'up'), ...ls('stack', notManager),
    ps: g('stack', 'ps', ['exact', 1], notManager), ...aliased(g('stack', 'rm', ['min', 1], notManager), 'remove'), down: g('stack', 'rm', ['min', 1], notManager),
    services: g('stack', 'services', ['exact', 1], notManager),
  },
  trust: { inspect: g('trust', 'inspect', ['min', 1], unmodelled), revoke: g('trust', 'revoke', ['exact', 1], trustRevoke), sign: g('trust', 'sign', ['exact', 1], unmodelled) },
  manifest: {
    annotate: g('manifest', 'annotate', ['exact', 2], unmodelled), create: g('manifest', 'create', ['min', 2], unmodelled),
    inspect: g('manifest', 'inspect', ['range', 1, 2], unmodelled), push: g('manifest', 'push', ['exact', 1], manifestLocal),
    rm: g('manifest', 'rm', ['min', 1], manifestLocal),
  },
  builder: { build: I.build, prune: g('builder', 'prune', ['none'], builderPrune) },
};
