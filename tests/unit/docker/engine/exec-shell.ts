/** One running debian:12 container and a runner for `docker exec -w /tmp/w CTR bash -c LINE` in a fresh, empty /tmp/w. */
import { ApiError } from '../../../../src/docker/api';
import { engine, pull, term } from './fixtures';

export interface Result { out: string; err: string; exit: number }

export async function debianExec(workdir = '/tmp/w') {
  const e = engine(1);
  await pull(e, 'debian:12');
  const { Id } = await e.containerCreate({ Image: 'debian:12', Cmd: ['sleep', 'infinity'] });
  await e.containerStart(Id);
  const exec = async (cmd: string[], cwd?: string): Promise<Result> => {
    const io = term(false);
    try {
      const h = await e.exec(Id, { Cmd: cmd, WorkingDir: cwd }, io);
      return { out: io.text, err: io.errText, exit: h.exitCode ?? -1 };
    } catch (err) {
      if (err instanceof ApiError) return { out: io.text, err: io.errText + err.message + '\n', exit: err.exitCode ?? 126 };
      throw err;
    }
  };
  return async (line: string): Promise<Result> => {
    await exec(['rm', '-rf', workdir]);
    await exec(['mkdir', workdir]);
    return exec(['bash', '-c', line], workdir);
  };
}
