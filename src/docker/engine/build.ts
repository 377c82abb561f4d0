/**
 * The legacy builder (`DOCKER_BUILDKIT=0`): one step per instruction, an intermediate image per
 * step, a layer per filesystem-changing step (RUN, COPY, ADD, WORKDIR creating a directory),
 * and the build cache: a step whose parent and instruction (and copied content) match an
 * existing image is reused (`---> Using cache`).
 */
import { ApiError, type BuildContext, type BuildOptions, type ImageConfig, type OnMessage } from '../api';
import { newDir, newFile, Overlay, splitPath } from './fs';
import { short, sha256 } from './hash';
import * as imgs from './images';
import { applyChange, keyValues } from './config';
import type { Engine } from './engine';
import { familiarTag } from './reference';
import { Shell, flavorAt } from './shell/sh';
import { COMMANDS } from './shell/commands';
import { KERNEL } from './system';
import type { Image } from './store';

const INSTRUCTIONS = 'FROM RUN COPY ADD WORKDIR ENV EXPOSE CMD ENTRYPOINT LABEL USER ARG VOLUME STOPSIGNAL MAINTAINER HEALTHCHECK SHELL ONBUILD'.split(' ');

interface Step { ins: string; args: string; original: string; line: number }

export function parseDockerfile(text: string): Step[] {
  const steps: Step[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const start = i + 1;
    if (/^\s*(#|$)/.test(line)) continue;
    while (/\\\s*$/.test(line) && i + 1 < lines.length) {
      line = line.replace(/\\\s*$/, '');
      i++;
      if (/^\s*#/.test(lines[i])) continue;
      line += ' ' + lines[i].trim();
    }
    const m = /^\s*(\S+)\s*(.*)$/.exec(line)!;
    const ins = m[1].toUpperCase();
    const fail = (why: string) => new ApiError(400, `dockerfile parse error on line ${start}: ${why}`);
    if (!INSTRUCTIONS.includes(ins)) throw fail(`unknown instruction: ${m[1]}`);
    if (!m[2].trim() && ins !== 'RUN') throw fail(`${ins} requires at least one argument`);
    steps.push({ ins, args: m[2].trim(), original: line.trim().replace(/\s+/g, ' '), line: start });
  }
  if (!steps.length) throw new ApiError(400, 'the Dockerfile (Dockerfile) cannot be empty');
  if (steps.find((s) => s.ins !== 'ARG')?.ins !== 'FROM') throw new ApiError(400, 'no build stage in current context');
  return steps;
}

/** The exec (JSON array) form of an instruction's arguments, null for the shell form. */
const jsonList = (s: string): string[] | null => {
  if (!s.startsWith('[')) return null;
  try {
    const v = JSON.parse(s);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;
  } catch {
    return null;
  }
};

/** COPY/ADD operands: sources then destination (flags such as `--chown` dropped). */
const operands = (st: Step): string[] => jsonList(st.args) ?? st.args.split(/\s+/).filter((a) => !a.startsWith('--'));

/** A deep copy of a config, as its JSON. */
const copyConfig = (cfg: ImageConfig): ImageConfig => JSON.parse(JSON.stringify(cfg));

/** Cache keys of built images: parent ID + instruction (+ content) → image ID. */
const CACHE = Symbol.for('aula.buildCache');
type WithCache = Engine & { [CACHE]?: Map<string, string> };

export async function build(e: Engine, ctx: BuildContext, opts: BuildOptions, onMessage: OnMessage): Promise<{ Id: string }> {
  const steps = parseDockerfile(ctx.dockerfile);
  const tags = (opts.tags ?? []).map(familiarTag);
  const cache = ((e as WithCache)[CACHE] ??= new Map());
  const say = async (text: string) => {
    if (!opts.quiet) await onMessage({ stream: text });
  };
  /** An intermediate container's ID, announced. */
  const runningIn = async () => {
    const cid = e.rng.hex(64).slice(0, 12);
    await say(` ---> Running in ${cid}\n`);
    return cid;
  };
  const removed = (cid: string) => say(` ---> Removed intermediate container ${cid}\n`);
  const args = new Map(Object.entries(opts.buildArgs ?? {}));
  let img: Image | null = null;
  let cfg: ImageConfig = {};
  for (const [n, st] of steps.entries()) {
    await say(`Step ${n + 1}/${steps.length} : ${st.original}\n`);
    const expand = (s: string) => s.replace(/\$\{?([A-Za-z_]\w*)\}?/g, (m, k: string) => {
      const env = (cfg.Env ?? []).find((x) => x.startsWith(k + '='));
      return env ? env.slice(k.length + 1) : args.get(k) ?? m;
    });
    if (st.ins === 'FROM') {
      const ref = st.args.split(/\s+/)[0];
      img = null;
      if (ref !== 'scratch') {
        try {
          img = imgs.getImage(e, ref);
        } catch (err) {
          if (!(err instanceof ApiError) || err.status !== 404) throw err;
          img = await imgs.pull(e, ref, onMessage);
        }
      }
      cfg = img ? copyConfig(img.config) : {};
      await say(` ---> ${img ? short(img.id) : ''}\n`);
      continue;
    }
    if (st.ins === 'ARG') {
      const [k, v] = st.args.split('=');
      if (!args.has(k)) args.set(k, v ?? '');
      if (!img) continue;
    }
    // Content of COPY/ADD joins the cache key, so an edited file invalidates the step.
    const sources = st.ins === 'COPY' || st.ins === 'ADD' ? collect(ctx, st) : null;
    const key: string = `${img?.id ?? 'scratch'}\n${st.original}\n${sources ? sha256(JSON.stringify(sources)) : ''}`;
    const hit = e.images.images.get((!opts.noCache && cache.get(key)) || '');
    if (hit) {
      img = hit;
      cfg = copyConfig(img.config);
      await say(` ---> Using cache\n ---> ${short(img.id)}\n`);
      continue;
    }
    const next = copyConfig(cfg);
    // The step's writable layer over the image so far; RUN, COPY/ADD and a WORKDIR that creates
    // its directory commit it as a new layer.
    const fs = new Overlay(newDir(e.now()), e.layers.trees(img?.top ?? null), () => e.now());
    let layered = st.ins === 'RUN' || !!sources;
    const exec = jsonList(st.args);
    if (st.ins === 'RUN') {
      const cid = await runningIn();
      let pid = 7;
      const m = {
        fs, commands: COMMANDS, hostname: cid, ip: '172.17.0.2', now: () => e.now(), kernel: KERNEL,
        procs: () => [{ pid: 1, ppid: 0, argv: ['/bin/sh', '-c', st.args], tty: false, start: e.now() }], newPid: () => pid++,
        http: () => null,
      };
      const sh = new Shell(m, 'dash', '/bin/sh', false, cfg.Env ?? [], cfg.WorkingDir || '/', false);
      const shPath = sh.which('/bin/sh');
      if (!exec && !shPath) throw new ApiError(500, `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown`, 127, true);
      if (shPath) sh.flavor = flavorAt(fs, shPath);
      let output = '';
      const write = (t: string) => {
        output += t;
      };
      const out = { out: write, err: write, sleep: async (ms: number) => e.clock.advance(ms) };
      const code = exec ? await sh.spawn(exec, { ...out, tty: false, busybox: sh.flavor === 'ash' }) : await sh.script(expand(st.args), out);
      if (output) await say(output.endsWith('\n') ? output : output + '\n');
      if (code !== 0) {
        const what = exec ? JSON.stringify(exec) : `/bin/sh -c ${st.args}`;
        throw new ApiError(500, `The command '${what}' returned a non-zero code: ${code}`, code, true);
      }
      await removed(cid);
    } else if (sources) {
      const parts = operands(st);
      const dest = expand(parts[parts.length - 1]);
      const absDest = dest.startsWith('/') ? dest : `${cfg.WorkingDir || '/'}/${dest}`;
      const many = sources.length > 1 || dest.endsWith('/') || parts.length > 2 || sources.some(([p]) => p.includes('/'));
      for (const [rel, content, root] of sources) {
        const target = many || (fs.resolve(absDest).node?.kind === 'dir') ? `${absDest}/${rel.slice(root.length).replace(/^\//, '') || rel.split('/').pop()}` : absDest;
        fs.mkdir('/' + splitPath(target).slice(0, -1).join('/'), '/', true);
        fs.putNode(target, newFile(content, e.now(), 0o644));
      }
    } else {
      if (st.ins === 'WORKDIR') {
        applyChange(next, `WORKDIR ${expand(st.args)}`);
        if (!fs.resolve(next.WorkingDir!).node) {
          layered = true;
          fs.mkdir(next.WorkingDir!, '/', true);
        }
      } else if (st.ins === 'MAINTAINER') next.Labels = { ...next.Labels };
      // HEALTHCHECK, SHELL, ONBUILD and ARG are kept in the history only.
      else if (!['HEALTHCHECK', 'SHELL', 'ONBUILD', 'ARG'].includes(st.ins)) applyChange(next, `${st.ins} ${st.ins === 'ENV' || st.ins === 'LABEL' ? expand(st.args) : st.args}`);
      await removed(await runningIn());
    }
    cfg = next;
    img = e.addLocalImage(img, layered ? fs.upper : null, cfg, commitMessage(st, exec, sources));
    cache.set(key, img.id);
    await say(` ---> ${short(img.id)}\n`);
  }
  if (!img) throw new ApiError(400, 'No image was generated. Is your Dockerfile empty?');
  await onMessage({ aux: { ID: img.id } });
  await say(`Successfully built ${short(img.id)}\n`);
  for (const t of tags) {
    imgs.setTag(e, t, img);
    await say(`Successfully tagged ${t}\n`);
  }
  if (opts.quiet) await onMessage({ stream: img.id + '\n' });
  return { Id: img.id };
}

/** What the legacy builder records as the step's `created_by` (`docker history`). */
function commitMessage(st: Step, exec: string[] | null, sources: [string, string, string][] | null): string {
  if (st.ins === 'RUN') return exec ? goList(exec) : `/bin/sh -c ${st.args}`;
  if (sources) {
    const parts = operands(st);
    const kind = sources.length > 1 ? 'multi' : sources[0][0] === parts[0].replace(/^\.\//, '') ? 'file' : 'dir';
    return `/bin/sh -c #(nop) ${st.ins} ${kind}:${sha256(JSON.stringify(sources))} in ${parts[parts.length - 1]} `;
  }
  let text = `${st.ins} ${st.args}`;
  if (st.ins === 'CMD' || st.ins === 'ENTRYPOINT') text = `${st.ins} ${goList(exec ?? ['/bin/sh', '-c', st.args])}`;
  else if (st.ins === 'ENV' || st.ins === 'LABEL') text = st.ins + keyValues(st.args).map(([k, v]) => ` ${k}=${v}`).join('');
  return `/bin/sh -c #(nop)  ${text}`;
}

/** Go's `%q` of a []string: `["nginx" "-g" "daemon off;"]`. */
const goList = (l: string[]) => `[${l.map((x) => JSON.stringify(x)).join(' ')}]`;

/** Files of the build context named by a COPY/ADD: [path, content, the source as written]. */
function collect(ctx: BuildContext, st: Step): [string, string, string][] {
  const parts = operands(st);
  if (parts.length < 2) throw new ApiError(400, `dockerfile parse error on line ${st.line}: ${st.ins} requires at least two arguments, but only one was provided. Destination could not be determined`);
  const out: [string, string, string][] = [];
  const names = Object.keys(ctx.files).sort();
  for (const raw of parts.slice(0, -1)) {
    const src = raw.replace(/^\.\/?/, '').replace(/\/$/, '');
    const re = new RegExp('^' + src.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
    const found = names.filter((n) => src === '' || re.test(n) || n.startsWith(src + '/'));
    if (!found.length) {
      throw new ApiError(500, `COPY failed: file not found in build context or excluded by .dockerignore: stat ${src}: file does not exist`, 1);
    }
    for (const f of found) out.push([f, ctx.files[f], src === '' || !names.includes(src) ? src : src.slice(0, src.lastIndexOf('/') + 1)]);
  }
  return out;
}
