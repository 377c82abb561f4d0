/**
 * containerd's platforms.Parse, which the client runs on `--platform` before anything is sent:
 * `os[(version)][/arch[/variant]]`, or a lone OS or architecture it knows. Throws its message.
 */
const OS_RE = '^([A-Za-z0-9_-]+)(?:\\(([A-Za-z0-9_.-]*)\\))?$';
const PART_RE = '^[A-Za-z0-9_.-]+$';
const KNOWN_OS = new Set('aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris windows zos macos'.split(' '));
const KNOWN_ARCH = new Set('386 i386 amd64 x86_64 x86-64 amd64p32 arm armhf armel armbe arm64 aarch64 arm64be ppc64 ppc64le loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc riscv riscv64 s390 s390x sparc sparc64 wasm'.split(' '));

export function parsePlatform(spec: string): void {
  const fail = (why: string): never => {
    throw new Error(`${why}: invalid argument`);
  };
  const q = JSON.stringify;
  if (spec.includes('*')) fail(`${q(spec)}: wildcards not yet supported`);
  // strings.SplitN(spec, "/", 4): a fourth part keeps the rest, slashes and all.
  const all = spec.split('/');
  const parts = [...all.slice(0, 3), ...(all.length > 3 ? [all.slice(3).join('/')] : [])];
  parts.forEach((part, i) => {
    if (i === 0 && !new RegExp(OS_RE).test(part)) fail(`${q(part)} is an invalid OS component of ${q(spec)}: OSAndVersion specifier component must match ${q(OS_RE)}`);
    if (i > 0 && !new RegExp(PART_RE).test(part)) fail(`${q(part)} is an invalid component of ${q(spec)}: platform specifier component must match ${q(PART_RE)}`);
  });
  if (parts.length > 3) fail(`${q(spec)}: cannot parse platform specifier`);
  const os = new RegExp(OS_RE).exec(parts[0])![1].toLowerCase();
  if (parts.length === 1 && !KNOWN_OS.has(os) && !KNOWN_ARCH.has(parts[0].toLowerCase())) fail(`${q(spec)}: unknown operating system or architecture`);
}
