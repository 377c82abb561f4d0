/** The corpus programs in the simulator: one session with a python:3.11 and a node:20 container. */
import { session } from '../unit/docker/client/session';
import { ENV, type Answer, type Lang } from './capture';

const CONTAINER = { python: 'py', node: 'nd' } as const;
const FLAG = { python: 'python3 -c', node: 'node -e' } as const;
const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
const env = Object.entries(ENV).map(([k, v]) => `-e ${k}=${v}`).join(' ');

export async function simulator() {
  const s = session(1);
  for (const line of ['docker pull -q python:3.11', 'docker pull -q node:20', 'docker run -d --name py python:3.11 sleep infinity', 'docker run -d --name nd node:20 sleep infinity']) {
    const r = await s(line);
    if (r.exit) throw new Error(`${line}: ${r.err}`);
  }
  const nodeVersion = (await s('docker exec nd node --version')).out.trim();
  const run = (lang: Lang, program: string) => s(`docker exec ${env} ${CONTAINER[lang]} ${FLAG[lang]} ${quote(program)}`);
  /**
   * What the simulator must print: the real answer, but node names its own patch version on
   * the last line of an uncaught error's report, and the image's node is not the one here.
   */
  const expected = (lang: Lang, a: Answer, version: string) => (lang === 'node' ? { ...a, err: a.err.replaceAll(`Node.js ${version}\n`, `Node.js ${nodeVersion}\n`) } : a);
  return { run, expected };
}
