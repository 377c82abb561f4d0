/** Pieces several commands share: filters, containers' options, the implicit pull, prompts. */
import { ApiError, type HealthConfig, type ContainerCreateConfig, type PortMap, type PortSet, type ProcessHandle } from '../../api';
import type { TermIO } from '../../shell';
import { CliError, type Ctx } from '../cli';
import { reportError } from '../errors';
import type { Flags } from '../flags';
import { messageRenderer } from '../progress';
import { familiarString, parseRef, withLatest } from '../reference';
import { parseMount, splitVolumes } from '../mount-opt';
import { humanSize, ramInBytes } from '../format/units';
import { resourceFlags } from './resources';
import { parseKvFile } from '../kvfile';
import { parseGoDuration } from '../../common/go-duration';
import { readHostFile } from '../tar-file';
import { parsePlatform } from '../platform';
import { isGoIp } from '../../common/go-ip';
import { reason } from '../../common/sh/fs';
import { kvMap, parseGpuRequest } from '../opt-values';
import { checkDevices, checkDriverOpts, checkMac, checkNamespaces, checkSwappiness, networkAttachments } from './container-opts';

/** Reads the host files of `--env-file`/`--label-file`; a directory opens but fails to read. */
export type FileReader = (path: string) => string;
export const hostReader = (ctx: Ctx): FileReader => (p) => {
  try {
    return readHostFile(ctx, p);
  } catch (e) {
    const m = (e as Error).message;
    throw new Error(m.startsWith('read ') ? `invalid env file (${p}): ${m}` : m);
  }
};

/** `-f key=value` options → the API's filter map. */
export function parseFilters(list: string[]): Record<string, string[]> | undefined {
  if (!list.length) return undefined;
  const out: Record<string, string[]> = {};
  for (const f of list) {
    const eq = f.indexOf('=');
    if (eq < 0) continue;
    const k = f.slice(0, eq).trim().toLowerCase();
    (out[k] ??= []).push(f.slice(eq + 1).trim());
  }
  return out;
}

/** What a prune reclaimed, and the list it prints (empty when nothing went). */
export type Pruned = [space: number, output: string];

/** A prune command: its y/N question unless --force, then what went (a blank line after it) and the space reclaimed. */
export function prune(ctx: Ctx, f: Flags, warning: string, run: () => Promise<Pruned>, oneLine = false): Promise<number> {
  const go = async (io = ctx.io): Promise<number> => {
    const [space, out] = await run();
    io.out((out && out + '\n') + `Total reclaimed space: ${humanSize(space)}\n`);
    return 0;
  };
  return f.bool('force') ? go() : confirm(ctx, warning, go, oneLine);
}

/** `docker run`/`create` wrap every error this way (`withHelp`). */
export function withHelp(msg: string, cmd: string, code = 125): CliError {
  return new CliError(`docker: ${msg}\n\nRun 'docker ${cmd} --help' for more information`, code);
}

function parsePortRange(s: string): [number, number] | null {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a > 65535 || b > 65535 || b < a) return null;
  return [a, b];
}

/** convertToStandardNotation: `-p published=8080,target=80[,protocol=udp]` as `8080:80/udp`. */
function standardNotation(spec: string): string {
  if (!spec.includes('=')) return spec;
  const params: Record<string, string> = { protocol: 'tcp' };
  for (const param of spec.split(',')) {
    const eq = param.indexOf('=');
    if (eq <= 0) throw new Error(`invalid publish opts format (should be name=value but got '${param}')`);
    params[param.slice(0, eq)] = param.slice(eq + 1);
  }
  return `${params.published ?? ''}:${params.target ?? ''}/${params.protocol}`;
}

/** `nat.ParsePortSpec` for every `-p`; throws the parser's message. */
export function parsePorts(specs: string[], exposed: PortSet, bindings: PortMap): void {
  for (const raw of specs.map(standardNotation)) {
    // [ip:]host:container, the address possibly an IPv6 one with colons of its own, bracketed or not.
    const parts = raw.split(':');
    let ip = parts.slice(0, -2).join(':');
    const host = parts.length > 1 ? parts[parts.length - 2] : '';
    let cont = parts[parts.length - 1];
    let proto = 'tcp';
    const slash = cont.indexOf('/');
    if (slash >= 0) {
      proto = cont.slice(slash + 1);
      cont = cont.slice(0, slash);
    }
    if (ip.startsWith('[')) {
      // net.SplitHostPort(ip + ":") takes the brackets off.
      const close = ip.indexOf(']');
      if (close < 0) throw new Error(`invalid IP address ${ip}: address ${ip}:: missing ']' in address`);
      if (close !== ip.length - 1) throw new Error(`invalid IP address ${ip}: address ${ip}:: ${ip[close + 1] === ':' ? 'too many colons' : 'missing port'} in address`);
      ip = ip.slice(1, -1);
    }
    if (ip && !isGoIp(ip)) throw new Error('invalid IP address: ' + ip);
    if (cont === '') throw new Error(`no port specified: ${raw}<empty>`);
    const cr = parsePortRange(cont);
    if (!cr) throw new Error('invalid containerPort: ' + cont);
    let hr: [number, number] | null = null;
    if (host) {
      hr = parsePortRange(host);
      if (!hr) throw new Error('invalid hostPort: ' + host);
      if (cr[1] - cr[0] !== hr[1] - hr[0] && cr[0] !== cr[1]) {
        throw new Error(`invalid ranges specified for container and host Ports: ${cont} and ${host}`);
      }
    }
    if (!['tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) throw new Error('invalid proto: ' + proto);
    for (let p = cr[0]; p <= cr[1]; p++) {
      const key = `${p}/${proto.toLowerCase()}`;
      exposed[key] = {};
      const hostPort = hr ? (cr[0] === cr[1] && hr[0] !== hr[1] ? `${hr[0]}-${hr[1]}` : String(hr[0] + p - cr[0])) : '';
      (bindings[key] ??= []).push({ HostIp: ip, HostPort: hostPort });
    }
  }
}

/** Sets the config field named for each string flag that was given. */
function copyGiven(f: Flags, cfg: object, fields: Record<string, string>): void {
  for (const [flag, key] of Object.entries(fields)) if (f.has(flag)) (cfg as Record<string, unknown>)[key] = f.str(flag);
}

/**
 * `-e`, `-w` and `-u`, which run, create and exec share. `-e NAME` takes NAME's value from the
 * client's environment (the host shell's exported variables) and stays a bare name otherwise.
 */
export function processFlags(f: Flags, cfg: { Env?: string[]; WorkingDir?: string; User?: string }, hostEnv: [string, string][] = [], read?: FileReader): void {
  const host = new Map(hostEnv);
  // The files' variables come first, so -e overrides them.
  const env = read ? f.list('env-file').flatMap((p) => parseKvFile(p, read(p), (k) => host.get(k))) : [];
  env.push(...f.list('env').map((e) => (!e.includes('=') && host.has(e) ? `${e}=${host.get(e)}` : e)));
  if (env.length) cfg.Env = env;
  copyGiven(f, cfg, { workdir: 'WorkingDir', user: 'User' });
}

/** `--restart name[:count]` split as docker/cli's opts.ParseRestartPolicy does; the daemon judges the name. */
export function restartPolicy(s: string): { Name: string; MaximumRetryCount: number } {
  const colon = s.indexOf(':');
  const name = colon < 0 ? s : s.slice(0, colon);
  const count = colon < 0 ? '' : s.slice(colon + 1);
  if (colon >= 0 && name === '') throw new Error('invalid restart policy format: no policy provided before colon');
  if (count && !/^[+-]?\d+$/.test(count)) throw new Error('invalid restart policy format: maximum retry count must be an integer');
  return { Name: name, MaximumRetryCount: count ? Number(count) : 0 };
}

/** The container config of `docker run`/`create` flags, checked in the order of docker/cli's parse. */
export function containerConfig(f: Flags, image: string, cmd: string[], hostEnv: [string, string][] = [], cwd = '/', read?: FileReader): ContainerCreateConfig {
  const mac = f.str('mac-address');
  if (mac) checkMac(mac);
  checkSwappiness(f);
  const vols = splitVolumes(f.list('volume'), cwd);
  const exposed: PortSet = {};
  const bindings: PortMap = {};
  parsePorts(f.list('publish'), exposed, bindings);
  // --expose takes a port or a range (`3000-3002/udp`), each port exposed on its own.
  for (const e of f.list('expose')) {
    if (e.includes(':')) throw new Error(`invalid port format for --expose: ${e}`);
    const [port, proto] = e.split('/');
    const bad = (why: string) => new Error(`invalid range format for --expose: ${e}, error: ${why}`);
    if (!port) throw bad('empty string specified for ports');
    const [a, b = a] = port.split('-').slice(0, 2).map((n) => {
      if (!/^\d+$/.test(n) || +n > 65535) throw bad(`strconv.ParseUint: parsing ${JSON.stringify(n)}: ${/^\d+$/.test(n) ? 'value out of range' : 'invalid syntax'}`);
      return +n;
    });
    if (b < a) throw bad(`invalid range specified for port: ${port}`);
    for (let p = a; p <= b; p++) exposed[`${p}/${proto || 'tcp'}`] = {};
  }
  checkDevices(f);
  const proc: { Env?: string[]; WorkingDir?: string; User?: string } = {};
  processFlags(f, proc, hostEnv, read);
  const fileLabels = read ? f.list('label-file').flatMap((p) => parseKvFile(p, read(p))) : [];
  const labels = kvMap([...fileLabels, ...f.list('label')]);
  checkNamespaces(f);
  const restart = restartPolicy(f.str('restart') ?? 'no');
  checkDriverOpts(f, read);
  const health = healthFlags(f);
  if (f.bool('rm') && !/^(no)?$/.test(restart.Name)) throw new Error('conflicting options: cannot specify both --restart and --rm');
  const nets = networkAttachments(f);
  const [net] = nets;
  const interactive = f.bool('interactive');
  const attached = !f.bool('detach');
  // -a picks the streams; without it, stdout and stderr (and stdin with -i).
  const streams = f.list('attach').map((a) => a.toLowerCase());
  const attach = (s: string) => attached && (streams.length ? streams.includes(s) : s !== 'stdin');
  const entry = f.str('entrypoint');
  const cfg: ContainerCreateConfig = {
    Image: image,
    Tty: f.bool('tty'),
    OpenStdin: interactive,
    AttachStdin: attach('stdin') || (interactive && attached),
    AttachStdout: attach('stdout'),
    AttachStderr: attach('stderr'),
    StdinOnce: interactive && attached,
    HostConfig: {
      AutoRemove: f.bool('rm'),
      PortBindings: bindings,
      NetworkMode: f.has('network') ? net.Target : 'bridge',
      RestartPolicy: restart,
      Privileged: f.bool('privileged'),
      PublishAllPorts: f.bool('publish-all'),
      Binds: null,
      ...resourceFlags(f),
      // ValidateIPAddress hands on the address it parsed, without the blanks around it.
      Dns: f.list('dns').map((d) => d.trim()), DnsOptions: f.list('dns-option'), DnsSearch: f.list('dns-search'),
      // ValidateExtraHost: `name=ip` and a bracketed address reach the daemon as `name:ip`.
      ExtraHosts: f.list('add-host').map((h) => h.replace(/^([^=:]+)[=:]\[?(.*?)\]?$/, '$1:$2')),
      ...(f.has('link') && { Links: f.list('link') }),
      ...(f.has('gpus') && { DeviceRequests: f.list('gpus').map(parseGpuRequest) }),
      ...(f.has('cap-add') && { CapAdd: f.list('cap-add') }),
      ...(f.has('cap-drop') && { CapDrop: f.list('cap-drop') }),
      ...(f.has('oom-score-adj') && { OomScoreAdj: f.int('oom-score-adj') }),
      ...(f.has('isolation') && { Isolation: f.str('isolation') }),
      ...(f.str('cgroup-parent') && { CgroupParent: f.str('cgroup-parent') }),
      ...(f.str('runtime') && { Runtime: f.str('runtime') }),
      // ConvertKVStringsToMap: a bare option has an empty value.
      ...((f.str('log-driver') || f.has('log-opt')) && { LogConfig: { Type: f.str('log-driver') ?? '', Config: kvMap(f.list('log-opt')) } }),
      ...(f.has('memory-swappiness') && { MemorySwappiness: f.int('memory-swappiness') }),
      ...(f.bool('oom-kill-disable') && { OomKillDisable: true }),
      // MapOpts: `key=value`, a bare key has an empty value.
      ...(f.has('annotation') && { Annotations: kvMap(f.list('annotation')) }),
      ...Object.fromEntries([['ipc', 'IpcMode'], ['pid', 'PidMode'], ['uts', 'UTSMode']].filter(([flag]) => f.str(flag)).map(([flag, key]) => [key, f.str(flag)])),
      ...(f.has('init') && { Init: f.bool('init') }),
      ...(f.has('shm-size') && { ShmSize: ramInBytes(f.str('shm-size')!) }),
    },
  };
  mountFlags(f, cfg, vols, cwd);
  if (cmd.length) cfg.Cmd = cmd;
  if (entry !== undefined) cfg.Entrypoint = [entry];
  Object.assign(cfg, proc);
  copyGiven(f, cfg, { hostname: 'Hostname', domainname: 'Domainname', 'stop-signal': 'StopSignal' });
  if (Object.keys(exposed).length) cfg.ExposedPorts = exposed;
  if (Object.keys(labels).length) cfg.Labels = labels;
  if (health) cfg.Healthcheck = health;
  if (f.has('stop-timeout')) cfg.StopTimeout = f.int('stop-timeout');
  // --ip and --network-alias (or their per-network forms) describe the endpoint on the first
  // network; with several, each has its endpoint, the daemon connects them all.
  if (nets.length > 1 || net.IPv4Address || net.Aliases.length) {
    cfg.NetworkingConfig = { EndpointsConfig: Object.fromEntries(nets.map((n, k) => [k ? n.Target : cfg.HostConfig!.NetworkMode!, { IPAMConfig: n.IPv4Address ? { IPv4Address: n.IPv4Address } : null, Aliases: n.Aliases.length ? n.Aliases : null }])) };
  }
  return cfg;
}

/** The `--health-*` flags as docker/cli's parse turns them into a HealthConfig. */
function healthFlags(f: Flags): HealthConfig | undefined {
  const d = (k: string) => (f.has('health-' + k) ? parseGoDuration(f.str('health-' + k)!) : 0);
  const [Interval, Timeout, StartPeriod, StartInterval, Retries] = [d('interval'), d('timeout'), d('start-period'), d('start-interval'), f.int('health-retries') ?? 0];
  const cmd = f.str('health-cmd') ?? '';
  const given = !!cmd || !!(Interval || Timeout || StartPeriod || StartInterval || Retries);
  if (f.bool('no-healthcheck')) {
    if (given) throw new Error('--no-healthcheck conflicts with --health-* options');
    return { Test: ['NONE'] };
  }
  if (!given) return undefined;
  const neg: [string, number][] = [['interval', Interval], ['timeout', Timeout], ['retries', Retries], ['start-period', StartPeriod], ['start-interval', StartInterval]];
  for (const [k, v] of neg) if (v < 0) throw new Error(`--health-${k} cannot be negative`);
  // Every field is omitempty in moby's HealthConfig.
  const all: HealthConfig = { Test: cmd ? ['CMD-SHELL', cmd] : undefined, Interval, Timeout, StartPeriod, StartInterval, Retries };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v)) as HealthConfig;
}

/** `-v` (split already), `--mount`, `--tmpfs`, `--volumes-from`, `--read-only`. */
function mountFlags(f: Flags, cfg: ContainerCreateConfig, { binds, volumes }: ReturnType<typeof splitVolumes>, cwd: string): void {
  const hc = cfg.HostConfig!;
  if (binds.length) hc.Binds = binds;
  if (Object.keys(volumes).length) cfg.Volumes = volumes;
  if (f.has('mount')) hc.Mounts = f.list('mount').map((m) => parseMount(m, cwd));
  if (f.has('tmpfs')) hc.Tmpfs = Object.fromEntries(f.list('tmpfs').map((t) => [t.split(':')[0], t.slice(t.split(':')[0].length + 1)]));
  if (f.has('volumes-from')) hc.VolumesFrom = f.list('volumes-from');
  if (f.bool('read-only')) hc.ReadonlyRootfs = true;
}

/**
 * What `run` and `create` check before anything else: the pull option, then every flag as
 * docker/cli's parse reads them into the config. Their errors come with the help hint, exit 125.
 */
export function containerSetup(ctx: Ctx, f: Flags, args: string[], cmdName: string): ContainerCreateConfig {
  const pullPolicy = f.str('pull') ?? 'missing';
  if (!['always', 'missing', 'never', ''].includes(pullPolicy)) {
    throw withHelp(`invalid pull option: '${pullPolicy}': must be one of "always", "missing" or "never"`, cmdName);
  }
  const [image, ...cmd] = args;
  try {
    return containerConfig(f, image, cmd, ctx.sh.env(), ctx.sh.cwd, hostReader(ctx));
  } catch (e) {
    throw withHelp((e as Error).message, cmdName);
  }
}

/**
 * How a failure of createContainer reaches the user: `run` wraps it with the help hint, its code
 * telling a missing file (127) or a refused one (126) from the rest (125); `create` prints it as
 * it is and exits 1.
 */
function createFailure(msg: string, cmdName: string): CliError {
  if (cmdName !== 'run') return new CliError(msg, 1);
  const code = /executable file not found|no such file or directory|system cannot find the file specified/.test(msg) ? 127 : /permission denied|is a directory/.test(msg) ? 126 : 125;
  return withHelp(msg, cmdName, code);
}

/**
 * Creates the container of `run`/`create` from its config: the --cidfile is made first (and
 * removed again if no ID gets written to it), then the image reference and --platform are read;
 * an image that is not local is pulled (`Unable to find image 'x:latest' locally` and the pull
 * stream on stderr).
 */
export async function createContainer(ctx: Ctx, f: Flags, cfg: ContainerCreateConfig, cmdName: string): Promise<string> {
  const image = cfg.Image;
  const pullPolicy = f.str('pull') ?? 'missing';
  const fail = (msg: string) => createFailure(msg, cmdName);
  const cidFile = f.str('cidfile');
  const fs = ctx.sh.m.fs;
  if (cidFile) {
    let found = false;
    try {
      found = !!fs.resolve(cidFile, ctx.sh.cwd).node;
    } catch { /* os.Stat failed: no file there */ }
    if (found) throw fail(`container ID file found, make sure the other container isn't running or delete ${cidFile}`);
    try {
      fs.writeFile(cidFile, '', ctx.sh.cwd);
    } catch (e) {
      throw fail(`failed to create the container ID file: open ${cidFile}: ${reason(e).toLowerCase()}`);
    }
  }
  let written = false;
  try {
    const id = await pullAndCreate(ctx, f, cfg, image, pullPolicy, fail);
    if (cidFile) fs.writeFile(cidFile, id, ctx.sh.cwd);
    written = true;
    return id;
  } finally {
    if (cidFile && !written) fs.remove(cidFile, ctx.sh.cwd);
  }
}

async function pullAndCreate(ctx: Ctx, f: Flags, cfg: ContainerCreateConfig, image: string, pullPolicy: string, fail: (msg: string) => CliError): Promise<string> {
  let ref;
  try {
    ref = parseRef(image);
  } catch (e) {
    throw fail((e as Error).message);
  }
  const platform = f.str('platform');
  if (platform) {
    try {
      parsePlatform(platform);
    } catch (e) {
      throw fail(`error parsing specified platform: ${(e as Error).message}`);
    }
  }
  const daemonError = (e: ApiError) => fail(`Error response from daemon: ${e.message}`);
  const name = f.str('name');
  const create = async () => {
    if (f.bool('publish-all')) {
      // -P: every port the image exposes gets a free host port.
      const img = await ctx.api.imageInspect(image);
      const bindings = (cfg.HostConfig!.PortBindings ??= {});
      for (const p of Object.keys(img.Config.ExposedPorts ?? {})) bindings[p] ??= [{ HostIp: '', HostPort: '' }];
    }
    const r = await ctx.api.containerCreate(cfg, name);
    // The client adds its own warning for a loopback --dns (the first one) to the daemon's.
    const loopback = ((cfg.HostConfig!.Dns ?? []) as string[]).find((d) => /^127\.|^::1$/.test(d));
    for (const w of [...(r.Warnings ?? []), ...(loopback ? [`Localhost DNS (${loopback}) may fail in containers.`] : [])]) ctx.io.err(`WARNING: ${w}\n`);
    return r;
  };
  try {
    if (pullPolicy === 'always') await pullQuiet(ctx, image, false);
    return (await create()).Id;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.status !== 404 || !/^No such image/.test(e.message) || pullPolicy === 'never') throw daemonError(e);
  }
  // Quiet keeps the terminal for the container's ID and output alone
  if (!f.bool('quiet')) ctx.io.err(`Unable to find image '${familiarString(withLatest(ref))}' locally\n`);
  try {
    await pullQuiet(ctx, image, f.bool('quiet'));
    return (await create()).Id;
  } catch (e) {
    throw e instanceof ApiError ? daemonError(e) : e;
  }
}

/** The pull inside `run`/`create`: stream on stderr, no `Using default tag`, no final reference. */
async function pullQuiet(ctx: Ctx, image: string, quiet: boolean): Promise<void> {
  const render = messageRenderer(ctx.io, (t) => ctx.io.err(t));
  await ctx.api.imagePull(image, quiet ? () => {} : render, { signal: ctx.io.signal });
  // Ctrl+C cancels the pull and the command with it: no container, nothing printed, 128+SIGINT.
  if (ctx.io.signal?.aborted) throw new CliError('', 130);
}

/** The errors gathered over several arguments, one per line after the output; exit 1 if any. */
export function reportErrors(ctx: Ctx, errors: string[]): number {
  if (!errors.length) return 0;
  ctx.io.err(errors.join('\n') + '\n');
  return 1;
}

/** Runs one call per argument, printing the argument on success and joining the errors. */
export async function eachArg(ctx: Ctx, args: string[], fn: (a: string) => Promise<unknown>): Promise<number> {
  const errors: string[] = [];
  for (const a of args) {
    try {
      await fn(a);
      ctx.io.out(a + '\n');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      errors.push(e.inStream ? e.message : `Error response from daemon: ${e.message}`);
    }
  }
  return reportErrors(ctx, errors);
}

/** `the input device is not a TTY` check of `run -it` and `exec -it`. */
export function checkTty(ctx: Ctx, interactive: boolean, tty: boolean): void {
  if (interactive && tty && (!ctx.io.tty || ctx.stdin !== null)) throw new CliError('the input device is not a TTY');
}

/**
 * An attached client waiting for the container's end: Ctrl+C (or `kill %1`'s TERM) goes to the
 * container (sig-proxy), see `sigProxy`; the client exits with its code.
 */
export async function waitAttached(ctx: Ctx, id: string, handle: ProcessHandle): Promise<number> {
  const res = await ctx.api.containerWait(id, ctx.io);
  return res ? res.StatusCode : sigProxy(ctx, id, handle);
}

/**
 * The client's signal forwarded to the container, still attached, so what the process prints as
 * it stops (nginx's "signal 2 (SIGINT) received") reaches the terminal; then its exit code.
 */
export async function sigProxy(ctx: Ctx, id: string, handle: ProcessHandle): Promise<number> {
  const { api, io } = ctx;
  try {
    await api.containerKill(id, io.signal?.reason === 15 ? 'SIGTERM' : 'SIGINT');
  } catch { /* already gone */ }
  handle.detach();
  return (await api.containerWait(id, { sleep: io.sleep, park: io.park }))?.StatusCode ?? 130;
}

/**
 * Hands the terminal to `h` until it exits or detaches; returns the exit code now when the
 * process has already ended (a command that ran to completion).
 */
export function enterOrExit(ctx: Ctx, h: ProcessHandle): number {
  if (h.exited) return h.exitCode ?? 0;
  ctx.enter(h);
  return 0;
}

/**
 * A y/N question (`prune`): on a terminal the next line answers; with input piped or
 * redirected the answer is read from it; with neither the answer is no.
 */
export function confirm(ctx: Ctx, warning: string, then: (io: TermIO) => Promise<number>, oneLine = false): Promise<number> {
  // `oneLine`: the warning is the question itself (builder prune's prompt.Confirm).
  const q = oneLine ? warning + ' [y/N] ' : 'Are you sure you want to continue? [y/N] ';
  // Only `y` (any case) confirms, as PromptForConfirmation reads it; end of input means no.
  const answer = (line: string, io: TermIO) => (line.trim().toLowerCase() === 'y' ? then(io) : Promise.resolve(0));
  if (ctx.stdin !== null || !ctx.io.tty) {
    ctx.io.out(oneLine ? q : `${warning}\n${q}`);
    return answer((ctx.stdin ?? '').split('\n')[0], ctx.io);
  }
  // The warning is printed now; the question is the prompt the next line answers.
  if (!oneLine) ctx.io.out(warning + '\n');
  return Promise.resolve(ask(ctx, { prompt: q, echo: true, next: answer }));
}

export type Step = { prompt: string; echo: boolean; next: (line: string, io: TermIO) => Promise<Step> } | number;

/**
 * Reads answers from the terminal as the client's prompts do: each prompt's `next` gets its line
 * (trimmed, as prompt.ReadInput returns it) and gives the next prompt, or the exit code when done.
 */
export function ask(ctx: Ctx, first: Step): number {
  if (typeof first === 'number') return first;
  let step: Step = first;
  const handle: ProcessHandle = {
    containerId: '',
    interactive: true,
    prompt: () => (typeof step === 'number' ? '' : step.prompt),
    get echo() {
      return typeof step === 'number' || step.echo;
    },
    async input(line, io) {
      if (typeof step !== 'number') step = await step.next(line.trim(), io).catch((e: unknown) => reportError(e, io));
    },
    eof: (io) => handle.input('', io),
    // Ctrl+C: the prompt ends its line and returns ErrPromptTerminated, an errdefs.Cancelled error the
    // CLI neither prints nor fails with (exit 0); with echo off the terminal shows no ^C.
    async interrupt(io) {
      io.out(handle.echo ? '^C\n' : '\n');
      step = 0;
    },
    detach() {},
    get exited() {
      return typeof step === 'number';
    },
    get exitCode() {
      return typeof step === 'number' ? step : null;
    },
    status: 0,
    complete: () => [],
  };
  ctx.enter(handle);
  return 0;
}
