/**
 * Network diagnostics inside containers, from the container's real interfaces, routes and
 * resolver: busybox's ip/ifconfig/route/nslookup (iproute2's ip and net-tools' ifconfig/route
 * where apt installed them) and getent (musl's on Alpine, glibc's elsewhere).
 */
import { opts, usage } from '../../common/sh/opts';
import { ipNum, ipStr, isIpv4 } from '../../common/ipv4';
import type { Command, Iface, ShellLike } from './types';
import { inetOf } from '../../common/internet';
import { readOr, type Fs } from '../../common/sh/fs';
import { NAMES, arpa, ask, bindLookup, dig, host } from './dig';

const maskOf = (bits: number) => (bits ? (~0 << (32 - bits)) >>> 0 : 0);
const netOf = (i: Iface) => ipStr(ipNum(i.ip) & maskOf(i.bits));
const bcastOf = (i: Iface) => ipStr((ipNum(i.ip) | ~maskOf(i.bits)) >>> 0);

const ifaces = (sh: ShellLike) => sh.m.ifaces?.() ?? [];
const lo = (i: Iface) => i.name === 'lo';

/** `ip addr|link|route`: busybox's format, or iproute2's (`group default`, `link-netnsid`, `proto kernel`). */
export const ip: Command = (args, io, sh) => {
  const bb = !!io.busybox;
  const words = args.slice(1).filter((a) => !a.startsWith('-'));
  const [obj = '', cmd] = words;
  // `ip a s eth0`: show and list may be abbreviated
  const dev = words.includes('dev') ? words[words.indexOf('dev') + 1] : cmd && !['show', 'list', 'lst'].some((w) => w.startsWith(cmd)) ? cmd : words[2];
  const all = ifaces(sh);
  const list = dev ? all.filter((i) => i.name === dev) : all;
  const kind = obj && ['address', 'link', 'route'].find((k) => k.startsWith(obj));
  if (!kind) {
    // busybox's usage, its first lines (the ARGS of each object follow in the real one)
    if (bb) usage(io, 'ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n\nOPTIONS := -f[amily] inet|inet6|link | -o[neline]');
    else io.err(obj ? `Object "${obj}" is unknown, try "ip help".\n` : 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\n');
    return bb || obj ? 1 : 255;
  }
  if (dev && !list.length && kind !== 'route') {
    io.err(bb ? `ip: can't find device '${dev}'\n` : `Device "${dev}" does not exist.\n`);
    return 1;
  }
  if (kind === 'route') {
    const gw = all.find((i) => i.gw);
    let out = gw ? `default via ${gw.gw} dev ${gw.name} \n` : '';
    for (const i of all) if (!lo(i) && i.bits) out += `${netOf(i)}/${i.bits} dev ${i.name} ${bb ? 'scope link  src' : 'proto kernel scope link src'} ${i.ip} \n`;
    return io.out(out), 0;
  }
  io.out(list.map((i) => {
    const n = all.indexOf(i) + 1;
    const link = kind === 'link' && !bb ? 'mode DEFAULT ' : '';
    const head = lo(i)
      ? `${n}: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN ${bb ? '' : link + 'group default '}qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n`
      : `${n}: ${i.name}${i.peer ? '@if' + i.peer : ''}: <BROADCAST,MULTICAST,UP,LOWER_UP${bb && i.peer ? ',M-DOWN' : ''}> mtu 1500 qdisc noqueue state UP ${bb ? '' : link + 'group default '}\n    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff${!bb && i.peer ? ' link-netnsid 0' : ''}\n`;
    return kind === 'link' ? head : head + `    inet ${i.ip}/${i.bits} ${lo(i) ? '' : `brd ${bcastOf(i)} `}scope ${lo(i) ? 'host' : 'global'} ${i.name}\n       valid_lft forever preferred_lft forever\n`;
  }).join(''));
  return 0;
};

/** `ifconfig [IFACE]`: busybox's two-column layout, or net-tools' `flags=` one; sorted by name as both list them. */
export const ifconfig: Command = (args, io, sh) => {
  const bb = !!io.busybox;
  const dev = args.slice(1).find((a) => !a.startsWith('-'));
  const list = ifaces(sh).filter((i) => !dev || i.name === dev).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (dev && !list.length) {
    io.err(`${bb ? 'ifconfig: ' : ''}${dev}: error fetching interface information: Device not found\n`);
    return 1;
  }
  io.out(list.map((i) => {
    const [rx, rb, tx, tb] = lo(i) ? [0, 0, 0, 0] : [12, 876, 3, 126];
    const q = lo(i) ? 1000 : 0;
    if (bb) {
      return `${i.name.padEnd(10)}Link encap:${lo(i) ? 'Local Loopback  ' : `Ethernet  HWaddr ${i.mac.toUpperCase()}  `}\n          inet addr:${i.ip}  ${lo(i) ? '' : `Bcast:${bcastOf(i)}  `}Mask:${ipStr(maskOf(i.bits))}\n          UP ${lo(i) ? 'LOOPBACK RUNNING  MTU:65536' : 'BROADCAST RUNNING MULTICAST  MTU:1500'}  Metric:1\n`
        + `          RX packets:${rx} errors:0 dropped:0 overruns:0 frame:0\n          TX packets:${tx} errors:0 dropped:0 overruns:0 carrier:0\n          collisions:0 txqueuelen:${q} \n          RX bytes:${rb} (${rb}.0 B)  TX bytes:${tb} (${tb}.0 B)\n\n`;
    }
    return `${i.name}: flags=${lo(i) ? '73<UP,LOOPBACK,RUNNING>  mtu 65536' : '4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500'}\n        inet ${i.ip}  netmask ${ipStr(maskOf(i.bits))}${lo(i) ? '' : `  broadcast ${bcastOf(i)}`}\n        ${lo(i) ? 'loop' : `ether ${i.mac}`}  txqueuelen ${q}  (${lo(i) ? 'Local Loopback' : 'Ethernet'})\n`
      + `        RX packets ${rx}  bytes ${rb} (${rb}.0 B)\n        RX errors 0  dropped 0  overruns 0  frame 0\n        TX packets ${tx}  bytes ${tb} (${tb}.0 B)\n        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n\n`;
  }).join(''));
  return 0;
};

/** `route [-n]`: the kernel's table, its default route first; names only without -n. */
export const route: Command = (args, io, sh) => {
  const numeric = opts(args).flags.has('n');
  const all = ifaces(sh);
  const gw = all.find((i) => i.gw);
  const rows: [string, string, string, string, string][] = gw ? [[numeric ? '0.0.0.0' : 'default', gw.gw!, '0.0.0.0', 'UG', gw.name]] : [];
  for (const i of all) if (!lo(i) && i.bits) rows.push([netOf(i), numeric ? '0.0.0.0' : io.busybox ? '*' : '0.0.0.0', ipStr(maskOf(i.bits)), 'U', i.name]);
  io.out('Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n'
    + rows.map(([d, g, m, f, n]) => `${d.padEnd(15)} ${g.padEnd(15)} ${m.padEnd(16)}${f.padEnd(6)}0      0        0 ${n}\n`).join(''));
  return 0;
};

/**
 * busybox `nslookup NAME [SERVER]`: an A and an AAAA query to the resolv.conf server. The
 * embedded DNS (127.0.0.11) knows the containers of the user-defined networks, the internet
 * the dotted names; a server out of reach times out.
 */
export const nslookup: Command = async (args, io, sh) => {
  if (!io.busybox) return bindLookup(args, io, sh);
  const [name, server] = opts(args).rest;
  if (!name) return usage(io, 'nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any'), 1;
  const r = query(sh, name, server);
  if (r.down) {
    await io.sleep(5000);
    io.out(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  const head = `Server:\t\t${r.ns}\nAddress:\t${r.ns}:53\n\n`;
  // an address is one PTR query, -type=T one query of that type; names without their final dot
  const t = isIpv4(name) ? 'PTR' : args.map((a) => /^-(type|query)=(\w+)/i.exec(a)?.[2].toUpperCase()).filter(Boolean).pop();
  if (t && !/^A(AAA)?$/.test(t)) {
    const p = ask(sh, t === 'PTR' ? arpa(name) : name, t, server);
    return p.nx ? (io.out(head + `** server can't find ${p.key}: NXDOMAIN\n\n`), 1) : (io.out(`${head}Non-authoritative answer:\n${p.data.map((d) => `${p.key}\t${NAMES[t] ?? t} = ${d.replace(/\.$/, '')}\n`).join('') || `*** Can't find ${name}: No answer\n`}\n`), 0);
  }
  if (!r.v4) return io.out(head + `** server can't find ${name}: NXDOMAIN\n\n`.repeat(2)), 1;
  const answer = (a?: string) => `Non-authoritative answer:\n${a ? `Name:\t${name}\nAddress: ${a}\n` : `*** Can't find ${name}: No answer\n`}\n`;
  io.out(head + answer(r.v4) + answer(r.v6));
  return 0;
};

/**
 * A query to the resolv.conf server (or `server`): the embedded DNS (127.0.0.11) knows the
 * containers of the user-defined networks, the internet its names; none: NXDOMAIN; `down`: out of reach.
 */
export function query(sh: ShellLike, name: string, server?: string) {
  // no resolver configured: the local one
  const conf = readOr(sh.m.fs, '/etc/resolv.conf');
  const ns = server ?? /^nameserver\s+(\S+)/m.exec(conf)?.[1] ?? '127.0.0.1';
  const embedded = ns === '127.0.0.11';
  const found = embedded ? sh.m.resolve?.(name) : null;
  const local = found?.name ? found.ip : undefined;
  return { ns, local: !!local, name: found?.name, v4: local ?? inetOf(sh.m, name), v6: local ? undefined : inetOf(sh.m, name, true), down: !embedded && (sh.m.online === false || ns.startsWith('127.')) };
}

/** The hosts file as [address, ...names] (`--add-host` lines and the user's own edits): the C library reads it before DNS. */
export const etcHosts = (fs: Fs) => readOr(fs, '/etc/hosts').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.trim().split(/\s+/));

/** `getent DATABASE [KEY…]`: passwd and group from /etc, hosts as the C library resolves them. */
export const getent: Command = (args, io, sh) => {
  const musl = !!sh.m.fs.find(['etc', 'alpine-release']);
  const [db, ...keys] = args.slice(1);
  const glibcHint = "Try `getent --help' or `getent --usage' for more information.\n";
  if (!db) return musl ? (io.err('Usage: getent [-s source] database [key ...]\n'), 1) : (io.err('getent: wrong number of arguments\n' + glibcHint), 64);
  const file = (f: string) => readOr(sh.m.fs, f).split('\n').filter((l) => l && !l.startsWith('#'));
  if (db === 'passwd' || db === 'group') {
    const lines = file('/etc/' + db);
    if (!keys.length) return io.out(lines.map((l) => l + '\n').join('')), 0;
    let code = 0;
    for (const k of keys) {
      const hit = lines.find((l) => { const f = l.split(':'); return f[0] === k || f[2] === k; });
      if (hit) io.out(hit + '\n');
      else code = 2;
    }
    return code;
  }
  if (db !== 'hosts') return io.err(`Unknown database: ${db}\n${musl ? '' : glibcHint}`), 1;
  const hosts = etcHosts(sh.m.fs);
  // musl's hostent repeats the canonical name as the first alias, and the name asked if it differs
  const show = (ipAddr: string, names: string[], key = names[0]) => io.out(musl ? `${ipAddr.padEnd(16)}  ${names[0]}  ${names[0]}${key === names[0] ? '' : ' ' + key}\n` : `${ipAddr.padEnd(15)} ${names.join(' ')}\n`);
  // musl has no hosts enumeration (its gethostent finds nothing)
  if (!keys.length) return musl || hosts.forEach(([a, ...n]) => show(a, n)), 0;
  let code = 0;
  for (const k of keys) {
    // an address: its line of the hosts file, else its PTR (gethostbyaddr)
    if (isIpv4(k)) {
      const names = hosts.find(([a]) => a === k)?.slice(1) ?? ask(sh, arpa(k), 'PTR').data.map((d) => d.slice(0, -1));
      if (names.length) show(k, names);
      else code = 2;
      continue;
    }
    // glibc asks for IPv6 first (::1, the internet's AAAA), musl's gethostbyname IPv4 only
    const line = (v6: boolean) => hosts.find(([a, ...n]) => a.includes(':') === v6 && n.includes(k));
    const hit = (!musl && line(true)) || line(false);
    if (hit) show(hit[0], hit.slice(1), k);
    else {
      const r = sh.m.resolve?.(k);
      const a = r?.ip ?? inetOf(sh.m, k, !musl) ?? '';
      if (a) show(a, [k]);
      else code = 2;
    }
  }
  return code;
};

export const NET_TOOLS: Record<string, Command> = { ip, ifconfig, route, nslookup, getent, dig, host };
