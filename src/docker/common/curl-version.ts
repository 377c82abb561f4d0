/**
 * The curl each release ships (what `curl -V` prints and the User-Agent it sends): Ubuntu 24.04
 * (also the host), Debian 12 and Alpine; the older releases name only their version.
 */
import { osRelease } from './sh/fs';
import type { ShellLike } from './sh/types';

/** The release of the machine's /etc/os-release: its codename, `alpine`, or the host's `noble`. */
export function release(sh: ShellLike): string {
  const os = osRelease(sh.m.fs);
  // none: the host's, Ubuntu 24.04
  return /^VERSION_CODENAME=(\w+)/m.exec(os)?.[1] ?? (/^ID=alpine/m.test(os) ? 'alpine' : 'noble');
}

export const CURL: Record<string, string> = { alpine: '8.12.1', bookworm: '7.88.1', bullseye: '7.74.0', jammy: '7.81.0', focal: '7.68.0', buster: '7.64.0', noble: '8.5.0' };

const DEB = ['dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp', 'alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM NTLM_WB PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd'];
/** Per release: the libraries after libcurl, the release date (and the distribution's patch level), protocols, features. */
const BUILDS: Record<string, string[]> = {
  noble: ['OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7', '2023-12-06, security patched: 8.5.0-2ubuntu10.6', ...DEB],
  bookworm: ['OpenSSL/3.0.16 zlib/1.2.13 brotli/1.0.9 zstd/1.5.4 libidn2/2.3.3 libpsl/0.21.2 (+libidn2/2.3.3) libssh2/1.10.0 nghttp2/1.52.0 librtmp/2.3 OpenLDAP/2.5.13', '2023-02-20, security patched: 7.88.1-10+deb12u12', ...DEB],
  alpine: ['OpenSSL/3.3.3 zlib/1.3.1 brotli/1.1.0 zstd/1.5.6 c-ares/1.34.5 libidn2/2.3.7 libpsl/0.21.5 nghttp2/1.64.0', '2025-02-13', 'dict file ftp ftps gopher gophers http https imap imaps ipfs ipns mqtt pop3 pop3s rtsp smb smbs smtp smtps telnet tftp ws wss', 'alt-svc AsynchDNS brotli HSTS HTTP2 HTTPS-proxy IDN IPv6 Largefile libz NTLM PSL SSL threadsafe TLS-SRP UnixSockets zstd'],
};

/** `curl -V`. */
export function curlVersion(sh: ShellLike): string {
  const r = release(sh);
  const v = CURL[r] ?? CURL.noble;
  const b = BUILDS[r];
  const head = `curl ${v} (x86_64-${r === 'alpine' ? 'alpine-linux-musl' : 'pc-linux-gnu'}) libcurl/${v}`;
  return b ? `${head} ${b[0]}\nRelease-Date: ${b[1]}\nProtocols: ${b[2]}\nFeatures: ${b[3]}\n` : `${head}\nProtocols: ${DEB[0]}\nFeatures: ${DEB[1]}\n`;
}
