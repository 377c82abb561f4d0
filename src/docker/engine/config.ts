/** Image config edits shared by `docker commit -c`, the builder and container creation. */
import { ApiError, type ImageConfig } from '../api';

export function mergeEnv(base: string[], extra: string[]): string[] {
  const out = [...base];
  for (const e of extra) {
    const k = e.includes('=') ? e.slice(0, e.indexOf('=')) : e;
    const i = out.findIndex((x) => x.slice(0, x.indexOf('=')) === k);
    if (!e.includes('=')) continue;
    if (i >= 0) out[i] = e;
    else out.push(e);
  }
  return out;
}

/** `docker commit -c` / Dockerfile metadata instructions applied to a config. */
export function applyChange(cfg: ImageConfig, change: string): void {
  const m = /^\s*(\w+)\s+([\s\S]*)$/.exec(change);
  if (!m) throw new ApiError(400, `dockerfile parse error on line 1: unknown instruction: ${change.toUpperCase()}`);
  const [, ins, rest] = m;
  const list = (s: string) => {
    try {
      const v = JSON.parse(s);
      if (Array.isArray(v)) return v.map(String);
    } catch { /* shell form */ }
    return null;
  };
  switch (ins.toUpperCase()) {
    case 'CMD':
      cfg.Cmd = list(rest) ?? ['/bin/sh', '-c', rest];
      break;
    case 'ENTRYPOINT':
      cfg.Entrypoint = list(rest) ?? ['/bin/sh', '-c', rest];
      break;
    case 'ENV': {
      const pairs = /^\S+=/.test(rest) ? [...rest.matchAll(/(\S+?)=("[^"]*"|\S*)/g)].map((x) => `${x[1]}=${x[2].replace(/^"|"$/g, '')}`) : [`${rest.split(/\s+/)[0]}=${rest.split(/\s+/).slice(1).join(' ')}`];
      cfg.Env = mergeEnv(cfg.Env ?? [], pairs);
      break;
    }
    case 'EXPOSE':
      cfg.ExposedPorts = { ...(cfg.ExposedPorts ?? {}) };
      for (const p of rest.split(/\s+/).filter(Boolean)) cfg.ExposedPorts[p.includes('/') ? p : p + '/tcp'] = {};
      break;
    case 'WORKDIR':
      cfg.WorkingDir = rest.startsWith('/') ? rest.trim() : ((cfg.WorkingDir || '/') + '/' + rest.trim()).replace(/\/+/g, '/');
      break;
    case 'USER':
      cfg.User = rest.trim();
      break;
    case 'LABEL':
      cfg.Labels = { ...(cfg.Labels ?? {}) };
      for (const x of rest.matchAll(/(\S+?)=("[^"]*"|\S*)/g)) cfg.Labels[x[1].replace(/^"|"$/g, '')] = x[2].replace(/^"|"$/g, '');
      break;
    case 'STOPSIGNAL':
      cfg.StopSignal = rest.trim();
      break;
    case 'VOLUME':
      cfg.Volumes = { ...(cfg.Volumes ?? {}) };
      for (const v of list(rest) ?? rest.split(/\s+/)) cfg.Volumes[v] = {};
      break;
    default:
      throw new ApiError(400, `${ins.toUpperCase()} is not a valid change command`);
  }
}
