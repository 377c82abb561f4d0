import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import { step } from '../../../../src/docker/client/script';
import { ipNum, ipStr } from '../../../../src/docker/common/ipv4';

/** Runs lines in a fresh simulator; each case: [line, stdout+stderr (string: exact, RegExp: match), exit]. */
async function check(cases: [string, string | RegExp, number?][]) {
  const shell = createShell({ seed: 1 });
  for (const image of ['alpine', 'debian']) await step(shell, 'docker pull -q ' + image);
  for (const [line, want, code = 0] of cases) {
    const s = await step(shell, line, { tty: false });
    // the MAC is random (Docker 28): compared as a shape
    const got = (s.stdout + s.stderr).replace(/02:42(:[0-9a-f]{2}){4}/g, 'MAC').replace(/HWaddr 02:42(:[0-9A-F]{2}){4}/g, 'HWaddr MAC');
    if (typeof want === 'string') assert.equal(got, want, line);
    else assert.match(got, want, line);
    assert.equal(s.exit, code, `${line}: exit`);
  }
}

const q = (s: string) => `docker run --rm ${s}`;

test('busybox nslookup: the embedded DNS answers names and aliases of a user network, NXDOMAIN otherwise', async () => {
  await check([
    ['docker network create mynet', /^[0-9a-f]{64}\n$/],
    ['docker run -d --name web --network mynet --network-alias www alpine sleep 1000', /^(?:.*\n)*[0-9a-f]{64}\n$/],
    [q('--network mynet alpine nslookup www'), 'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\twww\nAddress: 172.18.0.2\n\nNon-authoritative answer:\n*** Can\'t find www: No answer\n\n'],
    [q('--network mynet alpine nslookup nope'), 'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n** server can\'t find nope: NXDOMAIN\n\n** server can\'t find nope: NXDOMAIN\n\n', 1],
    // the default bridge asks the host's servers: no container names there, the internet's A and AAAA
    [q('alpine nslookup web'), /^Server:\t\t8\.8\.8\.8\nAddress:\t8\.8\.8\.8:53\n\n\*\* server can't find web: NXDOMAIN\n/, 1],
    [q('--dns 1.1.1.1 alpine nslookup google.com'), /^Server:\t\t1\.1\.1\.1\nAddress:\t1\.1\.1\.1:53\n\nNon-authoritative answer:\nName:\tgoogle\.com\nAddress: 142\.250\.70\.130\n\nNon-authoritative answer:\nName:\tgoogle\.com\nAddress: 2a00:[0-9a-f:]+\n\n$/],
    [q('alpine nslookup 10.1.2.3'), "Server:\t\t8.8.8.8\nAddress:\t8.8.8.8:53\n\n** server can't find 3.2.1.10.in-addr.arpa: NXDOMAIN\n\n", 1],
    [q('--network none alpine nslookup google.com'), ';; connection timed out; no servers could be reached\n\n', 1],
    [q('alpine nslookup'), /Usage: nslookup \[-type=QUERY_TYPE\] \[-debug\] HOST \[DNS_SERVER\]/, 1],
  ]);
});

test('busybox ip, ifconfig and route show the endpoint: address, MAC, gateway; none has only lo', async () => {
  await check([
    [q('alpine ip addr'), '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n'
      + '2: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n    link/ether MAC brd ff:ff:ff:ff:ff:ff\n    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n       valid_lft forever preferred_lft forever\n'],
    [q('alpine ip route'), 'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n'],
    [q('alpine route -n'), 'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n0.0.0.0         172.17.0.1      0.0.0.0         UG    0      0        0 eth0\n172.17.0.0      0.0.0.0         255.255.0.0     U     0      0        0 eth0\n'],
    [q('alpine ifconfig eth0'), /^eth0      Link encap:Ethernet  HWaddr MAC  \n          inet addr:172\.17\.0\.2  Bcast:172\.17\.255\.255  Mask:255\.255\.0\.0\n/],
    [q('alpine ifconfig eth9'), 'ifconfig: eth9: error fetching interface information: Device not found\n', 1],
    [q('alpine ip link show eth9'), "ip: can't find device 'eth9'\n", 1],
    [q('alpine ip a s lo'), /^1: lo: [^]*scope host lo\n[^\n]*\n$/],
    [q('--network none alpine ip link'), /^1: lo: [^\n]*\n[^\n]*\n$/],
    [q('--network none alpine route -n'), 'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n'],
    [q('--network host alpine ip route'), /^default via 10\.0\.2\.2 dev eth0 \n/],
  ]);
});

test('a second network is eth1, without a default route; an internal network gives none', async () => {
  await check([
    ['docker network create n1', /^[0-9a-f]{64}\n$/],
    ['docker network create --internal n2', /^[0-9a-f]{64}\n$/],
    ['docker run -d --name box --network n1 alpine sleep 1000', /[0-9a-f]{64}\n$/],
    ['docker network connect n2 box', ''],
    ['docker exec box ip route', 'default via 172.18.0.1 dev eth0 \n172.18.0.0/16 dev eth0 scope link  src 172.18.0.2 \n172.19.0.0/16 dev eth1 scope link  src 172.19.0.2 \n'],
    ['docker exec box ip addr show eth1', /^3: eth1@if\d+: .*\n    link\/ether MAC [^\n]*\n    inet 172\.19\.0\.2\/16 brd 172\.19\.255\.255 scope global eth1\n/],
    [q('--network n2 alpine ip route'), '172.19.0.0/16 dev eth0 scope link  src 172.19.0.3 \n'],
  ]);
});

test('getent: musl on Alpine (hosts files, then DNS), glibc on Debian (IPv6 first); passwd and errors', async () => {
  await check([
    [q('--add-host db:10.1.2.3 alpine getent hosts db'), '10.1.2.3          db  db\n'],
    [q('alpine getent hosts localhost'), '127.0.0.1         localhost  localhost\n'],
    [q('alpine getent passwd root'), 'root:x:0:0:root:/root:/bin/sh\n'],
    [q('alpine getent hosts nope'), '', 2],
    [q('debian getent hosts localhost'), '::1             localhost ip6-localhost ip6-loopback\n'],
    [q('debian getent passwd 0'), 'root:x:0:0:root:/root:/bin/bash\n'],
    [q('debian getent'), "getent: wrong number of arguments\nTry `getent --help' or `getent --usage' for more information.\n", 64],
    [q('debian getent shadows x'), "Unknown database: shadows\nTry `getent --help' or `getent --usage' for more information.\n", 1],
    // Debian has no ip until iproute2, whose ip prints its own format
    [q('debian ip a'), /exec: "ip": executable file not found in \$PATH/, 127],
    ['docker run -d --name deb debian sleep 1000', /[0-9a-f]{64}\n$/],
    ['docker exec deb sh -c "apt-get update >/dev/null; apt-get install -y iproute2 net-tools >/dev/null 2>&1"', ''],
    ['docker exec deb ip link', /^1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n[^\n]*\n2: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default \n    link\/ether MAC brd ff:ff:ff:ff:ff:ff link-netnsid 0\n$/],
    ['docker exec deb ip foo', 'Object "foo" is unknown, try "ip help".\n', 1],
    ['docker exec deb ifconfig lo', 'lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536\n        inet 127.0.0.1  netmask 255.0.0.0\n        loop  txqueuelen 1000  (Local Loopback)\n        RX packets 0  bytes 0 (0.0 B)\n        RX errors 0  dropped 0  overruns 0  frame 0\n        TX packets 0  bytes 0 (0.0 B)\n        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n\n'],
  ]);
});

test('the internet answers example.com and google.com over HTTP, in containers and on the host; none has no way out', async () => {
  await check([
    [q('alpine wget -qO- example.com'), /^<!doctype html>\n<html>\n<head>\n    <title>Example Domain<\/title>\n[^]*<\/html>\n$/],
    ['curl -sI http://example.com/', /^HTTP\/1\.1 200 OK\r\nContent-Type: text\/html\r\nETag: "[^"]+"\r\nLast-Modified: [^\r]+\r\nCache-Control: max-age=1868\r\nDate: [^\r]+ GMT\r\nContent-Length: 1256\r\nConnection: keep-alive\r\n\r\n$/],
    ['curl -si google.com', /^HTTP\/1\.1 301 Moved Permanently\r\nLocation: http:\/\/www\.google\.com\/\r\n[^]*Content-Length: 219\r\n[^]*<TITLE>301 Moved<\/TITLE>/],
    [q('--network none alpine wget -qO- example.com'), "wget: bad address 'example.com'\n", 1],
    [q('alpine wget -qO- nosuchsite.org'), "wget: bad address 'nosuchsite.org'\n", 1],
  ]);
});

test("Docker 28's MAC: 02:42 and four random bytes, the same in inspect and ip, new at each start", async () => {
  const shell = createShell({ seed: 1 });
  const run = async (line: string) => (await step(shell, line, { tty: false })).stdout;
  await run('docker run -d --name mc alpine sleep 1000');
  const mac = async () => {
    const inspected = (await run("docker inspect -f '{{.NetworkSettings.MacAddress}}' mc")).trim();
    assert.match(inspected, /^02:42:[0-9a-f]{2}(:[0-9a-f]{2}){3}$/);
    assert.notEqual(inspected, '02:42:ac:11:00:02');
    assert.match(await run('docker exec mc ip link show eth0'), new RegExp(`link/ether ${inspected} brd`));
    assert.match(await run('docker exec mc ifconfig eth0'), new RegExp(`HWaddr ${inspected.toUpperCase()}`));
    return inspected;
  };
  const first = await mac();
  await run('docker restart -t 0 mc');
  assert.notEqual(await mac(), first);
});

test('internet names have one stable address each, used by wget, curl -v, ping and nslookup; unknown domains do not resolve', async () => {
  await check([
    [q('alpine wget -O /dev/null http://example.com'), /^Connecting to example\.com \(23\.192\.228\.80:80\)\n/],
    [q('alpine ping -c 1 example.com'), /^PING example\.com \(23\.192\.228\.80\): 56 data bytes\n64 bytes from 23\.192\.228\.80: /],
    [q('alpine ping -c 1 8.8.8.8'), /^PING 8\.8\.8\.8 \(8\.8\.8\.8\): 56 data bytes\n64 bytes from 8\.8\.8\.8: /],
    [q('alpine ping -c 1 nosuchsite.org'), "ping: bad address 'nosuchsite.org'\n", 1],
    [q('--network none alpine ping -c 1 8.8.8.8'), 'PING 8.8.8.8 (8.8.8.8): 56 data bytes\nping: sendto: Network unreachable\n', 1],
    [q('alpine nslookup nosuchsite.org'), /\*\* server can't find nosuchsite\.org: NXDOMAIN\n/, 1],
    ['curl -sv -o /dev/null http://www.google.com', /^\* Host www\.google\.com:80 was resolved\.\n\* IPv6: \(none\)\n\* IPv4: 142\.250\.70\.164\n\*   Trying 142\.250\.70\.164:80\.\.\.\n\* Connected to www\.google\.com \(142\.250\.70\.164\) port 80\n/],
  ]);
  const shell = createShell({ seed: 1 });
  const addr = async (host: string) => /\((\d[\d.]+):80\)/.exec((await step(shell, `docker run --rm alpine wget -q --spider http://${host}; docker run --rm alpine wget --spider http://${host}`, { tty: false })).stderr)?.[1];
  assert.notEqual(await addr('github.com'), await addr('docker.com'));
});

test('wget follows redirects: busybox connects again, GNU says where it goes; curl speaks HTTP/2 over https', async () => {
  await check([
    [q('alpine wget -O- http://google.com'), /^<!doctype html>[^]*<title>Google<\/title>[^]*<\/html>Connecting to google\.com \(142\.250\.70\.130:80\)\nConnecting to www\.google\.com \(142\.250\.70\.164:80\)\nwriting to stdout\n/],
    [q('alpine wget -S -q --spider http://google.com'), ''],
    [q('alpine wget -S --spider http://google.com'), /^Connecting to google\.com [^]*\n  HTTP\/1\.1 301 Moved Permanently\n  Location: http:\/\/www\.google\.com\/\n[^]*Connecting to www\.google\.com \(142\.250\.70\.164:80\)\n  HTTP\/1\.1 200 OK\n/],
    ['wget -O /dev/null http://google.com', /^--[\d: -]+--  http:\/\/google\.com\/\nResolving google\.com \(google\.com\)\.\.\. 142\.250\.70\.130\nConnecting to google\.com \(google\.com\)\|142\.250\.70\.130\|:80\.\.\. connected\.\nHTTP request sent, awaiting response\.\.\. 301 Moved Permanently\nLocation: http:\/\/www\.google\.com\/ \[following\]\n--[\d: -]+--  http:\/\/www\.google\.com\/\nResolving www\.google\.com [^\n]*\nConnecting to www\.google\.com [^\n]*connected\.\nHTTP request sent, awaiting response\.\.\. 200 OK\n/],
    // the same name again: resolved once, a new connection for the other port
    ['wget --spider http://github.com', /awaiting response\.\.\. 301 Moved Permanently\nLocation: https:\/\/github\.com\/ \[following\]\nSpider mode enabled\. Check if remote file exists\.\n--[\d: -]+--  https:\/\/github\.com\/\nConnecting to github\.com \(github\.com\)\|[\d.]+\|:443\.\.\. connected\.\nHTTP request sent, awaiting response\.\.\. 200 OK\n/],
    ['curl -sI https://example.com', /^HTTP\/2 200 \r\ncontent-type: text\/html\r\netag: [^]*content-length: 1256\r\n\r\n$/],
    ['curl -s -o /dev/null -w "%{url_effective} %{http_code}" -L github.com', 'https://github.com/ 200'],
  ]);
});

test("BIND's dig, host and nslookup come with dnsutils and bind-tools, and ask the container's resolver", async () => {
  const when = 'Mon Jun 16 09:30:\\d\\d UTC 2025';
  await check([
    ['docker network create lab', /^[0-9a-f]{64}\n$/],
    ['docker run -d --name web --network lab --network-alias www alpine sleep 1000', /[0-9a-f]{64}\n$/],
    ['docker run -d --name dn --network lab debian sleep 1000', /[0-9a-f]{64}\n$/],
    ['docker exec dn dig example.com', 'OCI runtime exec failed: exec failed: unable to start container process: exec: "dig": executable file not found in $PATH: unknown\n', 127],
    ['docker exec dn apt-get update -qq', ''],
    ['docker exec dn apt-get install -qq -y dnsutils', /Setting up bind9-dnsutils \(1:9\.18\.33-1~deb12u2\) \.\.\.\n[^]*Setting up dnsutils \(1:9\.18\.33-1~deb12u2\) \.\.\.\n/],
    ['docker exec dn dig example.com', new RegExp(`^\\n; <<>> DiG 9\\.18\\.33-1~deb12u2-Debian <<>> example\\.com\\n;; global options: \\+cmd\\n;; Got answer:\\n;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: \\d+\\n;; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\\n\\n;; OPT PSEUDOSECTION:\\n; EDNS: version: 0, flags:; udp: 512\\n;; QUESTION SECTION:\\n;example\\.com\\.\\t\\t\\tIN\\tA\\n\\n;; ANSWER SECTION:\\nexample\\.com\\.\\t\\t300\\tIN\\tA\\t23\\.192\\.228\\.80\\n\\n;; Query time: 12 msec\\n;; SERVER: 127\\.0\\.0\\.11#53\\(127\\.0\\.0\\.11\\) \\(UDP\\)\\n;; WHEN: ${when}\\n;; MSG SIZE  rcvd: 56\\n\\n$`)],
    // the embedded DNS answers its own names: no EDNS record, a TTL of 600, no compression (miekg/dns without Compress)
    ['docker exec dn dig www', /\n;; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 0\n\n;; QUESTION SECTION:\n;www\.\t\t\t\tIN\tA\n\n;; ANSWER SECTION:\nwww\.\t\t\t600\tIN\tA\t172\.18\.0\.2\n\n;; Query time: 0 msec\n[^]*;; MSG SIZE  rcvd: 40\n\n$/],
    ['docker exec dn dig nope', /status: NXDOMAIN, [^]*ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1\n[^]*;; AUTHORITY SECTION:\n\.\t\t\t86400\tIN\tSOA\ta\.root-servers\.net\. nstld\.verisign-grs\.com\. 2025061600 1800 900 604800 86400\n\n[^]*rcvd: 108\n\n$/],
    ['docker exec dn dig +short web', '172.18.0.2\n'],
    ['docker exec dn dig +short nope', ''],
    ['docker exec dn dig +short google.com AAAA', '2a00:1450:4001:82f::200e\n'],
    ['docker exec dn host web', 'web has address 172.18.0.2\n'],
    ['docker exec dn host example.com', 'example.com has address 23.192.228.80\nexample.com has IPv6 address 2600:1406:3a00:21::173e:2e65\nexample.com mail is handled by 0 .\n'],
    ['docker exec dn host nope', 'Host nope not found: 3(NXDOMAIN)\n', 1],
    ['docker exec dn host -t A web', 'web has address 172.18.0.2\n'],
    ['docker exec dn dig -t A +short www', '172.18.0.2\n'],
    ['docker exec dn nslookup www', 'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11#53\n\nNon-authoritative answer:\nName:\twww\nAddress: 172.18.0.2\n\n'],
    ['docker exec dn nslookup nope', "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11#53\n\n** server can't find nope: NXDOMAIN\n\n", 1],
    ['docker exec web apk add bind-tools', /\(5\/6\) Installing bind-libs \(9\.18\.37-r0\)\n\(6\/6\) Installing bind-tools \(9\.18\.37-r0\)\n/],
    ['docker exec web dig +short example.com', '23.192.228.80\n'],
    ['docker exec web nslookup google.com 1.1.1.1', 'Server:\t\t1.1.1.1\nAddress:\t1.1.1.1#53\n\nNon-authoritative answer:\nName:\tgoogle.com\nAddress: 142.250.70.130\nName:\tgoogle.com\nAddress: 2a00:1450:4001:82f::200e\n\n'],
    // nothing listens there: three tries, then dig gives up
    ['docker exec web dig @127.0.0.1 +short example.com', ';; communications error to 127.0.0.1#53: connection refused\n'.repeat(3) + ';; no servers could be reached\n', 9],
    ['docker exec web dig @127.0.0.1 example.com', /^(;; communications error to 127\.0\.0\.1#53: connection refused\n){3}\n; <<>> DiG 9\.18\.37 <<>> @127\.0\.0\.1 example\.com\n; \(1 server found\)\n;; global options: \+cmd\n;; no servers could be reached\n\n$/, 9],
    ['docker exec web nslookup example.com 127.0.0.1', ';; communications error to 127.0.0.1#53: connection refused\n'.repeat(3) + ';; no servers could be reached\n\n', 1],
    ['docker exec web host example.com 127.0.0.1', ';; communications error to 127.0.0.1#53: connection refused\n'.repeat(3) + ';; no servers could be reached\n', 1],
    ['docker exec web dig @8.8.8.8 example.com', /^\n; <<>> DiG 9\.18\.37 <<>> @8\.8\.8\.8 example\.com\n; \(1 server found\)\n;; global options: \+cmd\n;; Got answer:\n[^]*;; SERVER: 8\.8\.8\.8#53\(8\.8\.8\.8\) \(UDP\)\n/],
  ]);
});

test('the embedded DNS answers a container by name.network too', async () => {
  await check([
    ['docker network create lab', /^[0-9a-f]{64}\n$/],
    ['docker run -d --name web --network lab --network-alias www alpine sleep 1000', /[0-9a-f]{64}\n$/],
    [q('--network lab alpine ping -c 1 web.lab'), /^PING web\.lab \(172\.18\.0\.2\): 56 data bytes\n/],
    [q('--network lab alpine nslookup www.lab'), /Name:\twww\.lab\nAddress: 172\.18\.0\.2\n/],
    [q('--network lab alpine ping -c 1 web.other'), "ping: bad address 'web.other'\n", 1],
  ]);
});

test('wget says where it writes before the body and reports the end after it, as on a terminal', async () => {
  const shell = createShell({ seed: 1 });
  const seen = async (line: string) => {
    let all = '';
    const io = { out: (t: string) => { all += t; }, err: (t: string) => { all += t; }, tty: false, sleep: () => Promise.resolve() };
    await shell.run(line, io);
    return all;
  };
  await seen('docker pull -q alpine; docker pull -q debian');
  // the host's UTF-8 locale quotes with ‘…’
  assert.match(await seen('wget -O- -q http://example.com; wget -nv -O /dev/null http://example.com; wget -O /dev/null http://example.com'), /Length: 1256 \(1\.2K\) \[text\/html\]\nSaving to: ‘\/dev\/null’\n/);
  assert.match(await seen('docker run --rm alpine wget -O- http://example.com'), /\(23\.192\.228\.80:80\)\nwriting to stdout\n<!doctype html>[^]*<\/html>\n-  {18} 100% \|\*+\|  +\d+  0:00:00 ETA\nwritten to stdout\n$/);
  assert.match(await seen('docker run --rm debian sh -c "apt-get update -qq; apt-get install -y -qq wget >/dev/null; wget -O- http://example.com"'), /Length: 1256 \(1\.2K\) \[text\/html\]\nSaving to: 'STDOUT'\n\n<!doctype html>[^]*<\/html>\n {5}0K \. {53}100% 1\.20M=[^\n]*\n\n[^\n]* - written to stdout \[1256\/1256\]\n\n$/);
});

test('GNU wget -nv says one line per file and the URL of an error; busybox accepts -nv and ignores it', async () => {
  const shell = createShell({ seed: 1 });
  const err = async (line: string) => (await step(shell, line, { tty: false })).stderr;
  assert.equal(await err('wget -nv -O /dev/null http://google.com'), '2025-06-16 09:30:01 URL:http://www.google.com/ [164/164] -> "/dev/null" [1]\n');
  assert.equal(await err('wget -nv -q -O /dev/null http://google.com'), '');
  assert.equal(await err('wget -nv http://nope.invalid'), 'wget: unable to resolve host address ‘nope.invalid’\n');
  await err('docker run -d --name web -p 8080:80 nginx:alpine');
  assert.match(await err('wget -nv http://localhost:8080/nope'), /^http:\/\/localhost:8080\/nope:\n2025-06-16 \S+ ERROR 404: Not Found\.\n$/);
  assert.match(await err('docker run --rm alpine wget -nv -O /dev/null http://example.com'), /\(23\.192\.228\.80:80\)\nsaving to '\/dev\/null'\n\/dev\/null {11} 100% \|\*+\| +1256  0:00:00 ETA\n'\/dev\/null' saved\n$/);
  assert.match(await err('docker run --rm debian sh -c "apt-get update -qq; apt-get install -y -qq wget >/dev/null; wget -nv http://nope.invalid"'), /wget: unable to resolve host address 'nope\.invalid'\n$/);
});

test('ipNum and ipStr: one IPv4 arithmetic for the client, the daemon and the tools in containers, over the whole unsigned range', () => {
  assert.equal(ipNum('172.17.0.2'), 0xac110002);
  assert.equal(ipNum('255.255.255.255'), 2 ** 32 - 1);
  assert.equal(ipStr(0xac110001), '172.17.0.1');
  assert.equal(ipStr(2 ** 32 - 1), '255.255.255.255');
  assert.equal(ipStr((ipNum('10.1.2.3') & 0xffff0000) >>> 0), '10.1.0.0');
});

test('reverse lookups: the embedded DNS answers PTR for its containers (name.network.), the internet for its addresses', async () => {
  await check([
    ['docker network create red', /^[0-9a-f]{64}\n$/],
    ['docker run -d --name web --network red alpine sleep 1000', /[0-9a-f]{64}\n$/],
    ['docker run -d --name dn --network red debian sleep 1000', /[0-9a-f]{64}\n$/],
    ['docker exec dn sh -c "apt-get update -qq; apt-get install -qq -y dnsutils >/dev/null"', ''],
    // a name of 24 characters or more is followed by a space, not a tab (BIND's masterdump indent); no compression: 85 bytes
    ['docker exec dn dig -x 172.18.0.2', /^\n; <<>> DiG [^\n]* <<>> -x 172\.18\.0\.2\n;; global options: \+cmd\n;; Got answer:\n[^]*ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 0\n\n;; QUESTION SECTION:\n;2\.0\.18\.172\.in-addr\.arpa\.\tIN\tPTR\n\n;; ANSWER SECTION:\n2\.0\.18\.172\.in-addr\.arpa\. 600\tIN\tPTR\tweb\.red\.\n\n;; Query time: 0 msec\n[^]*;; MSG SIZE  rcvd: 85\n\n$/],
    ['docker exec dn dig +short -x 172.18.0.2', 'web.red.\n'],
    ['docker exec dn dig -x 23.192.228.80 +short', 'a23-192-228-80.deploy.static.akamaitechnologies.com.\n'],
    ['docker exec dn host 172.18.0.2', '2.0.18.172.in-addr.arpa domain name pointer web.red.\n'],
    ['docker exec dn host 172.18.0.1', 'Host 1.0.18.172.in-addr.arpa. not found: 3(NXDOMAIN)\n', 1],
    // an address: no server heading, and the pointer to the authority (Docker's answer is not authoritative)
    ['docker exec dn nslookup 172.18.0.2', '2.0.18.172.in-addr.arpa\tname = web.red.\n\nAuthoritative answers can be found from:\n\n'],
    ['docker exec dn nslookup 172.18.0.9', "** server can't find 9.0.18.172.in-addr.arpa: NXDOMAIN\n\n", 1],
    ['docker exec web nslookup 172.18.0.3', 'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\n3.0.18.172.in-addr.arpa\tname = dn.red\n\n'],
    // busybox's -type=: one query, names without their final dot
    ['docker exec web nslookup -type=mx google.com', 'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\ngoogle.com\tmail exchanger = 10 smtp.google.com\n\n'],
    ['docker exec web nslookup -type=mx dn', "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\n*** Can't find dn: No answer\n\n"],
    // +noall +answer: the records alone
    ['docker exec dn dig +noall +answer -x 172.18.0.2', '2.0.18.172.in-addr.arpa. 600\tIN\tPTR\tweb.red.\n'],
    ['docker exec dn dig +noall +answer google.com', 'google.com.\t\t300\tIN\tA\t142.250.70.130\n'],
    // getent asks gethostbyaddr: the hosts file's line, else the PTR; none: 2
    ['docker exec dn getent hosts 172.18.0.2', '172.18.0.2      web.red\n'],
    ['docker exec dn getent hosts 127.0.0.1', '127.0.0.1       localhost\n'],
    ['docker exec dn getent hosts 10.9.9.9', '', 2],
    ['docker stop -t 0 web', 'web\n'],
    ['docker exec dn dig +short -x 172.18.0.2', ''],
  ]);
});

test('dig, host and nslookup ask MX, NS and TXT; dig takes the type before or after the name, and a word that is no type as a name', async () => {
  await check([
    ['docker network create red', /^[0-9a-f]{64}\n$/],
    ['docker run -d --name dn --network red debian sleep 1000', /[0-9a-f]{64}\n$/],
    ['docker exec dn sh -c "apt-get update -qq; apt-get install -qq -y dnsutils >/dev/null"', ''],
    ['docker exec dn dig MX google.com', /\n;; QUESTION SECTION:\n;google\.com\.\t\t\tIN\tMX\n\n;; ANSWER SECTION:\ngoogle\.com\.\t\t300\tIN\tMX\t10 smtp\.google\.com\.\n\n[^]*;; MSG SIZE  rcvd: 60\n\n$/],
    ['docker exec dn dig google.com MX +short', '10 smtp.google.com.\n'],
    ['docker exec dn dig -t mx +short example.com', '0 .\n'],
    ['docker exec dn dig +short NS google.com', 'ns1.google.com.\nns2.google.com.\nns3.google.com.\nns4.google.com.\n'],
    ['docker exec dn dig +short example.com TXT', '"v=spf1 -all"\n"_k2n1y4vw3qtb4skdx9e7dxt97qrmmq9"\n'],
    // the warning goes to stderr (listed after stdout here)
    ['docker exec dn dig -t FOO +short example.com', '23.192.228.80\n;; Warning, ignoring invalid type FOO\n'],
    // FOO is no type: a second lookup (A), under the one greeting
    ['docker exec dn dig google.com FOO', /^\n; <<>> DiG [^\n]* <<>> google\.com FOO\n;; global options: \+cmd\n;; Got answer:\n[^]*;google\.com\.\t\t\tIN\tA\n[^]*rcvd: 55\n\n;; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, [^]*\n;FOO\.\t\t\t\tIN\tA\n\n;; AUTHORITY SECTION:\n[^]*rcvd: 107\n\n$/],
    // no name: the root's servers
    ['docker exec dn dig', /^\n; <<>> DiG 9\.18\.33-1~deb12u2-Debian <<>>\n[^]*;\.\t\t\t\tIN\tNS\n\n;; ANSWER SECTION:\n\.\t\t\t518400\tIN\tNS\ta\.root-servers\.net\.\n[^]*\.\t\t\t518400\tIN\tNS\tm\.root-servers\.net\.\n\n/],
    ['docker exec dn host google.com', 'google.com has address 142.250.70.130\ngoogle.com has IPv6 address 2a00:1450:4001:82f::200e\ngoogle.com mail is handled by 10 smtp.google.com.\n'],
    ['docker exec dn host -t NS example.com', 'example.com name server a.iana-servers.net.\nexample.com name server b.iana-servers.net.\n'],
    ['docker exec dn host -t TXT google.com', 'google.com descriptive text "v=spf1 include:_spf.google.com ~all"\n'],
    // the embedded DNS answers MX of its names itself, with none
    ['docker exec dn host -t MX dn', 'dn has no MX record\n'],
    ['docker exec dn dig dn MX', /ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 0\n[^]*;dn\.\t\t\t\tIN\tMX\n\n;; Query time: 0 msec\n/],
    ['docker exec dn nslookup -type=mx google.com', 'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11#53\n\nNon-authoritative answer:\ngoogle.com\tmail exchanger = 10 smtp.google.com.\n\nAuthoritative answers can be found from:\n\n'],
  ]);
});
