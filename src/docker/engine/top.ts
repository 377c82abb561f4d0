/** `GET /containers/{id}/top`: the host's `ps -ef` of the container's processes. */
import { ApiError } from '../api';
import type { Engine } from './engine';

export const topping = {
  async containerTop(this: Engine, id: string): Promise<{ Titles: string[]; Processes: string[][] }> {
    this.tick();
    const c = this.get(id);
    if (!this.isUp(c)) throw new ApiError(409, `container ${c.id} is not running`);
    // Host PIDs: PID 1 is c.pid; the parent of PID 1 and of every exec'd process (runc hands
    // them over) is the containerd shim, started just before; docker-init's child is its own.
    const shim = c.pid - 23;
    const host = (pid: number) => c.pid + (pid - 1) * 37;
    // The host has no name for the image's users: their UID, from the container's /etc/passwd.
    let passwd = '';
    try {
      passwd = this.fsOf(c).readFile('/etc/passwd');
    } catch { /* none */ }
    const uid = (u: string) => (/^\d+(:|$)/.test(u) ? u.split(':')[0] : new RegExp(`^${u.split(':')[0]}:[^:]*:(\\d+):`, 'm').exec(passwd)?.[1] ?? '101');
    return {
      Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
      // A program's own children (nginx's workers, user nginx = uid 101, which the host has no name for) hang from it
      Processes: this.machine(c).procs().map((p) => [p.user ? uid(p.user) : 'root', String(host(p.pid)), String((p.user && p.pid !== c.proc?.pid) || (p.pid === c.proc?.pid && p.pid > 1) ? host(p.ppid) : shim), '0',
        new Date(p.start).toISOString().slice(11, 16), p.tty ? 'pts/0' : '?', '00:00:00', p.argv.join(' ')]),
    };
  },
};
