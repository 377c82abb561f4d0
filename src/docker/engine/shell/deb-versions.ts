/**
 * Versions and download sizes (kB) of the .deb packages apt-get can install, as the archives of
 * Ubuntu 24.04 (noble, with its updates) and Debian 12 (bookworm) served them in mid-2025.
 * `name nobleVersion kB bookwormVersion kB`, one package per `;`, under noble's name (Debian's is
 * that after `debianName`).
 */
const DEBS = 'curl 8.5.0-2ubuntu10.6 227 7.88.1-10+deb12u12 315;libcurl4t64 8.5.0-2ubuntu10.6 341 7.88.1-10+deb12u12 391;libcurl3t64-gnutls 8.5.0-2ubuntu10.6 333 7.88.1-10+deb12u12 386;libnghttp2-14 1.59.0-1ubuntu0.2 74.3 1.52.0-1+deb12u2 73.0;librtmp1 2.4+20151223.gitfa8646d.1-2build7 56.3 2.4+20151223.gitfa8646d.1-2+b2 60.8;libssh-4 0.10.6-2ubuntu0.1 188 1.10.0-3+b1 179;libpsl5t64 0.21.2-1.1build1 57.1 0.21.2-1 58.7;publicsuffix 20231001.0357-0.1 129 20230209.2326-1 126;ca-certificates 20240203 159 20230311 153;openssl 3.0.13-0ubuntu3.5 1002 3.0.16-1~deb12u1 1427;libbrotli1 1.1.0-2build2 331 1.0.9-2+b6 275;krb5-locales 1.20.1-6ubuntu2.6 14.8 1.20.1-2+deb12u3 63.1;libgssapi-krb5-2 1.20.1-6ubuntu2.6 143 1.20.1-2+deb12u3 135;libk5crypto3 1.20.1-6ubuntu2.6 82.0 1.20.1-2+deb12u3 79.8;libkrb5-3 1.20.1-6ubuntu2.6 348 1.20.1-2+deb12u3 332;libkrb5support0 1.20.1-6ubuntu2.6 34.4 1.20.1-2+deb12u3 32.8;libkeyutils1 1.6.3-3build1 9.49 1.6.3-2 8.80;libldap2 2.6.7+dfsg-1~exp1ubuntu8.2 196 2.5.13+dfsg-5 183;libldap-common 2.6.7+dfsg-1~exp1ubuntu8.2 31.7 2.5.13+dfsg-5 29.3;libsasl2-2 2.1.28+dfsg1-5ubuntu3.1 53.2 2.1.28+dfsg-10 59.7;libsasl2-modules 2.1.28+dfsg1-5ubuntu3.1 69.9 2.1.28+dfsg-10 66.6;libsasl2-modules-db 2.1.28+dfsg1-5ubuntu3.1 20.4 2.1.28+dfsg-10 20.3;wget 1.21.4-1ubuntu4.1 334 1.21.3-1+deb12u1 937;vim 2:9.1.0016-1ubuntu7.8 1881 2:9.0.1378-2+deb12u2 1568'
  + ';vim-common 2:9.1.0016-1ubuntu7.8 386 2:9.0.1378-2+deb12u2 125;vim-runtime 2:9.1.0016-1ubuntu7.8 7281 2:9.0.1378-2+deb12u2 7027;xxd 2:9.1.0016-1ubuntu7.8 63.7 2:9.0.1378-2+deb12u2 84.1;libgpm2 1.20.7-11 14.1 1.20.7-10+b1 14.2;libsodium23 1.0.18-1build3 161 1.0.18-1 161;nano 7.2-2ubuntu0.1 280 7.2-1+deb12u1 690;iputils-ping 3:20240117-1build1 44.5 3:20221126-1+deb12u1 47.2;libcap2-bin 1:2.66-5ubuntu2.2 34.2 1:2.66-4 34.8;git 1:2.43.0-1ubuntu7.2 3679 1:2.39.5-0+deb12u2 7264;git-man 1:2.43.0-1ubuntu7.2 1100 1:2.39.5-0+deb12u2 2053;liberror-perl 0.17029-2 25.6 0.17029-2 29.0;less 590-2ubuntu2.1 142 590-2.1~deb12u2 132;libexpat1 2.6.1-2ubuntu0.3 88.0 2.5.0-1+deb12u1 98.9;perl 5.38.2-3.2ubuntu0.1 231 5.36.0-7+deb12u2 239;procps 2:4.0.4-4ubuntu3.2 708 2:4.0.2-3 709;libproc2-0 2:4.0.4-4ubuntu3.2 59.5 2:4.0.2-3 62.8;psmisc 23.7-1build1 179 23.6-1 259;python3 3.12.3-0ubuntu2 23.0 3.11.2-1+b1 26.3;python3-minimal 3.12.3-0ubuntu2 27.4 3.11.2-1+b1 26.7;libpython3-stdlib 3.12.3-0ubuntu2 10.0 3.11.2-1+b1 9.31;python3.12 3.12.3-1ubuntu0.5 651 3.11.2-6+deb12u6 573;libpython3.12-stdlib 3.12.3-1ubuntu0.5 2068 3.11.2-6+deb12u6 1798;media-types 10.1.0 27.5 10.0.0 26.1;libreadline8t64 8.2-4build1 153 8.2-1.3 166'
  + ';net-tools 2.10-0.1ubuntu4 204 2.10-0.1 243;iproute2 6.1.0-1ubuntu6 1120 6.1.0-3 1046;libbpf1 1:1.3.0-2build2 166 1:1.1.0-1 145;libelf1t64 0.190-1.1ubuntu0.1 57.8 0.188-2.1 174;libmnl0 1.0.5-2build1 12.3 1.0.4-3 12.2;libxtables12 1.8.10-3ubuntu2 35.7 1.8.9-2 30.8;tree 2.1.1-2ubuntu3 47.6 2.1.0-1 49.1;htop 3.3.0-4build1 171 3.2.2-2 152;libnl-3-200 3.7.0-0.3build1 55.7 3.7.0-0.2+b1 63.1;libnl-genl-3-200 3.7.0-0.3build1 12.2 3.7.0-0.2+b1 21.3;jq 1.7.1-3build1 65.7 1.6-2.1 64.9;libjq1 1.7.1-3build1 141 1.6-2.1 135;libonig5 6.9.9-1build1 172 6.9.8-1 188;unzip 6.0-28ubuntu4.1 174 6.0-28 166;zip 3.0-13ubuntu0.2 176 3.0-13 230;sudo 1.9.15p5-3ubuntu5 947 1.9.13p3-1+deb12u1 1889;openssh-client 1:9.6p1-3ubuntu13.11 906 1:9.2p1-2+deb12u6 991;libcbor0.10 0.10.2-1.2ubuntu2 25.8 0.8.0-2+b1 27.0;libfido2-1 1.14.0-1build3 83.5 1.12.0-2+b1 77.2;libedit2 3.1-20230828-1build1 97.6 3.1-20221030-2 88.7;nginx 1.24.0-2ubuntu7.3 520 1.22.1-9+deb12u2 527;nginx-common 1.24.0-2ubuntu7.3 31.4 1.22.1-9+deb12u2 112';

export interface Deb { version: string; bytes: number }

let cache: { ubuntu: Map<string, Deb>; debian: Map<string, Deb> } | undefined;

function parse(): NonNullable<typeof cache> {
  const ubuntu = new Map<string, Deb>();
  const debian = new Map<string, Deb>();
  for (const e of DEBS.split(';')) {
    const [name, uv, uk, dv, dk] = e.split(' ');
    ubuntu.set(name, { version: uv, bytes: Math.round(Number(uk) * 1000) });
    debian.set(debianName(name), { version: dv, bytes: Math.round(Number(dk) * 1000) });
  }
  return { ubuntu, debian };
}

/** Bookworm's name of a noble package: before the 64-bit time_t rename, another libssh, Python 3.11. */
export function debianName(name: string): string {
  return name.replace(/t64(?=$|-)/, '').replace('3.12', '3.11').replace('libssh-4', 'libssh2-1').replace('libldap2', 'libldap-2.5-0').replace('libcbor0.10', 'libcbor0.8');
}

/** The archive's entry for a package (under its distribution's name). */
export function deb(ubuntu: boolean, name: string): Deb | undefined {
  cache ??= parse();
  return cache[ubuntu ? 'ubuntu' : 'debian'].get(name);
}

/** Packages built for every architecture (`_all.deb`). */
export const archAll = (name: string) => /^(ca-certificates|publicsuffix|krb5-locales|libldap-common|vim-(common|runtime)|git-man|liberror-perl|media-types|nginx-common)$/.test(name);

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
