/**
 * The registry: real Docker Hub images with their layer structure, sizes (uncompressed, as the
 * overlay2 store reports them; compressed for pull progress), config and history. Images built
 * on the same base share that base's layers, so a pull prints `Already exists` for them.
 */
import type { ImageConfig } from '../api';
import { STD_PATH } from '../engine/shell/sh';
import { alpineRoot, busyboxRoot, debianRoot } from './content';

export interface LayerSpec {
  /** Identity of the layer: its digests are derived from it. */
  key: string;
  /** Uncompressed bytes. */
  size: number;
  /** Compressed blob bytes (what `Downloading` counts). */
  gz: number;
  /** Tree entries (see content.ts). */
  files: () => string[];
}

/** One history entry: the instruction, the layer it produced (if any), the comment. */
export type HistorySpec = [createdBy: string, layer?: LayerSpec, comment?: string];

export interface ImageSpec {
  repo: string;
  tags: string[];
  created: string;
  config: ImageConfig;
  history: HistorySpec[];
}

const PATH = 'PATH=' + STD_PATH;
const BK = 'buildkit.dockerfile.v0';
const layer = (key: string, size: number, gz: number, files: () => string[]): LayerSpec => ({ key, size, gz, files });
const bk = (createdBy: string, l?: LayerSpec): HistorySpec => [createdBy, l, BK];
const fill = (dir: string, ...names: string[]) => '+' + dir + ' ' + names.join(' ');

// --- base layers
const HELLO = layer('hello', 10072, 2459, () => ['/hello*10072']);
const BUSYBOX = layer('busybox-1.37.0', 4269000, 2152000, busyboxRoot);
const ALPINE = layer('alpine-3.21.3', 7834000, 3642000, alpineRoot);
const NOBLE = layer('ubuntu-24.04', 78130000, 29720000, () => debianRoot('osUbuntu'));
const BOOKWORM = layer('debian-bookworm', 117200000, 48490000, () => debianRoot('osBookworm'));
const BOOKWORM_SLIM = layer('debian-bookworm-slim', 74800000, 28230000, () => debianRoot('osBookworm'));
const BUSTER = layer('debian-buster', 114100000, 50450000, () => debianRoot('osBuster', true));
const ORACLE = layer('oraclelinux-9-slim', 119200000, 46120000, () => [
  '/bin>usr/bin', '/sbin>usr/sbin', '/lib>usr/lib', '/lib64>usr/lib64', '/etc/os-release:osOracle', '/root/', '/tmp/', '/var/lib/', '/home/',
  '/boot/', '/dev/', '/media/', '/mnt/', '/opt/', '/proc/', '/run/', '/srv/', '/sys/', '/usr/local/bin/',
  '/usr/bin/bash*1389064', '/usr/bin/sh>bash', '/usr/bin/microdnf*104480', '/usr/bin/ls*140936', '/usr/bin/cat*36992', '/usr/bin/echo*36904',
  fill('/usr/lib64', 'libc.so.6', 'libcrypto.so.3', 'libssl.so.3', 'libsqlite3.so.0', 'librpm.so.9', 'libdnf.so.2', 'libglib-2.0.so.0'),
]);

const deb = (os: string, ...n: string[]) => () => [fill('/usr/lib/x86_64-linux-gnu', ...n), '/usr/share/doc/' + os + '/', ...(BIN[os] ?? [])];
/** The programs buildpack-deps' layers put in PATH (the libraries fill the rest of the size). */
const BIN: Record<string, string[]> = { curl: ['/usr/bin/curl*260328', '/usr/bin/wget*515560', '/usr/bin/gpg*1063552'], git: ['/usr/bin/git*3660712', '/usr/bin/ssh*825632', '/usr/bin/ps*137688'], gcc: ['/usr/bin/gcc*1227000', '/usr/bin/g++*1231096', '/usr/bin/make*236424'] };
const CURL_BOOKWORM = layer('bookworm-curl', 24060000, 24030000, deb('curl', 'libcurl.so.4', 'libgssapi_krb5.so.2', 'libldap-2.5.so.0', 'libssh2.so.1'));
const SCM_BOOKWORM = layer('bookworm-scm', 71170000, 64390000, deb('git', 'libperl.so.5.36', 'libpython3.11.so.1', 'libsvn_client-1.so.1'));
const DEV_BOOKWORM = layer('bookworm-dev', 587300000, 211300000, deb('gcc', 'libLLVM-14.so.1', 'libgfortran.so.5', 'libasan.so.8', 'libMagickCore-6.Q16.so.6', 'libicudata.so.72', 'libmysqlclient.so.21', 'libpq.so.5'));
const CURL_BUSTER = layer('buster-curl', 17580000, 7860000, deb('curl', 'libcurl.so.4', 'libgssapi_krb5.so.2', 'libldap-2.4.so.2'));
const SCM_BUSTER = layer('buster-scm', 59570000, 10000000, deb('git', 'libperl.so.5.28', 'libpython2.7.so.1.0', 'libsvn_client-1.so.1'));
const DEV_BUSTER = layer('buster-dev', 512400000, 196800000, deb('gcc', 'libLLVM-7.so.1', 'libgfortran.so.5', 'libasan.so.5', 'libMagickCore-6.Q16.so.6', 'libicudata.so.63', 'libmariadb.so.3'));

// --- nginx (shares its entrypoint scripts between the Debian and Alpine variants)
const nginxScripts = (v: string) => [
  layer(`nginx-ep-${v}`, 1620, 628, () => ['/docker-entrypoint.sh*1620']),
  layer(`nginx-10-${v}`, 2125, 955, () => ['/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh*2125']),
  layer(`nginx-15-${v}`, 389, 405, () => ['/docker-entrypoint.d/15-local-resolvers.envsh*389']),
  layer(`nginx-20-${v}`, 3018, 1208, () => ['/docker-entrypoint.d/20-envsubst-on-templates.sh*3018']),
  layer(`nginx-30-${v}`, 4620, 1398, () => ['/docker-entrypoint.d/30-tune-worker-processes.sh*4620']),
];
const nginxFiles = (lib: string) => () => [
  '/etc/nginx/nginx.conf=648', '/etc/nginx/mime.types=5349', '/etc/nginx/conf.d/default.conf:nginxDefault',
  '/usr/share/nginx/html/index.html:nginxIndex', '/usr/share/nginx/html/50x.html=497', '/usr/sbin/nginx*1497752',
  '/var/log/nginx/access.log>/dev/stdout', '/var/log/nginx/error.log>/dev/stderr', '/var/cache/nginx/', '/etc/nginx/modules>/usr/lib/nginx/modules',
  fill(lib, 'libpcre2-8.so.0.11.2', 'libssl.so.3', 'libxml2.so.2', 'libxslt.so.1', 'libgd.so.3', 'libGeoIP.so.1'),
  fill('/usr/lib/nginx/modules', 'ngx_http_js_module.so', 'ngx_stream_js_module.so', 'ngx_http_image_filter_module.so', 'ngx_http_xslt_filter_module.so'),
];
const nginxHistory = (scripts: LayerSpec[]): HistorySpec[] => [
  bk('COPY docker-entrypoint.sh / # buildkit', scripts[0]),
  bk('COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit', scripts[1]),
  bk('COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit', scripts[2]),
  bk('COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit', scripts[3]),
  bk('COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit', scripts[4]),
  bk('ENTRYPOINT ["/docker-entrypoint.sh"]'),
  bk('EXPOSE map[80/tcp:{}]'),
  bk('STOPSIGNAL SIGQUIT'),
  bk('CMD ["nginx" "-g" "daemon off;"]'),
];
const NGINX_SCRIPTS = nginxScripts('1.27.5');
const NGINX_ALPINE_SCRIPTS = nginxScripts('1.27.5-alpine');

const nginxConfig = (env: string[]): ImageConfig => ({
  ExposedPorts: { '80/tcp': {} },
  Env: [PATH, 'NGINX_VERSION=1.27.5', ...env],
  Entrypoint: ['/docker-entrypoint.sh'],
  Cmd: ['nginx', '-g', 'daemon off;'],
  Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
  StopSignal: 'SIGQUIT',
});

const debuerreotype = (suite: string, l: LayerSpec, at: string): HistorySpec[] => [
  [`# debian.sh --arch 'amd64' out/ '${suite}' '@${at}'`, l, 'debuerreotype 0.15'],
];
const BOOKWORM_HIST = debuerreotype('bookworm', BOOKWORM, '1747699200');
const BOOKWORM_SLIM_HIST = debuerreotype('bookworm', BOOKWORM_SLIM, '1747699200');
const BUSTER_HIST = debuerreotype('buster', BUSTER, '1687132800');
const apt = (pkgs: string) => `RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends ${pkgs}; \trm -rf /var/lib/apt/lists/* # buildkit`;
const buildpackDeps = (base: HistorySpec[], curl: LayerSpec, scm: LayerSpec, dev: LayerSpec): HistorySpec[] => [
  ...base,
  bk(apt('ca-certificates curl gnupg netbase sq wget'), curl),
  bk(apt('git mercurial openssh-client subversion procps'), scm),
  bk(apt('autoconf automake bzip2 default-libmysqlclient-dev dpkg-dev file g++ gcc imagemagick libbz2-dev libc6-dev libcurl4-openssl-dev'), dev),
];

export const CATALOG: ImageSpec[] = [
  {
    repo: 'hello-world', tags: ['latest', 'linux'], created: '2025-01-21T23:32:32Z',
    config: { Env: [PATH], Cmd: ['/hello'] },
    history: [bk('COPY hello / # buildkit', HELLO), bk('CMD ["/hello"]')],
  },
  {
    repo: 'busybox', tags: ['latest', '1.37', '1.37.0', 'stable'], created: '2024-09-26T21:31:42Z',
    config: { Env: [PATH], Cmd: ['sh'] },
    history: [['BusyBox 1.37.0 (glibc), Debian 12', BUSYBOX, ''], ['CMD ["sh"]', undefined, '']],
  },
  {
    repo: 'alpine', tags: ['latest', '3', '3.21', '3.21.3'], created: '2025-02-14T03:28:36Z',
    config: { Env: [PATH], Cmd: ['/bin/sh'], WorkingDir: '/' },
    history: [bk('ADD alpine-minirootfs-3.21.3-x86_64.tar.gz / # buildkit', ALPINE), bk('CMD ["/bin/sh"]')],
  },
  {
    repo: 'ubuntu', tags: ['latest', '24.04', 'noble'], created: '2025-05-29T04:21:01Z',
    config: { Env: [PATH], Cmd: ['/bin/bash'], Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '24.04' } },
    history: [
      ['/bin/sh -c #(nop)  ARG RELEASE'],
      ['/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH'],
      ['/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu'],
      ['/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=24.04'],
      ['/bin/sh -c #(nop) ADD file:598ca0108009b5c2e9e6f4fc4bd19a6bcd604fccb5b9376fac14a75522a5cfa3 in / ', NOBLE],
      ['/bin/sh -c #(nop)  CMD ["/bin/bash"]'],
    ],
  },
  {
    repo: 'debian', tags: ['latest', '12', 'bookworm'], created: '2025-05-20T00:00:00Z',
    config: { Env: [PATH], Cmd: ['bash'] },
    history: BOOKWORM_HIST,
  },
  {
    repo: 'debian', tags: ['bookworm-slim', '12-slim'], created: '2025-05-20T00:00:00Z',
    config: { Env: [PATH], Cmd: ['bash'] },
    history: BOOKWORM_SLIM_HIST,
  },
  {
    repo: 'nginx', tags: ['latest', '1.27', '1.27.5', 'mainline', 'bookworm'], created: '2025-04-16T14:50:27Z',
    config: nginxConfig(['NJS_VERSION=0.8.10', 'NJS_RELEASE=1~bookworm', 'PKG_RELEASE=1~bookworm', 'DYNPKG_RELEASE=1~bookworm']),
    history: [
      ...BOOKWORM_SLIM_HIST,
      bk('LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>'),
      bk('ENV NGINX_VERSION=1.27.5'), bk('ENV NJS_VERSION=0.8.10'), bk('ENV NJS_RELEASE=1~bookworm'),
      bk('ENV PKG_RELEASE=1~bookworm'), bk('ENV DYNPKG_RELEASE=1~bookworm'),
      bk('RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update # buildkit',
        layer('nginx-1.27.5-bookworm', 117330000, 43990000, nginxFiles('/usr/lib/x86_64-linux-gnu'))),
      ...nginxHistory(NGINX_SCRIPTS),
    ],
  },
  {
    repo: 'nginx', tags: ['alpine', '1.27-alpine', '1.27.5-alpine', 'mainline-alpine'], created: '2025-04-16T16:07:45Z',
    config: nginxConfig(['PKG_RELEASE=1', 'DYNPKG_RELEASE=1', 'NJS_VERSION=0.8.10', 'NJS_RELEASE=1']),
    history: [
      bk('ADD alpine-minirootfs-3.21.3-x86_64.tar.gz / # buildkit', ALPINE), bk('CMD ["/bin/sh"]'),
      bk('LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>'),
      bk('ENV NGINX_VERSION=1.27.5'), bk('ENV PKG_RELEASE=1'), bk('ENV DYNPKG_RELEASE=1'),
      bk('RUN /bin/sh -c set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx # buildkit',
        layer('nginx-1.27.5-alpine-slim', 4980000, 1790000, nginxFiles('/usr/lib'))),
      ...nginxHistory(NGINX_ALPINE_SCRIPTS),
      bk('ENV NJS_VERSION=0.8.10'), bk('ENV NJS_RELEASE=1'),
      bk('RUN /bin/sh -c set -x     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="nginx=${NGINX_VERSION}-r${PKG_RELEASE} # buildkit',
        layer('nginx-1.27.5-alpine-njs', 35370000, 14420000, () => [fill('/usr/lib', 'libxml2.so.2', 'libxslt.so.1', 'libgd.so.3', 'libcurl.so.4', 'libgpg-error.so.0'), '/usr/bin/envsubst*47224', '/usr/bin/curl*251432', ...'curl brotli-libs c-ares libunistring libidn2 nghttp2-libs libpsl zstd-libs libcurl ca-certificates'.split(' ').map((p) => `/lib/apk/db/${p}=${p.length + 1}`)])),
    ],
  },
  {
    repo: 'httpd', tags: ['2.4', 'latest', '2', '2.4.63'], created: '2025-05-20T17:41:22Z',
    config: {
      ExposedPorts: { '80/tcp': {} },
      Env: ['PATH=/usr/local/apache2/bin:' + STD_PATH, 'HTTPD_PREFIX=/usr/local/apache2', 'HTTPD_VERSION=2.4.63', 'HTTPD_SHA256=88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab', 'HTTPD_PATCHES='],
      Cmd: ['httpd-foreground'], WorkingDir: '/usr/local/apache2', StopSignal: 'SIGWINCH',
    },
    history: [
      ...BOOKWORM_SLIM_HIST,
      bk('ENV HTTPD_PREFIX=/usr/local/apache2'),
      bk('ENV PATH=/usr/local/apache2/bin:' + STD_PATH),
      bk('RUN /bin/sh -c mkdir -p "$HTTPD_PREFIX"     && chown www-data:www-data "$HTTPD_PREFIX" # buildkit', layer('httpd-prefix', 0, 32, () => ['/usr/local/apache2/'])),
      bk('WORKDIR /usr/local/apache2'),
      bk(apt('ca-certificates libaprutil1-ldap libldap-common'), layer('httpd-deps', 9240000, 3720000, deb('apr', 'libapr-1.so.0', 'libaprutil-1.so.0', 'libldap-2.5.so.0'))),
      bk('ENV HTTPD_VERSION=2.4.63'),
      bk('ENV HTTPD_SHA256=88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab'),
      bk('ENV HTTPD_PATCHES='),
      bk('RUN /bin/sh -c set -eux;     savedAptMark="$(apt-mark showmanual)";     apt-get update; # buildkit', layer('httpd-2.4.63', 64010000, 25480000, () => [
        '/usr/local/apache2/bin/httpd*2473032', '/usr/local/apache2/bin/apachectl*3478', '/usr/local/apache2/conf/httpd.conf=20987', '/usr/local/apache2/htdocs/index.html:httpdIndex', '/usr/local/apache2/logs/', '/usr/local/apache2/cgi-bin/',
        fill('/usr/local/apache2/modules', 'mod_ssl.so', 'mod_proxy.so', 'mod_rewrite.so', 'mod_lua.so', 'mod_http2.so', 'mod_md.so'),
        '/usr/local/apache2/build/', '/usr/local/apache2/include/', fill('/usr/local/apache2/error', 'HTTP_NOT_FOUND.html.var', 'README'), fill('/usr/local/apache2/icons', 'apache_pb.png', 'README'),
      ])),
      bk('STOPSIGNAL SIGWINCH'),
      bk('COPY httpd-foreground /usr/local/bin/ # buildkit', layer('httpd-foreground', 138, 301, () => ['/usr/local/bin/httpd-foreground*138'])),
      bk('EXPOSE map[80/tcp:{}]'),
      bk('CMD ["httpd-foreground"]'),
    ],
  },
  {
    repo: 'node', tags: ['14', '14.21', '14.21.3', 'fermium', 'buster'], created: '2023-04-10T22:21:38Z',
    config: { Env: [PATH, 'NODE_VERSION=14.21.3', 'YARN_VERSION=1.22.19'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] },
    history: [
      ...buildpackDeps(BUSTER_HIST, CURL_BUSTER, SCM_BUSTER, DEV_BUSTER),
      bk('RUN /bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit', layer('node-user', 8910, 3800, () => ['/home/node/.bashrc=3526', '/home/node/.profile=807', '/home/node/.bash_logout=220', '/etc/passwd:passwdDeb'])),
      bk('ENV NODE_VERSION=14.21.3'),
      bk('RUN /bin/sh -c ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "${dpkgArch##*-}" in # buildkit', layer('node-14.21.3', 200650000, 35880000, () => ['/usr/local/bin/node*78413912', '/usr/local/bin/npm>../lib/node_modules/npm/bin/npm-cli.js', '/usr/local/bin/npx>../lib/node_modules/npm/bin/npx-cli.js', '/usr/local/lib/node_modules/npm/bin/npm-cli.js*4821', '/usr/local/lib/node_modules/npm/bin/npx-cli.js*4290', fill('/usr/local/lib/node_modules/npm', 'package.json', 'node_modules', 'docs'), fill('/usr/local/include/node', 'node.h', 'v8.h', 'uv.h')])),
      bk('ENV YARN_VERSION=1.22.19'),
      bk('RUN /bin/sh -c set -ex   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do # buildkit', layer('yarn-1.22.19', 7800000, 2290000, () => ['/usr/local/bin/yarn>/opt/yarn-v1.22.19/bin/yarn', '/usr/local/bin/yarnpkg>/opt/yarn-v1.22.19/bin/yarnpkg', '/opt/yarn-v1.22.19/bin/yarn*1015', '/opt/yarn-v1.22.19/bin/yarnpkg*42', fill('/opt/yarn-v1.22.19/lib', 'cli.js', 'v8-compile-cache.js')])),
      bk('COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', layer('node-ep', 388, 460, () => ['/usr/local/bin/docker-entrypoint.sh*388'])),
      bk('ENTRYPOINT ["docker-entrypoint.sh"]'),
      bk('CMD ["node"]'),
    ],
  },
  {
    repo: 'python', tags: ['latest', '3', '3.13', '3.13.3', 'bookworm'], created: '2025-06-04T01:14:42Z',
    config: { Env: ['PATH=/usr/local/bin:' + STD_PATH, 'LANG=C.UTF-8', 'GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305', 'PYTHON_VERSION=3.13.3', 'PYTHON_SHA256=40f868bcbdeb8149a3149580bb9bfd407b3321cd48f0be631af955ac92c0e041'], Cmd: ['python3'] },
    history: [
      ...buildpackDeps(BOOKWORM_HIST, CURL_BOOKWORM, SCM_BOOKWORM, DEV_BOOKWORM),
      bk('ENV PATH=/usr/local/bin:' + STD_PATH),
      bk('ENV LANG=C.UTF-8'),
      bk(apt('libbluetooth-dev tk-dev uuid-dev'), layer('python-deps', 20300000, 6250000, deb('tk', 'libtk8.6.so', 'libbluetooth.so.3'))),
      bk('ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305'),
      bk('ENV PYTHON_VERSION=3.13.3'),
      bk('ENV PYTHON_SHA256=40f868bcbdeb8149a3149580bb9bfd407b3321cd48f0be631af955ac92c0e041'),
      bk('RUN /bin/sh -c set -eux;     wget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; # buildkit', layer('python-3.13.3', 196700000, 26650000, () => ['/usr/local/bin/python3.13*17600', '/usr/local/bin/pip3*231', fill('/usr/local/lib/python3.13', 'site-packages', 'lib-dynload', 'encodings', 'asyncio', 'test'), fill('/usr/local/lib', 'libpython3.13.so.1.0')])),
      bk('RUN /bin/sh -c set -eux;     for src in idle3 pip3 pydoc3 python3 python3-config; do # buildkit', layer('python-links', 36, 249, () => ['/usr/local/bin/python3>python3.13', '/usr/local/bin/python>python3', '/usr/local/bin/pip>pip3'])),
      bk('CMD ["python3"]'),
    ],
  },
  {
    repo: 'mysql', tags: ['latest', '9', '9.3', '9.3.0', 'oraclelinux9'], created: '2025-04-22T22:55:26Z',
    config: {
      ExposedPorts: { '3306/tcp': {}, '33060/tcp': {} },
      Env: [PATH, 'GOSU_VERSION=1.17', 'MYSQL_MAJOR=innovation', 'MYSQL_VERSION=9.3.0-1.el9', 'MYSQL_SHELL_VERSION=9.3.0-1.el9'],
      Entrypoint: ['docker-entrypoint.sh'], Cmd: ['mysqld'], Volumes: { '/var/lib/mysql': {} },
    },
    history: [
      ['Oracle Linux 9 slim', ORACLE, ''],
      bk('RUN /bin/sh -c set -eux;     groupadd --system --gid 999 mysql;     useradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql # buildkit', layer('mysql-user', 2210, 1180, () => ['/etc/group=510', '/etc/passwd=1700'])),
      bk('ENV GOSU_VERSION=1.17'),
      bk('RUN /bin/sh -c set -eux;     arch="$(uname -m)";     case "$arch" in # buildkit', layer('gosu-1.17', 4340000, 1080000, () => ['/usr/local/bin/gosu*4340000'])),
      bk('RUN /bin/sh -c set -eux;     microdnf install -y     bzip2     gzip     openssl     xz     zstd     findutils ; # buildkit', layer('ol9-tools', 48800000, 19100000, () => [fill('/usr/lib64', 'libzstd.so.1', 'liblzma.so.5', 'libbz2.so.1'), '/usr/bin/gzip*92904', '/usr/bin/find*204496'])),
      bk('ENV MYSQL_MAJOR=innovation'),
      bk('ENV MYSQL_VERSION=9.3.0-1.el9'),
      bk('RUN /bin/sh -c set -eux;     microdnf install -y     mysql-community-server-minimal-"$MYSQL_VERSION" # buildkit', layer('mysql-9.3.0', 591300000, 112300000, () => ['/usr/sbin/mysqld*78612120', '/usr/bin/mysql*7811288', '/var/lib/mysql/', '/var/lib/mysql-files/', '/etc/my.cnf=1317', fill('/usr/lib64/mysql', 'plugin', 'private'), fill('/usr/share/mysql-9.3', 'english', 'charsets', 'messages_to_error_log.txt')])),
      bk('VOLUME [/var/lib/mysql]'),
      bk('ENV MYSQL_SHELL_VERSION=9.3.0-1.el9'),
      bk('RUN /bin/sh -c set -eux;     microdnf install -y "mysql-shell-$MYSQL_SHELL_VERSION"; # buildkit', layer('mysql-shell-9.3.0', 31000000, 23600000, () => ['/usr/bin/mysqlsh*31000000'])),
      bk('COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', layer('mysql-ep', 16264, 5050, () => ['/usr/local/bin/docker-entrypoint.sh*16264'])),
      bk('ENTRYPOINT ["docker-entrypoint.sh"]'),
      bk('EXPOSE map[3306/tcp:{} 33060/tcp:{}]'),
      bk('CMD ["mysqld"]'),
    ],
  },
];

/** The catalogue entry for a repository path (`library/x` or `x`) and tag. */
export function findImage(repo: string, tag: string): ImageSpec | undefined {
  const name = repo.replace(/^library\//, '');
  return CATALOG.find((i) => i.repo === name && i.tags.includes(tag));
}

export const hasRepository = (repo: string): boolean => CATALOG.some((i) => i.repo === repo.replace(/^library\//, ''));
