/**
 * `--mount` as docker/cli's opts.MountOpt reads it (a CSV line of key=value fields), and `-v` as
 * the compose loader's ParseVolume splits it; both throw the client's own messages.
 */
import type { MountSpec } from '../api';
import { absPath } from '../common/sh/fs';
import { ramInBytes } from './format/units';
import { csvRecord } from './csv-record';

const BOOL = /^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/;
const isTrue = (v: string) => /^(1|t|T|TRUE|true|True)$/.test(v);

/** opts.MountOpt.Set; a relative `source=./x` is made absolute from `cwd`. */
export function parseMount(value: string, cwd = '/'): MountSpec {
  const m: MountSpec = { Type: 'volume' };
  const vol = () => (m.VolumeOptions ??= {});
  const bind = () => (m.BindOptions ??= {});
  const tmpfs = () => (m.TmpfsOptions ??= {});
  const kv = (map: Record<string, string>, v: string) => {
    const eq = v.indexOf('=');
    map[eq < 0 ? v : v.slice(0, eq)] = eq < 0 ? '' : v.slice(eq + 1);
  };
  for (const field of csvRecord(value)) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const val = field.slice(eq + 1);
    if (eq < 0) {
      if (key === 'readonly' || key === 'ro') m.ReadOnly = true;
      else if (key === 'volume-nocopy') vol().NoCopy = true;
      else if (key === 'bind-nonrecursive') bind().NonRecursive = true;
      else throw new Error(`invalid field '${field}' must be a key=value pair`);
      continue;
    }
    const bad = () => new Error(`invalid value for ${key}: ${val}`);
    switch (key) {
      case 'type': m.Type = val.toLowerCase(); break;
      case 'source': case 'src': m.Source = val === '.' || val.startsWith('./') ? absPath(cwd, val) : val; break;
      case 'target': case 'dst': case 'destination': m.Target = val; break;
      case 'readonly': case 'ro':
        if (!BOOL.test(val)) throw bad();
        m.ReadOnly = isTrue(val);
        break;
      case 'volume-nocopy':
        if (!BOOL.test(val)) throw bad();
        vol().NoCopy = isTrue(val);
        break;
      case 'bind-propagation': bind().Propagation = val.toLowerCase(); break;
      case 'volume-label': kv((vol().Labels ??= {}), val); break;
      case 'volume-driver': ((vol().DriverConfig ??= {}).Name = val); break;
      case 'volume-opt': kv(((vol().DriverConfig ??= {}).Options ??= {}), val); break;
      case 'volume-subpath': vol().Subpath = val; break;
      case 'tmpfs-size': {
        const n = ramInBytes(val);
        if (n === undefined) throw bad();
        tmpfs().SizeBytes = n;
        break;
      }
      case 'tmpfs-mode':
        if (!/^[0-7]+$/.test(val)) throw bad();
        tmpfs().Mode = parseInt(val, 8);
        break;
      case 'consistency': case 'bind-recursive': case 'image-subpath': break;
      default: throw new Error(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (!m.Target) throw new Error('target is required');
  for (const [opts, type] of [[m.VolumeOptions, 'volume'], [m.BindOptions, 'bind'], [m.TmpfsOptions, 'tmpfs']] as const) {
    if (opts && m.Type !== type) throw new Error(`cannot mix '${type}-*' options with mount type '${m.Type}'`);
  }
  // Fields in the order of moby's mount.Mount, as inspect shows them.
  const { Type, Source, Target, ReadOnly, ...rest } = m;
  return { Type, ...(Source !== undefined && { Source }), Target, ...(ReadOnly !== undefined && { ReadOnly }), ...rest };
}

/**
 * `-v`: the compose loader's ParseVolume decides what the client sends. With a source it is a
 * bind or named volume (`HostConfig.Binds`, a `./relative` host path made absolute); a path alone
 * is an anonymous volume (`Config.Volumes`).
 */
export function splitVolumes(specs: string[], cwd: string): { binds: string[]; volumes: Record<string, Record<string, never>> } {
  const binds: string[] = [];
  const volumes: Record<string, Record<string, never>> = {};
  for (const spec of specs) {
    if (!spec) throw new Error('invalid empty volume spec');
    const source = volumeSource(spec);
    if (!source) volumes[spec] = {};
    else binds.push(source.startsWith('.') ? absPath(cwd, source) + spec.slice(source.length) : spec);
  }
  return { binds, volumes };
}

/**
 * volumespec.Parse's reading of a `-v` spec, for its source (empty for an anonymous volume) and
 * its errors: colons split source, target and options, but a single letter before a colon is a
 * Windows drive and stays in its part.
 */
function volumeSource(spec: string): string {
  if (spec.length <= 2) return '';
  const fields: string[] = [];
  let buf = '';
  for (const ch of spec + '\0') {
    if (ch === ':' && buf.length === 1 && /\p{L}/u.test(buf)) buf += ch;
    else if (ch === ':' || ch === '\0') {
      if (!buf) throw new Error(`invalid spec: ${spec}: empty section between colons`);
      if (fields.length === 2 && ch === ':') throw new Error(`invalid spec: ${spec}: too many colons`);
      fields.push(buf);
      buf = '';
    } else buf += ch;
  }
  return fields.length > 1 ? fields[0] : '';
}
