/**
 * BIND 9.18's dig, host and nslookup (bind-tools on Alpine, dnsutils on Debian and Ubuntu): queries
 * of any type to the resolver the container has, printed as those tools print them.
 */
import { packaged } from './package-files';
import { query } from './nettools';
import { strftime } from '../../common/dates';
import { inetRecords } from '../../common/internet';
import { isIpv4 } from '../../common/ipv4';
import type { Command, IO, ShellLike } from './types';

const ub = (r: string) => `9.18.30-0ubuntu0.${r}.2-Ubuntu`;

/** The types dig tells from a name (any other word is one more name to look up). */
const TYPES = /^(A|AAAA|MX|NS|TXT|PTR|CNAME|SOA|ANY)$/i;

/** The PTR name of an address, octets reversed as dig -x builds it. */
export const arpa = (ip: string) => ip.split('.').reverse().join('.') + '.in-addr.arpa';

/**
 * Fields at BIND's columns (masterdump's indent): tabs to the next column of `cols`, a space
 * when the text already reaches it.
 */
function row(f: string[], cols: number[]): string {
  let s = f[0];
  for (let i = 1, c = s.length; i < f.length; i++) {
    const to = Math.max(cols[i - 1], c + 1);
    const t = (to >> 3) - (c >> 3);
    s += '\t'.repeat(t) + ' '.repeat(t ? to & 7 : to - c) + f[i];
    c = to + f[i].length;
  }
  return s;
}

/** A name's bytes on the wire; with `seen` (a compressing server) a suffix written before is a 2-byte pointer. */
function wire(name: string, seen?: Set<string>): number {
  let n = 1;
  for (let s = name.replace(/\.$/, ''); s; ) {
    if (seen?.has(s)) return n + 1;
    seen?.add(s);
    const i = s.indexOf('.');
    n += (i < 0 ? s.length : i) + 1;
    s = i < 0 ? '' : s.slice(i + 1);
  }
  return n;
}

/** A record's data bytes (the root's SOA, of NXDOMAIN, 64). */
const rdlen = (type: string, d: string, seen?: Set<string>) =>
  type === 'A' ? 4 : type === 'AAAA' ? 16 : type === 'TXT' ? d.length - 1 : type === 'SOA' ? 64 : type === 'MX' ? 2 + wire(d.split(' ')[1], seen) : wire(d, seen);

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

/**
 * One query: the embedded DNS answers A, AAAA and MX of its names and PTR of their addresses
 * itself (TTL 600); the rest goes to the internet's servers. `nx`: NXDOMAIN; `key`: the name without its final dot.
 */
export function ask(sh: ShellLike, name: string, type: string, server?: string) {
  const key = name.replace(/\.$/, '');
  const r = query(sh, key, server);
  const local = r.local && (key.endsWith('.arpa') ? type === 'PTR' : /^(A|AAAA|MX)$/.test(type));
  const up = local || sh.m.online === false ? undefined : inetRecords(key, type);
  const data = local ? (type === 'A' ? [r.v4!] : type === 'PTR' ? [r.name + '.'] : []) : up?.slice(1) ?? [];
  return { ...r, key, local, nx: !local && !up, ttl: local ? '600' : up?.[0] ?? '', data };
}

export const dig: Command = async (args, io, sh) => {
  const words = args.slice(1);
  let server: string | undefined;
  let short = false;
  let type = 'A';
  const looks: { name: string; type: string }[] = [];
  // a type names the last lookup's, before any name the default of those to come
  const setType = (t: string) => {
    if (looks.length) looks[looks.length - 1].type = t.toUpperCase();
    else type = t.toUpperCase();
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w[0] === '@') server = w.slice(1);
    else if (w[0] === '+') short = w === '+short' || (short && w !== '+noshort');
    else if (w[0] === '-' && 'tcpqxbfky'.includes(w[1])) {
      const v = w.slice(2) || (words[++i] ?? '');
      if (w[1] === 'x') looks.push({ name: arpa(v), type: 'PTR' });
      else if (w[1] === 'q') looks.push({ name: v, type });
      else if (w[1] === 't') TYPES.test(v) ? setType(v) : io.err(`;; Warning, ignoring invalid type ${v}\n`);
    } else if (TYPES.test(w)) setType(w);
    else if (w[0] !== '-' && !/^(IN|CH|HS)$/i.test(w)) looks.push({ name: w, type });
  }
  // no name: the root's servers
  if (!looks.length) looks.push({ name: '.', type: 'NS' });
  const banner = `\n; <<>> DiG ${packaged(sh.m.fs, [ub('24.04'), '9.18.37', '9.11.5-P4-5.1+deb10u11-Debian', '9.18.33-1~deb12u2-Debian', ub('22.04'), ub('20.04')])} <<>>${words.map((w) => ' ' + w).join('')}\n${server ? '; (1 server found)\n' : ''};; global options: +cmd\n`;
  const now = new Date(sh.m.now());
  // +noall +answer: the answer's records alone
  const bare = words.includes('+noall');
  let out = short || bare ? '' : banner;
  for (const l of looks) {
    const r = ask(sh, l.name, l.type, server);
    if (r.down) return await unreached(r.ns, io, out, short ? '' : '\n'), 9;
    if (short) {
      out += r.data.map((d) => d + '\n').join('');
      continue;
    }
    const fq = r.key + '.';
    // the embedded DNS answers its names itself (no EDNS, no compression); the rest comes from upstream, with an OPT record
    const opt = !r.local;
    const seen = opt ? new Set<string>() : undefined;
    const soa = `a.root-servers.net. nstld.verisign-grs.com. ${strftime(now, '%Y%m%d')}00 1800 900 604800 86400`;
    let size = 12 + wire(fq, seen) + 4 + (opt ? 11 : 0);
    const rr = (owner: string, ttl: string, t: string, d: string) => ((size += wire(owner, seen) + 10 + rdlen(t, d, seen)), row([owner, ttl, 'IN', t, d], [24, 32, 40, 48]) + '\n');
    const answer = r.data.map((d) => rr(fq, r.ttl, l.type, d)).join('');
    if (bare) {
      out += words.includes('+answer') ? answer : '';
      continue;
    }
    const auth = r.nx ? rr('.', '86400', 'SOA', soa) : '';
    out += `;; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: ${r.nx ? 'NXDOMAIN' : 'NOERROR'}, id: ${sh.m.random?.() ?? 4242}\n;; flags: qr rd ra; QUERY: 1, ANSWER: ${r.data.length}, AUTHORITY: ${+r.nx}, ADDITIONAL: ${+opt}\n\n`
      + `${opt ? ';; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 512\n' : ''};; QUESTION SECTION:\n${row([';' + fq, 'IN', l.type], [32, 40])}\n\n`
      + (answer && `;; ANSWER SECTION:\n${answer}\n`) + (auth && `;; AUTHORITY SECTION:\n${auth}\n`)
      + `;; Query time: ${r.local ? 0 : 12} msec\n;; SERVER: ${r.ns}#53(${r.ns}) (UDP)\n;; WHEN: ${strftime(now, '%a %b %d %T %Z %Y')}\n;; MSG SIZE  rcvd: ${size}\n\n`;
  }
  io.out(out);
  return 0;
};

/** How host words each type's records. */
const SAYS: Record<string, string> = { A: 'has address', AAAA: 'has IPv6 address', MX: 'mail is handled by', NS: 'name server', TXT: 'descriptive text', PTR: 'domain name pointer' };

/** `host [-t TYPE] NAME|ADDRESS [SERVER]`: a sentence a record (A, AAAA and MX by default, PTR for an address); NXDOMAIN is an error. */
export const host: Command = async (args, io, sh) => {
  const words = args.slice(1);
  const [name, server] = plain(words);
  if (!name) return io.err('Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n'), 1;
  const t = words.findIndex((w) => w.startsWith('-t'));
  const type = t < 0 ? '' : (words[t].slice(2) || words[t + 1] || '').toUpperCase();
  const ip = isIpv4(name);
  const q = ip ? arpa(name) : name;
  let out = server ? `Using domain server:\nName: ${server}\nAddress: ${server}#53\nAliases: \n\n` : '';
  for (const k of type ? [type] : ip ? ['PTR'] : ['A', 'AAAA', 'MX']) {
    const r = ask(sh, q, k, server);
    if (r.down) return await unreached(r.ns, io, '', ''), 1;
    // host names the reverse name as it built it, with the final dot
    if (r.nx) return io.out(`${out}Host ${ip ? q + '.' : name} not found: 3(NXDOMAIN)\n`), 1;
    out += r.data.map((d) => `${r.key} ${SAYS[k] ?? k} ${d}\n`).join('') || (type ? `${r.key} has no ${k} record\n` : '');
  }
  io.out(out);
  return 0;
};

/** How nslookup (BIND's and busybox's) words each type's records. */
export const NAMES: Record<string, string> = { MX: 'mail exchanger', NS: 'nameserver', TXT: 'text', PTR: 'name' };

/**
 * BIND's `nslookup [-type=T] NAME|ADDRESS [SERVER]`: A and AAAA under one heading, `#53` after the
 * server; an address is a PTR query, printed without the heading, as the other types are with it.
 */
export async function bindLookup(args: string[], io: IO, sh: ShellLike): Promise<number> {
  const [name, server] = plain(args.slice(1));
  // without a name it is interactive; a script gets the prompt and the end of its input
  if (!name) return io.out('> '), 0;
  const given = args.map((a) => /^-(q|ty)\w*=(.+)/i.exec(a)?.[2].toUpperCase()).filter(Boolean).pop();
  const type = given ?? (isIpv4(name) ? 'PTR' : 'A');
  const r = ask(sh, isIpv4(name) ? arpa(name) : name, type, server);
  if (r.down) return await unreached(r.ns, io), 1;
  const head = given || type === 'A' ? `Server:\t\t${r.ns}\nAddress:\t${r.ns}#53\n\n` : '';
  if (r.nx) return io.out(`${head}** server can't find ${r.key}: NXDOMAIN\n\n`), 1;
  const addr = /^A(AAA)?$/.test(type);
  const v6 = given || !addr || !r.v6 ? [] : [r.v6];
  const rows = addr ? [...r.data, ...v6].map((a) => `Name:\t${name}\nAddress: ${a}\n`) : r.data.map((d) => `${r.key}\t${NAMES[type] ?? type} = ${d}\n`);
  io.out(`${head}${head && 'Non-authoritative answer:\n'}${rows.join('') || `*** Can't find ${name}: No answer\n`}${addr ? '' : '\nAuthoritative answers can be found from:\n'}\n`);
  return 0;
}
