/**
 * `busybox` itself: its banner, the applets of Alpine's build (`--list`), an applet by name, and
 * the version each Alpine release ships (the busybox image's own build elsewhere).
 */
import type { Fs } from './fs';
import type { IO } from './types';

/** The applets Alpine's busybox links (1.37.0; 1.36.1 has no `tree`). */
const APPLETS = '[ [[ acpid add-shell addgroup adduser adjtimex arch arp arping ash awk base64 basename bbconfig bc beep blkdiscard blkid blockdev brctl bunzip2 bzcat bzip2 cal cat chattr chgrp chmod chown chpasswd chroot chvt cksum clear cmp comm cp cpio crond crontab cryptpw cut date dc dd deallocvt delgroup deluser depmod df diff dirname dmesg dnsdomainname dos2unix du dumpkmap echo egrep eject env ether-wake expand expr factor fallocate false fatattr fbset fbsplash fdflush fdisk fgrep find findfs flock fold free fsck fstrim fsync fuser getopt getty grep groups gunzip gzip halt hd head hexdump hostid hostname hwclock id ifconfig ifdown ifenslave ifup init inotifyd insmod install ionice iostat ip ipaddr ipcalc ipcrm ipcs iplink ipneigh iproute iprule iptunnel kbd_mode kill killall killall5 klogd last less link linux32 linux64 ln loadfont loadkmap logger login logread losetup ls lsattr lsmod lsof lsusb lzcat lzma lzop lzopcat makemime md5sum mdev mesg microcom mkdir mkdosfs mkfifo mkfs.vfat mknod mkpasswd mkswap mktemp modinfo modprobe more mount mountpoint mpstat mv nameif nanddump nandwrite nbd-client nc netstat nice nl nmeter nohup nologin nproc nsenter nslookup ntpd od openvt partprobe passwd paste pgrep pidof ping ping6 pipe_progress pivot_root pkill pmap poweroff printenv printf ps pscan pstree pwd pwdx raidautorun rdate rdev readahead readlink realpath reboot reformime remove-shell renice reset resize rev rfkill rm rmdir rmmod route run-parts sed sendmail seq setconsole setfont setkeycodes setlogcons setpriv setserial setsid sh sha1sum sha256sum sha3sum sha512sum showkey shred shuf slattach sleep sort split stat strings stty su sum swapoff swapon switch_root sync sysctl syslogd tac tail tar tee test time timeout top touch tr traceroute traceroute6 tree true truncate tty ttysize tunctl udhcpc udhcpc6 umount uname unexpand uniq unix2dos unlink unlzma unlzop unshare unxz unzip uptime usleep uudecode uuencode vconfig vi vlock volname watch watchdog wc wget which who whoami whois xargs xxd xzcat yes zcat zcip';

/** Alpine release → busybox version and its package's build time; the busybox image's build otherwise. */
const BUILDS: Record<string, string> = { '3.18': '1.36.1-r7 (2024-06-02 11:42:27 UTC)', '3.19': '1.36.1-r15 (2023-11-07 18:53:09 UTC)', '3.20': '1.36.1-r30 (2024-06-10 07:11:47 UTC)', '3.21': '1.37.0-r12 (2025-01-17 18:12:01 UTC)' };

/** The machine's busybox package (`1.37.0-r12 (…)`), or the busybox image's build. */
function build(fs: Fs): string {
  let release = '';
  try {
    if (fs.find(['etc', 'alpine-release'])) release = fs.readFile('/etc/alpine-release').replace(/\.\d+\s*$/, '');
  } catch { /* not Alpine */ }
  return BUILDS[release] ?? '1.37.0 (2024-09-26 21:31:42 UTC)';
}
/** `BusyBox v1.37.0 (2025-01-17 18:12:01 UTC)` as the machine's busybox prints it. */
export const bbBanner = (fs: Fs) => 'BusyBox v' + build(fs).replace(/-r\d+/, '');
/** apk's name for the package (`busybox-1.37.0-r12`), as its trigger reports it. */
export const bbPackage = (fs: Fs) => 'busybox-' + build(fs).split(' ')[0];

/** The applets of 1.37 and of 1.36, split once: `busybox APPLET` looks its name up each time. */
const LISTS: string[][] = [];
/** The applets of the machine's busybox, in its order. */
const applets = (banner: string) => {
  const old = +banner.includes('v1.36');
  return (LISTS[old] ??= (old ? APPLETS.replace(' tree', '') : APPLETS).split(' '));
};

/**
 * `busybox [ARGS]`: the help and the list are busybox's own; an applet it has runs (undefined:
 * the caller runs `argv.slice(1)`), a name it has not is not found (127).
 */
export function busyboxMain(argv: string[], io: IO, fs: Fs): number | string[] {
  const a = argv[1];
  const banner = io.bb?.() ?? bbBanner(fs);
  const names = applets(banner);
  if (a === undefined || (a === '--help' && argv.length === 2)) {
    // wrapped for an 80-column terminal less the longest name (13) and 8, as busybox does
    let list = '';
    let col = 0;
    for (const n of names) {
      const len = n.length + 2;
      if (col >= 58 - len) (list += ',\n'), (col = 0);
      list += (col ? ', ' : '\t') + n;
      col = (col || 6) + len;
    }
    io.out(`${banner} multi-call binary.\nBusyBox is copyrighted by many authors between 1998-2015.\nLicensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\nUsage: busybox [function [arguments]...]\n   or: busybox --list[-full]\n   or: busybox --install [-s] [DIR]\n   or: function [arguments]...\n\n\tBusyBox is a multi-call binary that combines many common Unix\n\tutilities into a single executable.  Most people will create a\n\tlink to busybox for each function they wish to use and BusyBox\n\twill act like whatever it was invoked as.\n\nCurrently defined functions:\n${list}\n`);
    return 0;
  }
  if (a.startsWith('--list')) return io.out(names.join('\n') + '\n'), 0;
  const name = a.slice(a.lastIndexOf('/') + 1);
  if (a === '--help') return [argv[2], '--help'];
  if (names.includes(name)) return argv.slice(1);
  io.err(`${name}: applet not found\n`);
  return 127;
}
