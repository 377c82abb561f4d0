/** Image config edits shared by `docker commit -c`, the builder and container creation. */
import { ApiError, type ImageConfig } from '../api';
import { healthcheckOf } from './health';
import { missingArgs } from './dockerfile';

export function mergeEnv(base: string[], extra: string[]): string[] {
  const out = [...base];
  const key = (v: string) => v.slice(0, v.indexOf('='));
  for (const e of extra) {
    if (!e.includes('=')) continue;
    const i = out.findIndex((x) => key(x) === key(e));
    if (i >= 0) out[i] = e;
    else out.push(e);
  }
  return out;
}

export const unquote = (s: string): string => s.replace(/^"|"$/g, '');

/** `K=V K2="V 2"` pairs of ENV and LABEL, values unquoted. */
export const keyValues = (s: string): [string, string][] => [...s.matchAll(/(\S+?)=("[^"]*"|\S*)/g)].map((m) => [m[1], unquote(m[2])]);

/** `docker commit -c` / Dockerfile metadata instructions applied to a config. */
export function applyChange(cfg: ImageConfig, change: string): void {
  const m = /^\s*(\S*)\s*([\s\S]*)$/.exec(change)!;
  const ins = m[1].toUpperCase();
  const rest = m[2];
  // moby's BuildFromConfig: the instruction as written must be one commit allows, then it needs its arguments.
  if (!m[1]) throw new ApiError(400, 'file with no instructions');
  if (!/^(CMD|ENTRYPOINT|ENV|EXPOSE|WORKDIR|USER|STOPSIGNAL|LABEL|VOLUME|HEALTHCHECK|ONBUILD)$/.test(ins)) throw new ApiError(400, `${m[1]} is not a valid change command`);
  const need = missingArgs(ins, !rest);
  if (need) throw new ApiError(400, `dockerfile parse error on line 1: ${need}`);
  const words = rest.split(/\s+/);
  let list: string[] | null = null;
  try {
    const v = JSON.parse(rest);
    if (Array.isArray(v)) list = v.map(String);
  } catch { /* shell form */ }
  switch (ins) {
    case 'CMD':
    case 'ENTRYPOINT':
      cfg[ins === 'CMD' ? 'Cmd' : 'Entrypoint'] = list ?? ['/bin/sh', '-c', rest];
      break;
    case 'ENV':
      cfg.Env = mergeEnv(cfg.Env ?? [], /^\S+=/.test(rest) ? keyValues(rest).map(([k, v]) => `${k}=${v}`) : [`${words[0]}=${words.slice(1).join(' ')}`]);
      break;
    case 'EXPOSE':
      cfg.ExposedPorts = { ...cfg.ExposedPorts };
      for (const p of words.filter(Boolean)) cfg.ExposedPorts[p.includes('/') ? p : p + '/tcp'] = {};
      break;
    case 'WORKDIR':
      cfg.WorkingDir = rest.startsWith('/') ? rest.trim() : ((cfg.WorkingDir || '/') + '/' + rest.trim()).replace(/\/+/g, '/');
      break;
    case 'USER':
    case 'STOPSIGNAL':
      cfg[ins === 'USER' ? 'User' : 'StopSignal'] = rest.trim();
      break;
    case 'LABEL':
      cfg.Labels = { ...cfg.Labels };
      for (const [k, v] of keyValues(rest)) cfg.Labels[unquote(k)] = v;
      break;
    case 'VOLUME':
      cfg.Volumes = { ...cfg.Volumes };
      for (const v of list ?? words) cfg.Volumes[v] = {};
      break;
    case 'HEALTHCHECK':
      try {
        cfg.Healthcheck = healthcheckOf(rest);
      } catch (e) {
        throw new ApiError(400, `dockerfile parse error on line 1: ${(e as Error).message}`);
      }
      break;
    default:
      cfg.OnBuild = [...(cfg.OnBuild ?? []), rest.trim()];
  }
}
