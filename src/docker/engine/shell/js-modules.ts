/**
 * node's `path` (posix) and the sync half of `fs` on the container's files. A failing call
 * throws what node's binding throws: its errno fields and where in node:fs it was (node 22).
 */
import type { Fs } from '../fs';
import { listDir } from '../../common/sh/fs';
import { CUSTOM, Unsupported } from './repl-eval';
import { exists as found } from './package-files';
/** errno and libuv's text of the codes the container's files give. */
const UV: Record<string, [number, string]> = { ENOENT: [-2, 'no such file or directory'], EEXIST: [-17, 'file already exists'], ENOTDIR: [-20, 'not a directory'], EISDIR: [-21, 'illegal operation on a directory'], EACCES: [-13, 'permission denied'], ENOTEMPTY: [-39, 'directory not empty'] };
/** Where node 22's fs throws for each call: its line, the source there, the caret's column, the frames below. */
const SITES: Record<string, [number, string, number, string?]> = {
  readFileUtf8: [441, '    return binding.readFileUtf8(path, stringToFlags(options.flag));', 20, 'readFileSync (node:fs:441:20)'],
  readFileSync: [562, '  return binding.open(', 18, 'openSync (node:fs:562:18)|readFileSync (node:fs:446:35)'],
  writeFileSync: [2344, '    return binding.writeFileUtf8(', 20],
  appendFileSync: [2344, '    return binding.writeFileUtf8(', 20, 'writeFileSync (node:fs:2344:20)|appendFileSync (node:fs:2426:6)'],
  statSync: [1658, '  const stats = binding.stat(', 25],
  readdirSync: [1569, '  const result = binding.readdir(', 26],
  mkdirSync: [1350, '  const result = binding.mkdir(', 26],
  unlinkSync: [1953, '  binding.unlink(getValidatedPath(path));', 11],
};
/** What an uncaught fs error prints above and below its message. */
export interface SysError { call: string; head: string; frames: string[]; fields: Record<string, unknown> }

/** The error's own fields after its stack, as util.inspect writes them. */
export const sysFields = (sys: SysError) => ` {\n${Object.entries(sys.fields).map(([k, v]) => `  ${k}: ${typeof v === 'string' ? `'${v}'` : v}`).join(',\n')}\n}`;

const norm = (p: string) => {
  const abs = p[0] === '/';
  const out: string[] = [];
  for (const s of p.split('/')) {
    if (s === '..') out.length && out[out.length - 1] !== '..' ? out.pop() : abs || out.push('..');
    else if (s && s !== '.') out.push(s);
  }
  const r = (abs ? '/' : '') + out.join('/');
  return r ? r + (p.endsWith('/') && out.length ? '/' : '') : abs ? '/' : '.';
};
const trail = (p: string) => p.replace(/(?!^)\/+$/, '');

export function nodePath(cwd: string) {
  const basename = (p: string, ext?: string) => {
    const b = trail(p).replace(/^.*\//, '');
    return ext && b !== ext && b.endsWith(ext) ? b.slice(0, -ext.length) : b;
  };
  return {
    sep: '/', basename,
    join: (...a: string[]) => norm(a.filter(Boolean).join('/') || '.'),
    resolve: (...a: string[]) => { let r = ''; for (const p of [cwd, ...a].reverse()) if (p && !r.startsWith('/')) r = r ? `${p}/${r}` : p; return trail(norm(r)); },
    dirname: (p: string) => { const t = trail(p); const k = t.lastIndexOf('/'); return k < 0 ? '.' : k ? t.slice(0, k) : '/'; },
    extname: (p: string) => { const b = basename(p); const k = b.lastIndexOf('.'); return k > 0 ? b.slice(k) : ''; },
  };
}

/** `thrown(message, sys)`: the runtime's exception for a failed call. */
export function nodeFs(fs: Fs, cwd: string, thrown: (msg: string, sys: SysError) => never) {
  const call = <T>(name: string, syscall: string, p: string, f: () => T): T => {
    // node's ERR_INVALID_ARG_TYPE (a Buffer, a URL, nothing) is not simulated
    if (typeof p !== 'string') throw new Unsupported(`fs.${name.replace('Utf8', 'Sync')}(${typeof p})`);
    try {
      return f();
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'ENOENT';
      const [errno, text] = UV[code] ?? UV.ENOENT;
      // node 22 reads a directory's utf8 text by read(2), which names no path
      const read = code === 'EISDIR' && syscall === 'open';
      const at = name === 'readFileSync' && read ? 'readFileUtf8' : name;
      const site = SITES[at];
      const fields = { errno, code, syscall: read ? 'read' : syscall, ...(!read && { path: p }) };
      const frames = (site[3] ?? `${at} (node:fs:${site[0]}:${site[2]})`).split('|').map((f) => 'Object.' + f);
      return thrown(`${code}: ${text}, ${fields.syscall}${read ? '' : ` '${p}'`}`, { call: /readFile/.test(name) ? 'readFileSync' : name, head: `node:fs:${site[0]}\n${site[1]}\n${' '.repeat(site[2] - 1)}^`, frames, fields });
    }
  };
  const node = (p: string) => { const n = fs.resolve(p, cwd).node; if (!n) throw { code: 'ENOENT' }; return n; };
  const text = (o: unknown) => (typeof o === 'string' ? o : (o as { encoding?: string })?.encoding);
  /** A Buffer as node shows it: its first 50 bytes in hex. */
  const buffer = (s: string) => {
    const b = new TextEncoder().encode(s);
    const hex = [...b.slice(0, 50)].map((x) => x.toString(16).padStart(2, '0')).join(' ');
    return Object.assign(b, { toString: () => s, [CUSTOM]: () => `<Buffer${hex && ' ' + hex}${b.length > 50 ? ` ... ${b.length - 50} more bytes` : ''}>` });
  };
  const exists = (p: string) => found(fs, p, cwd);
  return {
    existsSync: exists,
    readFileSync: (p: string, o?: unknown) => {
      const s = call(text(o) ? 'readFileUtf8' : 'readFileSync', 'open', p, () => fs.readFile(p, cwd));
      return /^utf-?8$/i.test(text(o) ?? '') ? s : buffer(s);
    },
    writeFileSync: (p: string, d: unknown) => void call('writeFileSync', 'open', p, () => fs.writeFile(p, String(d), cwd)),
    appendFileSync: (p: string, d: unknown) => void call('appendFileSync', 'open', p, () => fs.writeFile(p, String(d), cwd, true)),
    readdirSync: (p: string) => call('readdirSync', 'scandir', p, () => listDir(fs, p, cwd)),
    mkdirSync: (p: string, o?: { recursive?: boolean }) => call('mkdirSync', 'mkdir', p, () => {
      // recursive: the first directory it made, if any
      let first: string | undefined;
      if (o?.recursive) for (let q = nodePath(cwd).resolve(p); !exists(q); q = q.replace(/\/[^/]*$/, '') || '/') first = q;
      fs.mkdir(p, cwd, !!o?.recursive);
      return first;
    }),
    unlinkSync: (p: string) => void call('unlinkSync', 'unlink', p, () => { if (node(p).kind === 'dir') throw { code: 'EISDIR' }; fs.remove(p, cwd); }),
    statSync: (p: string) => call('statSync', 'stat', p, () => {
      const n = node(p);
      return { size: n.kind === 'file' ? n.size : 4096, mtimeMs: 'mtime' in n ? n.mtime : 0, isDirectory: () => n.kind === 'dir', isFile: () => n.kind === 'file' };
    }),
  };
}
