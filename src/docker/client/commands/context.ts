/**
 * `docker context`: the client's context store holds only `default`, the context of DOCKER_HOST
 * (the local socket), which is the current one. Any other name is looked up, and missed, where
 * the store keeps its metadata: a directory named by the SHA-256 of the name.
 */
import { ApiError } from '../../api';
import { CliError, type Ctx, type Handler } from '../cli';
import { formatList } from '../format/list';
import { sha256 } from '../../common/hash';
import type { Flags } from '../flags';
import { HOME, type HostShell } from '../shell/host-shell';
import { inspectAll } from './inspect';

const TABLE = 'table {{.Name}}{{if .Current}} *{{end}}\t{{.Description}}\t{{.DockerEndpoint}}\t{{.Error}}';
const HEADERS = { Name: 'NAME', Description: 'DESCRIPTION', DockerEndpoint: 'DOCKER ENDPOINT', Error: 'ERROR' };
const DEFAULT = { Current: true, Description: 'Current DOCKER_HOST based configuration', DockerEndpoint: 'unix:///var/run/docker.sock', Error: '', Name: 'default' };
/** What `context inspect` shows of the default context, which lives in memory only. */
const INSPECTED = {
  Name: 'default', Metadata: {}, Endpoints: { docker: { Host: DEFAULT.DockerEndpoint, SkipTLSVerify: false } }, TLSMaterial: {},
  Storage: { MetadataPath: '<IN MEMORY>', TLSPath: '<IN MEMORY>' },
};

/** The client's configuration directory: --config, else DOCKER_CONFIG, else ~/.docker (cleaned as filepath.Join does). */
export const configDir = (g: Flags | undefined, sh: HostShell): string => (g?.str('config') ?? (sh.getVar('DOCKER_CONFIG') || `${sh.getVar('HOME') || HOME}/.docker`)).replace(/(.)\/+$/, '$1');

/** A context the store lacks: the metadata file the client failed to open names the directory. */
export const contextNotFound = (g: Flags | undefined, sh: HostShell, name: string): string =>
  `context "${name}": context not found: open ${configDir(g, sh)}/contexts/meta/${sha256(name)}/meta.json: no such file or directory`;

const notFound = (ctx: Ctx, name: string): string => contextNotFound(ctx.globals, ctx.sh, name);

export const contextLs: Handler = async (ctx, f) => {
  const format = f.bool('quiet') ? '{{.Name}}' : f.str('format') || 'table';
  ctx.io.out(formatList(format === 'table' ? TABLE : format === 'json' ? '{{json .}}' : format, [DEFAULT], HEADERS));
  return 0;
};

export const contextShow: Handler = async (ctx) => {
  ctx.io.out(DEFAULT.Name + '\n');
  return 0;
};

export const contextUse: Handler = async (ctx, _f, [name]) => {
  if (name !== DEFAULT.Name) throw new CliError(notFound(ctx, name));
  ctx.io.out(name + '\n');
  ctx.io.err(`Current context is now "${name}"\n`);
  return 0;
};

/** Without a name, the current context. */
export const contextInspect: Handler = (ctx, f, args) => inspectAll(ctx, f, args.length ? args : [DEFAULT.Name], async (a) => {
  if (a !== DEFAULT.Name) throw new ApiError(404, notFound(ctx, a));
  return [INSPECTED, 'context'];
}, (_a, e) => e.message);

export const contextRm: Handler = async (ctx, f, args) => {
  const errors: string[] = [];
  for (const a of args) {
    if (a === DEFAULT.Name) errors.push(`context "${a}" cannot be removed`);
    else if (f.bool('force')) ctx.io.out(a + '\n');
    else errors.push(`context "${a}" does not exist`);
  }
  if (errors.length) throw new CliError(errors.join('\n'));
  return 0;
};
