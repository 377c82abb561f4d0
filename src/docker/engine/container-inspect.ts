/** `docker inspect` of a container: the document moby returns, with `--size` fields. */
import type { ContainerInspect } from '../api';
import { rfc3339 } from './clock';
import type { Engine } from './engine';
import { execIdOf } from './exec';
import { pseudoHex } from '../common/hash';
import { treeSize } from './fs';
import { ctrLayerDir, overlayDir } from './store';

export const inspecting = {
  async containerInspect(this: Engine, id: string, opts: { size?: boolean } = {}): Promise<ContainerInspect> {
    this.tick();
    const probes = this.healthProbes();
    if (probes) await probes;
    const c = this.get(id);
    const files = `/var/lib/docker/containers/${c.id}/`;
    const dir = ctrLayerDir(c);
    const lowers = this.layers.chain(c.top).reverse().map((l) => overlayDir(l) + '/diff');
    const running = this.isUp(c);
    const sandbox = running ? (c.sandboxId ??= pseudoHex('sb:' + c.id)) : '';
    const nets = this.endpoints(c);
    // The top-level address fields describe the default bridge only (empty on other networks).
    const ep = nets.bridge ?? { EndpointID: '', Gateway: '', IPAddress: '', IPPrefixLen: 0, MacAddress: '' };
    const execs = c.execs.filter((e) => e.exitCode === null && e.ppid === undefined).map((e) => execIdOf(c, e.pid));
    const rw = opts.size ? treeSize(c.upper) : 0;
    return {
      Id: c.id,
      Created: rfc3339(c.created),
      Path: c.path,
      Args: c.args,
      State: {
        Status: c.status, Running: running, Paused: c.status === 'paused', Restarting: c.status === 'restarting', OOMKilled: false,
        Dead: c.status === 'dead', Pid: running ? c.pid : 0, ExitCode: c.exitCode, Error: c.error,
        StartedAt: rfc3339(c.startedAt), FinishedAt: rfc3339(c.finishedAt),
        ...(c.health && { Health: { Status: c.health.Status, FailingStreak: c.health.FailingStreak, Log: c.health.Log } }),
      },
      Image: c.image,
      ResolvConfPath: files + 'resolv.conf',
      HostnamePath: files + 'hostname',
      HostsPath: files + 'hosts',
      LogPath: `${files}${c.id}-json.log`,
      Name: '/' + c.name,
      RestartCount: c.restarts ?? 0,
      Driver: 'overlay2',
      Platform: 'linux',
      MountLabel: '',
      ProcessLabel: '',
      AppArmorProfile: 'docker-default',
      ExecIDs: execs.length ? execs : null,
      HostConfig: c.hostConfig,
      GraphDriver: { Data: { ID: c.id, LowerDir: [`${dir}-init/diff`, ...lowers].join(':'), MergedDir: `${dir}/merged`, UpperDir: `${dir}/diff`, WorkDir: `${dir}/work` }, Name: 'overlay2' },
      // `--size` adds its two fields here, before Mounts, as moby orders them.
      ...(opts.size ? { SizeRw: rw, SizeRootFs: this.layers.size(c.top) + rw } : {}),
      Mounts: c.mounts ?? [],
      Config: c.config,
      NetworkSettings: {
        Bridge: '', SandboxID: sandbox, SandboxKey: running ? `/var/run/docker/netns/${sandbox.slice(0, 12)}` : '',
        Ports: running ? this.portMap(c) : {}, HairpinMode: false, LinkLocalIPv6Address: '', LinkLocalIPv6PrefixLen: 0,
        SecondaryIPAddresses: null, SecondaryIPv6Addresses: null, EndpointID: ep.EndpointID, Gateway: ep.Gateway,
        GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0, IPAddress: ep.IPAddress, IPPrefixLen: ep.IPPrefixLen, IPv6Gateway: '',
        MacAddress: ep.MacAddress, Networks: nets,
      },
    };
  },
};
