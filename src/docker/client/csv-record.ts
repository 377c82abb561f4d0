/**
 * The first record of Go's encoding/csv Reader (what opts.MountOpt and opts.GpuOpts read a flag
 * value with): commas split, double quotes group (`""` is a quote, a quoted field may run over
 * lines), empty lines are skipped; its errors with their line and column.
 */
export function csvRecord(input: string): string[] {
  const lines = input.replace(/\r\n/g, '\n').split(/(?<=\n)/);
  let n = 0;
  let line = '';
  // Lines before the record that hold nothing are skipped, but counted.
  while (n < lines.length && (line = lines[n++]) === '\n');
  if (line === '' || line === '\n') throw new Error('EOF');
  const start = n;
  const fail = (col: number, why: string): never => {
    const at = `line ${n}, column ${col}`;
    throw new Error(`${start === n ? '' : `record on line ${start}; `}parse error on ${at}: ${why}`);
  };
  const out: string[] = [];
  let col = 1;
  for (;;) {
    if (line[0] !== '"') {
      const i = line.indexOf(',');
      const field = i >= 0 ? line.slice(0, i) : line.replace(/\n$/, '');
      const q = field.indexOf('"');
      if (q >= 0) fail(col + q, 'bare " in non-quoted-field');
      out.push(field);
      if (i < 0) return out;
      line = line.slice(i + 1);
      col += i + 1;
      continue;
    }
    let field = '';
    line = line.slice(1);
    col++;
    for (;;) {
      const i = line.indexOf('"');
      if (i >= 0) {
        field += line.slice(0, i);
        line = line.slice(i + 1);
        col += i + 1;
        if (line[0] === '"') {
          field += '"';
          line = line.slice(1);
          col++;
        } else if (line[0] === ',') {
          line = line.slice(1);
          col++;
          break;
        } else if (line === '' || line === '\n') {
          out.push(field);
          return out;
        } else fail(col - 1, 'extraneous or missing " in quoted-field');
      } else if (line) {
        field += line;
        col += line.length;
        if (n >= lines.length) fail(col, 'extraneous or missing " in quoted-field');
        line = lines[n++];
        col = 1;
      } else fail(col, 'extraneous or missing " in quoted-field');
    }
    out.push(field);
  }
}
