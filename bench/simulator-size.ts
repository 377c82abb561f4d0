/**
 * Where the simulator bundle's gzipped bytes go: for each source file, how many bytes the
 * gzipped bundle loses when that file's code is cut out (its marginal cost, read from the
 * source map). `node --import tsx bench/simulator-size.ts [N]` prints the N costliest files and
 * the cost of each part of the architecture.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { BUNDLE } from './simulator';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Source index of every generated character (-1 for glue esbuild wrote itself). */
function owners(code: string, mappings: string): Int32Array[] {
  const lines = code.split('\n');
  const own = lines.map((l) => new Int32Array(l.length).fill(-1));
  let src = 0;
  mappings.split(';').forEach((line, li) => {
    if (li >= lines.length) return;
    let col = 0;
    const segs: [number, number][] = [];
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const vals: number[] = [];
      let v = 0;
      let shift = 0;
      for (const ch of seg) {
        const d = B64.indexOf(ch);
        v += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          vals.push(v & 1 ? -(v >> 1) : v >> 1);
          v = 0;
          shift = 0;
        }
      }
      col += vals[0];
      if (vals.length > 1) src += vals[1];
      segs.push([col, src]);
    }
    segs.forEach(([c, s], i) => own[li].fill(s, c, i + 1 < segs.length ? segs[i + 1][0] : lines[li].length));
  });
  return own;
}

async function main(): Promise<void> {
  const top = Number(process.argv[2] ?? 40);
  const res = await build({ ...BUNDLE, sourcemap: 'external', outfile: 'sim.js' });
  const code = res.outputFiles.find((f) => f.path.endsWith('.js'))!.text;
  const map = JSON.parse(res.outputFiles.find((f) => f.path.endsWith('.map'))!.text) as { sources: string[]; mappings: string };
  const own = owners(code, map.mappings);
  const lines = code.split('\n');
  const total = gzipSync(code, { level: 9 }).length;
  const without = (cut: (source: string) => boolean) => {
    const kept = lines.map((l, li) => [...l].filter((_, i) => own[li][i] < 0 || !cut(map.sources[own[li][i]])).join(''));
    return total - gzipSync(kept.join('\n'), { level: 9 }).length;
  };
  const name = (s: string) => s.replace(/^.*src\/docker\//, '');
  console.log(`simulator: ${total} B gzipped (${code.length} B minified)\n`);
  const rows = [...new Set(map.sources)].map((s) => [without((x) => x === s), name(s)] as const).sort((a, b) => b[0] - a[0]);
  for (const [bytes, file] of rows.slice(0, top)) console.log(String(bytes).padStart(7), file);
  console.log('');
  for (const part of ['client/', 'client/shell/', 'client/help-texts', 'engine/', 'engine/shell/', 'registry/', 'common/']) {
    console.log(String(without((s) => name(s).startsWith(part))).padStart(7), part);
  }
}

void main();
