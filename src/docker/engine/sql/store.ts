/**
 * Where a server keeps its databases: a directory per database under its data directory, a file
 * per table holding the definition and the rows. Being files, they live in the container's
 * writable layer or in the volume mounted there, and go wherever those go.
 */
import type { Machine } from '../shell/types';
import type { ColDef, Fk, Val } from './parse';

type Fs = Machine['fs'];

export interface Table { cols: ColDef[]; rows: Val[][]; seq: number; fk?: Fk[] }

// names become file names as MySQL writes them: other characters than letters, digits, _ and $ as @XXXX
const enc = (n: string) => n.replace(/[^\w$]/g, (c) => '@' + c.charCodeAt(0).toString(16).padStart(4, '0'));
const dec = (n: string) => n.replace(/@([\da-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

export class Store {
  /** `ext`: the table files' suffix (MySQL's `.ibd`). */
  constructor(public fs: Fs, public root: string, private ext = '') {}
  private dir = (db: string) => this.fs.list(this.root.split('/').filter(Boolean).concat(enc(db)));
  dbs(): string[] {
    return [...this.fs.list(this.root.split('/').filter(Boolean))].filter(([, n]) => n.kind === 'dir').map(([k]) => dec(k)).sort();
  }
  hasDb = (db: string) => this.fs.resolve(`${this.root}/${enc(db)}`).node?.kind === 'dir';
  createDb = (db: string) => this.fs.mkdir(`${this.root}/${enc(db)}`, '/', true);
  dropDb(db: string): number {
    const n = this.tables(db).length;
    this.fs.remove(`${this.root}/${enc(db)}`, '/', true);
    return n;
  }
  tables = (db: string) => [...this.dir(db).keys()].filter((k) => k.endsWith(this.ext)).map((k) => dec(k.slice(0, k.length - this.ext.length))).sort();
  private path = (db: string, t: string) => `${this.root}/${enc(db)}/${enc(t)}${this.ext}`;
  table(db: string, t: string): Table | undefined {
    const n = this.dir(db).get(enc(t) + this.ext);
    return n?.kind === 'file' && n.data ? (JSON.parse(n.data) as Table) : undefined;
  }
  save = (db: string, t: string, tb: Table) => this.fs.writeFile(this.path(db, t), JSON.stringify(tb));
  dropTable = (db: string, t: string) => this.fs.remove(this.path(db, t));
  /** Every table of a database with its name (for the keys that point across them). */
  all = (db: string) => this.tables(db).flatMap((t) => ((tb) => (tb ? [[t, tb] as const] : []))(this.table(db, t)));
}
