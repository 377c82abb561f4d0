/**
 * Records what the real bash 5.2.15 and GNU tools of a Debian 12 machine answer to each case of a
 * corpus: `node --import tsx tests/real-shell/capture.ts [NAME...]` reads NAME.txt here and writes
 * NAME.json beside it. Each case runs as root as `bash -c CASE` in a fresh, empty /tmp/w, with the
 * environment `docker exec` gives a debian:12 container, and nothing on its input.
 * In a corpus, a line starting with `> ` goes on the case above it after a newline (heredocs).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Answer { line: string; out: string; err: string; exit: number }

const HERE = import.meta.dirname;
export const WORKDIR = '/tmp/w';
// `docker exec`'s environment in debian:12: the image's PATH, then HOSTNAME and HOME. Cases keep
// away from the hostname, which is the container's ID there.
const ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: 'c0ffee000000', HOME: '/root' };

export function corpus(name: string): string[] {
  const cases: string[] = [];
  for (const l of readFileSync(join(HERE, name + '.txt'), 'utf8').split('\n')) {
    if (l.startsWith('> ') && cases.length) cases[cases.length - 1] += '\n' + l.slice(2);
    else if (l.trim() && !l.startsWith('#')) cases.push(l);
  }
  return cases;
}

function ask(line: string): Answer {
  rmSync(WORKDIR, { recursive: true, force: true });
  mkdirSync(WORKDIR);
  // stdin is /dev/null, not a socket: bash reads ~/.bashrc when its input is a socket (run by sshd)
  const r = spawnSync('bash', ['-c', line], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'], env: ENV, cwd: WORKDIR });
  if (r.error || r.status === null) throw new Error(`${line}: ${r.error?.message ?? 'killed by ' + r.signal}`);
  return { line, out: r.stdout, err: r.stderr, exit: r.status };
}

function main(): void {
  const version = spawnSync('bash', ['--version'], { encoding: 'utf8' }).stdout ?? '';
  if (!version.includes('version 5.2.15(')) throw new Error(`needs bash 5.2.15, found: ${version.split('\n')[0] || 'none'}`);
  if (process.getuid?.() !== 0) throw new Error('runs as root, as in a container');
  const names = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(HERE).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4));
  for (const name of names) {
    const answers = corpus(name).map(ask);
    writeFileSync(join(HERE, name + '.json'), JSON.stringify(answers, null, 1) + '\n');
    console.log(`${name}: ${answers.length} cases`);
  }
  rmSync(WORKDIR, { recursive: true, force: true });
}

if (process.argv[1] === import.meta.filename) main();
