/** `docker info`: the client block and the daemon's system information. */
import type { SystemInfo } from '../../api';
import type { Handler } from '../cli';
import { parseOwn, renderOwn } from '../format/template';
import { bytesSize } from '../format/units';

/** `  name` and `   Profile: …` lines of each `name=…,profile=…` security option. */
function securityOptions(options: string[]): string {
  return options
    .map((o) => {
      const [name, ...kv] = o.split(',');
      const profiles = kv.map((p) => p.split('=')).filter(([k]) => k === 'profile');
      return `  ${name.replace(/^name=/, '')}\n` + profiles.map(([, v]) => `   Profile: ${v}\n`).join('');
    })
    .join('');
}

function serverText(i: SystemInfo): string {
  const driverStatus = (i.DriverStatus ?? []).map(([k, v]) => `  ${k}: ${v}\n`).join('');
  return `Server:
 Containers: ${i.Containers}
  Running: ${i.ContainersRunning}
  Paused: ${i.ContainersPaused}
  Stopped: ${i.ContainersStopped}
 Images: ${i.Images}
 Server Version: ${i.ServerVersion}
 Storage Driver: ${i.Driver}
${driverStatus} Logging Driver: ${i.LoggingDriver}
 Cgroup Driver: ${i.CgroupDriver}
 Cgroup Version: ${i.CgroupVersion}
 Plugins:
  Volume: ${i.Plugins.Volume.join(' ')}
  Network: ${i.Plugins.Network.join(' ')}
  Log: ${i.Plugins.Log.join(' ')}
 CDI spec directories:
  /etc/cdi
  /var/run/cdi
 Swarm: inactive
 Runtimes: ${Object.keys(i.Runtimes ?? {}).sort().join(' ')}
 Default Runtime: ${i.DefaultRuntime}
 Init Binary: ${i.InitBinary}
 containerd version: ${i.ContainerdCommit.ID}
 runc version: ${i.RuncCommit.ID}
 init version: ${i.InitCommit.ID}
 Security Options:
${securityOptions(i.SecurityOptions ?? [])} Kernel Version: ${i.KernelVersion}
 Operating System: ${i.OperatingSystem}
 OSType: ${i.OSType}
 Architecture: ${i.Architecture}
 CPUs: ${i.NCPU}
 Total Memory: ${bytesSize(i.MemTotal)}
 Name: ${i.Name}
 ID: ${i.ID}
 Docker Root Dir: ${i.DockerRootDir}
 Debug Mode: ${i.Debug}
 Experimental: ${i.ExperimentalBuild}
 Insecure Registries:
  ::1/128
  127.0.0.0/8
 Live Restore Enabled: ${i.LiveRestoreEnabled}

`;
}

export const info: Handler = async (ctx, f) => {
  const i = await ctx.api.info();
  // An empty --format is no format: the usual text.
  const format = f.str('format');
  if (format) {
    const src = format === 'json' ? '{{json .}}' : format;
    const tpl = parseOwn(src);
    try {
      ctx.io.out(renderOwn(tpl, src, i, false, 'system.dockerInfo') + '\n');
    } catch (e) {
      ctx.io.out('\n');
      throw e;
    }
    return 0;
  }
  ctx.io.out('Client:\n Version:    28.2.2\n Context:    default\n Debug Mode: false\n\n' + serverText(i));
  if (i.Warnings?.length) ctx.io.err(i.Warnings.map((w) => w + '\n').join(''));
  return 0;
};
