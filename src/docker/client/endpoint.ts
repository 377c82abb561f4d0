/**
 * Where the client would connect (docker/cli's resolveDockerEndpoint): `-H`/DOCKER_HOST,
 * `--context`/DOCKER_CONTEXT and the TLS options. The client resolves it lazily, the first time a
 * command needs the engine, and then exits with `Failed to initialize: …`; only --host with
 * --context is refused at once.
 */
import { configDir, contextNotFound } from './commands/context';
import type { Flags } from './flags';
import type { HostShell } from './shell/host-shell';

/** The conflict docker reports before it looks at the command (exit 1); DOCKER_CONTEXT yields to -H instead. */
export function endpointConflict(g: Flags): string | null {
  return g.str('context') && g.has('host') ? 'conflicting options: cannot specify both --host and --context' : null;
}


function missing(sh: HostShell, path: string): boolean {
  try {
    sh.m.fs.readFile(path, sh.cwd);
    return false;
  } catch {
    return true;
  }
}

/**
 * The root's help as the global options leave it: pflag shows an empty default for a -H given;
 * with --tls or --tlsverify the client drops the defaults of a key pair that is not there; and a
 * client that could not resolve its endpoint knows no experimental daemon, so hides checkpoint.
 */
export function rootHelp(help: string, g: Flags, sh: HostShell, unresolved: boolean): string {
  let text = help;
  if (g.has('host')) text = text.replace('Daemon socket to connect to\n', 'Daemon socket to connect to (default )\n');
  if (g.has('tls') || g.has('tlsverify')) {
    for (const [flag, file, what] of [['tlscert', 'cert', 'certificate'], ['tlskey', 'key', 'key']]) {
      if (!g.has(flag) && missing(sh, `${configDir(g, sh)}/${file}.pem`)) text = text.replace(new RegExp(`(Path to TLS ${what} file) \\(default\\n +"[^"]*"\\)`), '$1');
    }
  }
  return unresolved ? text.replace(/^ {2}checkpoint .*\n/m, '') : text;
}

/** Why the endpoint cannot be resolved, as the client words it, or null when it can. */
export function endpointError(g: Flags, sh: HostShell): string | null {
  const config = configDir(g, sh);
  const hosts = g.has('host') ? g.list('host') : [sh.getVar('DOCKER_HOST') ?? ''];
  const context = g.str('context') ?? (g.has('host') || sh.getVar('DOCKER_HOST') ? '' : sh.getVar('DOCKER_CONTEXT') ?? '');
  let why = '';
  if (context && context !== 'default') {
    why = contextNotFound(g, sh, context);
  } else if (hosts.length > 1) {
    why = 'Specify only one -H';
  } else {
    const host = hosts[0].trim();
    const proto = host.includes('://') ? host.slice(0, host.indexOf('://')) : 'tcp';
    if (host && !['tcp', 'unix', 'npipe', 'fd', 'ssh'].includes(proto)) why = `invalid bind address format: ${host}`;
    // --tlsverify, even =false, asks for the CA and the client's key pair (defaults under --config).
    else if (g.has('tls') || g.has('tlsverify')) {
      const files = [g.str('tlscacert') ?? `${config}/ca.pem`, ...['tlscert', 'tlskey'].flatMap((f) => g.str(f) ?? [])];
      const absent = files.find((f) => missing(sh, f));
      if (absent) why = `open ${absent}: no such file or directory`;
    }
  }
  return why && `Failed to initialize: unable to resolve docker endpoint: ${why}`;
}
