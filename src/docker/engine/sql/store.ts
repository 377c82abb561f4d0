/**
 * Where a server keeps its databases: a directory per database under its data directory, a file
 * per table holding the definition and the rows. Being files, they live in the container's
 * writable layer or in the volume mounted there, and go wherever those go.
 */
import type { Machine } from '../shell/types';

type Fs = Machine['fs'];
import type { ColDef, Val } from './parse';

export interface Table { cols: ColDef[]; rows: Val[][]; seq: number }

export class Store {
  /** `ext`: the table files' suffix (MySQL's `.ibd`). */
  constructor(public fs: Fs, public root: string, private ext = '') {}
  private dir = (db: string) => this.fs.list(this.root.split('/').filter(Boolean).concat(db));
  dbs(): string[] {
    return [...this.fs.list(this.root.split('/').filter(Boolean))].filter(([, n]) => n.kind === 'dir').map(([k]) => k).sort();
  }
  hasDb = (db: string) => this.fs.resolve(`${this.root}/${db}`).node?.kind === 'dir';
  createDb = (db: string) => this.fs.mkdir(`${this.root}/${db}`, '/', true);
  dropDb(db: string): number {
    const n = this.tables(db).length;
    this.fs.remove(`${this.root}/${db}`, '/', true);
    return n;
  }
  tables = (db: string) => [...this.dir(db).keys()].filter((k) => k.endsWith(this.ext)).map((k) => k.slice(0, k.length - this.ext.length)).sort();
  private path = (db: string, t: string) => `${this.root}/${db}/${t}${this.ext}`;
  table(db: string, t: string): Table | undefined {
    const n = this.fs.resolve(this.path(db, t)).node;
    return n?.kind === 'file' && n.data ? (JSON.parse(n.data) as Table) : undefined;
  }
  save = (db: string, t: string, tb: Table) => this.fs.writeFile(this.path(db, t), JSON.stringify(tb));
  dropTable = (db: string, t: string) => this.fs.remove(this.path(db, t));
}
