/**
 * The legacy builder (`DOCKER_BUILDKIT=0`): one step per instruction, an intermediate image per
 * step, a layer per filesystem-changing step (RUN, COPY, ADD, WORKDIR creating a directory),
 * and the build cache: a step whose parent and instruction (and copied content) match an
 * existing image is reused (`---> Using cache`).
 */
import { ApiError, type BuildContext, type BuildOptions, type HealthConfig, type ImageConfig, type OnMessage } from '../api';
import { newDir, newFile, Overlay, splitPath } from './fs';
import { short, sha256 } from '../common/hash';
import * as imgs from './images';
import { applyChange, mergeEnv } from './config';
import type { Engine } from './engine';
import { familiarTag } from './reference';
import { Shell, flavorAt } from './shell/sh';
import { COMMANDS } from './shell/commands';
import { KERNEL } from './system';
import type { Image } from './store';
import { jsonList, parseDockerfile, parseStep, words, withoutFlags, type Step } from './dockerfile';
import { pathMatch } from './path-match';
import { healthcheckOf } from './health';
import { lookPath, parseSignal } from './process';
import { goDuration } from '../common/go-duration';
import { site } from '../common/internet';
import { RUNC_FAILED } from './main-process';
import { unpack } from '../archive';
import { read } from '../common/sh/tar';
import { account, groupOf } from '../common/sh/passwd';

export { parseDockerfile } from './dockerfile';

/** A deep copy of a config, as its JSON. */
const copyConfig = (cfg: ImageConfig): ImageConfig => JSON.parse(JSON.stringify(cfg));

/** Go's `%q` of a []string: `["nginx" "-g" "daemon off;"]`. */
const goList = (l: string[]) => `[${l.map((x) => JSON.stringify(x)).join(' ')}]`;

/** Go's `%q` of an int (a rune literal), for the Retries of a healthcheck. */
const goRune = (n: number) =>
  `'${n > 31 && n < 127 ? (n === 39 || n === 92 ? '\\' : '') + String.fromCharCode(n) : n > 6 && n < 14 ? '\\' + 'abtnvfr'[n - 7] : '\\x' + n.toString(16).padStart(2, '0')}'`;

/** Go's `%q` of a *HealthConfig, which is how the builder records a HEALTHCHECK step. */
const goHealth = (h: HealthConfig) =>
  `&{${goList(h.Test ?? [])} ${[h.Interval, h.Timeout, h.StartPeriod, h.StartInterval].map((d) => `"${goDuration(d ?? 0)}"`).join(' ')} ${goRune(h.Retries ?? 0)}}`;

/** The builder's shell-lexer word processing: quotes removed, `$VAR`/`${VAR}` expanded (unset → empty). */
function lex(s: string, get: (k: string) => string | undefined): string {
  let out = '';
  let q = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && q !== "'" && i + 1 < s.length) {
      const n = s[++i];
      out += q === '"' && !'"$\\'.includes(n) ? c + n : n;
    } else if ((c === "'" || c === '"') && (!q || q === c)) q = q ? '' : c;
    else if (c === '$' && q !== "'" && /^\$(\{[A-Za-z_]\w*([:]?[-+][^}]*)?\}|[A-Za-z_])/.test(s.slice(i))) {
      const m = /^\$(?:\{([A-Za-z_]\w*)(?::?([-+])([^}]*))?\}|([A-Za-z_]\w*))/.exec(s.slice(i))!;
      const v = get(m[1] ?? m[4]);
      out += m[2] === '-' ? v || m[3] : m[2] === '+' ? (v ? m[3] : '') : v ?? '';
      i += m[0].length - 1;
    } else out += c;
  }
  return out;
}

/** Cache keys of built images: parent ID + instruction (+ content) → image ID. */
const CACHE = Symbol.for('aula.buildCache');
type WithCache = Engine & { [CACHE]?: Map<string, string> };

/** A COPY/ADD source as the daemon sees it: one per path, one per wildcard match. */
interface Source { kind: 'file' | 'dir' | 'url'; files: [string, string][]; root: string; mtime?: number }

export async function build(e: Engine, ctx: BuildContext, opts: BuildOptions, onMessage: OnMessage): Promise<{ Id: string }> {
  if (!ctx.dockerfile) throw new ApiError(400, 'the Dockerfile (Dockerfile) cannot be empty');
  const steps = parseDockerfile(ctx.dockerfile);
  if (opts.target) {
    // Stages after the target are dropped; those before it are all built, needed or not.
    const froms = steps.flatMap((s, i) => (s.ins === 'FROM' ? [i] : []));
    const at = froms.findIndex((i) => words(withoutFlags(steps[i].args))[2]?.toLowerCase() === opts.target!.toLowerCase());
    if (at < 0) throw new ApiError(400, `failed to reach build target ${opts.target} in Dockerfile`);
    if (at + 1 < froms.length) steps.length = froms[at + 1];
  }
  const tags = (opts.tags ?? []).map(familiarTag);
  const cache = ((e as WithCache)[CACHE] ??= new Map());
  let started = false;
  const say = async (text: string) => {
    started = true;
    if (!opts.quiet) await onMessage({ stream: text });
  };
  try {
    // The parser's warnings go to the daemon's stderr writer, each in red.
    if (steps.warnings.length) await say([...steps.warnings, 'Empty continuation lines will become errors in a future release.'].map((w) => `\x1b[91m[WARNING]: ${w}\n\x1b[0m`).join(''));
    return await run(e, ctx, opts, onMessage, steps, tags, cache, say);
  } catch (err) {
    // Once the stream has begun the daemon can only report an error inside it.
    if (err instanceof ApiError && started && !err.inStream) throw new ApiError(err.status, err.message, err.exitCode ?? 1, true);
    throw err;
  }
}

async function run(
  e: Engine, ctx: BuildContext, opts: BuildOptions, onMessage: OnMessage, steps: (Step & { trigger?: 1 | 2 })[], tags: string[],
  cache: Map<string, string>, say: (text: string) => Promise<void>,
): Promise<{ Id: string }> {
  /** An intermediate container's ID, announced. */
  const runningIn = async () => {
    const cid = e.rng.hex(64).slice(0, 12);
    await say(` ---> Running in ${cid}\n`);
    return cid;
  };
  const removed = (cid: string) => say(` ---> Removed intermediate container ${cid}\n`);
  // Build args as moby's BuildArgs: --build-arg values, ARGs before FROM (usable by FROM, and by
  // a stage that declares them again), the stage's declared ARGs and every name ever declared.
  const given = new Map(Object.entries(opts.buildArgs ?? {}));
  const meta = new Map<string, string | undefined>();
  const referenced = new Set<string>();
  let allowed = new Map<string, string | undefined>();
  const argValue = (k: string, from: Map<string, string | undefined>): string | undefined =>
    given.get(k) ?? (from.get(k) === undefined ? meta.get(k) : from.get(k));
  let img: Image | null = null;
  let cfg: ImageConfig = {};
  let cmdSet = false;
  let author = '';
  const total = steps.length;
  let num = 0;
  /** Build args with a value that no ENV hides, as `K=V`. */
  const argEnv = () => [...allowed.keys()].filter((k) => !(cfg.Env ?? []).some((x) => x.startsWith(k + '=')))
    .flatMap((k) => {
      const v = argValue(k, allowed);
      return v === undefined ? [] : [`${k}=${v}`];
    });
  const expand = (s: string) => lex(s, (k) => {
    const env = (cfg.Env ?? []).find((x) => x.startsWith(k + '='));
    return env ? env.slice(k.length + 1) : allowed.has(k) ? argValue(k, allowed) : undefined;
  });
  // Finished stages, and the names given with `AS`, for `FROM <stage>` and `COPY --from`.
  const stages: (Image | null)[] = [];
  const names: string[] = [];
  const source = async (ref: string): Promise<Image | null> => {
    const i = names.indexOf(ref.toLowerCase());
    const stage = stages[i >= 0 && i < stages.length ? i : /^\d+$/.test(ref) ? +ref : -1];
    if (stage) return stage;
    try {
      return imgs.getImage(e, ref);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 404) throw err;
      return imgs.pull(e, ref, onMessage);
    }
  };
  /** ADD's remote source, fetched from the simulated internet (COPY refuses URLs). */
  const download = async (url: string, dest: string): Promise<Source> => {
    if (current === 'COPY') throw new ApiError(400, "COPY failed: source can't be a URL for COPY");
    const host = (u: string) => /\/\/([^/:?#]*)/.exec(u)![1];
    const header = (k: string) => r?.head?.find((h) => h.startsWith(k + ': '))?.slice(k.length + 2);
    let at = url;
    let r = site(host(at), 80, e.now());
    // Go's client follows a redirect.
    const to = r && r.status > 300 && r.status < 400 && header('Location');
    if (to) r = site(host((at = to)), 80, e.now());
    if (!r) throw new ApiError(500, `ADD failed: Get "${at}": dial tcp: lookup ${host(at)} on 127.0.0.53:53: no such host`);
    const name = url.replace(/[?#].*/, '').slice(host(url).length + url.indexOf('//') + 2).split('/').pop();
    if (!name && dest.endsWith('/')) throw new ApiError(400, `ADD failed: cannot determine filename for source ${url}`);
    if (!opts.quiet) await onMessage({ status: 'Downloading', progressDetail: { current: r.body.length, total: r.body.length } });
    await say('\n');
    // The file keeps the Last-Modified time, if the server sent one.
    return { kind: 'url', files: [[name || '__unnamed__', r.body]], root: '', mtime: Date.parse(header('Last-Modified') ?? '') || undefined };
  };
  let current = '';
  for (const [n, st] of steps.entries()) {
    current = st.ins;
    // ONBUILD triggers run as part of the FROM step, whose ID is shown after the last (trigger 2).
    const landed = () => (st.trigger === 1 ? undefined : say(` ---> ${img ? short(img.id) : ''}\n`));
    const ws = words(withoutFlags(st.args));
    const stage = st.ins === 'FROM' ? ws[2]?.toLowerCase() ?? '' : '';
    if (stage && names.includes(stage)) throw new ApiError(400, `${stage} stage name already used`);
    if (!st.trigger) await say(`Step ${++num}/${total} : ${st.original}\n`);
    if (st.ins === 'FROM') {
      if (names.length) stages.push(img);
      names.push(stage);
      const ref = lex(ws[0], (k) => argValue(k, meta));
      if (!ref) throw new ApiError(400, `base name (${ws[0]}) should not be blank`);
      img = ref === 'scratch' ? null : await source(ref);
      cfg = img ? copyConfig(img.config) : {};
      allowed = new Map();
      cmdSet = false;
      author = '';
      const triggers = cfg.OnBuild ?? [];
      if (triggers.length) {
        cfg.OnBuild = null;
        await say(`# Executing ${triggers.length} build trigger${triggers.length > 1 ? 's' : ''}\n`);
        steps.splice(n + 1, 0, ...triggers.map((t, i) => ({ ...parseStep(t, 1)!, trigger: i < triggers.length - 1 ? 1 as const : 2 as const })));
      } else await landed();
      continue;
    }
    if (st.ins === 'ARG' && !names.length) {
      for (const w of ws) {
        const [k, v] = splitKV(w);
        meta.set(k, v === undefined ? v : lex(v, (x) => argValue(x, meta)));
        referenced.add(k);
      }
      continue;
    }
    const flag = /^--(\w+)/.exec(st.args)?.[1];
    if ((st.ins === 'RUN' && flag) || ((st.ins === 'COPY' || st.ins === 'ADD') && flag === 'chmod')) {
      throw new ApiError(400, `the --${flag} option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled`);
    }
    const next = copyConfig(cfg);
    const exec = jsonList(withoutFlags(st.args));
    const cmd = exec ?? [...(cfg.Shell ?? ['/bin/sh', '-c']), st.args];
    const chown = /--chown=(\S+)/.exec(st.args)?.[1];
    let sources: Source[] | null = null;
    let createdBy: string;
    let argsEnv: string[] = [];
    if (st.ins === 'RUN') {
      argsEnv = argEnv().sort();
      createdBy = (argsEnv.length ? [`|${argsEnv.length}`, ...argsEnv, ...cmd] : cmd).join(' ');
    } else if (st.ins === 'COPY' || st.ins === 'ADD') {
      const parts = (exec ?? ws).map(expand);
      const from = /^--from=(\S+)/.exec(st.args)?.[1];
      let files = ctx.files;
      if (from) {
        const src = await source(expand(from)).catch((err) => {
          throw err instanceof ApiError ? new ApiError(err.status, `invalid from flag value ${from}: ${err.message}`) : err;
        });
        files = imageFiles(new Overlay(newDir(e.now()), e.layers.trees(src?.top ?? null), () => e.now()), parts.slice(0, -1));
      }
      sources = [];
      for (const raw of parts.slice(0, -1)) sources.push(...(/^https?:\/\//.test(raw) ? [await download(raw, parts[parts.length - 1])] : collect(files, st.ins, [raw], !!from)));
      if (sources.length > 1 && !parts[parts.length - 1].endsWith('/')) {
        throw new ApiError(400, `When using ${st.ins} with more than one source file, the destination must be a directory and end with a /`);
      }
      const one = sources[0];
      // A downloaded file's hash has no `file:` prefix (getCopyInfoForSourcePath).
      const hash = sources.length === 1 ? `${one.kind === 'url' ? '' : one.kind + ':'}${sha256(JSON.stringify(one.files))}` : `multi:${sha256(JSON.stringify(sources))}`;
      createdBy = `/bin/sh -c #(nop) ${st.ins} ${chown ? `--chown=${expand(chown)}` : ''}${hash} in ${parts[parts.length - 1]} `;
    } else {
      const old = cfg.Healthcheck?.Test;
      if (st.ins === 'HEALTHCHECK' && old?.length && old[0] !== 'NONE') await say(`Note: overriding previous HEALTHCHECK: [${old.join(' ')}]\n`);
      if (st.ins === 'MAINTAINER') author = st.args;
      createdBy = `/bin/sh -c #(nop)  ${metadata(st, ws, exec, cmd, next, expand, cmdSet)}`;
    }
    if (st.ins === 'ARG') for (const w of ws) {
      const [k, v] = splitKV(w);
      allowed.set(k, v === undefined ? v : expand(v));
      referenced.add(k);
    }
    if (st.ins === 'CMD') cmdSet = true;
    const key = `${img?.id ?? 'scratch'}\n${createdBy}\n${JSON.stringify(next)}`;
    const hit = e.images.images.get((!opts.noCache && cache.get(key)) || '');
    if (hit) {
      img = hit;
      cfg = copyConfig(img.config);
      await say(' ---> Using cache\n');
      await landed();
      continue;
    }
    // The step's writable layer over the image so far; RUN, COPY/ADD and a WORKDIR that creates
    // its directory commit it as a new layer.
    const fs = new Overlay(newDir(e.now()), e.layers.trees(img?.top ?? null), () => e.now());
    let layered = st.ins === 'RUN' || !!sources;
    if (st.ins === 'RUN') {
      // A real container runs the step: removed once it succeeds, left behind (exited) if it fails.
      const ctr = img && e.get((await e.containerCreate({ Image: img.id, Cmd: cmd, Entrypoint: [''], Env: argsEnv })).Id);
      // The image's VOLUMEs are mounted in the step's container: what RUN writes there is lost.
      if (ctr?.mounts) e.mountInto(ctr, fs);
      const cid = ctr ? ctr.id.slice(0, 12) : e.rng.hex(64).slice(0, 12);
      await say(` ---> Running in ${cid}\n`);
      let pid = 7;
      const m = {
        fs, commands: COMMANDS, hostname: cid, ip: '172.17.0.2', now: () => e.now(), kernel: KERNEL,
        procs: () => [{ pid: 1, ppid: 0, argv: cmd, tty: false, start: e.now() }], newPid: () => pid++,
        http: () => null,
      };
      // The start fails before anything runs (the container stays Created): the daemon's user
      // lookup, then runc's exec lookup; not a RUN's exit status, so the CLI exits 1.
      if (cfg.User) e.requireUser(cfg.User, m);
      const no = lookPath(m, [...(cfg.Env ?? []), ...argsEnv], cfg.WorkingDir || '/', cmd[0]);
      if (no) throw new ApiError(500, `${RUNC_FAILED}${no.why}: unknown${no.tail}`);
      if (ctr) ctr.startedAt = e.now();
      const user = cfg.User && cfg.User !== '0' ? cfg.User : 'root';
      const sh = new Shell(m, 'dash', '/bin/sh', false, [...(cfg.Env ?? []), ...argsEnv], cfg.WorkingDir || '/', false, user);
      const shPath = sh.which(exec ? '/bin/sh' : cmd[0]);
      if (shPath) sh.flavor = flavorAt(fs, shPath);
      let output = '';
      // The daemon's stderr writer wraps each chunk in red (pkg/streamformatter).
      const out = {
        out: (t: string) => void (output += t),
        err: (t: string) => void (output += `\x1b[91m${t}\x1b[0m`),
        sleep: async (ms: number) => e.clock.advance(ms),
      };
      const code = exec || cfg.Shell ? await sh.spawn(cmd, { ...out, tty: false, busybox: sh.flavor === 'ash' }) : await sh.script(st.args, out);
      if (output) await say(/\n(\x1b\[0m)?$/.test(output) ? output : output + '\n');
      if (ctr) {
        if (code) e.finish(ctr, code);
        else e.destroy(ctr, true);
      }
      if (code !== 0) {
        throw new ApiError(500, `The command '${cmd.join(' ')}' returned a non-zero code: ${code}`, code, true);
      }
      await removed(cid);
    } else if (sources) {
      const parts = (exec ?? ws).map(expand);
      const dest = parts[parts.length - 1];
      const absDest = dest.startsWith('/') ? dest : `${cfg.WorkingDir || '/'}/${dest}`;
      const many = sources.length > 1 || dest.endsWith('/') || sources.some((s) => s.kind === 'dir');
      // --chown: names from the image's /etc/passwd and /etc/group; a user alone gives its number as the gid
      const u = chown && expand(chown).split(':')[0];
      const uid = u ? (/^\d+$/.test(u) ? +u : account(fs, u)?.uid) : undefined;
      const own = uid === undefined ? undefined : { uid, gid: groupOf(fs, expand(chown!)) ?? uid };
      // the copied files and the directories made for them
      const mkdirs = (p: string) => {
        const parts = splitPath(p);
        let i = 0;
        while (i < parts.length && fs.find(parts.slice(0, i + 1))) i++;
        fs.mkdir(p, '/', true);
        if (own) for (let j = i + 1; j <= parts.length; j++) Object.assign(fs.find(parts.slice(0, j))!, own);
      };
      for (const { files, root, kind, mtime } of sources) {
        if (kind === 'dir') mkdirs(absDest);
        for (const [rel, content] of files) {
          // ADD unpacks a local tar archive into the destination directory.
          const tar = st.ins === 'ADD' && kind === 'file' && read(content);
          if (tar) {
            mkdirs(absDest);
            unpack(fs, absDest, tar.entries);
            continue;
          }
          const target = many || fs.resolve(absDest).node?.kind === 'dir' ? `${absDest}/${rel.slice(root.length).replace(/^\//, '') || rel.split('/').pop()}` : absDest;
          mkdirs('/' + splitPath(target).slice(0, -1).join('/'));
          // A download is written to a 0600 temporary file, and copied with that mode.
          fs.putNode(target, { ...newFile(content, mtime ?? e.now(), kind === 'url' ? 0o600 : 0o644), ...own });
        }
      }
    } else {
      if (st.ins === 'WORKDIR' && !fs.resolve(next.WorkingDir!).node) {
        layered = true;
        fs.mkdir(next.WorkingDir!, '/', true);
      }
      await removed(await runningIn());
    }
    cfg = next;
    img = e.addLocalImage(img, layered ? fs.upper : null, cfg, createdBy, { author });
    cache.set(key, img.id);
    await landed();
  }
  if (!img) throw new ApiError(400, 'No image was generated. Is your Dockerfile empty?');
  const unused = [...given.keys()].filter((k) => !referenced.has(k) && !/^(HTTPS?|FTP|NO)_PROXY$/i.test(k)).sort();
  if (unused.length) await say(`[Warning] One or more build-args [${unused.join(' ')}] were not consumed\n`);
  await onMessage({ aux: { ID: img.id } });
  await say(`Successfully built ${short(img.id)}\n`);
  for (const t of tags) {
    imgs.setTag(e, t, img);
    await say(`Successfully tagged ${t}\n`);
  }
  if (opts.quiet) await onMessage({ stream: img.id + '\n' });
  return { Id: img.id };
}

/** `K=V` → [K, V]; a bare `K` has no value. */
function splitKV(w: string): [string, string | undefined] {
  const i = w.indexOf('=');
  return i < 0 ? [w, undefined] : [w.slice(0, i), w.slice(i + 1)];
}

/**
 * Applies a metadata instruction to the config and returns what moby's dispatcher commits as
 * its comment (`docker history` shows it after `/bin/sh -c #(nop)  `).
 */
/** `cmd`: the step's command, exec form or the shell form under the stage's SHELL. */
function metadata(st: Step, ws: string[], exec: string[] | null, cmd: string[], cfg: ImageConfig, expand: (s: string) => string, cmdSet: boolean): string {
  switch (st.ins) {
    case 'ENV':
    case 'LABEL': {
      // `ENV K V…` (legacy form) or `K=V` pairs; keys and values go through the shell lexer.
      const pairs = ws[0].includes('=') ? ws.map(splitKV) : [[ws[0], withoutFlags(st.args).slice(ws[0].length).trim()]];
      const kv = pairs.map(([k, v]) => `${expand(k!)}=${expand(v ?? '')}`);
      if (st.ins === 'ENV') cfg.Env = mergeEnv(cfg.Env ?? [], kv);
      else cfg.Labels = { ...cfg.Labels, ...Object.fromEntries(kv.map((x) => [x.slice(0, x.indexOf('=')), x.slice(x.indexOf('=') + 1)])) };
      return [st.ins, ...kv].join(' ');
    }
    case 'WORKDIR':
      applyChange(cfg, `WORKDIR ${expand(st.args)}`);
      return `WORKDIR ${cfg.WorkingDir}`;
    case 'CMD':
    case 'ENTRYPOINT': {
      if (st.ins === 'CMD') cfg.Cmd = cmd;
      else {
        cfg.Entrypoint = cmd;
        // An ENTRYPOINT drops the CMD inherited from the base image, not one set in this stage.
        if (!cmdSet) cfg.Cmd = null;
      }
      return `${st.ins} ${goList(cmd)}`;
    }
    case 'EXPOSE': {
      // The one instruction whose words may expand to several words, or to none.
      const ports = [...ws].sort().flatMap((p) => expand(p).split(/\s+/).filter(Boolean));
      cfg.ExposedPorts = { ...cfg.ExposedPorts };
      // go-connections' nat.ParsePortSpecs: [[ip:]host:]port[-port][/proto]
      const range = (s: string) => {
        const [a, b = a] = s.split('-').map((x) => (/^\d+$/.test(x) ? +x : NaN));
        return a <= b && b < 65536 ? [a, b] : null;
      };
      for (const p of ports) {
        const parts = p.split(':');
        const [port, given] = parts.pop()!.split('/');
        const proto = given || 'tcp';
        const r = range(port);
        const host = parts.pop();
        const bad = !port ? `no port specified: ${p}<empty>` : !r ? `invalid containerPort: ${port}` : host && !range(host) ? `invalid hostPort: ${host}` : /^(tcp|udp|sctp)$/i.test(proto) ? '' : `invalid proto: ${proto}`;
        if (bad) throw new ApiError(400, bad);
        for (let i = r![0]; i <= r![1]; i++) cfg.ExposedPorts[`${i}/${proto.toLowerCase()}`] = {};
      }
      return `EXPOSE ${ports.join(' ')}`;
    }
    case 'VOLUME': {
      const vols = (exec ?? ws).map(expand);
      cfg.Volumes = { ...cfg.Volumes, ...Object.fromEntries(vols.map((v) => [v, {}])) };
      return `VOLUME [${vols.join(' ')}]`;
    }
    case 'USER':
    case 'STOPSIGNAL': {
      const v = expand(st.args);
      if (st.ins === 'STOPSIGNAL' && (/^\d+$/.test(v) ? !+v : parseSignal(v) === undefined)) throw new ApiError(400, `invalid signal: ${v}`);
      applyChange(cfg, `${st.ins} ${v}`);
      return `${st.ins} ${v}`;
    }
    case 'ARG':
      return `ARG ${ws.map((w) => {
        const [k, v] = splitKV(w);
        return v === undefined ? k : `${k}=${expand(v)}`;
      }).join(' ')}`;
    case 'SHELL':
      cfg.Shell = exec!;
      return `SHELL [${exec!.join(' ')}]`;
    case 'HEALTHCHECK':
      cfg.Healthcheck = healthcheckOf(st.args);
      return `${st.ins} ${goHealth(cfg.Healthcheck)}`;
    case 'ONBUILD': {
      const expr = st.original.replace(/^\s*ONBUILD\s*/i, '');
      cfg.OnBuild = [...(cfg.OnBuild ?? []), expr];
      return `ONBUILD ${expr}`;
    }
    default:
      // MAINTAINER only sets the author.
      return `${st.ins} ${st.args}`;
  }
}

/** The files below the (non-wildcard) directories that `COPY --from` sources name in an image, keyed without the leading `/`. */
function imageFiles(fs: Overlay, raws: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (parts: string[]): void => {
    const node = fs.find(parts);
    if (node?.kind === 'file') out[parts.join('/')] = node.data ?? '';
    else if (node?.kind === 'dir') for (const name of fs.list(parts).keys()) walk([...parts, name]);
  };
  for (const raw of raws) walk(splitPath(raw.replace(/[*?[].*/, '').replace(/[^/]*$/, (t) => (/[*?[]/.test(raw) ? '' : t))));
  return out;
}

/** Files of the build context (or of a `--from` image) named by COPY/ADD sources (already expanded). */
function collect(files: Record<string, string>, ins: string, raws: string[], image = false): Source[] {
  const out: Source[] = [];
  const ctx = { files };
  const names = Object.keys(files).sort();
  for (const raw of raws) {
    const src = raw.replace(/^\/+|^(\.\/)+|^\.$/, '').replace(/\/+$/, '');
    const wild = /[*?[]/.test(src);
    const re = pathMatch(src);
    const under = (dir: string) => names.filter((n) => dir === '' || n.startsWith(dir + '/'));
    if (!wild) {
      if (names.includes(src)) out.push({ kind: 'file', files: [[src, ctx.files[src]]], root: src.slice(0, src.lastIndexOf('/') + 1) });
      // The context's root is there even when .dockerignore leaves it empty
      else if (!src || under(src).length) out.push({ kind: 'dir', files: under(src).map((f) => [f, ctx.files[f]]), root: src });
      else throw new ApiError(500, `${ins} failed: ${image ? '' : 'file not found in build context or excluded by .dockerignore: '}stat ${src}: file does not exist`, 1);
      continue;
    }
    // Each match of a wildcard is a source of its own: a file, or a directory copied whole.
    const depth = src.split('/').length;
    const matches = [...new Set(names.map((n) => n.split('/').slice(0, depth).join('/')).filter((p) => re.test(p)))];
    if (!matches.length) throw new ApiError(500, `${ins} failed: no source files were specified`, 1);
    for (const p of matches) {
      if (names.includes(p)) out.push({ kind: 'file', files: [[p, ctx.files[p]]], root: p.slice(0, p.lastIndexOf('/') + 1) });
      else out.push({ kind: 'dir', files: under(p).map((f) => [f, ctx.files[f]]), root: p });
    }
  }
  return out;
}
