/**
 * Renders the daemon's JSON message stream as `pkg/jsonmessage` does: on a TTY every layer owns
 * a line rewritten in place (cursor up, erase line, cursor down); without one the progress bars
 * are dropped and each status gets its own line.
 */
import type { JSONMessage } from '../api';
import type { TermIO } from '../shell';
import { humanSize } from './format/units';

/**
 * Pacing so a whole pull animates in one to three seconds on screen: about nine messages per
 * downloaded layer share a budget of 1.6 s, within 10-120 ms per message.
 */
function paceMs(layers: number): number {
  return Math.max(10, Math.min(120, Math.round(1600 / (Math.max(1, layers) * 9))));
}

export function progressString(m: JSONMessage, columns: number): string {
  const cur = m.progressDetail?.current ?? 0;
  const total = m.progressDetail?.total ?? 0;
  if (cur <= 0 && total <= 0) return '';
  if (total <= 0) return humanSize(cur).padStart(8);
  let bar = '';
  if (columns > 110) {
    const pct = Math.min(50, Math.trunc(Math.trunc((cur / total) * 100) / 2));
    bar = `[${'='.repeat(pct)}>${' '.repeat(Math.max(0, 50 - pct))}] `;
  }
  const numbers = cur > total ? humanSize(cur).padStart(8) : `${humanSize(cur).padStart(8)}/${humanSize(total)}`;
  return bar + numbers;
}

/** A message sink for one stream, writing to `write` (stdout for pull, stderr for run's pull). */
export function messageRenderer(io: TermIO, write: (t: string) => void): (m: JSONMessage) => Promise<void> {
  const ids = new Map<string, number>();
  const columns = io.columns ?? 80;
  let downloads = 0;
  return async (m) => {
    if (m.stream !== undefined && m.id === undefined) {
      ids.clear();
      write(m.stream);
      return;
    }
    if (m.error !== undefined || m.status === undefined) return;
    const progress = progressString(m, columns);
    // The id prefixes the status (`latest: Pulling from library/x`) unless the status already carries it.
    const label = m.id && !m.status.startsWith(m.id + ': ') ? `${m.id}: ${m.status}` : m.status;
    if (!io.tty) {
      if (progress) return;
      write(label + '\n');
      return;
    }
    // Layer messages travel with a progressDetail (possibly empty): each such id keeps its line.
    if (m.id && m.progressDetail) {
      let line = ids.get(m.id);
      let out = '';
      if (line === undefined) {
        line = ids.size;
        ids.set(m.id, line);
        out += '\n';
      }
      const diff = ids.size - line;
      out += `\x1b[${diff}A\x1b[2K\r${label} ${progress}\r\x1b[${diff}B`;
      write(out);
      if (m.status === 'Pulling fs layer') downloads++;
      else if (m.status !== 'Already exists' && m.status !== 'Waiting') await io.sleep(paceMs(downloads));
      return;
    }
    // A progress without an id (the builder's ADD download) is redrawn on the current line.
    if (progress && !m.id) return write(`\x1b[2K\r${label} ${progress}\r`);
    ids.clear();
    write(label + '\n');
  };
}
