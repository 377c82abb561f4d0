/**
 * Versions and download sizes (kB) of the .deb packages apt-get can install, as the archives of
 * Ubuntu 24.04 (noble, with its updates) and Debian 12 (bookworm) served them in mid-2025.
 * `name nobleVersion kB bookwormVersion kB`, one package per `;`, under noble's name (each release's
 * is that after `releaseName`).
 */
const DEBS = 'curl 8.5.0-2ubuntu10.6 227 7.88.1-10+deb12u12 315;libcurl4t64 8.5.0-2ubuntu10.6 341 7.88.1-10+deb12u12 391;libcurl3t64-gnutls 8.5.0-2ubuntu10.6 333 7.88.1-10+deb12u12 386;libnghttp2-14 1.59.0-1ubuntu0.2 74.3 1.52.0-1+deb12u2 73.0;librtmp1 2.4+20151223.gitfa8646d.1-2build7 56.3 2.4+20151223.gitfa8646d.1-2+b2 60.8;libssh-4 0.10.6-2ubuntu0.1 188 1.10.0-3+b1 179;libpsl5t64 0.21.2-1.1build1 57.1 0.21.2-1 58.7;publicsuffix 20231001.0357-0.1 129 20230209.2326-1 126;ca-certificates 20240203 159 20230311 153;openssl 3.0.13-0ubuntu3.5 1002 3.0.16-1~deb12u1 1427;libbrotli1 1.1.0-2build2 331 1.0.9-2+b6 275;krb5-locales 1.20.1-6ubuntu2.6 14.8 1.20.1-2+deb12u3 63.1;libgssapi-krb5-2 1.20.1-6ubuntu2.6 143 1.20.1-2+deb12u3 135;libk5crypto3 1.20.1-6ubuntu2.6 82.0 1.20.1-2+deb12u3 79.8;libkrb5-3 1.20.1-6ubuntu2.6 348 1.20.1-2+deb12u3 332;libkrb5support0 1.20.1-6ubuntu2.6 34.4 1.20.1-2+deb12u3 32.8;libkeyutils1 1.6.3-3build1 9.49 1.6.3-2 8.80;libldap2 2.6.7+dfsg-1~exp1ubuntu8.2 196 2.5.13+dfsg-5 183;libldap-common 2.6.7+dfsg-1~exp1ubuntu8.2 31.7 2.5.13+dfsg-5 29.3;libsasl2-2 2.1.28+dfsg1-5ubuntu3.1 53.2 2.1.28+dfsg-10 59.7;libsasl2-modules 2.1.28+dfsg1-5ubuntu3.1 69.9 2.1.28+dfsg-10 66.6;libsasl2-modules-db 2.1.28+dfsg1-5ubuntu3.1 20.4 2.1.28+dfsg-10 20.3;wget 1.21.4-1ubuntu4.1 334 1.21.3-1+deb12u1 937;vim 2:9.1.0016-1ubuntu7.8 1881 2:9.0.1378-2+deb12u2 1568'
  + ';vim-common 2:9.1.0016-1ubuntu7.8 386 2:9.0.1378-2+deb12u2 125;vim-runtime 2:9.1.0016-1ubuntu7.8 7281 2:9.0.1378-2+deb12u2 7027;xxd 2:9.1.0016-1ubuntu7.8 63.7 2:9.0.1378-2+deb12u2 84.1;libgpm2 1.20.7-11 14.1 1.20.7-10+b1 14.2;libsodium23 1.0.18-1build3 161 1.0.18-1 161;nano 7.2-2ubuntu0.1 280 7.2-1+deb12u1 690;iputils-ping 3:20240117-1build1 44.5 3:20221126-1+deb12u1 47.2;libcap2-bin 1:2.66-5ubuntu2.2 34.2 1:2.66-4 34.8;git 1:2.43.0-1ubuntu7.2 3679 1:2.39.5-0+deb12u2 7264;git-man 1:2.43.0-1ubuntu7.2 1100 1:2.39.5-0+deb12u2 2053;liberror-perl 0.17029-2 25.6 0.17029-2 29.0;less 590-2ubuntu2.1 142 590-2.1~deb12u2 132;libexpat1 2.6.1-2ubuntu0.3 88.0 2.5.0-1+deb12u1 98.9;perl 5.38.2-3.2ubuntu0.1 231 5.36.0-7+deb12u2 239;procps 2:4.0.4-4ubuntu3.2 708 2:4.0.2-3 709;libproc2-0 2:4.0.4-4ubuntu3.2 59.5 2:4.0.2-3 62.8;psmisc 23.7-1build1 179 23.6-1 259;python3 3.12.3-0ubuntu2 23.0 3.11.2-1+b1 26.3;python3-minimal 3.12.3-0ubuntu2 27.4 3.11.2-1+b1 26.7;libpython3-stdlib 3.12.3-0ubuntu2 10.0 3.11.2-1+b1 9.31;python3.12 3.12.3-1ubuntu0.5 651 3.11.2-6+deb12u6 573;libpython3.12-stdlib 3.12.3-1ubuntu0.5 2068 3.11.2-6+deb12u6 1798;media-types 10.1.0 27.5 10.0.0 26.1;libreadline8t64 8.2-4build1 153 8.2-1.3 166'
  + ';net-tools 2.10-0.1ubuntu4 204 2.10-0.1 243;iproute2 6.1.0-1ubuntu6 1120 6.1.0-3 1046;libbpf1 1:1.3.0-2build2 166 1:1.1.0-1 145;libelf1t64 0.190-1.1ubuntu0.1 57.8 0.188-2.1 174;libmnl0 1.0.5-2build1 12.3 1.0.4-3 12.2;libxtables12 1.8.10-3ubuntu2 35.7 1.8.9-2 30.8;tree 2.1.1-2ubuntu3 47.6 2.1.0-1 49.1;htop 3.3.0-4build1 171 3.2.2-2 152;libnl-3-200 3.7.0-0.3build1 55.7 3.7.0-0.2+b1 63.1;libnl-genl-3-200 3.7.0-0.3build1 12.2 3.7.0-0.2+b1 21.3;jq 1.7.1-3build1 65.7 1.6-2.1 64.9;libjq1 1.7.1-3build1 141 1.6-2.1 135;libonig5 6.9.9-1build1 172 6.9.8-1 188;unzip 6.0-28ubuntu4.1 174 6.0-28 166;zip 3.0-13ubuntu0.2 176 3.0-13 230;sudo 1.9.15p5-3ubuntu5 947 1.9.13p3-1+deb12u1 1889;openssh-client 1:9.6p1-3ubuntu13.11 906 1:9.2p1-2+deb12u6 991;libcbor0.10 0.10.2-1.2ubuntu2 25.8 0.8.0-2+b1 27.0;libfido2-1 1.14.0-1build3 83.5 1.12.0-2+b1 77.2;libedit2 3.1-20230828-1build1 97.6 3.1-20221030-2 88.7;nginx 1.24.0-2ubuntu7.3 520 1.22.1-9+deb12u2 527;nginx-common 1.24.0-2ubuntu7.3 31.4 1.22.1-9+deb12u2 112'
  + ';dnsutils 1:9.18.30-0ubuntu0.24.04.2 3.37 1:9.18.33-1~deb12u2 2.96;bind9-dnsutils 1:9.18.30-0ubuntu0.24.04.2 156 1:9.18.33-1~deb12u2 155;bind9-host 1:9.18.30-0ubuntu0.24.04.2 50.7 1:9.18.33-1~deb12u2 54.2;bind9-libs 1:9.18.30-0ubuntu0.24.04.2 1256 1:9.18.33-1~deb12u2 1180;libuv1t64 1.48.0-1.1build1 93.2 1.44.2-1+deb12u1 140;libxml2 2.9.14+dfsg-1.3ubuntu3.3 763 2.9.14+dfsg-1.3~deb12u1 687;libjemalloc2 5.3.0-2build1 256 5.3.0-1 275;liblmdb0 0.9.31-1build1 48.7 0.9.24-1 45.0;libmaxminddb0 1.9.1-1build1 27.4 1.7.1-1 29.8;libfstrm0 0.6.1-1build3 22.5 0.6.1-1 21.6;libprotobuf-c1 1.4.1-1ubuntu4 20.7 1.4.1-1+b1 27.9';

/**
 * The older releases: its libc-bin, the kB of its indexes in apt-get update's order, and the
 * version of each source (the packages sharing a noble version) in the order DEBS first names
 * them, `-` where the release pulls none in. Download sizes are noble's (bookworm's for Debian)
 * unless the release lists its own (`name kB`).
 */
const OLDER: Record<string, string> = {
  jammy: '2.35-0ubuntu3.10;270 129 128 127 17500 1792 2988 3305;7.81.0-1ubuntu1.20 1.43.0-1ubuntu0.2 2.4+20151223.gitfa8646d.1-2build4 0.9.6-2ubuntu0.22.04.4 0.21.0-1.2build2 20211207.1025-1 20240203~22.04.1 3.0.2-0ubuntu1.19 1.0.9-2build6 - - 2.5.19+dfsg-0ubuntu0.22.04.1 2.1.27+dfsg2-3ubuntu1.2 1.21.2-2ubuntu1.1 2:8.2.3995-1ubuntu2.24 1.20.7-10build1 1.0.18-1build2 6.2-1ubuntu0.1 3:20211215-1 1:2.44-1ubuntu0.22.04.2 1:2.34.1-1ubuntu1.12 0.17029-1 590-1ubuntu0.22.04.3 2.4.7-1ubuntu0.6 5.34.0-3ubuntu1.4 2:3.3.17-6ubuntu2.1 23.4-2build3 3.10.6-1~22.04.1 3.10.12-1~22.04.10 7.0.0 8.1.2-1 1.60+git20181103.0eebece-1ubuntu5 5.15.0-1ubuntu2 1:0.5.0-1ubuntu22.04.1 0.186-1build1 1.0.4-3build2 1.8.7-1ubuntu5.2 2.0.2-1 3.0.5-7build2 3.5.0-0.1 1.6-2.1ubuntu3 6.9.7.1-2build1 6.0-26ubuntu3.2 3.0-12build2 1.9.9-1ubuntu2.4 1:8.9p1-3ubuntu0.13 0.8.0-2ubuntu1 1.10.0-1 3.1-20210910-1build1 1.18.0-6ubuntu14.6 1:9.18.30-0ubuntu0.22.04.2 1.43.0-1ubuntu0.1 2.9.13+dfsg-1ubuntu0.7 5.2.1-4ubuntu1 0.9.24-1build2 1.5.2-1build2 0.6.1-1build1 1.3.3-1ubuntu2.1',
  focal: '2.31-0ubuntu9.18;265 128 128 128 11300 1275 4251 4757;7.68.0-1ubuntu2.25 1.40.0-1ubuntu0.3 2.4+20151223.gitfa8646d.1-2build1 0.9.3-2ubuntu2.5 0.21.0-1ubuntu1 20200303.0012-1 20240203~20.04.1 1.1.1f-1ubuntu2.24 1.0.7-6ubuntu0.1 1.17-6ubuntu4.9 1.6-6ubuntu1.1 2.4.49+dfsg-2ubuntu1.10 2.1.27+dfsg-2ubuntu0.1 1.20.3-1ubuntu2.1 2:8.1.2269-1ubuntu5.31 1.20.7-5 1.0.18-1 4.8-1ubuntu1.1 3:20190709-3ubuntu1 1:2.32-1ubuntu0.2 1:2.25.1-1ubuntu3.14 0.17029-1 551-1ubuntu0.3 2.2.9-1ubuntu0.8 5.30.0-9ubuntu0.5 2:3.3.16-1ubuntu2.4 23.3-1 3.8.2-0ubuntu2 3.8.10-0ubuntu1~20.04.18 3.64ubuntu1 8.0-4 1.60+git20180626.aebd88e-1ubuntu1 5.5.0-1ubuntu1 - 0.176-1.1ubuntu0.1 1.0.4-2 1.8.4-3ubuntu2.1 1.8.0-1 2.2.0-2build1 3.4.0-1 1.6-1ubuntu0.20.04.1 6.9.4-1 6.0-25ubuntu1.2 3.0-11build1 1.8.31-1ubuntu1.5 1:8.2p1-4ubuntu0.13 0.6.0-0ubuntu1 1.3.1-1ubuntu2 3.1-20191231-1 1.18.0-0ubuntu1.7 1:9.16.48-0ubuntu0.20.04.1 1.34.2-1ubuntu1.5 2.9.10+dfsg-5ubuntu0.20.04.9 - 0.9.24-1 1.4.2-0ubuntu1.20.04.1 0.6.0-1build1 1.3.3-1',
  // bionic's last versions outside ESM (its standard support ended in May 2023)
  bionic: '2.27-3ubuntu1.6;242 88.7 88.7 83.3 11300 1344 3373 3786;7.58.0-2ubuntu3.24 1.30.0-1ubuntu1 2.4+20151223.gitfa8646d.1-1 - 0.19.1-5build1 20180223.1310-1 20230311ubuntu0.18.04.1 1.1.1-1ubuntu2.1~18.04.23 - 1.16-2ubuntu0.4 1.5.9-9.2ubuntu2.1 2.4.45+dfsg-1ubuntu1.11 2.1.27~101-g0780600+dfsg-3ubuntu2.4 1.19.4-1ubuntu2.2 2:8.0.1453-1ubuntu1.13 1.20.7-5 1.0.16-2 2.9.3-2 3:20161105-1ubuntu3 1:2.25-1.2 1:2.17.1-1ubuntu0.18 0.17025-1 487-0.1 2.2.5-3ubuntu0.9 5.26.1-6ubuntu0.7 2:3.3.12-3ubuntu1.2 23.1-1ubuntu0.1 3.6.7-1~18.04 3.6.9-1~18.04ubuntu1.12 3.60ubuntu1 7.0-3 1.60+git20161116.90da8a0-1ubuntu1 4.15.0-2ubuntu1.3 - 0.170-0.4ubuntu0.1 1.0.4-2 1.6.1-2ubuntu2.1 1.7.0-5 2.1.0-3 3.2.29-0ubuntu3 1.5+dfsg-2 6.7.0-1 6.0-21ubuntu1.2 3.0-11build1 1.8.21p2-3ubuntu1.5 1:7.6p1-4ubuntu0.7 - - 3.1-20170329-1 1.14.0-0ubuntu1.11 1:9.11.3+dfsg-1ubuntu1.18 - 2.9.4+dfsg1-6.1ubuntu1.9 - 0.9.21-1ubuntu0.1 - - -',
  bullseye: '2.31-13+deb11u13;116 44.1 27.2 8066 387;7.74.0-1.3+deb11u14 1.43.0-1+deb11u2 2.4+20151223.gitfa8646d.1-2+b2 1.9.0-2 0.21.0-1.2 20220811.1734-0+deb11u1 20210119 1.1.1w-0+deb11u3 1.0.9-2+b2 - - 2.4.57+dfsg-3+deb11u1 2.1.27+dfsg-2.1+deb11u1 1.21-1+deb11u2 2:8.2.2434-3+deb11u3 1.20.7-8 1.0.18-1 5.4-2+deb11u3 3:20210202-1 1:2.44-1 1:2.30.2-1+deb11u4 0.17029-1 551-2+deb11u2 2.2.10-2+deb11u7 5.32.1-4+deb11u4 2:3.3.17-5 23.4-2 3.9.2-3 3.9.2-1 4.0.0 8.1-1 1.60+git20181103.0eebece-1 5.10.0-4 1:0.3-2 0.183-1 1.0.4-3 1.8.7-1 1.8.0-1+b1 3.0.5-7 3.4.0-1+b1 1.6-2.1 6.9.6-1.1 6.0-26+deb11u1 3.0-12 1.9.5p2-3+deb11u1 1:8.4p1-5+deb11u3 0.5.0+dfsg-2 1.6.0-2 3.1-20191231-2+b1 1.18.0-6.1+deb11u3 1:9.16.50-1~deb11u5 1.40.0-2+deb11u1 2.9.10+dfsg-6.7+deb11u7 - 0.9.24-1 1.5.2-1 0.6.0-1+b1 1.3.3-1+b2',
  // buster's last versions (its LTS ended in June 2024), as archive.debian.org keeps them
  buster: '2.28-10+deb10u2;122 34.8 56.6 7909 613 8.788;7.64.0-4+deb10u9 1.36.0-2+deb10u2 2.4+20151223.gitfa8646d.1-2 1.8.0-2.1+deb10u1 0.20.2-2 20190415.1030-1 20200601~deb10u2 1.1.1n-0+deb10u6 - - - 2.4.47+dfsg-3+deb10u7 2.1.27+dfsg-1+deb10u2 1.20.1-1.1 2:8.1.0875-5+deb10u6 1.20.7-5 1.0.17-1 3.2-3 3:20180629-2+deb10u2 1:2.25-2 1:2.20.1-2+deb10u9 0.17027-2 487-0.1+b1 2.2.6-2+deb10u6 5.28.1-6+deb10u1 2:3.3.15-2 23.2-1+deb10u1 3.7.3-1 3.7.3-2+deb10u7 3.62 7.0-5 1.60+git20180626.aebd88e-1 4.20.0-2+deb10u1 - 0.176-1.1 1.0.4-2 1.8.2-4 1.8.0-1 2.2.0-1+b1 3.4.0-1 1.5+dfsg-2+b1 6.9.1-1 6.0-23+deb10u3 3.0-11+b1 1.8.27-1+deb10u5 1:7.9p1-10+deb10u4 - - 3.1-20181209-1 1.14.2-2+deb10u5 1:9.11.5.P4+dfsg-5.1+deb10u11 - 2.9.4+dfsg1-7+deb10u6 - 0.9.22-1 - 0.4.0-1 1.3.1-1+b1;less 129 xxd 140 vim-common 195 openssh-client 782 libcurl3-gnutls 330 liberror-perl 30.9 git-man 1620 git 5633 libgpm2 35.1 unzip 172 vim-runtime 5775 vim 1280 zip 234',
};

const PY: Record<string, string> = { jammy: '3.10', focal: '3.8', bionic: '3.6', bullseye: '3.9', buster: '3.7' };
/** buster's names: its curl has no brotli, its iproute2 no libbpf, its ssh no FIDO, its BIND 9.11 no libuv, jemalloc or libmaxminddb. */
const BUSTER = Object.fromEntries('libreadline8t64=libreadline7 libproc2-0=libprocps7 bind9-libs=libdns1104 media-types=mime-support libbrotli1= libbpf1= libcbor0.10= libfido2-1= bind9-dnsutils= libuv1t64= libjemalloc2= libmaxminddb0='.split(' ').map((e) => e.split('=')));
/** bionic's: curl without libssh or brotli, oniguruma 6.7, BIND 9.11 (libdns1100, no libuv), no FIDO. */
const BIONIC = { ...BUSTER, 'libssh-4': '', libfstrm0: '', 'libprotobuf-c1': '', libonig5: 'libonig4', 'bind9-libs': 'libdns1100', 'libproc2-0': 'libprocps6' } as Record<string, string>;
const CBOR: Record<string, string> = { jammy: 'libcbor0.8', focal: 'libcbor0.6', bullseye: 'libcbor0' };

/**
 * A noble package's name in `codename` ('' when that release does not pull it in: its base image
 * already has the Kerberos libraries (focal's has none), focal's iproute2 needs no libbpf, BIND 9.16 no jemalloc).
 */
export function releaseName(codename: string, name: string): string {
  if (codename === 'noble') return name;
  if (codename === 'buster' && name in BUSTER) return BUSTER[name];
  if (codename === 'bionic' && name in BIONIC) return BIONIC[name];
  const older = codename in OLDER;
  if (older && !/focal|bionic/.test(codename) && /^(krb5-locales|libgssapi-krb5-2|libk5crypto3|libkrb5-3|libkrb5support0|libkeyutils1)$/.test(name)) return '';
  if ((codename === 'focal' && name === 'libbpf1') || (/^(focal|bullseye)$/.test(codename) && name === 'libjemalloc2')) return '';
  const ldap = older && codename !== 'jammy' ? 'libldap-2.4-2' : 'libldap-2.5-0';
  let n = name.replace(/t64(?=$|-)/, '').replace('3.12', PY[codename] ?? '3.11').replace('libldap2', ldap).replace('libcbor0.10', CBOR[codename] ?? 'libcbor0.8');
  if (older) n = n.replace('libproc2-0', 'libprocps8').replace('libbpf1', 'libbpf0');
  if (/focal|bionic/.test(codename)) return n.replace('media-types', 'mime-support');
  return ubuntuRelease(codename) ? n : n.replace('libssh-4', 'libssh2-1');
}

/** The release whose archive a container uses: its own when known, else noble's or bookworm's. */
export const known = (codename: string, ubuntu: boolean) => (codename in OLDER || codename === 'noble' ? codename : ubuntu ? 'noble' : 'bookworm');

const ubuntuRelease = (codename: string) => /noble|jammy|focal|bionic/.test(codename);

export interface Deb { version: string; bytes: number }

const cache = new Map<string, Map<string, Deb>>();

/** The archive of `codename` (bookworm's or noble's for a release not known), by its package names. */
function archive(codename: string, ubuntu: boolean): Map<string, Deb> {
  const key = known(codename, ubuntu);
  let map = cache.get(key);
  if (map) return map;
  cache.set(key, (map = new Map()));
  const f = OLDER[key]?.split(';');
  const own = f?.[2].split(' ');
  const kb = f?.[3]?.split(' ') ?? [];
  // a source's packages share their noble version: its place is where DEBS first has it
  const place = new Map<string, number>();
  for (const e of DEBS.split(';')) {
    const [name, uv, uk, dv, dk] = e.split(' ');
    if (!place.has(uv)) place.set(uv, place.size);
    const rn = releaseName(key, name);
    const debian = !ubuntuRelease(key);
    if (rn) map.set(rn, { version: key === 'noble' ? uv : key === 'bookworm' ? dv : own?.[place.get(uv)!] ?? (debian ? dv : uv), bytes: Math.round(Number(kb.includes(rn) ? kb[kb.indexOf(rn) + 1] : debian ? dk : uk) * 1000) });
  }
  return map;
}

/** The archive's entry for a package (under its release's name). */
export function deb(codename: string, ubuntu: boolean, name: string): Deb | undefined {
  return archive(codename, ubuntu).get(name);
}

/** Every package of the archive of `codename`, under its names there. */
export const names = (codename: string, ubuntu: boolean) => [...archive(codename, ubuntu).keys()];

/** What an older release says in place of noble's and bookworm's: its libc-bin and the kB of its indexes. */
export function releaseFacts(codename: string): [libc: string, lists: number[]] | undefined {
  const f = OLDER[codename]?.split(';');
  return f && [f[0], f[1].split(' ').map(Number)];
}

/** Packages built for every architecture (`_all.deb`): data, scripts, keys, documentation. */
export const archAll = (name: string) => /^(adduser|debconf|tzdata|usr-is-merged|usrmerge|lsb-base|\S+-keyring|libpam-runtime|\S+-common|ncurses-base|sensible-utils|init-system-helpers|dnsutils|ca-certificates|publicsuffix|krb5-locales|vim-runtime|git-man|liberror-perl|media-types|mime-support)$/.test(name);

/** A size as apt prints it (apt's SizeToStr): 9490 B, 34.4 kB, 348 kB, 10.5 MB. */
export function aptSize(bytes: number): string {
  let x = bytes;
  for (const unit of ['', 'k', 'M', 'G']) {
    if (x < 100 && unit) return `${x.toFixed(1)} ${unit}B`;
    if (x < 10000) return `${Math.round(x)} ${unit}B`;
    x /= 1000;
  }
  return `${Math.round(x)} TB`;
}
