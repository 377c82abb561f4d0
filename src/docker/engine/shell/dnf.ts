/** Oracle Linux's package managers: microdnf (9 slim, the mysql 8/9 images) and yum (7 slim, mysql 5.7). */
import { bigFile } from './packages';
import { exists } from './package-files';
import type { Command, ShellLike } from './types';

const paths = (bins: string[]) => bins.map((b, i) => (i > bins.indexOf('/') && bins.includes('/') ? '/usr/sbin/' : '/usr/bin/') + b).filter((p) => !p.endsWith('/'));

// name, el9 version, el7 version, download size (kB), programs (in /usr/sbin after the `/`)
const RPMS = Object.fromEntries('procps-ng 3.3.17-14.el9 3.3.10-28.el7 356 ps free top pgrep pkill pidof uptime w watch vmstat pmap;vim-minimal 8.2.2637-21.el9 7.4.629-8.0.1.el7_9 680 vi;iputils 20210202-10.el9 20160308-10.el7 181 ping tracepath / arping;net-tools 2.0-0.64.20160912git.el9 2.0-0.25.20131004git.el7 301 / ifconfig netstat route arp;less 590-5.el9 458-9.el7 164 less;which 2.21-29.el9 2.20-7.el7 42 which'
  .split(';').map((e) => e.split(' ')).map(([n, v9, v7, kb, ...bins]) => [n, { v9, v7, kb: Number(kb), files: paths(bins) }]));
// what the packages also provide
const ALIAS: Record<string, string> = { procps: 'procps-ng', vim: 'vim-minimal', ping: 'iputils' };

const installed = (sh: ShellLike, n: string) => exists(sh.m.fs, RPMS[n].files[0]);

const put = (sh: ShellLike, n: string) => RPMS[n].files.forEach((p) => bigFile(sh, p, RPMS[n].kb * 512, 0o755));

/** The packages asked for, by their own names; `bad` those no repository has. */
function resolve(args: string[]): { want: string[]; bad: string[] } {
  const names = args.filter((a) => !a.startsWith('-')).map((a) => ALIAS[a] ?? a);
  return { want: [...new Set(names.filter((n) => RPMS[n]))], bad: names.filter((n) => !RPMS[n]) };
}

const kB = (kb: number) => (kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${kb.toFixed(1)} kB`);

const microdnf: Command = (args, io, sh) => {
  if (/^(--help|-h)$/.test(args[1] ?? '')) return io.out('Usage:\n  microdnf [OPTION…] COMMAND\n\nCommands:\n'), 0;
  const sub = args.find((a, i) => i > 0 && !a.startsWith('-'));
  if (sub !== 'install') return io.err(`error: Unknown command '${sub ?? ''}'\n`), 1;
  io.out('Downloading metadata...\n'.repeat(3));
  const { want, bad } = resolve(args.slice(args.indexOf(sub) + 1));
  if (bad.length) return io.err(`error: No package matches '${bad[0]}'\n`), 1;
  const todo = want.filter((n) => !installed(sh, n));
  if (!todo.length) return io.out('Nothing to do.\n'), 0;
  const nevra = todo.map((n) => `${n}-${RPMS[n].v9}.x86_64`);
  const w = Math.max(...nevra.map((x) => x.length)) + 1;
  io.out(`${'Package'.padEnd(w + 1)}${'Repository'.padEnd(18)}Size\nInstalling:\n${nevra.map((x, i) => ` ${x.padEnd(w)}${'ol9_baseos_latest'.padEnd(18)}${kB(RPMS[todo[i]].kb)}\n`).join('')}Transaction Summary:\n`);
  io.out('Installing Reinstalling Upgrading Obsoleting Removing Downgrading'.split(' ').map((k, i) => ` ${(k + ':').padEnd(18)}${i ? 0 : todo.length} packages\n`).join(''));
  io.out(`Downloading packages...\nRunning transaction test...\n${todo.map((n) => `Installing: ${n};${RPMS[n].v9};x86_64;ol9_baseos_latest\n`).join('')}Complete.\n`);
  todo.forEach((n) => put(sh, n));
  return 0;
};

const yum: Command = (args, io, sh) => {
  const sub = args.find((a, i) => i > 0 && !a.startsWith('-'));
  if (sub !== 'install') return io.err(`No such command: ${sub ?? ''}. Please use /usr/bin/yum --help\n`), 1;
  io.out('Loaded plugins: ovl\n');
  const { want, bad } = resolve(args.slice(args.indexOf(sub) + 1));
  bad.forEach((n) => io.out(`No package ${n} available.\n`));
  want.filter((n) => installed(sh, n)).forEach((n) => io.out(`Package ${n}-${RPMS[n].v7}.x86_64 already installed and latest version\n`));
  const todo = want.filter((n) => !installed(sh, n));
  if (!todo.length) return bad.length ? (io.err('Error: Nothing to do\n'), 1) : (io.out('Nothing to do\n'), 0);
  const line = '='.repeat(80) + '\n';
  const size = todo.reduce((a, n) => a + RPMS[n].kb, 0);
  const k = (kb: number) => (kb >= 1024 ? `${(kb / 1024).toFixed(1)} M` : `${kb} k`);
  const row = (n: string, i: number) => `  ${i ? 'Verifying ' : 'Installing'} : ${n}-${RPMS[n].v7}.x86_64`.padEnd(72) + `${todo.indexOf(n) + 1}/${todo.length} \n`;
  io.out(`Resolving Dependencies\n--> Running transaction check\n${todo.map((n) => `---> Package ${n}.x86_64 0:${RPMS[n].v7} will be installed\n`).join('')}--> Finished Dependency Resolution\n\nDependencies Resolved\n\n${line}`);
  io.out(` Package         Arch         Version                        Repository      Size\n${line}Installing:\n${todo.map((n) => ` ${n.padEnd(15)} ${'x86_64'.padEnd(12)} ${RPMS[n].v7.padEnd(30)} ${'ol7_latest'.padEnd(11)} ${k(RPMS[n].kb).padStart(8)}\n`).join('')}\nTransaction Summary\n${line}`);
  io.out(`Install  ${todo.length} Package${todo.length > 1 ? 's' : ''}\n\nTotal download size: ${k(size)}\nInstalled size: ${k(size * 3)}\nDownloading packages:\nRunning transaction check\nRunning transaction test\nTransaction test succeeded\nRunning transaction\n`);
  io.out(`${todo.map((n) => row(n, 0)).join('')}${todo.map((n) => row(n, 1)).join('')}\nInstalled:\n  ${todo.map((n) => `${n}.x86_64 0:${RPMS[n].v7}`).join(' ')}\n\nComplete!\n`);
  todo.forEach((n) => put(sh, n));
  return 0;
};

export const DNF: Record<string, Command> = { microdnf, yum };
