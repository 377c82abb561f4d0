/**
 * The root filesystems of the catalogue's base images (Debian, Ubuntu, Alpine, BusyBox) as layer
 * specs (see content.ts), with the texts of their files that `cat` shows (passwd, os-release…).
 */
import { PROCPS } from './content';
import { baseStatus } from './dpkg-status';

const MERGED_USR = ['/bin>usr/bin', '/lib>usr/lib', '/lib64>usr/lib64', '/sbin>usr/sbin', '/usr/lib64/'];
const FHS = ['/boot/', '/dev/', '/home/', '/media/', '/mnt/', '/opt/', '/proc/', '/run/', '/srv/', '/sys/', '/usr/local/bin/', '/usr/local/sbin/', '/usr/local/lib/', '/usr/share/', '/var/log/', '/var/cache/', '/var/lib/', '/var/tmp/', '/var/spool/', '/var/mail/', '/root/', '/tmp/', '/etc/', '/var/run>/run'];

export const COREUTILS = '[ arch base64 basename cat chgrp chmod chown chroot cksum comm cp csplit cut date dd df dir dircolors dirname du echo env expand expr factor false fmt fold groups head hostid id install join link ln logname ls md5sum mkdir mkfifo mknod mktemp mv nice nl nohup nproc numfmt od paste pathchk pinky pr printenv printf ptx pwd readlink realpath rm rmdir runcon seq sha1sum sha256sum sha512sum shred shuf sleep sort split stat stty sum sync tac tail tee test timeout touch tr true truncate tsort tty uname unexpand uniq unlink users vdir wc who whoami yes';
const DEBIAN_BIN = COREUTILS + ' bash dash grep egrep fgrep sed gzip gunzip zcat tar find xargs diff cmp hostname more login su mount umount apt apt-get apt-cache apt-config apt-mark dpkg dpkg-query perl which clear tput mawk gpgv getent passwd fallocate dmesg pidof rev';

/** Executables in a directory, sized so their sum is small and stable. */
const bins = (dir: string, names: string[]) => names.map((n, i) => `${dir}/${n}*${n === 'bash' ? 1446024 : 20000 + ((i * 7919) % 90000)}`);
/** Symbolic links to one program (busybox's applets). */
const links = (dir: string, names: string, target: string) => names.split(' ').map((n) => `${dir}/${n}>${target}`);

/** `name:gid` pairs (members after a second colon) as /etc/group lines. */
export const groups = (pairs: string): string => pairs.split(' ').map((p) => p.replace(':', ':x:') + (/:.*:/.test(p) ? '' : ':') + '\n').join('');
const DEB_GROUPS = 'root:0 daemon:1 bin:2 sys:3 adm:4 tty:5 disk:6 lp:7 mail:8 news:9 uucp:10 man:12 proxy:13 kmem:15 dialout:20 fax:21 voice:22 cdrom:24 floppy:25 tape:26 sudo:27 audio:29 dip:30 www-data:33 backup:34 operator:37 list:38 irc:39 src:40 shadow:42 utmp:43 video:44 sasl:45 plugdev:46 staff:50 games:60 users:100 nogroup:65534';

export const TEXT: Record<string, string> = {
  passwdDeb: 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\nsync:x:4:65534:sync:/bin:/bin/sync\ngames:x:5:60:games:/usr/games:/usr/sbin/nologin\nman:x:6:12:man:/var/cache/man:/usr/sbin/nologin\nlp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin\nmail:x:8:8:mail:/var/mail:/usr/sbin/nologin\nnews:x:9:9:news:/var/spool/news:/usr/sbin/nologin\nuucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin\nproxy:x:13:13:proxy:/bin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nbackup:x:34:34:backup:/var/backups:/usr/sbin/nologin\nlist:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin\nirc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin\n_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
  // alpine-baselayout 3.6 (Alpine 3.21)
  passwdAlpine: 'root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nlp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\nsync:x:5:0:sync:/sbin:/bin/sync\nshutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\nhalt:x:7:0:halt:/sbin:/sbin/halt\nmail:x:8:12:mail:/var/mail:/sbin/nologin\nnews:x:9:13:news:/usr/lib/news:/sbin/nologin\nuucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin\ncron:x:16:16:cron:/var/spool/cron:/sbin/nologin\nftp:x:21:21::/var/lib/ftp:/sbin/nologin\nsshd:x:22:22:sshd:/dev/null:/sbin/nologin\ngames:x:35:35:games:/usr/games:/sbin/nologin\nntp:x:123:123:NTP:/var/empty:/sbin/nologin\nguest:x:405:100:guest:/dev/null:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n',
  // buildroot's skeleton, which the busybox image copies
  passwdBusybox: 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n',
  groupDeb: groups(DEB_GROUPS),
  // Oracle Linux 9's setup package
  passwdEl: 'root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nadm:x:3:4:adm:/var/adm:/sbin/nologin\nlp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\nsync:x:5:0:sync:/sbin:/bin/sync\nshutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\nhalt:x:7:0:halt:/sbin:/sbin/halt\nmail:x:8:12:mail:/var/spool/mail:/sbin/nologin\noperator:x:11:0:operator:/root:/sbin/nologin\ngames:x:12:100:games:/usr/games:/sbin/nologin\nftp:x:14:50:FTP User:/var/ftp:/sbin/nologin\nnobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin\n',
  groupEl: groups('root:0 bin:1 daemon:2 sys:3 adm:4 tty:5 disk:6 lp:7 mem:8 kmem:9 wheel:10 cdrom:11 mail:12 man:15 dialout:18 floppy:19 games:20 tape:33 video:39 ftp:50 lock:54 audio:63 users:100 nobody:65534'),
  groupAlpine: groups('root:0:root bin:1:root,bin,daemon daemon:2:root,bin,daemon sys:3:root,bin adm:4:root,daemon tty:5 disk:6:root lp:7:lp kmem:9 wheel:10:root floppy:11:root mail:12:mail news:13:news uucp:14:uucp cron:16:cron audio:18 cdrom:19 dialout:20:root ftp:21 sshd:22 input:23 tape:26:root video:27:root netdev:28 kvm:34 games:35 shadow:42 www-data:82 users:100:games ntp:123 utmp:406 ping:999 nogroup:65533 nobody:65534'),
  groupBusybox: groups('root:0 daemon:1 bin:2 sys:3 adm:4 tty:5 disk:6 lp:7 mail:8 kmem:9 wheel:10:root cdrom:11 dialout:18 floppy:19 video:28 audio:29 tape:32 www-data:33 operator:37 utmp:43 plugdev:46 staff:50 lock:54 netdev:82 users:100 nobody:65534'),
  osUbuntu: 'PRETTY_NAME="Ubuntu 24.04.2 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.2 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=noble\nLOGO=ubuntu-logo\n',
  osBookworm: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n',
  osAlpine: 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.3\nPRETTY_NAME="Alpine Linux v3.21"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n',
  profile: '# ~/.profile: executed by Bourne-compatible login shells.\n\nif [ "$BASH" ]; then\n  if [ -f ~/.bashrc ]; then\n    . ~/.bashrc\n  fi\nfi\n\nmesg n 2> /dev/null || true\n',
  // /etc/debian_version of each Debian-family release (Ubuntu reports the Debian it is based on).
  osBookwormDeb: '12.11\n',
  osBusterDeb: '10.13\n',
  osUbuntuDeb: 'trixie/sid\n',
  // base-files' /etc/profile (Ubuntu's leaves PATH to /etc/environment)
  etcProfile: '# /etc/profile: system-wide .profile file for the Bourne shell (sh(1))\n# and Bourne compatible shells (bash(1), ksh(1), ash(1), ...).\n\nif [ "$(id -u)" -eq 0 ]; then\n  PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\nelse\n  PATH="/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"\nfi\nexport PATH\n\nif [ "${PS1-}" ]; then\n  if [ "${BASH-}" ] && [ "$BASH" != "/bin/sh" ]; then\n    # The file bash.bashrc already sets the default PS1.\n    # PS1=\'\\h:\\w\\$ \'\n    if [ -f /etc/bash.bashrc ]; then\n      . /etc/bash.bashrc\n    fi\n  else\n    if [ "$(id -u)" -eq 0 ]; then\n      PS1=\'# \'\n    else\n      PS1=\'$ \'\n    fi\n  fi\nfi\n\nif [ -d /etc/profile.d ]; then\n  for i in /etc/profile.d/*.sh; do\n    if [ -r $i ]; then\n      . $i\n    fi\n  done\n  unset i\nfi\n',
  profileAlpine: '# Append "$1" to $PATH when not already in.\n# Copied from Arch Linux, see #12803 for details.\nappend_path () {\n\tcase ":$PATH:" in\n\t\t*:"$1":*)\n\t\t\t;;\n\t\t*)\n\t\t\tPATH="${PATH:+$PATH:}$1"\n\t\t\t;;\n\tesac\n}\n\nappend_path "/usr/local/sbin"\nappend_path "/usr/local/bin"\nappend_path "/usr/sbin"\nappend_path "/usr/bin"\nappend_path "/sbin"\nappend_path "/bin"\nunset -f append_path\n\nexport PATH\nexport PAGER=less\numask 022\n\n# use nicer PS1 for bash and busybox ash\nif [ -n "$BASH_VERSION" -o "$BB_ASH_VERSION" ]; then\n\tPS1=\'\\h:\\w\\$ \'\n# use nicer PS1 for zsh\nelif [ -n "$ZSH_VERSION" ]; then\n\tPS1=\'%m:%~%# \'\n# set up fallback default PS1\nelse\n\t: "${HOSTNAME:=$(hostname)}"\n\tPS1=\'${HOSTNAME%%.*}:$PWD\'\n\t[ "$(id -u)" -eq 0 ] && PS1="${PS1}# " || PS1="${PS1}\\$ "\nfi\n\nfor script in /etc/profile.d/*.sh ; do\n\tif [ -r "$script" ] ; then\n\t\t. "$script"\n\tfi\ndone\nunset script\n',
  // glibc's example, which Debian installs (and the busybox image copies from its Debian builder)
  nsswitch: '# /etc/nsswitch.conf\n#\n# Example configuration of GNU Name Service Switch functionality.\n# If you have the `glibc-doc-reference\' and `info\' packages installed, try:\n# `info libc "Name Service Switch"\' for information about this file.\n\npasswd:         files\ngroup:          files\nshadow:         files\ngshadow:        files\n\nhosts:          files dns\nnetworks:       files\n\nprotocols:      db files\nservices:       db files\nethers:         db files\nrpc:            db files\n\nnetgroup:       nis\n',
  shellsDeb: '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/bin/dash\n/usr/bin/dash\n',
};
TEXT.osBuster = TEXT.osBookworm.replace(/12/g, '10').replace(/bookworm/g, 'buster');
// bookworm's point release before 12.11 (May 17, 2025)
TEXT.osBookworm10 = TEXT.osBookworm;
TEXT.osBookworm10Deb = '12.10\n';
// and 12.5 of April 2024, under nginx 1.25
TEXT.osBookworm5 = TEXT.osBookworm;
TEXT.osBookworm5Deb = '12.5\n';
TEXT.osBullseye = TEXT.osBookworm.replace(/12/g, '11').replace(/bookworm/g, 'bullseye');
TEXT.osBullseyeDeb = '11.11\n';
// Ubuntu's earlier LTS releases: os-release as noble's, with their point release and codename
const ubuntuOs = (v: string, point: string, name: string, code: string) => TEXT.osUbuntu.replace(/24\.04\.2/g, point).replace(/24\.04/g, v).replace('Noble Numbat', name).replace(/noble/g, code);
TEXT.osJammy = ubuntuOs('22.04', '22.04.5', 'Jammy Jellyfish', 'jammy').replace('LOGO=ubuntu-logo\n', '');
TEXT.osJammyDeb = 'bookworm/sid\n';
// focal's base-files still wrote the fields in their older order
TEXT.osFocal = ubuntuOs('20.04', '20.04.6', 'Focal Fossa', 'focal').replace('LOGO=ubuntu-logo\n', '').replace(/^(PRETTY_NAME=.*\n)(NAME=.*\n)(VERSION_ID=.*\n)(VERSION=.*\n)(VERSION_CODENAME=.*\n)(ID=.*\nID_LIKE=.*\n)([^]*?)(UBUNTU_CODENAME)/, '$2$4$6$1$3$7$5$8');
TEXT.osFocalDeb = 'bullseye/sid\n';
// bionic's fields are in focal's order
TEXT.osBionic = TEXT.osFocal.replace(/20\.04/g, '18.04').replace('Focal Fossa', 'Bionic Beaver').replace(/focal/g, 'bionic');
TEXT.osBionicDeb = 'buster/sid\n';

/** Entries of /etc: `name/` a directory, `name=size`, `name>target`, space-separated. */
const etc = (names: string) => names.split(' ').map((n) => '/etc/' + n);
/** A shadow file for the names of passwd or group lines: `rest(name)` is what follows each name. */
const shadow = (text: string, rest: (name: string) => string) => text.split('\n').filter(Boolean).map((l) => l.slice(0, l.indexOf(':')) + rest(l.slice(0, l.indexOf(':'))) + '\n').join('');

/**
 * /etc/passwd and /etc/group with their shadow files: no password (`*`, `!` for a user useradd
 * added), changed on `day` (days since 1970). `add`: that user and its group, whose useradd left
 * the `-` backups.
 */
export function accounts(passwd: string, group: string, day: number, add?: [string, string]): string[] {
  const files = (p: string, g: string, k: string) => [`/etc/passwd${k}:${p}`, `/etc/group${k}:${g}`,
    `/etc/shadow${k}:${shadow(p, (n) => `:${add && p.endsWith(add[0]) && add[0].startsWith(n + ':') ? '!' : '*'}:${day}:0:99999:7:::`)}`,
    `/etc/gshadow${k}:${shadow(g, (n) => (add && g.endsWith(add[1]) && add[1].startsWith(n + ':') ? ':!::' : ':*::'))}`];
  return add ? [...files(passwd + add[0], group + add[1], ''), ...files(passwd, group, '-')] : files(passwd, group, '');
}

/** What /etc holds in both Debian and Ubuntu (base-files, dpkg, apt, login, pam, e2fsprogs…). */
const ETC_DEB = 'apt/apt.conf.d/ apt/auth.conf.d/ apt/keyrings/ apt/preferences.d/ apt/trusted.gpg.d/ bash.bashrc=2319 bindresvport.blacklist=367 cron.d/ cron.daily/apt-compat=1478 cron.daily/dpkg=123 debconf.conf=2969 default/useradd=1118 dpkg/dpkg.cfg.d/ dpkg/origins/ e2scrub.conf=685 gai.conf=2584 init.d/ kernel/postinst.d/ ld.so.cache=4860 ld.so.conf.d/libc.conf=44 ld.so.conf.d/x86_64-linux-gnu.conf=100 libaudit.conf=191 logrotate.d/alternatives=120 logrotate.d/apt=173 logrotate.d/dpkg=112 mke2fs.conf=744 mtab>../proc/self/mounts networks=60 opt/ os-release>../usr/lib/os-release pam.conf=552 pam.d/chfn=384 pam.d/chpasswd=92 pam.d/chsh=581 pam.d/common-account=1208 pam.d/common-auth=1249 pam.d/common-password=1580 pam.d/common-session=1116 pam.d/common-session-noninteractive=1085 pam.d/login=4126 pam.d/newusers=92 pam.d/other=520 pam.d/passwd=92 pam.d/runuser=143 pam.d/runuser-l=138 pam.d/su=2259 pam.d/su-l=137 profile.d/ rc0.d/ rc1.d/ rc2.d/ rc3.d/ rc4.d/ rc5.d/ rc6.d/ rcS.d/ rmt>/usr/sbin/rmt security/access.conf=4564 security/faillock.conf=2234 security/group.conf=3635 security/limits.conf=2161 security/limits.d/ security/namespace.conf=1637 security/namespace.d/ security/namespace.init*1440 security/opasswd=0 security/pam_env.conf=2971 security/sepermit.conf=419 security/time.conf=2179 selinux/semanage.conf=2065 skel/.bashrc=3771 skel/.profile=807 skel/.bash_logout=220 subgid=0 subuid=0 systemd/system/ terminfo/README=1065 update-motd.d/ xattr.conf=681';
/** Rootfs of a Debian-family distribution (merged /usr unless `split`). */
export function debianRoot(os: string, split = false): string[] {
  // Before merged /usr (buster) the essential programs live in /bin only.
  const root = split ? 'bash dash ls cat cp mv rm mkdir rmdir pwd echo sleep touch uname date grep sed hostname more mount su tar gzip'.split(' ') : [];
  const usr = DEBIAN_BIN.split(' ').filter((n) => !root.includes(n));
  const ubuntu = /ID=ubuntu/.test(TEXT[os]);
  const noble = os === 'osUbuntu';
  const pretty = /PRETTY_NAME="(.*)"/.exec(TEXT[os])![1];
  const issue = ubuntu ? pretty : `Debian GNU/Linux ${TEXT[os + 'Deb'].split('.')[0]}`;
  const e = [
    ...FHS,
    ...(split ? ['/bin/', '/sbin/', '/lib/', '/lib64/', ...bins('/bin', root)] : MERGED_USR),
    split ? '/bin/sh>dash' : '/usr/bin/sh>dash',
    // awk is mawk through the alternatives system
    '/usr/bin/awk>/etc/alternatives/awk', '/etc/alternatives/awk>/usr/bin/mawk',
    // grep 3.8's egrep and fgrep are scripts (below)
    ...bins('/usr/bin', usr).filter((b) => !/bookworm|noble/.test(TEXT[os]) || !/[ef]grep\*/.test(b)),
    ...bins('/usr/sbin', ['useradd']),
    '/usr/lib/os-release:' + TEXT[os],
    // Ubuntu's image has had a default user since 23.04.
    ...accounts(TEXT.passwdDeb, TEXT.groupDeb, ubuntu ? 20237 : os === 'osBuster' ? 19492 : 20228, noble ? ['ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n', 'ubuntu:x:1000:\n'] : undefined),
    '/etc/debian_version:' + TEXT[os + 'Deb'],
    '/etc/profile:' + (ubuntu ? TEXT.etcProfile.replace(/if \[ "\$\(id -u\)" -eq 0 \]; then\n  PATH[^]*?export PATH\n\n/, '') : TEXT.etcProfile),
    '/etc/nsswitch.conf:' + TEXT.nsswitch,
    '/etc/shells:' + TEXT.shellsDeb,
    '/etc/fstab:# UNCONFIGURED FSTAB FOR BASE SYSTEM\n',
    `/etc/issue:${issue} \\n \\l\n\n`,
    `/etc/issue.net:${issue}\n`,
    '/etc/ld.so.conf:include /etc/ld.so.conf.d/*.conf\n\n',
    '/etc/host.conf:' + (ubuntu ? '# The "order" line is only used by old versions of the C library.\norder hosts,bind\n' : '') + 'multi on\n',
    // base-files' notice: /etc/motd on Debian, /etc/legal on Ubuntu (shown at the first login)
    ubuntu
      ? '/etc/legal:\nThe programs included with the Ubuntu system are free software;\nthe exact distribution terms for each program are described in the\nindividual files in /usr/share/doc/*/copyright.\n\nUbuntu comes with ABSOLUTELY NO WARRANTY, to the extent permitted by\napplicable law.\n\n'
      : '/etc/motd:\nThe programs included with the Debian GNU/Linux system are free software;\nthe exact distribution terms for each program are described in the\nindividual files in /usr/share/doc/*/copyright.\n\nDebian GNU/Linux comes with ABSOLUTELY NO WARRANTY, to the extent\npermitted by applicable law.\n',
    ...etc(ETC_DEB),
    ...(ubuntu ? ['/etc/environment:PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin"\n'] : []),
    ...etc(ubuntu
      ? 'adduser.conf=3444 deluser.conf=1706 login.defs=12345 netconfig=767 sysctl.conf=2209 sysctl.d/README.sysctl=798 update-motd.d/00-header=1220 update-motd.d/10-help-text=1157 update-motd.d/50-motd-news=5023 apt/sources.list=313 apt/sources.list.d/ubuntu.sources=2552 dpkg/origins/ubuntu=162 cloud/build.info=59'
      : 'environment=0 login.defs=12569 localtime>/usr/share/zoneinfo/Etc/UTC dpkg/origins/debian=111'),
    // debuerreotype's sources, pinned to the snapshot the image was built from (buster's security suite is buster/updates)
    split ? '/etc/apt/sources.list:' + ['', '-security', '-updates'].map((s) => {
      const buster = os === 'osBuster';
      const [rel, snap] = buster ? ['buster', '20230320'] : ['bullseye', '20250520'];
      const repo = 'debian' + (s === '-security' ? s : '');
      const suite = rel + (buster && s === '-security' ? '/updates' : s);
      return `# deb http://snapshot.debian.org/archive/${repo}/${snap}T000000Z ${suite} main\ndeb http://deb.debian.org/${repo} ${suite} main\n`;
    }).join('')
      : `/etc/apt/sources.list.d/debian.sources:${['', '-security'].map((s) => `Types: deb\n# http://snapshot.debian.org/archive/debian${s}/20250520T000000Z\nURIs: http://deb.debian.org/debian${s}\nSuites: bookworm${s ? s : ' bookworm-updates'}\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n`).join('\n')}`,
    '/etc/hostname=0',
    '/root/.bashrc=3106',
    '/root/.profile:' + TEXT.profile,
    '/var/lib/apt/lists/',
    '/var/lib/dpkg/status:' + baseStatus(/VERSION_CODENAME=(\w+)/.exec(TEXT[os])?.[1] ?? ''),
    '/usr/share/doc/',
    '+/usr/lib/x86_64-linux-gnu libc.so.6 libstdc++.so.6 libcrypto.so.3 libssl.so.3 libsystemd.so.0 libgnutls.so.30 libp11-kit.so.0 libzstd.so.1 liblzma.so.5 libdb-5.3.so libunistring.so.5 libsqlite3.so.0 libncursesw.so.6 libtinfo.so.6 libpcre2-8.so.0 libgcrypt.so.20 libapt-pkg.so.6.0 libz.so.1 libm.so.6 libselinux.so.1 libblkid.so.1 libmount.so.1 libgmp.so.10 libhogweed.so.6 libnettle.so.8 libidn2.so.0 libtasn1.so.6 libffi.so.8 libbz2.so.1.0 libcrypt.so.1 libpam.so.0 libudev.so.1 liblz4.so.1 libxxhash.so.0 libsemanage.so.2',
    '+/usr/share/perl5 Dpkg.pm Debconf.pm',
    '+/usr/share/zoneinfo UTC Europe America Asia',
  ];
  if (noble) e.push('/home/ubuntu/');
  // grep 3.8's egrep and fgrep: scripts that warn before running grep -E/-F (Debian's grep 3.8-5 took the warning out)
  if (/bookworm|noble/.test(TEXT[os])) e.push(...['E', 'F'].map((x) => `/usr/bin/${x.toLowerCase()}grep:#!/bin/sh\ncmd=\${0##*/}\n${noble ? `echo "$cmd: warning: $cmd is obsolescent; using grep -${x}" >&2\n` : ''}exec grep -${x} "$@"\n`));
  // the minimized image's stand-in for man (a dpkg diversion keeps it when man-db comes)
  if (ubuntu) e.push(`/usr/bin/man:#!/bin/sh\n${['This system has been minimized by removing packages and content that are', 'not required on a system that users do not log into.', '', "To restore this content, including manpages, you can run the 'unminimize'", "command. You will still need to ensure the 'man-db' package is installed."].map((l) => `echo "${l}"\n`).join('')}`, '/var/lib/dpkg/info/procps.list=0', `/etc/lsb-release:DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${/VERSION_ID="(.*)"/.exec(TEXT[os])![1]}\nDISTRIB_CODENAME=${/CODENAME=(.*)/.exec(TEXT[os])![1]}\nDISTRIB_DESCRIPTION="${pretty}"\n`, ...bins('/usr/bin', PROCPS.split(' ')));
  return e;
}

/** The minirootfs of Alpine release `v` (3.21.3 unless told). */
export function alpineRoot(v = '3.21.3'): string[] {
  const minor = v.replace(/\.\d+$/, '');
  const os = (t: string) => t.replace(/3\.21\.3/g, v).replace(/3\.21/g, minor);
  const applets = 'arch ash base64 cat chgrp chmod chown cp date dd df dmesg echo egrep false fgrep grep gunzip gzip hostname kill ln login ls mkdir mknod mktemp more mount mv netstat nice pidof ping ping6 ps pwd rm rmdir sed sh sleep stat stty su sync tar touch true umount uname usleep watch zcat link';
  const usrApplets = 'awk basename clear cut diff dirname du env expr find free groups head id less nproc printf readlink realpath seq sort tail tee test top tr tty uniq uptime vi wc wget which whoami xargs yes printenv passwd sha256sum md5sum sha1sum tac nl paste timeout cmp comm cksum expand factor fallocate fold hostid install mkfifo nohup od shuf split sum truncate unexpand unlink pgrep pkill pmap';
  return [
    // the minirootfs has no /boot
    ...FHS.slice(1),
    '/bin/busybox*808712',
    ...links('/bin', applets, '/bin/busybox'),
    ...links('/usr/bin', usrApplets, '/bin/busybox'),
    ...links('/sbin', 'ifconfig ip route', '/bin/busybox'),
    '/usr/bin/nslookup>/bin/busybox',
    ...links('/usr/sbin', 'adduser', '/bin/busybox'),
    // musl-utils'
    '/usr/bin/getent*48888',
    '/sbin/apk*67432',
    '/usr/lib/os-release:' + os(TEXT.osAlpine),
    `/etc/alpine-release:${v}\n`,
    '/etc/passwd:' + TEXT.passwdAlpine,
    '/etc/group:' + TEXT.groupAlpine,
    '/etc/shadow:' + shadow(TEXT.passwdAlpine, (n) => (n === 'root' ? ':*::0:::::' : ':!::0:::::')),
    '/etc/hostname:localhost\n',
    '/etc/profile:' + TEXT.profileAlpine,
    '/etc/shells:# valid login shells\n/bin/sh\n/bin/ash\n',
    `/etc/issue:Welcome to Alpine Linux ${minor}\nKernel \\r on an \\m (\\l)\n\n`,
    '/etc/fstab:/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n/dev/usbdisk\t/media/usb\tvfat\tnoauto,ro 0 0\n',
    '/etc/nsswitch.conf:# musl itself does not support NSS, however some third-party DNS\n# implementations use the nsswitch.conf file to determine what\n# policy to follow.\n# Editing this file is not recommended.\nhosts: files dns\n',
    '/etc/modules:af_packet\nipv6\n',
    '/etc/apk/arch:x86_64\n',
    '/etc/apk/repositories:' + ['main', 'community'].map((r) => `https://dl-cdn.alpinelinux.org/alpine/v${minor}/${r}\n`).join(''),
    '/etc/motd:Welcome to Alpine!\n\nThe Alpine Wiki contains a large amount of how-to guides and general\ninformation about administrating Alpine systems.\nSee <https://wiki.alpinelinux.org/>.\n\nYou can setup the system with the command: setup-alpine\n\nYou may change this message by editing /etc/motd.\n',
    '/etc/sysctl.conf:# content of this file will override /etc/sysctl.d/*\n',
    ...etc('apk/keys/ apk/protocols/ apk/world=89 busybox-paths.d/busybox=3183 conf.d/ crontabs/root=283 init.d/ inittab=570 logrotate.d/acpid=140 modprobe.d/aliases.conf=1113 modprobe.d/blacklist.conf=1273 modprobe.d/i386.conf=23 modprobe.d/kms.conf=91 modules-load.d/ mtab>/proc/mounts network/if-down.d/ network/if-post-down.d/ network/if-post-up.d/ network/if-pre-down.d/ network/if-pre-up.d/ network/if-up.d/ opt/ os-release>../usr/lib/os-release periodic/15min/ periodic/daily/ periodic/hourly/ periodic/monthly/ periodic/weekly/ profile.d/20locale.sh=61 profile.d/README=295 profile.d/color_prompt.sh.disabled=561 protocols=3164 secfixes.d/alpine=71 services=12813 ssl/cert.pem>certs/ca-certificates.crt ssl/certs/ca-certificates.crt=221046 ssl/ct_log_list.cnf=412 ssl/openssl.cnf=12411 ssl/private/ ssl1.1/cert.pem>/etc/ssl/cert.pem ssl1.1/certs>/etc/ssl/certs sysctl.d/00-alpine.conf=280 udhcpc/udhcpc.conf=107'),
    '/lib/ld-musl-x86_64.so.1*657688',
    '/lib/libc.musl-x86_64.so.1>ld-musl-x86_64.so.1',
    '/lib/apk/db/installed=15423',
    '+/usr/lib libcrypto.so.3 libssl.so.3 libz.so.1.3.1 libapk.so.2.14.0',
    '+/usr/share/apk/keys alpine-devel@lists.alpinelinux.org-4a6a0840.rsa.pub',
  ];
}

export function busyboxRoot(): string[] {
  const applets = 'ash awk basename cat chmod chown clear cp cut date dd df diff dirname du echo env expr false find free grep groups gunzip gzip head hostname id kill less ln ls mkdir more mount mv nc nproc ping printenv printf ps pwd readlink realpath rm rmdir sed seq sh sleep sort stat tail tar tee test top touch tr true tty umount uname uniq uptime vi watch wc wget which whoami xargs yes ifconfig ip route nslookup adduser passwd su base64 sha256sum md5sum sha1sum tac nl paste timeout arch cmp comm cksum expand factor fallocate fold hostid install link mkfifo mktemp nice nohup od shuf split sum sync truncate unexpand unlink pgrep pkill pidof pmap usleep dmesg netstat ping6';
  return [
    '/bin/', '/dev/', '/home/', '/lib/', '/lib64/', '/proc/', '/root/', '/sys/', '/tmp/', '/usr/sbin/', '/var/spool/mail/', '/var/www/',
    '/bin/busybox*1131168',
    ...links('/bin', applets, 'busybox'),
    '/etc/passwd:' + TEXT.passwdBusybox,
    '/etc/group:' + TEXT.groupBusybox,
    // buildroot's, with root's empty password locked by the image's build
    '/etc/shadow:' + shadow(TEXT.passwdBusybox, () => ':*:::::::'),
    '/etc/nsswitch.conf:' + TEXT.nsswitch,
    '/etc/localtime=114',
    ...etc('network/if-down.d/ network/if-post-down.d/ network/if-pre-up.d/ network/if-up.d/'),
    '/etc/hostname=0',
    '/lib64/ld-linux-x86-64.so.2>/lib/ld-linux-x86-64.so.2',
    '+/lib ld-linux-x86-64.so.2 libc.so.6 libm.so.6 libresolv.so.2 libnss_files.so.2',
  ];
}
