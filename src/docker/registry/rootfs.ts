/**
 * The root filesystems of the catalogue's base images (Debian, Ubuntu, Alpine, BusyBox) as layer
 * specs (see content.ts), with the texts of their files that `cat` shows (passwd, os-release…).
 */
import { PROCPS } from './content';

const MERGED_USR = ['/bin>usr/bin', '/lib>usr/lib', '/lib64>usr/lib64', '/sbin>usr/sbin', '/usr/lib64/'];
const FHS = ['/boot/', '/dev/', '/home/', '/media/', '/mnt/', '/opt/', '/proc/', '/run/', '/srv/', '/sys/', '/usr/local/bin/', '/usr/local/sbin/', '/usr/local/lib/', '/usr/share/', '/var/log/', '/var/cache/', '/var/lib/', '/var/tmp/', '/var/spool/', '/var/mail/', '/root/', '/tmp/', '/etc/', '/var/run>/run'];

const COREUTILS = '[ arch base64 basename cat chgrp chmod chown chroot cksum comm cp csplit cut date dd df dir dircolors dirname du echo env expand expr factor false fmt fold groups head hostid id install join link ln logname ls md5sum mkdir mkfifo mknod mktemp mv nice nl nohup nproc numfmt od paste pathchk pinky pr printenv printf ptx pwd readlink realpath rm rmdir runcon seq sha1sum sha256sum sha512sum shred shuf sleep sort split stat stty sum sync tac tail tee test timeout touch tr true truncate tsort tty uname unexpand uniq unlink users vdir wc who whoami yes';
const DEBIAN_BIN = COREUTILS + ' bash dash grep egrep fgrep sed gzip gunzip zcat tar find xargs diff cmp hostname more login su mount umount apt apt-get apt-cache apt-config apt-mark dpkg dpkg-query perl which clear tput mawk gpgv';

/** Executables in a directory, sized so their sum is small and stable. */
const bins = (dir: string, names: string[]) => names.map((n, i) => `${dir}/${n}*${n === 'bash' ? 1446024 : 20000 + ((i * 7919) % 90000)}`);
/** Symbolic links to one program (busybox's applets). */
const links = (dir: string, names: string, target: string) => names.split(' ').map((n) => `${dir}/${n}>${target}`);

export const TEXT: Record<string, string> = {
  passwdDeb: 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\nsync:x:4:65534:sync:/bin:/bin/sync\ngames:x:5:60:games:/usr/games:/usr/sbin/nologin\nman:x:6:12:man:/var/cache/man:/usr/sbin/nologin\nlp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin\nmail:x:8:8:mail:/var/mail:/usr/sbin/nologin\nnews:x:9:9:news:/var/spool/news:/usr/sbin/nologin\nuucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin\nproxy:x:13:13:proxy:/bin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nbackup:x:34:34:backup:/var/backups:/usr/sbin/nologin\nlist:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin\nirc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin\n_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
  passwdAlpine: 'root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n',
  passwdBusybox: 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n',
  osUbuntu: 'PRETTY_NAME="Ubuntu 24.04.2 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.2 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=noble\nLOGO=ubuntu-logo\n',
  osBookworm: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n',
  osAlpine: 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.3\nPRETTY_NAME="Alpine Linux v3.21"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n',
  profile: '# ~/.profile: executed by Bourne-compatible login shells.\n\nif [ "$BASH" ]; then\n  if [ -f ~/.bashrc ]; then\n    . ~/.bashrc\n  fi\nfi\n\nmesg n 2> /dev/null || true\n',
  // /etc/debian_version of each Debian-family release (Ubuntu reports the Debian it is based on).
  osBookwormDeb: '12.11\n',
  osBusterDeb: '10.13\n',
  osUbuntuDeb: 'trixie/sid\n',
};
TEXT.osBuster = TEXT.osBookworm.replace(/12/g, '10').replace(/bookworm/g, 'buster');

/** Rootfs of a Debian-family distribution (merged /usr unless `split`). */
export function debianRoot(os: string, split = false): string[] {
  // Before merged /usr (buster) the essential programs live in /bin only.
  const root = split ? 'bash dash ls cat cp mv rm mkdir rmdir pwd echo sleep touch uname date grep sed hostname more mount su tar gzip'.split(' ') : [];
  const usr = DEBIAN_BIN.split(' ').filter((n) => !root.includes(n));
  const e = [
    ...FHS,
    ...(split ? ['/bin/', '/sbin/', '/lib/', '/lib64/', ...bins('/bin', root)] : MERGED_USR),
    split ? '/bin/sh>dash' : '/usr/bin/sh>dash',
    // awk is mawk through the alternatives system
    '/usr/bin/awk>/etc/alternatives/awk', '/etc/alternatives/awk>/usr/bin/mawk',
    ...bins('/usr/bin', usr),
    '/etc/os-release:' + TEXT[os],
    // Ubuntu's image has had a default user since 23.04.
    '/etc/passwd:' + TEXT.passwdDeb + (os === 'osUbuntu' ? 'ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n' : ''),
    '/etc/hostname=0',
    '/etc/debian_version:' + TEXT[os + 'Deb'],
    '/etc/bash.bashrc=2319',
    '/etc/profile=769',
    '/root/.bashrc=3106',
    '/root/.profile:' + TEXT.profile,
    '/var/lib/apt/lists/',
    '/var/lib/dpkg/status=' + (os === 'osUbuntu' ? 182047 : 98315),
    '/usr/share/doc/',
    '+/usr/lib/x86_64-linux-gnu libc.so.6 libstdc++.so.6 libcrypto.so.3 libssl.so.3 libsystemd.so.0 libgnutls.so.30 libp11-kit.so.0 libzstd.so.1 liblzma.so.5 libdb-5.3.so libunistring.so.5 libsqlite3.so.0 libncursesw.so.6 libtinfo.so.6 libpcre2-8.so.0 libgcrypt.so.20 libapt-pkg.so.6.0 libz.so.1 libm.so.6 libselinux.so.1 libblkid.so.1 libmount.so.1 libgmp.so.10 libhogweed.so.6 libnettle.so.8 libidn2.so.0 libtasn1.so.6 libffi.so.8 libbz2.so.1.0 libcrypt.so.1 libpam.so.0 libudev.so.1 liblz4.so.1 libxxhash.so.0 libsemanage.so.2',
    '+/usr/share/perl5 Dpkg.pm Debconf.pm',
    '+/usr/share/zoneinfo UTC Europe America Asia',
  ];
  if (os === 'osUbuntu') e.push('/home/ubuntu/', '/var/lib/dpkg/info/procps.list=0', '/etc/lsb-release:DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=24.04\nDISTRIB_CODENAME=noble\nDISTRIB_DESCRIPTION="Ubuntu 24.04.2 LTS"\n', ...bins('/usr/bin', PROCPS.split(' ')));
  return e;
}

export function alpineRoot(): string[] {
  const applets = 'arch ash base64 cat chgrp chmod chown cp date dd df dmesg echo egrep false fgrep grep gunzip gzip hostname kill ln login ls mkdir mknod mktemp more mount mv netstat nice pidof ping ping6 ps pwd rm rmdir sed sh sleep stat stty su sync tar touch true umount uname usleep watch zcat';
  const usrApplets = 'awk basename clear cut diff dirname du env expr find free head id less nproc printf readlink realpath seq sort tail tee test top tr tty uniq uptime vi wc wget which whoami xargs yes printenv';
  return [
    // the minirootfs has no /boot
    ...FHS.slice(1),
    '/bin/busybox*808712',
    ...links('/bin', applets, '/bin/busybox'),
    ...links('/usr/bin', usrApplets, '/bin/busybox'),
    '/sbin/apk*67432',
    '/etc/os-release:' + TEXT.osAlpine,
    '/etc/alpine-release:3.21.3\n',
    '/etc/passwd:' + TEXT.passwdAlpine,
    '/etc/hostname=10',
    '/etc/profile=1019',
    '/lib/ld-musl-x86_64.so.1*657688',
    '/lib/libc.musl-x86_64.so.1>ld-musl-x86_64.so.1',
    '/lib/apk/db/installed=15423',
    '+/usr/lib libcrypto.so.3 libssl.so.3 libz.so.1.3.1 libapk.so.2.14.0',
    '+/usr/share/apk/keys alpine-devel@lists.alpinelinux.org-4a6a0840.rsa.pub',
  ];
}

export function busyboxRoot(): string[] {
  const applets = 'ash awk basename cat chmod chown clear cp cut date dd df diff dirname du echo env expr false find free grep gunzip gzip head hostname id kill less ln ls mkdir more mount mv nc nproc ping printenv printf ps pwd readlink realpath rm rmdir sed seq sh sleep sort stat tail tar tee test top touch tr true tty umount uname uniq uptime vi watch wc wget which whoami xargs yes';
  return [
    '/bin/', '/dev/', '/home/', '/lib/', '/lib64/', '/proc/', '/root/', '/sys/', '/tmp/', '/usr/sbin/', '/var/spool/mail/', '/var/www/',
    '/bin/busybox*1131168',
    ...links('/bin', applets, 'busybox'),
    '/etc/passwd:' + TEXT.passwdBusybox,
    '/etc/group=283',
    '/etc/hostname=0',
    '/lib64/ld-linux-x86-64.so.2>/lib/ld-linux-x86-64.so.2',
    '+/lib ld-linux-x86-64.so.2 libc.so.6 libm.so.6 libresolv.so.2 libnss_files.so.2',
  ];
}
