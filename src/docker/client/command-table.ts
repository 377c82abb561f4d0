/**
 * Every command the client knows, as docker/cli declares them: the help text it shows (which
 * also defines its flags), its argument rule, whether flags stop at the first argument, and the
 * aliases under `docker container|image|system`.
 */
import type { Handler } from './cli';
import { events } from './commands/events';
import { update } from './commands/update';
import { swarmLeave, swarmList } from './commands/swarm';
import { contextLs, contextShow } from './commands/context';
import { pluginLs } from './commands/plugin-ls';
import { builderPrune } from './commands/builder-prune';
import { attach } from './commands/attach';
import { build, BUILD_BANNER } from './commands/build';
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

export type ArgRule = ['none'] | ['min', number] | ['max', number] | ['exact', number] | ['range', number, number];

export interface Spec {
  /** The name cobra shows in the command path (`ls` for `docker container list`). */
  name: string;
  /** Key of its help text. */
  help: string;
  args: ArgRule;
  /** false: flags end at the first positional argument (run, create, exec). */
  interspersed?: boolean;
  /** Printed on stderr before anything else (the legacy builder's deprecation notice). */
  banner?: string;
  run: Handler;
}

/** A command whose help text is keyed by its name unless `extra` says otherwise. */
const s = (name: string, args: ArgRule, run: Handler, extra: Partial<Spec> = {}): Spec => ({ name, help: name, args, run, ...extra });

const C = {
  attach: s('attach', ['exact', 1], attach),
  commit: s('commit', ['range', 1, 2], commit),
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
  build: s('build', ['exact', 1], build, { banner: BUILD_BANNER }),
  history: s('history', ['exact', 1], history),
  pull: s('pull', ['exact', 1], pull),
  tag: s('tag', ['exact', 2], tag),
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
const nls = s('ls', ['none'], networkLs, { help: 'network-ls' });
const nrm = s('rm', ['min', 1], networkRm, { help: 'network-rm' });
const vls = s('ls', ['none'], volumeLs, { help: 'volume-ls' });
const vrm = s('rm', ['min', 1], volumeRm, { help: 'volume-rm' });

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
    inspect: s('inspect', ['min', 1], containerInspect, { help: 'container-inspect' }),
    prune: s('prune', ['none'], containerPrune, { help: 'container-prune' }),
  },
  image: {
    ...I,
    ls: ils,
    list: ils,
    rm: irm,
    remove: irm,
    inspect: s('inspect', ['min', 1], imageInspect, { help: 'image-inspect' }),
    prune: s('prune', ['none'], imagePrune, { help: 'image-prune' }),
  },
  system: {
    df: s('df', ['none'], systemDf, { help: 'system-df' }),
    prune: s('prune', ['none'], systemPrune, { help: 'system-prune' }),
    info: info_,
    events: s('events', ['none'], events),
  },
  network: {
    connect: s('connect', ['exact', 2], networkConnect, { help: 'network-connect' }),
    create: s('create', ['exact', 1], networkCreate, { help: 'network-create' }),
    disconnect: s('disconnect', ['exact', 2], networkDisconnect, { help: 'network-disconnect' }),
    inspect: s('inspect', ['min', 1], networkInspect, { help: 'network-inspect' }),
    ls: nls,
    list: nls,
    prune: s('prune', ['none'], networkPrune, { help: 'network-prune' }),
    rm: nrm,
    remove: nrm,
  },
  volume: {
    create: s('create', ['max', 1], volumeCreate, { help: 'volume-create' }),
    inspect: s('inspect', ['min', 1], volumeInspect, { help: 'volume-inspect' }),
    ls: vls,
    list: vls,
    prune: s('prune', ['none'], volumePrune, { help: 'volume-prune' }),
    rm: vrm,
    remove: vrm,
    update: s('update', ['max', 1], volumeUpdate, { help: 'volume-update' }),
  },
};

/** `ls` with its `list` alias, the help text keyed `<group>-ls`. */
const ls = (group: string, run: Handler): Record<string, Spec> => {
  const spec = s('ls', ['none'], run, { help: group + '-ls' });
  return { ls: spec, list: spec };
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
  context: { ...ls('context', contextLs), show: s('show', ['none'], contextShow, { help: 'context-show' }) },
  swarm: { leave: s('leave', ['none'], swarmLeave, { help: 'swarm-leave' }) },
  // Without buildx the legacy builder's notice comes first, as for `docker build`.
  builder: { build: I.build, prune: s('prune', ['none'], builderPrune, { help: 'builder-prune', banner: BUILD_BANNER }) },
};
