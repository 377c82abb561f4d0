/** A host shell with the docker client on a given API, and a recorder for what it prints. */
import type { DockerApi } from '../../../../src/docker/api';
import { docker } from '../../../../src/docker/client/cli';
import { HostShell } from '../../../../src/docker/client/shell/host-shell';
import { HOST_PROGRAMS } from '../../../../src/docker/client/shell/programs';
import { Overlay, newDir } from '../../../../src/docker/engine/fs';
import type { TermIO } from '../../../../src/docker/shell';

export interface Out { stdout: string; stderr: string; both: string; exit: number }

/** An engine that must not be reached: the call fails the test. */
export const NO_ENGINE = new Proxy({}, {
  get: (_t, p) => (p === 'now' ? () => Date.UTC(2025, 5, 1) : p === 'advance' ? () => {} : () => { throw new Error(`engine called: ${String(p)}`); }),
}) as DockerApi;

export function hostShell(api: DockerApi = NO_ENGINE): HostShell {
  const sh: HostShell = new HostShell(() => api.now(), (ms) => api.advance(ms), {
    ...HOST_PROGRAMS,
    docker: (args, io) => docker(args.slice(1), { api, io, stdin: io.stdin ?? null, sh, enter: () => { sh.stopLine = true; } }),
  }, new Overlay(newDir(), [], () => api.now()));
  return sh;
}

export async function run(sh: HostShell, line: string, tty = false): Promise<Out> {
  const o: Out = { stdout: '', stderr: '', both: '', exit: 0 };
  const io: TermIO = {
    out: (t) => { o.stdout += t; o.both += t; },
    err: (t) => { o.stderr += t; o.both += t; },
    tty,
    sleep: () => Promise.resolve(),
  };
  o.exit = await sh.run(line, io);
  return o;
}
