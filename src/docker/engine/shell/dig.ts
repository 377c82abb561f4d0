/**
 * BIND 9.18's dig, host and nslookup (bind-tools on Alpine, dnsutils on Debian and Ubuntu): one
 * A or AAAA query to the resolver the container has, printed as those tools print it.
 */
import { packaged } from './package-files';
import { query } from './nettools';
import { strftime } from '../../common/dates';
import type { Command, IO, ShellLike } from './types';

const ub = (r: string) => `9.18.30-0ubuntu0.${r}.2-Ubuntu`;

/** The first column padded with tabs to the 24th, as dig's style has it (at least one tab). */
const col = (s: string) => s + '\t'.repeat(Math.max(1, 3 - (s.length >> 3)));

/**
 * A server that does not answer, three tries each: nothing listens on a local address (refused
 * at once), one out of reach never answers.
 */
async function unreached(ns: string, io: IO, banner = '', end = '\n') {
  const local = ns.startsWith('127.');
  if (!local) await io.sleep(15000);
  io.out(`;; communications error to ${ns}#53: ${local ? 'connection refused' : 'timed out'}\n`.repeat(3) + banner + ';; no servers could be reached\n' + end);
}

/** The words that are not options (nor the values of -t, -c, -p and the like). */
const plain = (words: string[]) => words.filter((w, i) => !/^[@+-]/.test(w) && !/^-[tcpWNRm]$/.test(words[i - 1] ?? ''));

/** The query's answer: the records of the type asked (a container name has no AAAA), or NXDOMAIN. */
function ask(sh: ShellLike, name: string, server: string | undefined, v6: boolean) {
  const r = query(sh, name, server);
  return { ...r, ip: v6 ? r.v6 : r.v4, nx: !r.v4 };
}

export const dig: Command = async (args, io, sh) => {
  const words = args.slice(1);
  const name = plain(words).find((w) => !/^(A|AAAA|IN)$/i.test(w)) ?? '.';
  const v6 = words.some((w) => /^AAAA$/i.test(w));
  const server = words.find((w) => w[0] === '@')?.slice(1);
  const r = ask(sh, name, server, v6);
  const short = words.includes('+short');
  const banner = `\n; <<>> DiG ${packaged(sh.m.fs, [ub('24.04'), '9.18.37', '9.11.5-P4-5.1+deb10u11-Debian', '9.18.33-1~deb12u2-Debian', ub('22.04'), ub('20.04')])} <<>> ${words.join(' ')}\n${server ? '; (1 server found)\n' : ''};; global options: +cmd\n`;
  if (r.down) return await unreached(r.ns, io, short ? '' : banner, short ? '' : '\n'), 9;
  if (short) return io.out(r.ip ? r.ip + '\n' : ''), 0;
  const fq = name.replace(/\.?$/, '.');
  // the embedded DNS answers its names itself (no EDNS); the rest comes from upstream, with an OPT record
  const opt = !r.local;
  const type = v6 ? 'AAAA' : 'A';
  const now = new Date(sh.m.now());
  const when = strftime(now, '%a %b %d %T %Z %Y');
  const size = 12 + fq.length + 5 + (r.ip ? (v6 ? 28 : 16) : r.nx ? 75 : 0) + (opt ? 11 : 0);
  io.out(`${banner};; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: ${r.nx ? 'NXDOMAIN' : 'NOERROR'}, id: ${sh.m.random?.() ?? 4242}\n;; flags: qr rd ra; QUERY: 1, ANSWER: ${r.ip ? 1 : 0}, AUTHORITY: ${r.nx ? 1 : 0}, ADDITIONAL: ${opt ? 1 : 0}\n\n`
    + `${opt ? ';; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 512\n' : ''};; QUESTION SECTION:\n${col(';' + fq)}\tIN\t${type}\n\n`
    + (r.ip ? `;; ANSWER SECTION:\n${col(fq)}${r.local ? 600 : 300}\tIN\t${type}\t${r.ip}\n\n` : '')
    + (r.nx ? `;; AUTHORITY SECTION:\n.\t\t\t86400\tIN\tSOA\ta.root-servers.net. nstld.verisign-grs.com. ${strftime(now, '%Y%m%d')}00 1800 900 604800 86400\n\n` : '')
    + `;; Query time: ${r.local ? 0 : 12} msec\n;; SERVER: ${r.ns}#53(${r.ns}) (UDP)\n;; WHEN: ${when}\n;; MSG SIZE  rcvd: ${size}\n\n`);
  return 0;
};

/** `host NAME [SERVER]`: its addresses in a sentence each; NXDOMAIN is an error. */
export const host: Command = async (args, io, sh) => {
  const [name, server] = plain(args.slice(1));
  if (!name) return io.err('Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n'), 1;
  const r = ask(sh, name, server, false);
  if (r.down) return await unreached(r.ns, io, '', ''), 1;
  io.out(server ? `Using domain server:\nName: ${server}\nAddress: ${server}#53\nAliases: \n\n` : '');
  if (r.nx) return io.out(`Host ${name} not found: 3(NXDOMAIN)\n`), 1;
  io.out(`${name} has address ${r.v4}\n${r.v6 ? `${name} has IPv6 address ${r.v6}\n` : ''}`);
  return 0;
};

/** BIND's `nslookup NAME [SERVER]`: the A and AAAA answers under one heading, `#53` after the server. */
export async function bindLookup(args: string[], io: IO, sh: ShellLike): Promise<number> {
  const [name, server] = plain(args.slice(1));
  // without a name it is interactive; a script gets the prompt and the end of its input
  if (!name) return io.out('> '), 0;
  const r = ask(sh, name, server, false);
  if (r.down) return await unreached(r.ns, io), 1;
  const head = `Server:\t\t${r.ns}\nAddress:\t${r.ns}#53\n\n`;
  if (r.nx) return io.out(`${head}** server can't find ${name}: NXDOMAIN\n\n`), 1;
  io.out(`${head}Non-authoritative answer:\n${[r.v4, r.v6].filter(Boolean).map((a) => `Name:\t${name}\nAddress: ${a}\n`).join('')}\n`);
  return 0;
}
