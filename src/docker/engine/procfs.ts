/**
 * A container's /proc: a directory per process of its PID namespace and the kernel's files, made
 * from the container's state each time they are listed or read, so they agree with what `ps`,
 * `free`, `uname` and `df` print (the same processes, memory, kernel and mounts).
 */
import { MountDir, type FileNode, type Node } from './fs';
import type { Machine, ProcInfo } from './shell/types';
import type { HostConfig } from '../api';

/** The host's boot: the uptime every container reads (the simulation's day starts at 09:30). */
export const BOOT = Date.UTC(2025, 5, 16, 7, 12, 48);
const CPUS = 4;

/** A file of procfs: size 0 in `ls -l`, its text made when read. */
class ProcFile implements FileNode {
  readonly kind = 'file';
  size = 0;
  constructor(private make: () => string, public mtime: number, public mode = 0o444) {}
  get data(): string {
    return this.make();
  }
}

/** A directory whose entries are made afresh each time (the processes come and go). */
class ProcDir extends MountDir {
  constructor(private make: () => [string, Node][], time: () => number, links: () => number) {
    super(0o555, 0, links, time);
  }
  get children(): Map<string, Node> {
    return new Map(this.make());
  }
}

/** procfs's symlinks report no size. */
const link = (target: string, mtime: number): Node => Object.assign({ kind: 'link' as const, target, mtime }, { size: 0 });

/** Kernel files whose contents are not worth their bytes: listed, read as empty. */
const QUIET = 'bootconfig buddyinfo cgroups consoles crypto devices diskstats dma execdomains fb filesystems iomem ioports kallsyms key-users kmsg kpagecgroup kpagecount kpageflags locks mdstat misc modules mtrr pagetypeinfo partitions schedstat slabinfo softirqs stat swaps sysrq-trigger vmallocinfo vmstat zoneinfo';
/** The modes of the files root alone may read (or write: sysrq-trigger). */
const PRIVATE: Record<string, number> = { kmsg: 0o400, kpagecgroup: 0o400, kpagecount: 0o400, kpageflags: 0o400, pagetypeinfo: 0o400, slabinfo: 0o400, vmallocinfo: 0o400, 'sysrq-trigger': 0o200, mtrr: 0o644 };
/** What Docker masks with /dev/null bind mounts: they read as empty character devices 1,3. */
const MASKED = ['interrupts', 'kcore', 'keys', 'timer_list'];
const DIRS = 'acpi bus driver dynamic_debug fs irq net pressure scsi sysvipc tty';

export const KERNEL_VERSION = (release: string) => `Linux version ${release} (buildd@lcy02-amd64-036) (x86_64-linux-gnu-gcc-13 (Ubuntu 13.3.0-6ubuntu2~24.04) 13.3.0, GNU ld (GNU Binutils for Ubuntu) 2.42) #63-Ubuntu SMP PREEMPT_DYNAMIC Tue Apr 15 19:04:15 UTC 2025\n`;

// KiB, as `free` shows them (disk-memory.ts): buff/cache is Buffers + Cached + SReclaimable
const MEMINFO = 'MemTotal:8129564 MemFree:5462208 MemAvailable:7086452 Buffers:98304 Cached:1620020 SwapCached:0 Active:1161928 Inactive:1012840 Active(anon):459124 Inactive(anon):0 Active(file):702804 Inactive(file):1012840 Unevictable:0 Mlocked:0 SwapTotal:0 SwapFree:0 Dirty:148 Writeback:0 AnonPages:456440 Mapped:301876 Shmem:3120 KReclaimable:161920 Slab:252188 SReclaimable:161920 SUnreclaim:90268 KernelStack:7344 PageTables:9788 CommitLimit:4064780 Committed_AS:2413196 VmallocTotal:34359738367 VmallocUsed:31024 HugePages_Total:0 HugePages_Free:0 Hugepagesize:2048 DirectMap4k:190336 DirectMap2M:8198144';
const meminfo = () => MEMINFO.split(' ').map((f) => {
  const [k, v] = f.split(':');
  return (k + ':').padEnd(16) + v.padStart(8) + (k.startsWith('HugePages_') ? '' : ' kB') + '\n';
}).join('');

const cpuinfo = () => Array.from({ length: CPUS }, (_, i) => `processor\t: ${i}\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel\t\t: 85\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\nstepping\t: 7\nmicrocode\t: 0xffffffff\ncpu MHz\t\t: 2200.148\ncache size\t: 39424 KB\nphysical id\t: 0\nsiblings\t: ${CPUS}\ncore id\t\t: ${i >> 1}\ncpu cores\t: ${CPUS / 2}\napicid\t\t: ${i}\ninitial apicid\t: ${i}\nfpu\t\t: yes\nfpu_exception\t: yes\ncpuid level\t: 13\nwp\t\t: yes\nflags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss ht syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology nonstop_tsc cpuid pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand hypervisor lahf_lm abm avx2 smep bmi2 erms avx512f avx512dq rdseed adx smap clflushopt clwb avx512cd avx512bw avx512vl xsaveopt arat md_clear arch_capabilities\nbugs\t\t: spectre_v1 spectre_v2 spec_store_bypass swapgs taa mmio_stale_data retbleed gds bhi\nbogomips\t: 4400.29\nclflush size\t: 64\ncache_alignment\t: 64\naddress sizes\t: 46 bits physical, 48 bits virtual\npower management:\n\n`).join('');

/**
 * /proc/mounts: what runc mounts (the rootfs, proc, the /dev tmpfs and its devpts, mqueue and
 * shm, sysfs and cgroup2, the three files Docker binds in /etc) and the paths it masks (tmpfs or
 * /dev/null) or remounts read-only, as `df` lists their sizes.
 */
const MOUNTS = (id: string) => `overlay / overlay rw,relatime,lowerdir=/var/lib/docker/overlay2/l/${id.toUpperCase()}:/var/lib/docker/overlay2/l/${id.slice(4).toUpperCase()}ZQ3X,upperdir=/var/lib/docker/overlay2/${id}/diff,workdir=/var/lib/docker/overlay2/${id}/work,nouserxattr 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
tmpfs /dev tmpfs rw,nosuid,size=65536k,mode=755,inode64 0 0
devpts /dev/pts devpts rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666 0 0
sysfs /sys sysfs ro,nosuid,nodev,noexec,relatime 0 0
cgroup /sys/fs/cgroup cgroup2 ro,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot 0 0
mqueue /dev/mqueue mqueue rw,nosuid,nodev,noexec,relatime 0 0
shm /dev/shm tmpfs rw,nosuid,nodev,noexec,relatime,size=65536k,inode64 0 0
${['resolv.conf', 'hostname', 'hosts'].map((f) => `/dev/sda1 /etc/${f} ext4 rw,relatime,discard,errors=remount-ro 0 0\n`).join('')}${['bus', 'fs', 'irq', 'sys', 'sysrq-trigger'].map((f) => `proc /proc/${f} proc ro,nosuid,nodev,noexec,relatime 0 0\n`).join('')}tmpfs /proc/acpi tmpfs ro,relatime,inode64 0 0
${['kcore', 'keys', 'timer_list'].map((f) => `tmpfs /proc/${f} tmpfs rw,nosuid,size=65536k,mode=755,inode64 0 0\n`).join('')}tmpfs /proc/scsi tmpfs ro,relatime,inode64 0 0
tmpfs /sys/firmware tmpfs ro,relatime,inode64 0 0
`;

const uid = (p: ProcInfo) => (p.user && /^\d+$/.test(p.user) ? p.user : p.user && p.user !== 'root' ? '1000' : '0');

/** /proc/PID/status as Linux 6.8 writes it (the fields a class reads; memory as `ps aux` shows it). */
function status(p: ProcInfo): string {
  const name = p.argv[0].slice(p.argv[0].lastIndexOf('/') + 1).slice(0, 15);
  const u = uid(p);
  return `Name:\t${name}\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t${p.pid}\nNgid:\t0\nPid:\t${p.pid}\nPPid:\t${p.ppid}\nTracerPid:\t0\nUid:\t${u}\t${u}\t${u}\t${u}\nGid:\t${u}\t${u}\t${u}\t${u}\nFDSize:\t64\nGroups:\t${u === '0' ? '0 ' : ''}\nNStgid:\t${p.pid}\nNSpid:\t${p.pid}\nNSpgid:\t${p.pid}\nNSsid:\t${p.pid}\nKthread:\t0\nVmPeak:\t    4588 kB\nVmSize:\t    4588 kB\nVmHWM:\t    3840 kB\nVmRSS:\t    3840 kB\nVmData:\t     364 kB\nVmStk:\t     132 kB\nVmExe:\t     100 kB\nVmLib:\t    1760 kB\nVmSwap:\t       0 kB\nThreads:\t1\nCapInh:\t0000000000000000\nCapPrm:\t${u === '0' ? '00000000a80425fb' : '0000000000000000'}\nCapEff:\t${u === '0' ? '00000000a80425fb' : '0000000000000000'}\nCapBnd:\t00000000a80425fb\nCapAmb:\t0000000000000000\nNoNewPrivs:\t0\nSeccomp:\t2\nSeccomp_filters:\t1\nCpus_allowed:\tf\nCpus_allowed_list:\t0-${CPUS - 1}\nvoluntary_ctxt_switches:\t42\nnonvoluntary_ctxt_switches:\t3\n`;
}

/** The program file a process runs, its links resolved (busybox's applets are /bin/busybox). */
function exe(m: Machine, argv0: string): string {
  try {
    return '/' + m.fs.resolve(argv0.includes('/') ? argv0 : '/bin/' + argv0).parts.join('/');
  } catch {
    return argv0;
  }
}

/** The entries of /proc/PID. */
function procEntries(p: ProcInfo, m: Machine, t: number): [string, Node][] {
  const f = (make: () => string): Node => new ProcFile(make, t);
  const cmdline = p.argv.join('\0') + '\0';
  const comm = p.argv[0].slice(p.argv[0].lastIndexOf('/') + 1).slice(0, 15);
  return [
    ['cgroup', f(() => '0::/\n')], ['cmdline', f(() => cmdline)], ['comm', f(() => comm + '\n')], ['cwd', link('/', t)], ['environ', f(() => (p.env?.length ? p.env.join('\0') + '\0' : ''))],
    ['exe', link(exe(m, p.argv[0]), t)],
    ['fd', new ProcDir(() => ['0', '1', '2'].map((n) => [n, link(p.tty ? '/dev/pts/0' : n === '0' ? '/dev/null' : 'pipe:[' + (40000 + p.pid * 3 + Number(n)) + ']', t)]), () => t, () => 2)],
    ['limits', f(() => '')], ['mountinfo', f(() => '')], ['mounts', f(() => MOUNTS(m.hostname))], ['net', new ProcDir(() => [], () => t, () => 2)],
    ['oom_score_adj', f(() => '0\n')], ['root', link('/', t)],
    ['stat', f(() => `${p.pid} (${comm}) S ${p.ppid} ${p.pid} ${p.pid} ${p.tty ? 34816 : 0} -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 ${Math.round((p.start - BOOT) / 10)} 4698112 960 18446744073709551615 0 0 0 0 0 0 0 4 65538 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n`)],
    ['statm', f(() => '1147 960 832 25 0 124 0\n')], ['status', f(() => status(p))],
  ];
}

/**
 * The /proc of a container's machine. `started`: when it was mounted (the start); `links`: the
 * link count of /proc, a link per process of the host.
 */
export function procfs(machine: () => Machine, started: () => number, links: () => number): MountDir {
  return new ProcDir(() => {
    const m = machine();
    const t = started();
    const now = m.now();
    const procs = m.procs();
    const f = (make: () => string): Node => new ProcFile(make, t);
    const up = Math.max(1, now - BOOT) / 1000;
    const last = procs[procs.length - 1]?.pid ?? 1;
    const kids: [string, Node][] = procs.map((p) => [String(p.pid), new ProcDir(() => procEntries(p, m, p.start), () => p.start, () => 9)]);
    for (const n of QUIET.split(' ')) kids.push([n, new ProcFile(() => '', t, PRIVATE[n])]);
    for (const n of MASKED) kids.push([n, { kind: 'file', size: 0, data: '', mode: 0o666, rdev: [1, 3], mtime: t }]);
    for (const n of DIRS.split(' ')) kids.push([n, new ProcDir(() => [], () => t, () => 2)]);
    kids.push(
      ['cmdline', f(() => 'BOOT_IMAGE=/vmlinuz-' + m.kernel + ' root=/dev/sda1 ro console=tty1 console=ttyS0\n')],
      ['cpuinfo', f(cpuinfo)], ['meminfo', f(meminfo)], ['version', f(() => KERNEL_VERSION(m.kernel))],
      ['loadavg', f(() => `0.08 0.03 0.01 1/${procs.length + 180} ${last}\n`)],
      ['uptime', f(() => `${up.toFixed(2)} ${(up * CPUS * 0.97).toFixed(2)}\n`)],
      ['mounts', link('self/mounts', t)], ['self', link(String(last), t)], ['thread-self', link(`${last}/task/${last}`, t)],
      ['sys', new ProcDir(() => [['kernel', new ProcDir(() => [['hostname', f(() => m.hostname + '\n')], ['osrelease', f(() => m.kernel + '\n')], ['ostype', f(() => 'Linux\n')], ['pid_max', f(() => '4194304\n')]], () => t, () => 2)]], () => t, () => 3)],
    );
    return kids.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }, started, links);
}

/**
 * /sys, with the container's own cgroup (v2, private namespace) at /sys/fs/cgroup: the limits
 * `run`/`update` set are read where a program, or a student checking `-m`, looks for them.
 */
export function sysfs(hc: () => HostConfig, machine: () => Machine, started: () => number): MountDir {
  const dir = (make: () => [string, Node][] = () => []) => new ProcDir(make, started, () => 2);
  const f = (make: () => string, mode = 0o644): Node => new ProcFile(() => make() + '\n', started(), mode);
  const max = (n?: number | null) => String((n ?? 0) > 0 ? n : 'max');
  const cgroup = (): [string, Node][] => {
    const h = hc() as Record<string, number>;
    const [mem, swap] = [h.Memory ?? 0, h.MemorySwap ?? 0];
    // runc: NanoCPUs as a quota over the default 100ms period; shares mapped onto weights 1..10000
    const period = h.CpuPeriod || 100000;
    const quota = h.NanoCpus ? (h.NanoCpus * period) / 1e9 : h.CpuQuota;
    return [
      ['cgroup.controllers', f(() => 'cpuset cpu io memory hugetlb pids rdma misc', 0o444)],
      ['cgroup.procs', f(() => machine().procs().map((p) => p.pid).join('\n'))],
      ['cpu.max', f(() => `${max(quota)} ${period}`)],
      ['cpu.weight', f(() => String(h.CpuShares ? 1 + Math.floor(((h.CpuShares - 2) * 9999) / 262142) : 100))],
      ['memory.max', f(() => max(mem))],
      ['memory.swap.max', f(() => max(mem && swap > 0 ? swap - mem : 0))],
      ['pids.current', f(() => String(machine().procs().length), 0o444)],
      ['pids.max', f(() => max(h.PidsLimit))],
    ];
  };
  return new ProcDir(() => 'block bus class dev devices firmware fs hypervisor kernel module power'.split(' ').map((n) => [n, n === 'fs' ? dir(() => [['cgroup', dir(cgroup)]]) : dir()]), started, () => 13);
}
