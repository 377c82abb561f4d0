/** The corpus programs in the simulator: one session with a container of each target's image, named after the target. */
import { session } from '../unit/docker/client/session';
import { ENV, TARGETS, type Answer, type Target } from './capture';

const FLAG = { python: 'python3 -c', node: 'node -e' } as const;
const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
const env = Object.entries(ENV).map(([k, v]) => `-e ${k}=${v}`).join(' ');

export async function simulator() {
  const s = session(1);
  for (const t of TARGETS) {
    for (const line of [`docker pull -q ${t.image}`, `docker run -d --name ${t.name} ${t.image} sleep infinity`]) {
      const r = await s(line);
      if (r.exit) throw new Error(`${line}: ${r.err}`);
    }
  }
  const nodeVersion = (await s('docker exec node node --version')).out.trim();
  const run = (t: Target, program: string) => s(`docker exec ${env} ${t.name} ${FLAG[t.lang]} ${quote(program)}`);
  /**
   * What the simulator must print: the real answer, but node names its own patch version on
   * the last line of an uncaught error's report, and the image's node is not the one here.
   */
  const expected = (t: Target, a: Answer, version: string) => (t.lang === 'node' ? { ...a, err: a.err.replaceAll(`Node.js ${version}\n`, `Node.js ${nodeVersion}\n`) } : a);
  return { run, expected };
}
