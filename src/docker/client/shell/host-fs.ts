/**
 * The host's small in-memory filesystem: where `echo … > Dockerfile` writes and where
 * `docker build .` reads its context from.
 */

export type Node = { dir: true; mtime: number } | { dir: false; data: string; mtime: number };

export class HostFs {
  readonly nodes = new Map<string, Node>();

  constructor(private now: () => number, dirs: string[] = []) {
    this.nodes.set('/', { dir: true, mtime: 0 });
    for (const d of dirs) this.mkdirp(d);
  }

  /** Absolute, normalised path of `p` seen from `cwd`. */
  static resolve(cwd: string, p: string): string {
    const parts: string[] = [];
    for (const seg of (p.startsWith('/') ? p : cwd + '/' + p).split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') parts.pop();
      else parts.push(seg);
    }
    return '/' + parts.join('/');
  }

  get(path: string): Node | undefined {
    return this.nodes.get(path);
  }

  parentOk(path: string): boolean {
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    return this.nodes.get(parent)?.dir === true;
  }

  write(path: string, data: string, append = false): void {
    const prev = this.nodes.get(path);
    const old = append && prev && !prev.dir ? prev.data : '';
    this.nodes.set(path, { dir: false, data: old + data, mtime: this.now() });
  }

  mkdirp(path: string): void {
    let cur = '';
    for (const seg of path.split('/').filter(Boolean)) {
      cur += '/' + seg;
      if (!this.nodes.has(cur)) this.nodes.set(cur, { dir: true, mtime: this.now() });
    }
  }

  /** Direct children names of a directory, sorted as `ls` sorts them in the C locale. */
  list(dir: string): string[] {
    const prefix = dir === '/' ? '/' : dir + '/';
    const out: string[] = [];
    for (const k of this.nodes.keys()) {
      if (k !== '/' && k.startsWith(prefix) && !k.slice(prefix.length).includes('/')) out.push(k.slice(prefix.length));
    }
    return out.sort();
  }

  remove(path: string): void {
    for (const k of [...this.nodes.keys()]) if (k === path || k.startsWith(path + '/')) this.nodes.delete(k);
  }

  /** Every regular file below `dir`, keyed by its path relative to `dir` (a build context). */
  files(dir: string): Record<string, string> {
    const prefix = dir === '/' ? '/' : dir + '/';
    const out: Record<string, string> = {};
    for (const [k, v] of this.nodes) if (!v.dir && k.startsWith(prefix)) out[k.slice(prefix.length)] = v.data;
    return out;
  }

  toJSON(): [string, Node][] {
    return [...this.nodes];
  }

  load(entries: [string, Node][]): void {
    this.nodes.clear();
    for (const [k, v] of entries) this.nodes.set(k, v);
  }
}
