/** `docker version`, `docker info`, `docker system df`: what the daemon says about itself. */
import type { SystemDf, SystemInfo, SystemVersion } from '../api';
import { rfc3339 } from './clock';
import type { Engine } from './engine';

export const KERNEL = '6.8.0-60-generic';

export const system = {
  async ping(this: Engine): Promise<'OK'> {
    return 'OK';
  },

  async version(this: Engine): Promise<SystemVersion> {
    return {
      Platform: { Name: 'Docker Engine - Community' },
      Components: [
        { Name: 'Engine', Version: '28.2.2', Details: { ApiVersion: '1.50', Arch: 'amd64', BuildTime: '2025-05-30T12:07:14.000000000+00:00', Experimental: 'false', GitCommit: '45873be', GoVersion: 'go1.24.3', KernelVersion: KERNEL, MinAPIVersion: '1.24', Os: 'linux' } },
        { Name: 'containerd', Version: '1.7.27', Details: { GitCommit: '05044ec0a9a75232cad458027ca83437aae3f4da' } },
        { Name: 'runc', Version: '1.2.5', Details: { GitCommit: 'v1.2.5-0-g59923ef' } },
        { Name: 'docker-init', Version: '0.19.0', Details: { GitCommit: 'de40ad0' } },
      ],
      Version: '28.2.2', ApiVersion: '1.50', MinAPIVersion: '1.24', GitCommit: '45873be', GoVersion: 'go1.24.3',
      Os: 'linux', Arch: 'amd64', KernelVersion: KERNEL, BuildTime: '2025-05-30T12:07:14.000000000+00:00',
    };
  },

  async info(this: Engine): Promise<SystemInfo> {
    this.tick();
    const cs = [...this.containers.values()];
    const running = cs.filter((c) => c.status === 'running').length;
    const paused = cs.filter((c) => c.status === 'paused').length;
    return {
      ID: '7b1c8d2e-4f3a-4b6c-9d0e-1f2a3b4c5d6e', Containers: cs.length, ContainersRunning: running, ContainersPaused: paused,
      ContainersStopped: cs.length - running - paused, Images: this.images.images.size, Driver: 'overlay2',
      DriverStatus: [['Backing Filesystem', 'extfs'], ['Supports d_type', 'true'], ['Using metacopy', 'false'], ['Native Overlay Diff', 'true'], ['userxattr', 'false']],
      Plugins: { Volume: ['local'], Network: 'bridge host ipvlan macvlan null overlay'.split(' '), Authorization: null, Log: 'awslogs fluentd gcplogs gelf journald json-file local splunk syslog'.split(' ') },
      MemoryLimit: true, SwapLimit: true, CpuCfsPeriod: true, CpuCfsQuota: true, CPUShares: true, CPUSet: true, PidsLimit: true,
      IPv4Forwarding: true, Debug: false, NFd: 24 + running * 3, OomKillDisable: false, NGoroutines: 41 + running * 6,
      SystemTime: rfc3339(this.now()), LoggingDriver: 'json-file', CgroupDriver: 'systemd', CgroupVersion: '2', NEventsListener: 0,
      KernelVersion: KERNEL, OperatingSystem: 'Ubuntu 24.04.2 LTS', OSVersion: '24.04', OSType: 'linux', Architecture: 'x86_64',
      IndexServerAddress: 'https://index.docker.io/v1/', NCPU: 4, MemTotal: 8324673536, DockerRootDir: '/var/lib/docker',
      HttpProxy: '', HttpsProxy: '', NoProxy: '', Name: 'aula', Labels: [], ExperimentalBuild: false, ServerVersion: '28.2.2',
      DefaultRuntime: 'runc', Runtimes: { 'io.containerd.runc.v2': { path: 'runc' }, runc: { path: 'runc' } }, LiveRestoreEnabled: false,
      Isolation: '', InitBinary: 'docker-init', ContainerdCommit: { ID: '05044ec0a9a75232cad458027ca83437aae3f4da' },
      RuncCommit: { ID: 'v1.2.5-0-g59923ef' }, InitCommit: { ID: 'de40ad0' }, SecurityOptions: 'name=apparmor name=seccomp,profile=builtin name=cgroupns'.split(' '), Warnings: null,
    };
  },

  async systemDf(this: Engine): Promise<SystemDf> {
    this.tick();
    const imgsList = await this.imageList({ all: true });
    const counts = new Map<string, number>();
    for (const c of this.containers.values()) counts.set(c.image, (counts.get(c.image) ?? 0) + 1);
    // Shared size: bytes of layers also used by another image.
    const users = new Map<string, number>();
    for (const img of this.images.images.values()) for (const l of this.layers.chain(img.top)) users.set(l.chainId, (users.get(l.chainId) ?? 0) + 1);
    const Images = imgsList.map((s) => {
      const img = this.images.images.get(s.Id)!;
      const shared = this.layers.chain(img.top).filter((l) => (users.get(l.chainId) ?? 0) > 1).reduce((a, l) => a + l.size, 0);
      return { ...s, SharedSize: shared, Containers: counts.get(s.Id) ?? 0 };
    });
    let layersSize = 0;
    for (const l of this.layers.layers.values()) layersSize += l.size;
    return { LayersSize: layersSize, Images, Containers: await this.containerList({ all: true, size: true }), Volumes: this.volumeUsage(), BuildCache: [] };
  },
};
