/**
 * `docker login` and `docker logout` (docker/cli registry/login.go, logout.go): credentials are
 * kept, base64 as the file store keeps them, in the host's `~/.docker/config.json`, which `push`
 * reads to say who is pushing. Plain `docker login` falls back from the web-based device login,
 * which a machine without a browser cannot start, to the username and password prompts.
 */
import type { RegistryAuth } from '../../api';
import type { TermIO } from '../../shell';
import { CliError, type Ctx, type Handler } from '../cli';
import { HOME } from '../shell/host-shell';
import { ask, type Step } from './shared';
import { b64decode, b64encode } from '../../common/base64';

const HUB = 'https://index.docker.io/v1/';
const REGISTER = "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.\n" +
  'You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/\n\n';

interface ConfigFile { auths?: Record<string, { auth?: string }> }

const configPath = (ctx: Ctx): string => `${ctx.sh.getVar('HOME') || HOME}/.docker/config.json`;

function readConfig(ctx: Ctx): ConfigFile {
  try {
    const c = JSON.parse(ctx.sh.m.fs.readFile(configPath(ctx)));
    return c && typeof c === 'object' ? c : {};
  } catch {
    return {};
  }
}

/** configfile.Save: Go's MarshalIndent with tabs, the file readable by its owner only. */
function writeConfig(ctx: Ctx, c: ConfigFile): void {
  const path = configPath(ctx);
  ctx.sh.m.fs.mkdir(path.slice(0, path.lastIndexOf('/')), '/', true);
  ctx.sh.m.fs.writeFile(path, JSON.stringify({ auths: {}, ...c }, null, '\t'), '/', false, 0o600);
}

/** The credentials stored for a registry (Docker Hub by default), if any. */
export function storedAuth(ctx: Ctx, address = HUB): RegistryAuth | undefined {
  try {
    const s = b64decode(readConfig(ctx).auths?.[address]?.auth ?? '');
    const i = s.indexOf(':');
    return i > 0 ? { username: s.slice(0, i), password: s.slice(i + 1) } : undefined;
  } catch {
    return undefined;
  }
}

/** tui's `PrintNote`: the Info header, continuation lines under it, italic on a terminal. */
export function note(tty: boolean, text: string): string {
  const header = tty ? '\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo → \x1b[0m\x1b[0m' : ' Info -> ';
  return '\n' + header + text.split('\n').map((l, i) => (i ? ' '.repeat(9) : '') + (tty ? `\x1b[3m${l}\x1b[0m` : l) + '\n').join('');
}

export const login: Handler = async (ctx, f, [server]) => {
  // verifyLoginFlags, on what was typed, before anything is printed
  if (f.has('password-stdin')) {
    if (f.has('password')) throw new CliError('conflicting options: cannot specify both --password and --password-stdin');
    if (!f.has('username')) throw new CliError('the --password-stdin option requires --username to be set');
  }
  if (f.has('username') && !f.str('username')) throw new CliError('username is empty');
  if (f.has('password') && !f.str('password')) throw new CliError('password is empty');
  let user = (f.str('username') ?? '').trim();
  let password = f.str('password') ?? '';
  if (password) ctx.io.err('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
  if (f.bool('password-stdin')) {
    // the client's TrimSuffix of the line end is covered by the TrimSpace below
    password = ctx.stdin ?? '';
  }
  password = password.trim();
  const address = !server || server === 'docker.io' ? HUB : server;
  const hub = address === HUB;
  const finish = async (auth: RegistryAuth, io: TermIO): Promise<number> => {
    const { Status } = await ctx.api.registryLogin({ ...auth, serveraddress: address });
    const c = readConfig(ctx);
    writeConfig(ctx, { ...c, auths: { ...c.auths, [address]: { auth: b64encode(`${auth.username}:${auth.password}`) } } });
    io.err(`\nWARNING! Your credentials are stored unencrypted in '${configPath(ctx)}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`);
    io.out(Status + '\n');
    return 0;
  };
  const stored = !user && !password ? storedAuth(ctx, address) : undefined;
  if (stored) {
    ctx.io.out(`Authenticating with existing credentials... [Username: ${stored.username}]\nTo login with a different account, run 'docker logout' followed by 'docker login'\n\n`);
    return finish(stored, ctx.io);
  }
  if (user && password) return finish({ username: user, password }, ctx.io);
  if (!ctx.io.tty || ctx.stdin !== null) throw new CliError('Error: Cannot perform an interactive login from a non TTY device');
  if (hub && !user && !password && !/^(1|t|true)$/i.test(ctx.sh.getVar('DOCKER_CLI_DISABLE_OAUTH_LOGIN') ?? '')) {
    ctx.io.err('Failed to start web-based login - falling back to command line login...\n\n');
  }
  // After the password the client prints a newline, as the Enter was not echoed; the terminal's own line end stands for it here.
  const withPassword = async (pw: string, io: TermIO): Promise<Step> => {
    if (!pw) throw new CliError('Error: Password Required');
    return finish({ username: user, password: pw }, io);
  };
  const askPassword = (io: TermIO): Step => {
    if (hub) io.err(note(io.tty, `A Personal Access Token (PAT) can be used instead.\nTo create a PAT, visit ${io.tty ? '\x1b[4m' : ''}https://app.docker.com/settings${io.tty ? '\x1b[0m' : ''}\n\n`));
    return { prompt: 'Password: ', echo: false, next: withPassword };
  };
  if (user) return ask(ctx, askPassword(ctx.io));
  if (hub) ctx.io.out(REGISTER);
  return ask(ctx, {
    prompt: 'Username: ', echo: true, next: async (line, io) => {
      if (!line) throw new CliError('Error: Non-null Username Required');
      user = line;
      return password ? finish({ username: user, password }, io) : askPassword(io);
    },
  });
};

export const logout: Handler = async (ctx, _f, [server]) => {
  // Other registries are stored by host name (credentials.ConvertToHostname), older entries by URL.
  const host = server ? server.replace(/^https?:\/\//, '').split('/')[0] : HUB;
  ctx.io.out(`Removing login credentials for ${host}\n`);
  const c = readConfig(ctx);
  const auths = { ...c.auths };
  for (const k of server ? [server, host, 'http://' + host, 'https://' + host] : [HUB]) delete auths[k];
  writeConfig(ctx, { ...c, auths });
  return 0;
};
