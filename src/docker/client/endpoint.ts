/**
 * Where the client would connect (docker/cli's resolveDockerEndpoint): `-H`/DOCKER_HOST,
 * `--context`/DOCKER_CONTEXT and the TLS options. The client resolves it lazily, the first time a
 * command needs the engine, and then exits with `Failed to initialize: …`; only --host with
 * --context is refused at once.
 */
import { sha256 } from '../common/hash';
import type { Flags } from './flags';
import type { HostShell } from './shell/host-shell';

/** The conflict docker reports before it looks at the command (exit 1). */
export function endpointConflict(g: Flags, sh: HostShell): string | null {
  return (g.str('context') ?? sh.getVar('DOCKER_CONTEXT')) && g.has('host') ? 'conflicting options: cannot specify both --host and --context' : null;
}

/** Why the endpoint cannot be resolved, as the client words it, or null when it can. */
export function endpointError(g: Flags, sh: HostShell): string | null {
  const home = sh.getVar('HOME') || '/home/alumno';
  const config = g.str('config') ?? `${home}/.docker`;
  const hosts = g.has('host') ? g.list('host') : [sh.getVar('DOCKER_HOST') ?? ''];
  const context = g.str('context') ?? (g.has('host') || sh.getVar('DOCKER_HOST') ? '' : sh.getVar('DOCKER_CONTEXT') ?? '');
  const missing = (path: string): boolean => {
    try {
      sh.m.fs.readFile(path, sh.cwd);
      return false;
    } catch {
      return true;
    }
  };
  let why = '';
  if (context && context !== 'default') {
    why = `context "${context}": context not found: open ${config}/contexts/meta/${sha256(context)}/meta.json: no such file or directory`;
  } else if (hosts.length > 1) {
    why = 'Specify only one -H';
  } else {
    const host = hosts[0].trim();
    const proto = host.includes('://') ? host.slice(0, host.indexOf('://')) : 'tcp';
    if (host && !['tcp', 'unix', 'npipe', 'fd', 'ssh'].includes(proto)) why = `invalid bind address format: ${host}`;
    // --tlsverify, even =false, asks for the CA and the client's key pair (defaults under --config).
    else if (g.has('tls') || g.has('tlsverify')) {
      const files = [g.str('tlscacert') ?? `${config}/ca.pem`, ...['tlscert', 'tlskey'].flatMap((f) => g.str(f) ?? [])];
      const absent = files.find(missing);
      if (absent) why = `open ${absent}: no such file or directory`;
    }
  }
  return why && `Failed to initialize: unable to resolve docker endpoint: ${why}`;
}
