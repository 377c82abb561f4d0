/** `docker inspect` of a container: the document moby returns, with `--size` fields. */
import type { ContainerInspect } from '../api';
import { rfc3339 } from './clock';
import type { Engine } from './engine';
import { digest } from './hash';

export const inspecting = {
  async containerInspect(this: Engine, id: string, opts: { size?: boolean } = {}): Promise<ContainerInspect> {
    this.tick();
    const c = this.get(id);
    const dir = `/var/lib/docker/overlay2/${c.id.slice(0, 40)}${c.id.slice(52)}`;
    const lowers = this.layers.chain(c.top).reverse().map((l) => `/var/lib/docker/overlay2/${l.chainId.slice(7, 32)}${l.diffId.slice(7, 46)}/diff`);
    const running = c.status === 'running' || c.status === 'paused';
    const sandbox = running ? (c.sandboxId ??= digest('sb:' + c.id).slice(7)) : '';
    const out: ContainerInspect = {
      Id: c.id,
      Created: rfc3339(c.created),
      Path: c.path,
      Args: c.args,
      State: {
        Status: c.status, Running: running, Paused: c.status === 'paused', Restarting: c.status === 'restarting', OOMKilled: false,
        Dead: c.status === 'dead', Pid: running ? c.pid : 0, ExitCode: c.exitCode, Error: c.error,
        StartedAt: rfc3339(c.startedAt), FinishedAt: rfc3339(c.finishedAt),
      },
      Image: c.image,
      ResolvConfPath: `/var/lib/docker/containers/${c.id}/resolv.conf`,
      HostnamePath: `/var/lib/docker/containers/${c.id}/hostname`,
      HostsPath: `/var/lib/docker/containers/${c.id}/hosts`,
      LogPath: `/var/lib/docker/containers/${c.id}/${c.id}-json.log`,
      Name: '/' + c.name,
      RestartCount: 0,
      Driver: 'overlay2',
      Platform: 'linux',
      MountLabel: '',
      ProcessLabel: '',
      AppArmorProfile: 'docker-default',
      ExecIDs: c.execs.filter((e) => e.exitCode === null).length ? c.execs.filter((e) => e.exitCode === null).map((e) => digest('exec:' + c.id + e.pid).slice(7)) : null,
      HostConfig: c.hostConfig,
      GraphDriver: { Data: { ID: c.id, LowerDir: [`${dir}-init/diff`, ...lowers].join(':'), MergedDir: `${dir}/merged`, UpperDir: `${dir}/diff`, WorkDir: `${dir}/work` }, Name: 'overlay2' },
      Mounts: [],
      Config: c.config,
      NetworkSettings: {
        Bridge: '', SandboxID: running ? sandbox : '', SandboxKey: running ? `/var/run/docker/netns/${sandbox.slice(0, 12)}` : '',
        Ports: running ? this.portMap(c) : {}, HairpinMode: false, LinkLocalIPv6Address: '', LinkLocalIPv6PrefixLen: 0,
        SecondaryIPAddresses: null, SecondaryIPv6Addresses: null, EndpointID: this.endpoint(c).EndpointID, Gateway: running ? '172.17.0.1' : '',
        GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0, IPAddress: running ? c.ip : '', IPPrefixLen: running ? 16 : 0, IPv6Gateway: '',
        MacAddress: this.endpoint(c).MacAddress, Networks: { bridge: this.endpoint(c) },
      },
    };
    if (opts.size) {
      const rw = this.fsOf(c).sizeRw();
      const cfg = out.Config;
      delete (out as Partial<ContainerInspect>).Mounts;
      delete (out as Partial<ContainerInspect>).Config;
      delete (out as Partial<ContainerInspect>).NetworkSettings;
      Object.assign(out, { SizeRw: rw, SizeRootFs: this.layers.size(c.top) + rw, Mounts: [], Config: cfg, NetworkSettings: running ? out.NetworkSettings : { ...out.NetworkSettings } });
    }
    return out;
  },
};
