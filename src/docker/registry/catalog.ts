/**
 * The registry: real Docker Hub images with their layer structure, sizes (uncompressed, as the
 * overlay2 store reports them; compressed for pull progress), config and history. Images built
 * on the same base share that base's layers, so a pull prints `Already exists` for them.
 */
import type { ImageConfig } from '../api';
import { sha256 } from '../common/hash';
import { STD_PATH } from '../engine/shell/sh';
import { NGINX_OLD_BINS, NGINX_STABLE_BIN } from '../engine/shell/nginx';
import { COREUTILS, TEXT, alpineRoot, busyboxRoot, debianRoot } from './rootfs';

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
const layer = (key: string, size: number, gz: number, files: () => string[]): LayerSpec => ({ key, size, gz, files });
const fill = (dir: string, ...names: string[]) => '+' + dir + ' ' + names.join(' ');

/**
 * A Dockerfile's instructions (one a line) as BuildKit records them in the history: RUN runs in
 * `/bin/sh -c`; RUN, COPY and ADD are marked `# buildkit` and each produced the next of `layers`.
 */
function dockerfile(lines: string, ...layers: LayerSpec[]): HistorySpec[] {
  return lines.trim().split('\n').map((line) => {
    if (!/^(RUN|COPY|ADD) /.test(line)) return [line, undefined, 'buildkit.dockerfile.v0'];
    return [line.replace(/^RUN (?!\|)/, 'RUN /bin/sh -c ') + ' # buildkit', layers.shift(), 'buildkit.dockerfile.v0'];
  });
}
/**
 * The classic builder's history (official images built before BuildKit): other instructions
 * behind `/bin/sh -c #(nop)`, RUN as its bare shell command, no comment; RUN, ADD and COPY each
 * produced the next of `layers`.
 */
function legacy(lines: string, ...layers: LayerSpec[]): HistorySpec[] {
  return lines.trim().split('\n').map((line) => {
    if (line.startsWith('RUN ')) return ['/bin/sh -c ' + line.slice(4), layers.shift()];
    const file = /^(ADD|COPY) /.test(line);
    return [file ? `/bin/sh -c #(nop) ${line} ` : `/bin/sh -c #(nop)  ${line}`, file ? layers.shift() : undefined];
  });
}
/** Each of `names` with suffix `a`, then with suffix `b`: a variant's tags (`3.12-slim`, `3.12-slim-bookworm`). */
const tagsOf = (names: string[], a: string, b: string) => [...names.map((n) => n + a), ...names.map((n) => n + b)];
const apt = (pkgs: string) => `RUN set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends ${pkgs}; \trm -rf /var/lib/apt/lists/*`;

// --- base layers
const ALPINE = layer('alpine-3.21.3', 7834000, 3642000, alpineRoot);
const NOBLE = layer('ubuntu-24.04', 78130000, 29720000, () => debianRoot('osUbuntu'));
const JAMMY = layer('ubuntu-22.04', 77860000, 29540000, () => debianRoot('osJammy'));
const OS_RELEASE_ORACLE = 'NAME="Oracle Linux Server"\nVERSION="9.6"\nID="ol"\nVERSION_ID="9.6"\nPRETTY_NAME="Oracle Linux Server 9.6"\n';
const ORACLE9 = () => [
  '/bin>usr/bin', '/sbin>usr/sbin', '/lib>usr/lib', '/lib64>usr/lib64', '/etc/os-release:' + OS_RELEASE_ORACLE, '/root/', '/tmp/', '/var/lib/', '/home/',
  '/boot/', '/dev/', '/media/', '/mnt/', '/opt/', '/proc/', '/run/', '/srv/', '/sys/', '/usr/local/bin/',
  '/usr/bin/bash*1389064', '/usr/bin/sh>bash', '/usr/bin/microdnf*104480', '/usr/bin/grep*160928', '/usr/bin/sed*123720', '/usr/bin/gawk*722184', '/usr/bin/awk>gawk',
  // coreutils-single: one binary the utilities link to
  '/usr/bin/coreutils*1358008', ...COREUTILS.split(' ').map((n) => `/usr/bin/${n}>coreutils`),
  fill('/usr/lib64', 'libc.so.6', 'libcrypto.so.3', 'libssl.so.3', 'libsqlite3.so.0', 'librpm.so.9', 'libdnf.so.2', 'libglib-2.0.so.0'),
];
const ORACLE = layer('oraclelinux-9-slim', 119200000, 46120000, ORACLE9);
/** oraclelinux:7-slim (7.9, the base of mysql 5.7): yum where 9 has microdnf, OpenSSL 1.0 (.so.10). */
const ORACLE7 = layer('oraclelinux-7-slim', 133300000, 50496653, () => ORACLE9().map((e) => e.replace(/9\.6/g, '7.9').replace('microdnf', 'yum').replace(/\.so\.3\b/g, '.so.10')));
/** An alpine image: its minirootfs, unpacked. */
const alpineHist = (l: LayerSpec, v: string) => dockerfile(`
ADD alpine-minirootfs-${v}-x86_64.tar.gz /
CMD ["/bin/sh"]`, l);
const ALPINE_HIST = alpineHist(ALPINE, '3.21.3');
/** alpine:X.Y of an older branch: its point release of the same day as 3.21.3, built minutes apart. */
const alpine = (v: string, time: string, size: number, gz: number): ImageSpec => ({
  repo: 'alpine', tags: [v.replace(/\.\d+$/, ''), v], created: `2025-02-14T${time}Z`, config: { Env: [PATH], Cmd: ['/bin/sh'], WorkingDir: '/' },
  history: alpineHist(layer('alpine-' + v, size, gz, () => alpineRoot(v)), v),
});
/** ubuntu:X.Y as Canonical's Launchpad builds it: the classic builder, one layer. */
const ubuntu = (tags: string[], v: string, created: string, l: LayerSpec, file = sha256(v)): ImageSpec => ({
  repo: 'ubuntu', tags, created,
  config: { Env: [PATH], Cmd: ['/bin/bash'], Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': v } },
  history: legacy(`
ARG RELEASE
ARG LAUNCHPAD_BUILD_ARCH
LABEL org.opencontainers.image.ref.name=ubuntu
LABEL org.opencontainers.image.version=${v}
ADD file:${file} in /
CMD ["/bin/bash"]`, l),
});
/** alpine 3.20, also the base of nginx 1.26's last alpine build. */
const ALPINE320 = alpine('3.20.6', '03:00:07', 7800000, 3626897);
const UBUNTU_NOBLE = ubuntu(['latest', '24.04', 'noble'], '24.04', '2025-05-29T04:21:01Z', NOBLE, '598ca0108009b5c2e9e6f4fc4bd19a6bcd604fccb5b9376fac14a75522a5cfa3');

/** Debian as debuerreotype builds it: one layer, the rootfs of `suite` at a snapshot time. */
const debuerreotype = (suite: string, l: LayerSpec, at: string): HistorySpec[] => [
  [`# debian.sh --arch 'amd64' out/ '${suite}' '@${at}'`, l, 'debuerreotype 0.15'],
];
const BOOKWORM_HIST = debuerreotype('bookworm', layer('debian-bookworm', 117200000, 48490000, () => debianRoot('osBookworm')), '1747699200');
const BOOKWORM_SLIM_HIST = debuerreotype('bookworm', layer('debian-bookworm-slim', 74800000, 28230000, () => debianRoot('osBookworm')), '1747699200');
// bullseye never merged /usr
const bullseye = (k: string, size: number, gz: number) => debuerreotype('bullseye', layer(k, size, gz, () => debianRoot('osBullseye', true)), '1747699200');
const debian = (tags: string[], history: HistorySpec[]): ImageSpec => ({ repo: 'debian', tags, created: '2025-05-20T00:00:00Z', config: { Env: [PATH], Cmd: ['bash'] }, history });

const deb = (os: string, ...n: string[]) => () => [fill('/usr/lib/x86_64-linux-gnu', ...n), '/usr/share/doc/' + os + '/', ...(BIN[os] ?? [])];
/** The programs buildpack-deps' layers put in PATH (the libraries fill the rest of the size); mercurial brings Debian's python3. */
const BIN: Record<string, string[]> = { curl: ['/usr/bin/curl*260328', '/usr/bin/wget*515560', '/usr/bin/gpg*1063552'], git: ['/usr/bin/git*3660712', '/usr/bin/ssh*825632', '/usr/bin/ps*137688', '/usr/bin/python3.11*6831736', '/usr/bin/python3>python3.11'], gcc: ['/usr/bin/gcc*1227000', '/usr/bin/g++*1231096', '/usr/bin/make*236424'] };
/** buildpack-deps (curl, scm, then the full toolchain) on a Debian base. */
const buildpackDeps = (base: HistorySpec[], curl: LayerSpec, scm: LayerSpec, dev: LayerSpec): HistorySpec[] => [...base, ...dockerfile(`
${apt('ca-certificates curl gnupg netbase sq wget')}
${apt('git mercurial openssh-client subversion procps')}
${apt('autoconf automake bzip2 default-libmysqlclient-dev dpkg-dev file g++ gcc imagemagick libbz2-dev libc6-dev libcurl4-openssl-dev')}`, curl, scm, dev)];

/** buildpack-deps:bookworm on `base`, its layers' keys suffixed with `s` and compressed to `gz`. */
const buildpackBookworm = (s: string, base: HistorySpec[], gz: number[]) => buildpackDeps(base,
  layer('bookworm-curl' + s, 24060000, gz[0], deb('curl', 'libcurl.so.4', 'libgssapi_krb5.so.2', 'libldap-2.5.so.0', 'libssh2.so.1')),
  layer('bookworm-scm' + s, 71170000, gz[1], deb('git', 'libperl.so.5.36', 'libpython3.11.so.1', 'libsvn_client-1.so.1')),
  layer('bookworm-dev' + s, 587300000, gz[2], deb('gcc', 'libLLVM-14.so.1', 'libgfortran.so.5', 'libasan.so.8', 'libMagickCore-6.Q16.so.6', 'libicudata.so.72', 'libmysqlclient.so.21', 'libpq.so.5')),
);
/** buildpack-deps:bookworm, the base of python and node: pulling one after the other finds these layers. */
const BUILDPACK_BOOKWORM = buildpackBookworm('', BOOKWORM_HIST, [24030000, 64390000, 211300000]);
/** Debian 12.10 of April 28 and its buildpack-deps: the last node:18 was built on them, so it shares no layer with today's. */
const bookworm0428 = (k: string, size: number, gz: number) => debuerreotype('bookworm', layer(k, size, gz, () => debianRoot('osBookworm10')), '1745798400');
const BUILDPACK_BOOKWORM_0428 = buildpackBookworm('-20250428', bookworm0428('debian-bookworm-20250428', 117200000, 48491199), [24011181, 64394427, 211356050]);

// --- nginx (shares its entrypoint scripts between the Debian and Alpine variants)
const nginxScripts = (v: string) => dockerfile(`
COPY docker-entrypoint.sh /
COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d
COPY 15-local-resolvers.envsh /docker-entrypoint.d
COPY 20-envsubst-on-templates.sh /docker-entrypoint.d
COPY 30-tune-worker-processes.sh /docker-entrypoint.d
ENTRYPOINT ["/docker-entrypoint.sh"]
EXPOSE map[80/tcp:{}]
STOPSIGNAL SIGQUIT
CMD ["nginx" "-g" "daemon off;"]`,
  layer(`nginx-ep-${v}`, 1620, 628, () => ['/docker-entrypoint.sh*1620']),
  layer(`nginx-10-${v}`, 2125, 955, () => ['/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh*2125']),
  layer(`nginx-15-${v}`, 389, 405, () => ['/docker-entrypoint.d/15-local-resolvers.envsh*389']),
  layer(`nginx-20-${v}`, 3018, 1208, () => ['/docker-entrypoint.d/20-envsubst-on-templates.sh*3018']),
  layer(`nginx-30-${v}`, 4620, 1398, () => ['/docker-entrypoint.d/30-tune-worker-processes.sh*4620']),
);
/** The welcome page and default server of the nginx packages. */
const NGINX_INDEX = '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\nhtml { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n\n<p>For online documentation and support please refer to\n<a href="http://nginx.org/">nginx.org</a>.<br/>\nCommercial support is available at\n<a href="http://nginx.com/">nginx.com</a>.</p>\n\n<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n';
/** The page of error_page 500 502 503 504: index.html's head under another title. */
const NGINX_50X = NGINX_INDEX.slice(0, NGINX_INDEX.indexOf('<body>')).replace('Welcome to nginx!', 'Error') + '<body>\n<h1>An error occurred.</h1>\n<p>Sorry, the page you are looking for is currently unavailable.<br/>\nPlease try again later.</p>\n<p>If you are the system administrator of this resource then you should check\nthe error log for details.</p>\n<p><em>Faithfully yours, nginx.</em></p>\n</body>\n</html>\n';
export const NGINX_DEFAULT_CONF = 'server {\n    listen       80;\n    server_name  localhost;\n\n    #access_log  /var/log/nginx/host.access.log  main;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n\n    #error_page  404              /404.html;\n\n    # redirect server error pages to the static page /50x.html\n    #\n    error_page   500 502 503 504  /50x.html;\n    location = /50x.html {\n        root   /usr/share/nginx/html;\n    }\n\n    # proxy the PHP scripts to Apache listening on 127.0.0.1:80\n    #\n    #location ~ \\.php$ {\n    #    proxy_pass   http://127.0.0.1;\n    #}\n\n    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000\n    #\n    #location ~ \\.php$ {\n    #    root           html;\n    #    fastcgi_pass   127.0.0.1:9000;\n    #    fastcgi_index  index.php;\n    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;\n    #    include        fastcgi_params;\n    #}\n\n    # deny access to .htaccess files, if Apache\'s document root\n    # concurs with nginx\'s one\n    #\n    #location ~ /\\.ht {\n    #    deny  all;\n    #}\n}\n';
/** The packages' nginx.conf, the file a class opens first. */
const NGINX_CONF = `\nuser  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n\n\nhttp {\n    include       /etc/nginx/mime.types;\n    default_type  application/octet-stream;\n\n    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '\n                      '$status $body_bytes_sent "$http_referer" '\n                      '"$http_user_agent" "$http_x_forwarded_for"';\n\n    access_log  /var/log/nginx/access.log  main;\n\n    sendfile        on;\n    #tcp_nopush     on;\n\n    keepalive_timeout  65;\n\n    #gzip  on;\n\n    include /etc/nginx/conf.d/*.conf;\n}\n`;
const nginxFiles = (lib: string, bin: number) => () => [
  // the user the Dockerfile's RUN adds (groupadd/useradd, addgroup/adduser on Alpine)
  ...(lib === '/usr/lib'
    ? ['/etc/passwd:' + TEXT.passwdAlpine + 'nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin\n', '/etc/group:' + TEXT.groupAlpine + 'nginx:x:101:nginx\n']
    : ['/etc/passwd:' + TEXT.passwdDeb + 'nginx:x:101:101:nginx user:/nonexistent:/bin/false\n', '/etc/group:' + TEXT.groupDeb + 'nginx:x:101:\n']),
  '/etc/nginx/nginx.conf:' + NGINX_CONF, '/etc/nginx/mime.types=5349', '/etc/nginx/conf.d/default.conf:' + NGINX_DEFAULT_CONF,
  '/usr/share/nginx/html/index.html:' + NGINX_INDEX, '/usr/share/nginx/html/50x.html:' + NGINX_50X, '/usr/sbin/nginx*' + bin,
  '/var/log/nginx/access.log>/dev/stdout', '/var/log/nginx/error.log>/dev/stderr', '/var/cache/nginx/', '/etc/nginx/modules>/usr/lib/nginx/modules',
  // both variants install curl (for their DNS-SD registration) and gettext's envsubst
  '/usr/bin/curl*' + (lib === '/usr/lib' ? 247576 : 260328), '/usr/bin/envsubst*35184',
  fill(lib, 'libpcre2-8.so.0.11.2', 'libssl.so.3', 'libxml2.so.2', 'libxslt.so.1', 'libgd.so.3', 'libGeoIP.so.1'),
  fill('/usr/lib/nginx/modules', 'ngx_http_js_module.so', 'ngx_stream_js_module.so', 'ngx_http_image_filter_module.so', 'ngx_http_xslt_filter_module.so'),
];
const nginxConfig = (v: string, env: string[]): ImageConfig => ({
  ExposedPorts: { '80/tcp': {} },
  Env: [PATH, 'NGINX_VERSION=' + v, ...env],
  Entrypoint: ['/docker-entrypoint.sh'],
  Cmd: ['nginx', '-g', 'daemon off;'],
  Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
  StopSignal: 'SIGQUIT',
});

/**
 * The packages' release variables: njs `NJS_VERSION NJS_RELEASE`, then DYNPKG_RELEASE when the
 * release had it (1.25 had none), with Debian's suffix.
 */
const njsEnv = (njs: string, deb: string) => {
  const [n, r, d] = njs.split(' ');
  return ['NJS_VERSION=' + n, 'NJS_RELEASE=' + r + deb, 'PKG_RELEASE=1' + deb, ...(d ? ['DYNPKG_RELEASE=' + d + deb] : [])];
};
/** nginx.org's packages for bookworm on debian:bookworm-slim; `bin` (the binary's size) tells its programs the release (shell/nginx.ts). */
const nginxDebian = (tags: string[], v: string, created: string, bin: number, sizes: number[], njs = '0.8.10 1 1', base = BOOKWORM_SLIM_HIST): ImageSpec => ({
  repo: 'nginx', tags, created,
  config: nginxConfig(v, njsEnv(njs, '~bookworm')),
  history: [...base, ...dockerfile(`
LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>
ENV NGINX_VERSION=${v}
${njsEnv(njs, '~bookworm').map((e) => 'ENV ' + e).join('\n')}
RUN set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update`,
  layer(`nginx-${v}-bookworm`, sizes[0], sizes[1], nginxFiles('/usr/lib/x86_64-linux-gnu', bin))), ...nginxScripts(v)],
});
/** The alpine variant: the slim image's nginx, then njs and its libraries in a layer of their own. */
const nginxAlpine = (tags: string[], v: string, created: string, bin: number, sizes: number[], njs = '0.8.10 1 1', base = ALPINE_HIST): ImageSpec => {
  // PKG_RELEASE and DYNPKG_RELEASE come first here, njs's after the entrypoint's scripts
  const [n, r, ...pkg] = njsEnv(njs, '');
  return {
    repo: 'nginx', tags, created,
    config: nginxConfig(v, [...pkg, n, r]),
    history: [...base, ...dockerfile(`
LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>
ENV NGINX_VERSION=${v}
${pkg.map((e) => 'ENV ' + e).join('\n')}
RUN set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx`,
    layer(`nginx-${v}-alpine-slim`, sizes[0], sizes[1], nginxFiles('/usr/lib', bin))), ...nginxScripts(v + '-alpine'), ...dockerfile(`
ENV ${n}
ENV ${r}
RUN set -x     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="nginx=\${NGINX_VERSION}-r\${PKG_RELEASE}`,
    layer(`nginx-${v}-alpine-njs`, sizes[2], sizes[3], () => [fill('/usr/lib', 'libxml2.so.2', 'libxslt.so.1', 'libgd.so.3', 'libcurl.so.4', 'libgpg-error.so.0'), '/usr/bin/envsubst*47224', '/usr/bin/curl*251432', ...'curl brotli-libs c-ares libunistring libidn2 nghttp2-libs libpsl zstd-libs libcurl ca-certificates'.split(' ').map((p) => `/lib/apk/db/${p}=${p.length + 1}`)]))],
  };
};

/**
 * mysql on Oracle Linux 9 slim: the LTS (8.4) and innovation (9.x) images are built alike at the
 * same time and share only the base layer.
 */
function mysql(tags: string[], v: string, major: string, created = '2025-04-22T22:55:26Z'): ImageSpec {
  const el = v + '-1.el9';
  const minor = v.slice(0, 3);
  return {
    repo: 'mysql', tags, created,
    config: {
      ExposedPorts: { '3306/tcp': {}, '33060/tcp': {} },
      Env: [PATH, 'GOSU_VERSION=1.17', 'MYSQL_MAJOR=' + major, 'MYSQL_VERSION=' + el, 'MYSQL_SHELL_VERSION=' + el],
      Entrypoint: ['docker-entrypoint.sh'], Cmd: ['mysqld'], Volumes: { '/var/lib/mysql': {} },
    },
    history: dockerfile(`
ADD oraclelinux-9-slim-amd64-rootfs.tar.xz /
CMD ["/bin/bash"]
RUN set -eux; \tgroupadd --system --gid 999 mysql; \tuseradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql
ENV GOSU_VERSION=1.17
RUN set -eux; \tarch="$(uname -m)"; \tcase "$arch" in
RUN set -eux; \tmicrodnf install -y \t\tbzip2 \t\tgzip \t\topenssl \t\txz \t\tzstd \t\tfindutils \t; \tmicrodnf clean all
ENV MYSQL_MAJOR=${major}
ENV MYSQL_VERSION=${el}
RUN set -eux; \tmicrodnf install -y "mysql-community-server-minimal-$MYSQL_VERSION";
VOLUME [/var/lib/mysql]
ENV MYSQL_SHELL_VERSION=${el}
RUN set -eux; \tmicrodnf install -y "mysql-shell-$MYSQL_SHELL_VERSION";
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
EXPOSE map[3306/tcp:{} 33060/tcp:{}]
CMD ["mysqld"]`,
    ORACLE,
    layer('mysql-user-' + v, 2210, 1180, () => ['/etc/group:' + TEXT.groupEl + 'mysql:x:999:\n', '/etc/passwd:' + TEXT.passwdEl + 'mysql:x:999:999::/var/lib/mysql:/bin/bash\n']),
    layer('gosu-1.17-' + v, 4340000, 1080000, () => ['/usr/local/bin/gosu*4340000']),
    layer('ol9-tools-' + v, 48800000, 19100000, () => [fill('/usr/lib64', 'libzstd.so.1', 'liblzma.so.5', 'libbz2.so.1'), '/usr/bin/gzip*92904', '/usr/bin/find*204496']),
    layer('mysql-' + v, 591300000, 112300000, () => ['/usr/sbin/mysqld*78612120', '/usr/bin/mysql*7811288', '/usr/bin/mysqldump*7721784', '/var/lib/mysql/', '/var/lib/mysql-files/', '/etc/my.cnf=1317', fill('/usr/lib64/mysql', 'plugin', 'private'), fill('/usr/share/mysql-' + minor, 'english', 'charsets', 'messages_to_error_log.txt')]),
    layer('mysql-shell-' + v, 31000000, 23600000, () => ['/usr/bin/mysqlsh*31000000']),
    layer('mysql-ep-' + v, 16264, 5050, () => ['/usr/local/bin/docker-entrypoint.sh*16264'])),
  };
}

/** mysql 5.7 (5.7.44, its last release): Oracle Linux 7 with yum, gosu 1.16 and mysql-shell 8.0; left as built in October 2023. */
const MYSQL57: ImageSpec = {
  repo: 'mysql', tags: ['5', '5.7', '5.7.44', '5-oracle', '5.7-oracle', '5.7.44-oracle'], created: '2023-10-24T16:15:11Z',
  config: {
    ExposedPorts: { '3306/tcp': {}, '33060/tcp': {} },
    Env: [PATH, 'GOSU_VERSION=1.16', 'MYSQL_MAJOR=5.7', 'MYSQL_VERSION=5.7.44-1.el7', 'MYSQL_SHELL_VERSION=8.0.35-1.el7'],
    Entrypoint: ['docker-entrypoint.sh'], Cmd: ['mysqld'], Volumes: { '/var/lib/mysql': {} },
  },
  history: [...legacy(`
ADD file:2726e2d5d9aaf4024ea489d9049884aa06c0c95d6111037ba29987ba029ddc44 in /
CMD ["/bin/bash"]`, ORACLE7), ...dockerfile(`
RUN set -eux; \tgroupadd --system --gid 999 mysql; \tuseradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql
ENV GOSU_VERSION=1.16
RUN set -eux; \tarch="$(uname -m)"; \tcase "$arch" in
RUN set -eux; \tyum install -y --setopt=skip_missing_names_on_install=False oracle-epel-release-el7;
RUN set -eux; \tkey='859BE8D7C586F538430B19C2467B942D3A79BD29';
ENV MYSQL_MAJOR=5.7
ENV MYSQL_VERSION=5.7.44-1.el7
RUN set -eu; \t. /etc/os-release; \t{ \t\techo '[mysql5.7-server-minimal]';
RUN set -eux; \tyum install -y --setopt=skip_missing_names_on_install=False "mysql-community-server-minimal-$MYSQL_VERSION";
RUN set -eu; \t. /etc/os-release; \t{ \t\techo '[mysql-tools-community]';
ENV MYSQL_SHELL_VERSION=8.0.35-1.el7
RUN set -eux; \tyum install -y --setopt=skip_missing_names_on_install=False "mysql-shell-$MYSQL_SHELL_VERSION";
VOLUME [/var/lib/mysql]
COPY docker-entrypoint.sh /usr/local/bin/
RUN ln -s usr/local/bin/docker-entrypoint.sh /entrypoint.sh # backwards compat
ENTRYPOINT ["docker-entrypoint.sh"]
EXPOSE map[3306/tcp:{} 33060/tcp:{}]
CMD ["mysqld"]`,
  layer('mysql-user-5.7', 2210, 868, () => ['/etc/group:' + TEXT.groupEl + 'mysql:x:999:\n', '/etc/passwd:' + TEXT.passwdEl + 'mysql:x:999:999::/var/lib/mysql:/bin/bash\n']),
  layer('gosu-1.16', 2290000, 983550, () => ['/usr/local/bin/gosu*2290000']),
  layer('ol7-tools', 13600000, 4581821, () => [fill('/usr/lib64', 'libzstd.so.1', 'libbz2.so.1'), '/usr/bin/xz*79640']),
  layer('mysql-key-5.7', 4430, 3077, () => ['/etc/pki/rpm-gpg/RPM-GPG-KEY-mysql=4430']),
  layer('mysql-repo-5.7', 248, 331, () => ['/etc/yum.repos.d/mysql-community-minimal.repo=248']),
  layer('mysql-5.7.44', 116100000, 25525680, () => ['/usr/sbin/mysqld*46263368', '/usr/bin/mysql*4818960', '/var/lib/mysql/', '/var/run/mysqld/', '/docker-entrypoint-initdb.d/', '/etc/my.cnf=1320', '/etc/mysql/conf.d/', '/etc/mysql/mysql.conf.d/', fill('/usr/lib64/mysql', 'plugin', 'private'), fill('/usr/share/mysql', 'english', 'charsets')]),
  layer('mysql-tools-repo-5.7', 233, 317, () => ['/etc/yum.repos.d/mysql-community-tools.repo=233']),
  layer('mysql-shell-8.0.35', 235700000, 56295470, () => ['/usr/bin/mysqlsh*36271376', fill('/usr/lib/mysqlsh', 'libpython3.9.so.1.0', 'lib')]),
  layer('mysql-ep-5.7', 14530, 5390, () => ['/usr/local/bin/docker-entrypoint.sh*14530']),
  layer('mysql-ln-5.7', 34, 122, () => ['/entrypoint.sh>usr/local/bin/docker-entrypoint.sh']))],
};

// --- mongo: MongoDB's packages on ubuntu (8.0 on noble, 7.0 on jammy), run as the mongodb user by gosu.
function mongo(tags: string[], v: string, created: string, size: number, gz: number): ImageSpec {
  const noble = v > '8';
  const k = 'mongo-' + v;
  const args = 'RUN |2 MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org /bin/sh -c ';
  return {
    repo: 'mongo', tags, created,
    config: {
      ExposedPorts: { '27017/tcp': {} }, Env: [PATH, 'GOSU_VERSION=1.17', 'JSYAML_VERSION=3.13.1', 'MONGO_PACKAGE=mongodb-org', 'MONGO_REPO=repo.mongodb.org', 'MONGO_MAJOR=' + v.slice(0, 3), 'MONGO_VERSION=' + v, 'HOME=/data/db'],
      Entrypoint: ['docker-entrypoint.sh'], Cmd: ['mongod'], Volumes: { '/data/configdb': {}, '/data/db': {} },
    },
    history: [...(noble ? UBUNTU_NOBLE.history : ubuntu([], '22.04', '', JAMMY).history), ...dockerfile(`
RUN set -eux; \tgroupadd --gid 999 --system mongodb; \tuseradd --uid 999 --system --gid mongodb --home-dir /data/db mongodb;
${apt('ca-certificates jq numactl procps')}
ENV GOSU_VERSION=1.17
ENV JSYAML_VERSION=3.13.1
RUN set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update;
RUN mkdir /docker-entrypoint-initdb.d
ARG MONGO_PACKAGE=mongodb-org
ARG MONGO_REPO=repo.mongodb.org
ENV MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org
ENV MONGO_MAJOR=${v.slice(0, 3)}
${args}echo "deb [ signed-by=/etc/apt/keyrings/mongodb.asc ] http://$MONGO_REPO/apt/ubuntu ${noble ? 'noble' : 'jammy'}/\${MONGO_PACKAGE%-unstable}/$MONGO_MAJOR multiverse" | tee "/etc/apt/sources.list.d/\${MONGO_PACKAGE%-unstable}.list"
ENV MONGO_VERSION=${v}
${args}set -x \t&& export DEBIAN_FRONTEND=noninteractive \t&& apt-get update
VOLUME [/data/db /data/configdb]
ENV HOME=/data/db
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
EXPOSE map[27017/tcp:{}]
CMD ["mongod"]`,
    layer(k + '-user', 3740, 1170, () => ['/etc/passwd:' + TEXT.passwdDeb + (noble ? 'ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n' : '') + 'mongodb:x:999:999::/data/db:/bin/sh\n', '/etc/group:' + TEXT.groupDeb + (noble ? 'ubuntu:x:1000:\n' : '') + 'mongodb:x:999:\n', '/data/db/', '/data/configdb/']),
    layer(k + '-deps', 6410000, 2480000, () => ['/usr/bin/jq*31240', '/usr/bin/numactl*59784', '/usr/bin/ps*137688', '/etc/ssl/certs/ca-certificates.crt=219342', fill('/usr/lib/x86_64-linux-gnu', 'libjq.so.1', 'libonig.so.5')]),
    layer(k + '-gosu', 4760000, 1380000, () => ['/usr/local/bin/gosu*2285568', '/opt/js-yaml/js-yaml.js=100814', '/js-yaml.js>/opt/js-yaml/js-yaml.js', '/etc/apt/keyrings/mongodb.asc=1652', fill('/usr/share/doc', 'gosu', 'js-yaml')]),
    layer(k + '-initdb.d', 0, 114, () => ['/docker-entrypoint-initdb.d/']),
    layer(k + '-list', 106, 275, () => ['/etc/apt/sources.list.d/mongodb-org.list=106']),
    layer(k, size, gz, () => [...['mongod', 'mongos', 'mongosh', 'mongodump', 'mongorestore', 'mongoexport', 'mongoimport', 'bsondump'].map((n, i) => `/usr/bin/${n}*${i < 2 ? size >> (i + 2) : 16000000 + i}`), '/etc/mongod.conf.orig=626', fill('/usr/lib/x86_64-linux-gnu', 'libcurl.so.4', 'libgssapi_krb5.so.2')]),
    layer(k + '-ep', 14968, 5620, () => ['/usr/local/bin/docker-entrypoint.sh*14968']))],
  };
}

// --- php: built from source on debian:bookworm-slim; apache and fpm are the same build around their SAPI.
const PHP_KEYS: Record<string, string> = { '8.2': '39B641343D8C104B2B146DC3F9C39DC0B9698544 E60913E4DF209907D8E30D96659A97C9CF2A795A 1198C0117593497A5EC5C199286AF1F9897469DC', '8.4': 'AFD8691FDAEDF03BDF6E460563F15A9B715376CA 9D7F99A0CB8F05C8A6958D6256A97AF7600A39A6 0616E93D95AF471243E26761770426E17EBBB3DD', '8.3': '1198C0117593497A5EC5C199286AF1F9897469DC C28D937575603EB4ABB725861C0779DC5C0A9DE4 AFD8691FDAEDF03BDF6E460563F15A9B715376CA' };
function php(tags: string[], v: string, variant: 'cli' | 'apache' | 'fpm', created: string, size: number, gz: number): ImageSpec {
  const k = `php-${v}-${variant}`;
  const url = `https://www.php.net/distributions/php-${v}.tar.xz`;
  const apache = variant === 'apache';
  const env = ['PHPIZE_DEPS=autoconf \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\tlibc-dev \t\tmake \t\tpkg-config \t\tre2c', 'PHP_INI_DIR=/usr/local/etc/php', ...(apache ? ['APACHE_CONFDIR=/etc/apache2', 'APACHE_ENVVARS=/etc/apache2/envvars'] : []),
    'PHP_CFLAGS=-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64', 'PHP_CPPFLAGS=-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64', 'PHP_LDFLAGS=-Wl,-O1 -pie',
    'GPG_KEYS=' + PHP_KEYS[v.slice(0, 3)], 'PHP_VERSION=' + v, 'PHP_URL=' + url, 'PHP_ASC_URL=' + url + '.asc', 'PHP_SHA256=' + sha256('php-' + v)];
  const www = variant === 'cli' ? {} : { WorkingDir: '/var/www/html' };
  const B = '/usr/local/bin/';
  return {
    repo: 'php', tags, created,
    config: { ...(variant === 'cli' ? {} : { ExposedPorts: { [apache ? '80/tcp' : '9000/tcp']: {} } }), Env: [PATH, ...env], Entrypoint: ['docker-php-entrypoint'], Cmd: variant === 'cli' ? ['php', '-a'] : [apache ? 'apache2-foreground' : 'php-fpm'], ...www, ...(variant === 'cli' ? {} : { StopSignal: apache ? 'SIGWINCH' : 'SIGQUIT' }) },
    history: [...BOOKWORM_SLIM_HIST, ...dockerfile(`
RUN set -eux; \t{ \t\techo 'Package: php*'; \t\techo 'Pin: release *';
ENV ${env[0]}
${apt('$PHPIZE_DEPS ca-certificates curl xz-utils')}
ENV ${env[1]}
RUN set -eux; \tmkdir -p "$PHP_INI_DIR/conf.d"; \t[ ! -d /var/www/html ];
${apache ? `ENV ${env[2]}
ENV ${env[3]}
${apt('apache2')}
RUN a2dismod mpm_event && a2enmod mpm_prefork
RUN { \t\techo '<FilesMatch \\.php$>'; \t\techo '\tSetHandler application/x-httpd-php';
` : ''}${env.slice(apache ? 4 : 2, -3).map((e) => 'ENV ' + e).join('\n')}
ENV PHP_URL=${url} PHP_ASC_URL=${url}.asc
ENV ${env.at(-1)}
RUN set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends gnupg;
COPY docker-php-source /usr/local/bin/
RUN set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\t${apache ? 'apache2-dev' : 'libargon2-dev'}
COPY docker-php-ext-* docker-php-entrypoint /usr/local/bin/
RUN docker-php-ext-enable sodium
ENTRYPOINT ["docker-php-entrypoint"]
${variant === 'cli' ? 'CMD ["php" "-a"]' : apache ? 'STOPSIGNAL SIGWINCH\nCOPY apache2-foreground /usr/local/bin/\nWORKDIR /var/www/html\nEXPOSE map[80/tcp:{}]\nCMD ["apache2-foreground"]' : 'WORKDIR /var/www/html\nRUN set -eux; \tcd /usr/local/etc; \tif [ -d php-fpm.d ]; then\nSTOPSIGNAL SIGQUIT\nEXPOSE map[9000/tcp:{}]\nCMD ["php-fpm"]'}`,
    layer(k + '-pin', 46, 224, () => ['/etc/apt/preferences.d/no-debian-php=46']),
    layer(k + '-deps', 263100000, 82740000, () => [...BIN.gcc, '/usr/bin/curl*260328', '/usr/bin/xz*84952', fill('/usr/lib/x86_64-linux-gnu', 'libcurl.so.4', 'libisl.so.23'), fill('/usr/lib/gcc/x86_64-linux-gnu/12', 'cc1', 'cc1plus')]),
    layer(k + '-ini', 0, 115, () => ['/usr/local/etc/php/conf.d/', '/var/www/html/']),
    ...(apache ? [
      layer(k + '-apache2', 19680000, 6380000, () => ['/usr/sbin/apache2*707032', '/etc/apache2/apache2.conf=7178', '/etc/apache2/envvars=1782', '/var/log/apache2/access.log>/dev/stdout', '/var/log/apache2/error.log>/dev/stderr', '/var/run/apache2/', fill('/usr/lib/apache2/modules', 'mod_rewrite.so', 'mod_ssl.so')]),
      layer(k + '-prefork', 68, 431, () => ['/etc/apache2/mods-enabled/mpm_prefork.conf>../mods-available/mpm_prefork.conf', '/etc/apache2/mods-enabled/mpm_prefork.load>../mods-available/mpm_prefork.load']),
      layer(k + '-conf', 237, 491, () => ['/etc/apache2/conf-available/docker-php.conf:<FilesMatch \\.php$>\n\tSetHandler application/x-httpd-php\n</FilesMatch>\n\nDirectoryIndex disabled\nDirectoryIndex index.php index.html\n\n<Directory /var/www/>\n\tOptions -Indexes\n\tAllowOverride All\n</Directory>\n'])] : []),
    layer(k + '-src', 13560000, 13570000, () => ['/usr/src/php.tar.xz=13560000']),
    layer(k + '-source', 587, 695, () => [B + 'docker-php-source*587']),
    layer(k, size, gz, () => [B + 'php*' + (size >> 2), B + 'phpize*7722', B + 'php-config*6232', B + 'pecl*821', B + 'pear*828', '/usr/local/etc/php/php.ini-development=74002', '/usr/local/etc/php/php.ini-production=74021', ...(variant === 'fpm' ? ['/usr/local/sbin/php-fpm*' + (size >> 2)] : apache ? ['/usr/lib/apache2/modules/libphp.so=' + (size >> 2)] : []), fill('/usr/local/lib/php', 'extensions', 'pearcmd.php')]),
    layer(k + '-ext', 13690, 4280, () => ['docker-php-entrypoint:#!/bin/sh\nset -e\n\n# first arg is `-f` or `--some-option`\nif [ "${1#-}" != "$1" ]; then\n\tset -- php "$@"\nfi\n\nexec "$@"\n', 'docker-php-ext-configure*2564', 'docker-php-ext-enable*6598', 'docker-php-ext-install*4330'].map((f) => B + f)),
    layer(k + '-sodium', 17, 256, () => ['/usr/local/etc/php/conf.d/docker-php-ext-sodium.ini:extension=sodium\n']),
    ...(variant === 'cli' ? [] : apache ? [layer(k + '-fg', 1346, 777, () => [B + 'apache2-foreground*1346']), EMPTY] : [EMPTY, layer(k + '-fpm', 1830, 1040, () => ['/usr/local/etc/php-fpm.conf=5370', '/usr/local/etc/php-fpm.d/docker.conf=357', '/usr/local/etc/php-fpm.d/zz-docker.conf=59'])]))],
  };
}

// --- mariadb: MariaDB's own packages on ubuntu:noble. 11.x dropped the mysql-named programs; 10.11 keeps them as links.
function mariadb(tags: string[], v: string, created: string, size: number, gz: number): ImageSpec {
  const pkg = `1:${v}+maria~ubu2404`;
  const k = 'mariadb-' + v;
  const gpg = 'GPG_KEYS=177F4010FE56CA3336300305F1656F24C74CD1D8';
  const repo = `REPOSITORY=http://archive.mariadb.org/mariadb-${v}/repo/ubuntu/ noble main main/debug`;
  const run3 = `RUN |3 ${gpg} MARIADB_VERSION=${pkg} ${repo} /bin/sh -c `;
  const O = 'org.opencontainers.image.';
  const labels: Record<string, string> = { [O + 'ref.name']: 'ubuntu', [O + 'authors']: 'MariaDB Community', [O + 'title']: 'MariaDB Database', [O + 'description']: 'MariaDB Database for relational SQL', [O + 'documentation']: 'https://hub.docker.com/_/mariadb/', [O + 'base.name']: 'docker.io/library/ubuntu:noble', [O + 'licenses']: 'GPL-2.0', [O + 'source']: 'https://github.com/MariaDB/mariadb-docker', [O + 'vendor']: 'MariaDB Community', [O + 'version']: v, [O + 'url']: 'https://github.com/MariaDB/mariadb-docker' };
  return {
    repo: 'mariadb', tags, created,
    config: { ExposedPorts: { '3306/tcp': {} }, Env: [PATH, 'GOSU_VERSION=1.17', 'LANG=C.UTF-8', 'MARIADB_VERSION=' + pkg], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['mariadbd'], Volumes: { '/var/lib/mysql': {} }, Labels: labels },
    history: [...UBUNTU_NOBLE.history, ...dockerfile(`
RUN groupadd -r mysql && useradd -r -g mysql mysql --home-dir /var/lib/mysql && userdel --remove ubuntu
ENV GOSU_VERSION=1.17
ARG ${gpg}
RUN |1 ${gpg} /bin/sh -c set -eux; \tapt-get update; \tDEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \t\tca-certificates \t\tgpg
RUN |1 ${gpg} /bin/sh -c mkdir /docker-entrypoint-initdb.d
ENV LANG=C.UTF-8
LABEL ${Object.entries(labels).slice(1).map(([n, x]) => `${n}=${x}`).join(' ')}
ARG MARIADB_VERSION=${pkg}
ENV MARIADB_VERSION=${pkg}
ARG ${repo}
${run3}set -e;\techo "deb \${REPOSITORY}" > /etc/apt/sources.list.d/mariadb.list;
${run3}set -ex; \t{ \t\techo "mariadb-server" mysql-server/root_password password 'unused';
VOLUME [/var/lib/mysql]
COPY healthcheck.sh /usr/local/bin/healthcheck.sh
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
EXPOSE map[3306/tcp:{}]
CMD ["mariadbd"]`,
    layer(k + '-user', 3630, 1140, () => ['/etc/passwd:' + TEXT.passwdDeb + 'mysql:x:999:999::/var/lib/mysql:/bin/sh\n', '/etc/group:' + TEXT.groupDeb + 'mysql:x:999:\n', '/home/']),
    layer(k + '-deps', 36400000, 13180000, () => ['/usr/local/bin/gosu*2285568', '/usr/bin/gpg*1063552', '/usr/bin/pwgen*27072', '/usr/bin/xz*84952', '/usr/bin/zstd*1227640', '+/usr/share/zoneinfo UTC Etc Europe America', fill('/usr/lib/x86_64-linux-gnu', 'libjemalloc.so.2', 'libgcrypt.so.20')]),
    layer(k + '-initdb.d', 0, 114, () => ['/docker-entrypoint-initdb.d/']),
    layer(k + '-list', 140, 312, () => ['/etc/apt/sources.list.d/mariadb.list=82', '/etc/apt/preferences.d/mariadb=58']),
    layer(k, size, gz, () => ['/usr/sbin/mariadbd*26810512', '/usr/bin/mariadb*4927648', '/usr/bin/mariadb-dump*4981200', '/usr/bin/mariadb-admin*4857456', '/usr/bin/mariadb-backup*23004576', '/usr/bin/socat*392736', '/var/lib/mysql/', '/run/mysqld/',
      ...(v < '11' ? ['/usr/bin/mysql>mariadb', '/usr/sbin/mysqld>mariadbd', '/usr/bin/mysqldump>mariadb-dump', '/usr/bin/mysqladmin>mariadb-admin'] : []),
      '/etc/mysql/my.cnf>mariadb.cnf', '/etc/mysql/mariadb.cnf=1126', '/etc/mysql/mariadb.conf.d/05-skipcache.cnf:[mariadb]\nhost-cache-size=0\nskip-name-resolve\n', fill('/usr/lib/mysql/plugin', 'auth_ed25519.so', 'ha_archive.so'), fill('/usr/share/mariadb', 'english', 'charsets')]),
    layer(k + '-health', 11290, 3570, () => ['/usr/local/bin/healthcheck.sh*11290']),
    layer(k + '-ep', 26860, 8290, () => ['/usr/local/bin/docker-entrypoint.sh*26860']))],
  };
}

// --- node on Alpine: the user, libstdc++ and the musl build in one RUN; the binary's size picks the release (shell/node.ts).
const NODE_ALPINE_PASSWD = '/etc/passwd:' + TEXT.passwdAlpine + 'node:x:1000:1000:Linux User,,,:/home/node:/bin/sh\n';
function nodeAlpine(tags: string[], v: string, created: string, bin: number, size: number, gz: number): ImageSpec {
  return {
    repo: 'node', tags, created,
    config: { Env: [PATH, 'NODE_VERSION=' + v, 'YARN_VERSION=1.22.22'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] },
    history: [...ALPINE_HIST, ...dockerfile(`
ENV NODE_VERSION=${v}
RUN addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++
ENV YARN_VERSION=1.22.22
RUN apk add --no-cache --virtual .build-deps-yarn curl gnupg tar
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node"]`,
    layer('node-alpine-' + v, size, gz, () => [...nodeFiles(bin)(), NODE_ALPINE_PASSWD, '/etc/group:' + TEXT.groupAlpine + 'node:x:1000:node\n', '/home/node/', fill('/usr/lib', 'libstdc++.so.6', 'libgcc_s.so.1')]),
    yarn('1.22.22', 'yarn-alpine-' + v, 5340000, 1260000), layer('node-ep-alpine-' + v, 388, 446, () => [NODE_EP]))],
  };
}

// --- redis 8.0 (with its modules) and 7.4, on bookworm-slim and on alpine; WORKDIR adds BuildKit's empty layer.
const REDIS_ENV = ['REDIS_DOWNLOAD_URL=https://github.com/redis/redis/archive/refs/tags/8.0.2.tar.gz', 'REDIS_DOWNLOAD_SHA=caf3c0069f06fc84c5153bd2a348b204c578de80490c73857bee01d9b5d7401f'];
// 7.4 and 6.2 still set their version, took the tarball from download.redis.io and stepped down with gosu on Debian
const redisEnv = (v: string, sha: string) => ['REDIS_VERSION=' + v, `REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-${v}.tar.gz`, 'REDIS_DOWNLOAD_SHA=' + sha];
const REDIS_SHA: Record<string, string> = { '7.4.4': '985c465146453f4d79912e70b2dc516577a1667cbf9b0420a0c87878fcc6f32f', '6.2.18': '470c75bac73d7390be4dd66479c6f29e86371c5d380ce0c7efb4ba2bbda3612d' };
const EMPTY = layer('empty', 0, 32, () => []);
function redis(tags: string[], alpine: boolean, size: number, gz: number, v = '8.0.2'): ImageSpec {
  const k = alpine ? `redis-${v}-alpine` : 'redis-' + v;
  const user = alpine ? 'redis:x:999:1000:Linux User,,,:/home/redis:/sbin/nologin\n' : 'redis:x:999:999::/home/redis:/bin/sh\n';
  const B = '/usr/local/bin/';
  const seven = v < '8';
  const gosu = seven && !alpine;
  const env = [...(gosu ? ['GOSU_VERSION=1.17'] : []), ...(seven ? redisEnv(v, REDIS_SHA[v]) : REDIS_ENV)];
  // 6.2's server is smaller: its size names the release to its programs (shell/redis.ts)
  const six = v < '7' ? 1 : 0;
  const server = (alpine ? 16120000 : 17830000) - 4e6 * six;
  return {
    repo: 'redis', tags, created: six ? '2025-04-24T08:18:49Z' : seven ? '2025-05-29T14:46:25Z' : alpine ? '2025-05-28T19:43:09Z' : '2025-05-28T19:40:55Z',
    config: { ExposedPorts: { '6379/tcp': {} }, Env: [PATH, ...env], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['redis-server'], Volumes: { '/data': {} }, WorkingDir: '/data' },
    history: [...(alpine ? ALPINE_HIST : BOOKWORM_SLIM_HIST), ...dockerfile(`
${alpine ? 'RUN set -eux; \taddgroup -S -g 1000 redis; \tadduser -S -G redis -u 999 redis' : 'RUN set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis'}
${alpine ? "RUN set -eux; \tapk add --no-cache \t\t'su-exec>=0.2' \t\ttzdata \t;" : apt('tzdata')}
${env.map((e) => (gosu && e === env[1] ? 'RUN set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates gnupg wget;\n' : '') + 'ENV ' + e).join('\n')}
RUN set -eux; \t\t${alpine ? 'apk add --no-cache --virtual .build-deps' : 'savedAptMark="$(apt-mark showmanual)";'}
RUN mkdir /data && chown redis:redis /data
VOLUME [/data]
WORKDIR /data
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
EXPOSE map[6379/tcp:{}]
CMD ["redis-server"]`,
    layer(k + '-user', 4720, 1102, () => ['/etc/passwd:' + (alpine ? TEXT.passwdAlpine : TEXT.passwdDeb) + user, '/etc/group:' + (alpine ? TEXT.groupAlpine + 'redis:x:1000:redis\n' : TEXT.groupDeb + 'redis:x:999:\n')]),
    layer(k + '-tz', alpine ? 1620000 : 1260, alpine ? 460000 : 875, () => ['+/usr/share/zoneinfo UTC Etc Europe America']),
    ...(gosu ? [layer(k + '-gosu', 4340000, 1437947, () => [B + 'gosu*4340000'])] : []),
    // 8.0 builds its modules in; 7.4 has none, which is how its programs tell the release (shell/redis.ts)
    layer(k, size, gz, () => [B + 'redis-server*' + server, B + 'redis-cli*' + ((alpine ? 8470000 : 9120000) - 3e6 * six), B + 'redis-benchmark*' + (7920000 - 25e5 * six),
      ...['check-aof', 'check-rdb', 'sentinel'].map((n) => `${B}redis-${n}>redis-server`), ...(seven ? [] : [fill('/usr/local/lib/redis/modules', 'redisbloom.so', 'redisearch.so', 'rejson.so', 'redistimeseries.so')])]),
    layer(k + '-data', 0, 97, () => ['/data/']),
    layer(k + '-ep', seven ? 661 : 2120, seven ? 572 : 1110, () => [B + 'docker-entrypoint.sh*' + (seven ? 661 : 2120)])).map((h): HistorySpec => (h[0] === 'WORKDIR /data' ? [h[0], EMPTY, h[2]] : h))],
  };
}

// --- postgres (17.5 unless told): Debian's packages from apt.postgresql.org, or built from source on alpine.
const PG_DATA = 'PGDATA=/var/lib/postgresql/data';
/** When the older majors' Dockerfiles last changed (their images' date). */
const PG_JUNE = '2025-06-06T18:27:47Z';
function postgres(tags: string[], alpine: boolean, v = '17.5', size = alpine ? 266500000 : 321400000, gz = alpine ? 104100000 : 112870000, created = alpine ? '2025-05-09T17:49:06Z' : '2025-05-09T17:41:48Z'): ImageSpec {
  const major = v.split('.')[0];
  const k = alpine ? `pg-${v}-alpine` : 'pg-' + v;
  const bin = alpine ? '/usr/local/bin/' : `/usr/lib/postgresql/${major}/bin/`;
  const user = alpine ? 'postgres:x:70:70::/var/lib/postgresql:/bin/sh\n' : 'postgres:x:999:999::/var/lib/postgresql:/bin/bash\n';
  const env = alpine ? [PATH, 'GOSU_VERSION=1.17', 'LANG=en_US.utf8', 'PG_MAJOR=' + major, 'PG_VERSION=' + v, PG_DATA] : [`PATH=${STD_PATH}:/usr/lib/postgresql/${major}/bin`, 'GOSU_VERSION=1.17', 'LANG=en_US.utf8', 'PG_MAJOR=' + major, `PG_VERSION=${v}-1.pgdg120+1`, PG_DATA];
  const run = (s: string) => `RUN set -eux; \t${s}`;
  return {
    repo: 'postgres', tags, created,
    config: { ExposedPorts: { '5432/tcp': {} }, Env: env, Entrypoint: ['docker-entrypoint.sh'], Cmd: ['postgres'], Volumes: { '/var/lib/postgresql/data': {} }, StopSignal: 'SIGINT' },
    history: [...(alpine ? ALPINE_HIST : BOOKWORM_SLIM_HIST), ...dockerfile(`
${run(alpine ? 'addgroup -g 70 -S postgres; \tadduser -u 70 -S -D -G postgres -H -h /var/lib/postgresql -s /bin/sh postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql' : 'groupadd -r postgres --gid=999; \tuseradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql')}
${alpine ? '' : apt('gnupg less')}
ENV GOSU_VERSION=1.17
${run('savedAptMark="$(apt-mark showmanual)";')}
${alpine ? '' : run('if [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then')}
ENV LANG=en_US.utf8
${alpine ? '' : apt('libnss-wrapper xz-utils zstd')}
RUN mkdir /docker-entrypoint-initdb.d
${alpine ? '' : "RUN set -ex; \tkey='B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8';"}
ENV PG_MAJOR=${major}
${env.slice(alpine ? 4 : 0, 1).map((e) => 'ENV ' + e).join('')}
ENV ${env[4]}
${alpine ? run('wget -O postgresql.tar.bz2') : 'RUN set -ex; \t\texport PYTHONDONTWRITEBYTECODE=1;'}
${run(alpine ? 'cp -v /usr/local/share/postgresql/postgresql.conf.sample' : 'dpkg-divert --add --rename --divert')}
RUN install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql
ENV ${PG_DATA}
RUN install --verbose --directory --owner postgres --group postgres --mode 1777 "$PGDATA"
VOLUME [/var/lib/postgresql/data]
COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/
RUN ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh
ENTRYPOINT ["docker-entrypoint.sh"]
STOPSIGNAL SIGINT
EXPOSE map[5432/tcp:{}]
CMD ["postgres"]`.replace(/\n(?=\n)/g, ''),
    layer(k + '-user', 3910, 1167, () => ['/etc/passwd:' + (alpine ? TEXT.passwdAlpine : TEXT.passwdDeb) + user, '/etc/group:' + (alpine ? TEXT.groupAlpine + 'postgres:x:70:postgres\n' : TEXT.groupDeb + 'postgres:x:999:\n'), '/var/lib/postgresql/']),
    ...(alpine ? [] : [layer(k + '-gnupg', 9640000, 4530000, () => ['/usr/bin/gpg*1063552', '/usr/bin/less*187824'])]),
    layer(k + '-gosu', 4320000, 1250000, () => ['/usr/local/bin/gosu*4320000']),
    ...(alpine ? [] : [
      layer(k + '-locales', 25100000, 8070000, () => ['/usr/lib/locale/locale-archive=3048976', '/etc/locale.gen=9991', '/usr/share/i18n/']),
      layer(k + '-nss', 3620000, 1200000, () => [fill('/usr/lib/x86_64-linux-gnu', 'libnss_wrapper.so', 'libzstd.so.1'), '/usr/bin/xz*84952', '/usr/bin/zstd*1227640'])]),
    layer(k + '-initdb.d', 0, 113, () => ['/docker-entrypoint-initdb.d/']),
    ...(alpine ? [] : [layer(k + '-key', 4700, 3144, () => ['/usr/local/share/keyrings/postgres.gpg.asc=4697'])]),
    layer(k, size, gz, () => [
      ...['postgres', 'initdb', 'pg_ctl', 'psql', 'pg_dump', 'pg_restore', 'createdb', 'pg_isready'].map((n, i) => bin + n + '*' + (n === 'postgres' ? 9850000 : 100000 + i * 9001)),
      fill(alpine ? '/usr/local/lib/postgresql' : `/usr/lib/postgresql/${major}/lib`, 'plpgsql.so', 'llvmjit.so', 'pgoutput.so', 'libpqwalreceiver.so'),
      fill(alpine ? '/usr/local/share/postgresql' : '/usr/share/postgresql/' + major, 'postgresql.conf.sample', 'pg_hba.conf.sample', 'postgres.bki', 'information_schema.sql')]),
    layer(k + '-conf', 30700, 10349, () => [(alpine ? '/usr/local/share/postgresql' : '/usr/share/postgresql') + '/postgresql.conf.sample=30700']),
    layer(k + '-run', 0, 126, () => ['/var/run/postgresql/']),
    layer(k + '-data', 0, 167, () => ['/var/lib/postgresql/data/']),
    layer(k + '-ep', 15390, 6108, () => ['/usr/local/bin/docker-entrypoint.sh*13953', '/usr/local/bin/docker-ensure-initdb.sh*1437']),
    layer(k + '-ln', 23, 184, () => ['/usr/local/bin/docker-enforce-initdb.sh>docker-ensure-initdb.sh']))],
  };
}

// --- registry (distribution-library-image): the release's binary on alpine, its sample config, the entrypoint that runs `registry serve`.
const REGISTRY_CONF = 'version: 0.1\nlog:\n  fields:\n    service: registry\nstorage:\n  cache:\n    blobdescriptor: inmemory\n  filesystem:\n    rootdirectory: /var/lib/registry\nhttp:\n  addr: :5000\n  headers:\n    X-Content-Type-Options: [nosniff]\nhealth:\n  storagedriver:\n    enabled: true\n    interval: 10s\n    threshold: 3\n';
function registry(tags: string[], v: string, created: string, conf: string, size: number, gz: number): ImageSpec {
  return {
    repo: 'registry', tags, created,
    config: { ExposedPorts: { '5000/tcp': {} }, Env: [PATH], Entrypoint: ['/entrypoint.sh'], Cmd: [conf], Volumes: { '/var/lib/registry': {} } },
    history: [...ALPINE_HIST, ...dockerfile(`
RUN apk add --no-cache ca-certificates
RUN set -eux; \tversion='${v}'; \tapkArch="$(apk --print-arch)";
COPY ./config-example.yml ${conf}
VOLUME [/var/lib/registry]
EXPOSE map[5000/tcp:{}]
COPY docker-entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
CMD ["${conf}"]`,
    layer('registry-ca-' + v, 684000, 285000, () => [fill('/etc/ssl/certs', 'ca-certificates.crt', 'ca-cert-ISRG_Root_X1.pem')]),
    layer('registry-' + v, size, gz, () => ['/bin/registry*' + size]),
    layer('registry-conf-' + v, REGISTRY_CONF.length, 398, () => [conf + ':' + REGISTRY_CONF, '/var/lib/registry/']),
    layer('registry-ep-' + v, 155, 299, () => ['/entrypoint.sh*155']))],
  };
}

// --- wordpress: the release unpacked in /usr/src/wordpress on php:8.2-apache with the extensions it needs
const PHP82_APACHE = php(['8.2-apache', '8.2.28-apache'], '8.2.28', 'apache', '2025-06-06T17:51:04Z', 108500000, 30700000);
const wordpress = (tags: string[]): ImageSpec => ({
  repo: 'wordpress', tags, created: '2025-06-10T18:09:33Z',
  config: { ...PHP82_APACHE.config, Volumes: { '/var/www/html': {} }, Entrypoint: ['docker-entrypoint.sh'] },
  history: [...PHP82_APACHE.history, ...dockerfile(`
${apt('ghostscript')}
RUN set -ex; \t\tsavedAptMark="$(apt-mark showmanual)"; \t\tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibavif-dev
RUN set -eux; \tdocker-php-ext-enable opcache; \t{ \t\techo 'opcache.memory_consumption=128';
RUN { \t\techo 'error_reporting = E_ERROR | E_WARNING | E_PARSE | E_CORE_ERROR';
RUN set -eux; \ta2enmod rewrite expires; \t\ta2enmod remoteip;
RUN set -eux; \tversion='6.8.1'; \tsha1='52d5f05c96a9155f78ed84700264307e5dea14b4';
VOLUME [/var/www/html]
COPY --chown=www-data:www-data wp-config-docker.php /usr/src/wordpress/
COPY docker-entrypoint.sh /usr/local/bin/
RUN ln -svfT docker-entrypoint.sh /usr/local/bin/docker-ensure-installed.sh
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["apache2-foreground"]`,
  layer('wp-gs', 60700000, 22100000, () => ['/usr/bin/gs*14816', fill('/usr/lib/x86_64-linux-gnu', 'libgs.so.10', 'libcups.so.2'), '/usr/share/ghostscript/']),
  layer('wp-ext', 56400000, 17900000, () => [fill('/usr/local/lib/php/extensions/no-debug-non-zts-20220829', 'bcmath.so', 'exif.so'), fill('/usr/lib/x86_64-linux-gnu', 'libMagickCore-6.Q16.so.6', 'libicudata.so.72')]),
  layer('wp-opcache', 386, 383, () => ['/usr/local/etc/php/conf.d/opcache-recommended.ini=171', '/usr/local/etc/php/conf.d/docker-php-ext-opcache.ini=215']),
  layer('wp-errors', 364, 374, () => ['/usr/local/etc/php/conf.d/error-logging.ini=364']),
  layer('wp-remoteip', 2180, 1040, () => ['/etc/apache2/conf-available/remoteip.conf=155', fill('/etc/apache2/mods-enabled', 'rewrite.load', 'expires.load')]),
  layer('wp-6.8.1', 84300000, 26400000, () => ['/usr/src/wordpress/index.php=405', '/usr/src/wordpress/wp-config-sample.php=3339', '/usr/src/wordpress/wp-blog-header.php=351', '/usr/src/wordpress/license.txt=19903', '/usr/src/wordpress/readme.html=7425', '/usr/src/wordpress/.htaccess=261', fill('/usr/src/wordpress/wp-admin', 'setup-config.php', 'install.php'), fill('/usr/src/wordpress/wp-includes', 'version.php', 'functions.php'), '/usr/src/wordpress/wp-content/', '/var/www/html/']),
  layer('wp-config-docker', 5492, 2000, () => ['/usr/src/wordpress/wp-config-docker.php=5492']),
  layer('wp-ep', 6086, 2423, () => ['/usr/local/bin/docker-entrypoint.sh*6086']),
  layer('wp-ln', 21, 143, () => ['/usr/local/bin/docker-ensure-installed.sh>docker-entrypoint.sh']))],
});

/** Apache's default page. */
const HTTPD_INDEX = '<html><body><h1>It works!</h1></body></html>\n';
/** httpd on alpine: the same source build, with apk's libraries and Alpine's www-data (82). */
const AP = '/usr/local/apache2';
const httpdAlpine = (tags: string[]): ImageSpec => ({
  repo: 'httpd', tags, created: '2025-05-20T17:41:22Z',
  config: { ExposedPorts: { '80/tcp': {} }, Env: [`PATH=${AP}/bin:${STD_PATH}`, 'HTTPD_PREFIX=' + AP, 'HTTPD_VERSION=2.4.63', 'HTTPD_SHA256=88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab', 'HTTPD_PATCHES='], Cmd: ['httpd-foreground'], WorkingDir: AP, StopSignal: 'SIGWINCH' },
  history: [...ALPINE_HIST, ...dockerfile(`
RUN set -x     && adduser -u 82 -D -S -G www-data www-data
ENV HTTPD_PREFIX=${AP}
ENV PATH=${AP}/bin:${STD_PATH}
RUN mkdir -p "$HTTPD_PREFIX"     && chown www-data:www-data "$HTTPD_PREFIX"
WORKDIR ${AP}
RUN set -eux;     apk add --no-cache         apr         apr-util         apr-util-ldap         ca-certificates
ENV HTTPD_VERSION=2.4.63
ENV HTTPD_SHA256=88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab
ENV HTTPD_PATCHES=
RUN set -eux;         apk add --no-cache --virtual .build-deps
STOPSIGNAL SIGWINCH
COPY httpd-foreground /usr/local/bin/
EXPOSE map[80/tcp:{}]
CMD ["httpd-foreground"]`,
  layer('httpd-alpine-user', 1290, 1210, () => ['/etc/passwd:' + TEXT.passwdAlpine + 'www-data:x:82:82:Linux User,,,:/home/www-data:/sbin/nologin\n', '/home/www-data/']),
  layer('httpd-alpine-prefix', 0, 93, () => [AP + '/']),
  layer('httpd-alpine-deps', 4930000, 1830000, () => [fill('/usr/lib', 'libapr-1.so.0', 'libaprutil-1.so.0', 'libldap.so.2'), '/etc/ssl/certs/ca-certificates.crt=219342']),
  layer('httpd-alpine-2.4.63', 49300000, 17400000, () => [AP + '/bin/httpd*2240712', AP + '/bin/apachectl*3478', AP + '/conf/httpd.conf=20987', AP + '/htdocs/index.html:' + HTTPD_INDEX, `~${AP}/htdocs/index.html 1181588034`, AP + '/logs/', AP + '/cgi-bin/', fill(AP + '/modules', 'mod_ssl.so', 'mod_proxy.so', 'mod_rewrite.so', 'mod_lua.so')]),
  layer('httpd-alpine-fg', 138, 302, () => ['/usr/local/bin/httpd-foreground*138']))],
});

// --- python: the full image on buildpack-deps:bookworm; slim (on debian:bookworm-slim) and alpine the same build without the toolchain.
/** A release's environment: the release manager's key, the version, the tarball's digest. */
const pyEnv = (key: string, v: string, sha: string) => ['GPG_KEY=' + key, 'PYTHON_VERSION=' + v, 'PYTHON_SHA256=' + sha];
const PY_ENV = pyEnv('7169605F62C751356D054A26A821E680E5FA6305', '3.13.3', '40f868bcbdeb8149a3149580bb9bfd407b3321cd48f0be631af955ac92c0e041');
const PY312 = pyEnv('7169605F62C751356D054A26A821E680E5FA6305', '3.12.11', 'c30bb24b7f1e9a19b11b55a546434f74e739bb4c271a3e3a80ff4380d49f7adb');
const PY310 = pyEnv('A035C8C19219BA821ECEA86B64E628F8D684696D', '3.10.18', 'ae665bc678abd9ab6a6e1573d2481625a53719bc517e9a634ed2b9fefae3817f');
const PY39 = pyEnv('E3FF2839C048B25C084DEBE9B26995E310250568', '3.9.23', '61a42919e13d539f7673cf11d1c404380e28e540510860b9d242196e165709c9');
const PY311 = pyEnv('A035C8C19219BA821ECEA86B64E628F8D684696D', '3.11.13', '8fb5f9fbc7609fa822cb31549884575db7fd9657cbffb89510b5d7975963a83a');
/** `3.13` of an environment's PYTHON_VERSION. */
const pyMinor = (env: string[]) => env[1].slice(15).replace(/\.\d+$/, '');
const pyFiles = (lib: string, m: string) => () => [`/usr/local/bin/python${m}*14472`, '/usr/local/bin/pip3*231', `/usr/local/bin/pip${m}*231`, fill('/usr/local/lib/python' + m, 'site-packages/pip/__init__.py', 'lib-dynload', 'encodings', 'asyncio', 'json'), fill('/usr/local/lib', `libpython${m}.so.1.0`), fill(lib, 'libsqlite3.so.0', 'libffi.so.8', 'libexpat.so.1')];
const pyLinks = (m: string) => ['/usr/local/bin/python3>python' + m, '/usr/local/bin/python>python3', '/usr/local/bin/pip>pip3'];
const PY_BUILD = 'RUN set -eux;     wget -O python.tar.xz "https://www.python.org/ftp/python/\${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz";';

/** python:X.Y on buildpack-deps:bookworm; `k` suffixes its layers' keys (none for 3.13, the first in the catalogue). */
function python(tags: string[], env: string[], created: string, k: string, sizes: number[]): ImageSpec {
  const m = pyMinor(env);
  return {
    repo: 'python', tags, created,
    config: { Env: ['PATH=/usr/local/bin:' + STD_PATH, 'LANG=C.UTF-8', ...env], Cmd: ['python3'] },
    history: [...BUILDPACK_BOOKWORM, ...dockerfile(`
ENV PATH=/usr/local/bin:${STD_PATH}
ENV LANG=C.UTF-8
${apt('libbluetooth-dev tk-dev uuid-dev')}
${env.map((e) => 'ENV ' + e).join('\n')}
${PY_BUILD}
RUN set -eux;     for src in idle3 pip3 pydoc3 python3 python3-config; do
CMD ["python3"]`,
    layer('python-deps' + k, 20300000, 6250000, deb('tk', 'libtk8.6.so', 'libbluetooth.so.3')),
    layer('python-' + env[1].slice(15), sizes[0], sizes[1], () => [`/usr/local/bin/python${m}*17600`, '/usr/local/bin/pip3*231', fill('/usr/local/lib/python' + m, 'site-packages/pip/__init__.py', 'lib-dynload', 'encodings', 'asyncio', 'test'), fill('/usr/local/lib', `libpython${m}.so.1.0`)]),
    layer('python-links' + k, 36, 249, () => pyLinks(m)))],
  };
}
function pythonSmall(tags: string[], created: string, alpine: boolean, k: string, sizes: number[], env = PY_ENV): ImageSpec {
  const base = alpine ? ALPINE_HIST : BOOKWORM_SLIM_HIST;
  const deps = alpine ? 'RUN set -eux; \tapk add --no-cache \t\tca-certificates \t\ttzdata \t;' : apt('ca-certificates netbase tzdata');
  const build = alpine ? 'RUN set -eux; \t\tapk add --no-cache --virtual .build-deps' : 'RUN set -eux; \t\tsavedAptMark="$(apt-mark showmanual)";';
  // 3.13 dropped the LANG the older releases still set
  const lang = +pyMinor(env).slice(2) < 13 ? ['LANG=C.UTF-8'] : [];
  return {
    repo: 'python', tags, created,
    config: { Env: ['PATH=/usr/local/bin:' + STD_PATH, ...lang, ...env], Cmd: ['python3'] },
    history: [...base, ...dockerfile(`
ENV PATH=/usr/local/bin:${STD_PATH}
${lang.map((e) => `ENV ${e}\n`).join('')}${deps}
${env.map((e) => 'ENV ' + e).join('\n')}
${build}
RUN set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do
CMD ["python3"]`,
    // tzdata's zones fill what the certificates leave
    layer(k + '-deps', sizes[0], sizes[1], () => ['+/usr/share/zoneinfo UTC Etc Europe America', '/etc/ssl/certs/ca-certificates.crt=219342']),
    layer(k, sizes[2], sizes[3], pyFiles(alpine ? '/usr/lib' : '/usr/lib/x86_64-linux-gnu', pyMinor(env))),
    layer(k + '-links', 36, 247, () => [...pyLinks(pyMinor(env)), '/usr/local/bin/idle>idle3', '/usr/local/bin/pydoc>pydoc3']))],
  };
}

// --- node: the user, the release tarball unpacked in /usr/local, yarn, the entrypoint.
const NODE_PASSWD = '/etc/passwd:' + TEXT.passwdDeb + 'node:x:1000:1000::/home/node:/bin/bash\n';
const NODE_GROUP = '/etc/group:' + TEXT.groupDeb + 'node:x:1000:\n';
/** The node user's home and accounts; a `size` beyond them is useradd's lastlog and faillog (the classic builder kept them). */
const nodeUser = (key: string, size = 8910, gz = 3800) => layer(key, size, gz, () => ['/home/node/.bashrc=3526', '/home/node/.profile=807', '/home/node/.bash_logout=220', NODE_PASSWD, NODE_GROUP, ...(size > 8910 ? [fill('/var/log', 'lastlog', 'faillog')] : [])]);
const LIB = '/usr/local/lib/node_modules/';
/** The tarball's files; `bin` is the node binary's size, which tells the releases apart (shell/node.ts). */
const nodeFiles = (bin: number) => () => [
  '/usr/local/bin/node*' + bin, '/usr/local/bin/nodejs>/usr/local/bin/node', '/usr/local/bin/npm>../lib/node_modules/npm/bin/npm-cli.js', '/usr/local/bin/npx>../lib/node_modules/npm/bin/npx-cli.js',
  LIB + 'npm/bin/npm-cli.js*4821', LIB + 'npm/bin/npx-cli.js*4290', fill(LIB + 'npm', 'package.json', 'node_modules', 'docs'), fill('/usr/local/include/node', 'node.h', 'v8.h', 'uv.h'),
  '/usr/local/bin/corepack>../lib/node_modules/corepack/dist/corepack.js', LIB + 'corepack/dist/corepack.js*81', fill(LIB + 'corepack/dist', 'lib.cjs', 'npm.js', 'yarn.js', 'pnpm.js'),
];
const yarn = (v: string, key: string, size: number, gz: number) => layer(key, size, gz, () => [`/usr/local/bin/yarn>/opt/yarn-v${v}/bin/yarn`, `/usr/local/bin/yarnpkg>/opt/yarn-v${v}/bin/yarnpkg`, `/opt/yarn-v${v}/bin/yarn*1015`, `/opt/yarn-v${v}/bin/yarnpkg*42`, fill(`/opt/yarn-v${v}/lib`, 'cli.js', 'v8-compile-cache.js')]);
const NODE_EP = '/usr/local/bin/docker-entrypoint.sh*388';

const NODE20 = ['20', '20.19', '20.19.2', 'iron'];
const NODE18 = ['18', '18.20', '18.20.8', 'hydrogen'];
/** node:N on buildpack-deps:bookworm (or, `slim`, on debian:bookworm-slim; or on the `base` it was last built on), built with BuildKit. */
function nodeBookworm(tags: string[], v: string, created: string, bin: number, size: number, gz: number, slim = false, base = slim ? BOOKWORM_SLIM_HIST : BUILDPACK_BOOKWORM): ImageSpec {
  const k = v + (slim ? '-slim' : '');
  return {
    repo: 'node', tags, created,
    config: { Env: [PATH, 'NODE_VERSION=' + v, 'YARN_VERSION=1.22.22'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] },
    history: [...base, ...dockerfile(`
RUN groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
ENV NODE_VERSION=${v}
RUN ARCH= ${slim ? 'OPENSSL_ARCH= && dpkgArch="$(dpkg --print-architecture)"     &&' : '&& dpkgArch="$(dpkg --print-architecture)"   &&'} case "\${dpkgArch##*-}" in
ENV YARN_VERSION=1.22.22
RUN set -ex   && ${slim ? 'savedAptMark="$(apt-mark showmanual)"   && apt-get update && apt-get install -y ca-certificates curl wget gnupg dirmngr --no-install-recommends' : 'export GNUPGHOME="$(mktemp -d)"'}   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node"]`,
    nodeUser('node-user-' + k), layer('node-' + k, size, gz, nodeFiles(bin)), yarn('1.22.22', 'yarn-1.22.22-' + k, 5340000, slim ? 1712464 : 1250000),
    layer('node-ep-' + k, 388, 449, () => [NODE_EP]))],
  };
}

/**
 * node:16's last builds (16.20.2 with yarn 1.22.19, classic builder, August 2023): on buildpack-deps:buster
 * (node:16 stayed on buster) and on alpine 3.18, their bases of that month, shared with nothing pulled today.
 */
const node16 = (alpine: boolean, tags: string[], created: string, base: LayerSpec[], sizes: number[]): ImageSpec => ({
  repo: 'node', tags, created,
  config: { Env: [PATH, 'NODE_VERSION=16.20.2', 'YARN_VERSION=1.22.19'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] },
  history: legacy(`
ADD file:${sha256('node16' + alpine)} in /
CMD ["${alpine ? '/bin/sh' : 'bash'}"]
${alpine ? '' : `RUN set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg
RUN apt-get update && apt-get install -y --no-install-recommends \t\tgit \t\tmercurial
RUN set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf
RUN groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
`}ENV NODE_VERSION=16.20.2
RUN ${alpine ? 'addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++' : 'ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "\${dpkgArch##*-}" in'}
ENV YARN_VERSION=1.22.19
RUN ${alpine ? 'apk add --no-cache --virtual .build-deps-yarn curl gnupg tar' : 'set -ex   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do'}
COPY file:${sha256('node-ep')} in /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node"]`, ...base,
  layer('node-16.20.2' + alpine, sizes[0], sizes[1], () => [...nodeFiles(81951064)(), ...(alpine ? [NODE_ALPINE_PASSWD, '/etc/group:' + TEXT.groupAlpine + 'node:x:1000:node\n', '/home/node/'] : [])]),
  yarn('1.22.19', 'yarn-1.22.19-16' + alpine, 7590000, 2272793), layer('node-ep-16' + alpine, 388, 449, () => [NODE_EP])),
});

export const CATALOG: ImageSpec[] = [
  {
    repo: 'hello-world', tags: ['latest', 'linux'], created: '2025-01-21T23:32:32Z',
    config: { Env: [PATH], Cmd: ['/hello'] },
    history: dockerfile(`
COPY hello /
CMD ["/hello"]`, layer('hello', 10072, 2459, () => ['/hello*10072'])),
  },
  {
    repo: 'busybox', tags: ['latest', '1', '1.37', '1.37.0', 'unstable', 'glibc', '1.37.0-glibc'], created: '2024-09-26T21:31:42Z',
    config: { Env: [PATH], Cmd: ['sh'] },
    // Built outside a Dockerfile: one history entry, no CMD entry (repo-info busybox:1.37.0-glibc).
    history: [['BusyBox 1.37.0 (glibc), Debian 12', layer('busybox-1.37.0', 4269000, 2152000, busyboxRoot)]],
  },
  {
    repo: 'alpine', tags: ['latest', '3', '3.21', '3.21.3'], created: '2025-02-14T03:28:36Z',
    config: { Env: [PATH], Cmd: ['/bin/sh'], WorkingDir: '/' },
    history: ALPINE_HIST,
  },
  UBUNTU_NOBLE,
  debian(['latest', '12', 'bookworm'], BOOKWORM_HIST),
  debian(['bookworm-slim', '12-slim'], BOOKWORM_SLIM_HIST),
  nginxDebian(['latest', '1.27', '1.27.5', 'mainline', 'bookworm'], '1.27.5', '2025-04-16T14:50:27Z', 1497752, [117330000, 43990000]),
  nginxAlpine(['alpine', '1.27-alpine', '1.27.5-alpine', 'mainline-alpine'], '1.27.5', '2025-04-16T16:07:45Z', 1497752, [4980000, 1790000, 35370000, 14420000]),
  // the stable branch, a release of its own (1.28.0 of April 23)
  nginxDebian(['stable', '1.28', '1.28.0', 'stable-bookworm', '1.28-bookworm', '1.28.0-bookworm'], '1.28.0', '2025-04-23T18:00:49Z', NGINX_STABLE_BIN, [117280000, 44150414]),
  nginxAlpine(tagsOf(['stable', '1.28', '1.28.0'], '-alpine', '-alpine3.21'), '1.28.0', '2025-04-23T18:13:40Z', NGINX_STABLE_BIN, [4970000, 1786000, 35360000, 14410000]),
  {
    repo: 'httpd', tags: ['2.4', 'latest', '2', '2.4.63'], created: '2025-05-20T17:41:22Z',
    config: {
      ExposedPorts: { '80/tcp': {} },
      Env: ['PATH=/usr/local/apache2/bin:' + STD_PATH, 'HTTPD_PREFIX=/usr/local/apache2', 'HTTPD_VERSION=2.4.63', 'HTTPD_SHA256=88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab', 'HTTPD_PATCHES='],
      Cmd: ['httpd-foreground'], WorkingDir: '/usr/local/apache2', StopSignal: 'SIGWINCH',
    },
    history: [...BOOKWORM_SLIM_HIST, ...dockerfile(`
ENV HTTPD_PREFIX=/usr/local/apache2
ENV PATH=/usr/local/apache2/bin:${STD_PATH}
RUN mkdir -p "$HTTPD_PREFIX"     && chown www-data:www-data "$HTTPD_PREFIX"
WORKDIR /usr/local/apache2
${apt('ca-certificates libaprutil1-ldap libldap-common')}
ENV HTTPD_VERSION=2.4.63
ENV HTTPD_SHA256=88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab
ENV HTTPD_PATCHES=
RUN set -eux;     savedAptMark="$(apt-mark showmanual)";     apt-get update;
STOPSIGNAL SIGWINCH
COPY httpd-foreground /usr/local/bin/
EXPOSE map[80/tcp:{}]
CMD ["httpd-foreground"]`,
    layer('httpd-prefix', 0, 32, () => ['/usr/local/apache2/']),
    layer('httpd-deps', 9240000, 3720000, deb('apr', 'libapr-1.so.0', 'libaprutil-1.so.0', 'libldap-2.5.so.0')),
    layer('httpd-2.4.63', 64010000, 25480000, () => [
      '/usr/local/apache2/bin/httpd*2473032', '/usr/local/apache2/bin/apachectl*3478', '/usr/local/apache2/conf/httpd.conf=20987', '/usr/local/apache2/htdocs/index.html:' + HTTPD_INDEX, '~/usr/local/apache2/htdocs/index.html 1181588034', '/usr/local/apache2/logs/', '/usr/local/apache2/cgi-bin/',
      fill('/usr/local/apache2/modules', 'mod_ssl.so', 'mod_proxy.so', 'mod_rewrite.so', 'mod_lua.so', 'mod_http2.so', 'mod_md.so'),
      '/usr/local/apache2/build/', '/usr/local/apache2/include/', fill('/usr/local/apache2/error', 'HTTP_NOT_FOUND.html.var', 'README'), fill('/usr/local/apache2/icons', 'apache_pb.png', 'README'),
    ]),
    layer('httpd-foreground', 138, 301, () => ['/usr/local/bin/httpd-foreground*138']))],
  },
  {
    repo: 'node', tags: ['14', '14.21', '14.21.3', 'fermium', '14-buster', 'fermium-buster'], created: '2023-04-10T22:21:38Z',
    config: { Env: [PATH, 'NODE_VERSION=14.21.3', 'YARN_VERSION=1.22.19'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] },
    history: legacy(`
ADD file:${sha256('buster')} in /
CMD ["bash"]
RUN set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl
RUN set -ex; \tif ! command -v gpg > /dev/null; then \t\tapt-get update;
RUN apt-get update && apt-get install -y --no-install-recommends \t\tgit \t\tmercurial
RUN set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf
RUN groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
ENV NODE_VERSION=14.21.3
RUN ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "\${dpkgArch##*-}" in
ENV YARN_VERSION=1.22.19
RUN set -ex   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do
COPY file:${sha256('node-ep')} in /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node"]`,
    layer('debian-buster', 114100000, 50450000, () => debianRoot('osBuster', true)),
    layer('buster-curl', 17580000, 7860000, deb('curl', 'libcurl.so.4', 'libgssapi_krb5.so.2', 'libldap-2.4.so.2')),
    layer('buster-gpg', 17500000, 10000000, deb('gnupg', 'libassuan.so.0', 'libksba.so.8', 'libnpth.so.0')),
    layer('buster-scm', 146000000, 51870000, deb('git', 'libperl.so.5.28', 'libpython2.7.so.1.0', 'libsvn_client-1.so.1')),
    layer('buster-dev', 408470000, 191900000, deb('gcc', 'libLLVM-7.so.1', 'libgfortran.so.5', 'libasan.so.5', 'libMagickCore-6.Q16.so.6', 'libicudata.so.63', 'libmariadb.so.3')),
    nodeUser('node-user'),
    layer('node-14.21.3', 200650000, 35880000, () => ['/usr/local/bin/node*78413912', '/usr/local/bin/npm>../lib/node_modules/npm/bin/npm-cli.js', '/usr/local/bin/npx>../lib/node_modules/npm/bin/npx-cli.js', '/usr/local/lib/node_modules/npm/bin/npm-cli.js*4821', '/usr/local/lib/node_modules/npm/bin/npx-cli.js*4290', fill('/usr/local/lib/node_modules/npm', 'package.json', 'node_modules', 'docs'), fill('/usr/local/include/node', 'node.h', 'v8.h', 'uv.h')]),
    yarn('1.22.19', 'yarn-1.22.19', 7800000, 2290000),
    layer('node-ep', 388, 449, () => [NODE_EP])),
  },
  nodeBookworm(['latest', '24', '24.2', '24.2.0', 'current', 'bookworm', '24-bookworm', '24.2-bookworm', '24.2.0-bookworm', 'current-bookworm'], '24.2.0', '2025-06-10T04:51:37Z', 122968768, 322900000, 49890000),
  nodeBookworm(['22', '22.16', '22.16.0', 'lts', 'jod', '22-bookworm', '22.16-bookworm', '22.16.0-bookworm', 'lts-bookworm', 'jod-bookworm', 'lts-jod'], '22.16.0', '2025-06-04T05:18:23Z', 119480824, 315900000, 48640000),
  python(['latest', '3', '3.13', '3.13.3', 'bookworm'], PY_ENV, '2025-06-04T01:14:42Z', '', [196700000, 26650000]),
  mysql(['latest', '9', '9.3', '9.3.0', 'innovation', 'oracle', 'oraclelinux9'], '9.3.0', 'innovation'),
  mysql(['8', '8.4', '8.4.5', 'lts', '8-oracle', '8.4-oracle'], '8.4.5', '8.4'),
  nodeAlpine(['22-alpine', '22.16-alpine', '22.16.0-alpine', '22-alpine3.21', '22.16-alpine3.21', '22.16.0-alpine3.21', 'lts-alpine', 'jod-alpine', 'lts-alpine3.21', 'jod-alpine3.21'], '22.16.0', '2025-06-04T05:07:43Z', 119480824, 150680000, 51520000),
  nodeAlpine(['24-alpine', '24.2-alpine', '24.2.0-alpine', '24-alpine3.21', '24.2-alpine3.21', '24.2.0-alpine3.21', 'alpine', 'current-alpine', 'alpine3.21', 'current-alpine3.21'], '24.2.0', '2025-06-10T04:38:16Z', 122968768, 153940000, 52480000),
  pythonSmall(['3.13-slim', '3-slim', 'slim', '3.13.3-slim', '3.13-slim-bookworm', '3-slim-bookworm', 'slim-bookworm', '3.13.3-slim-bookworm'], '2025-06-04T01:14:42Z', false, 'python-3.13.3-slim', [4080000, 3520780, 41360000, 12570612]),
  pythonSmall(['3.13-alpine', '3-alpine', 'alpine', '3.13.3-alpine', '3.13-alpine3.21', '3-alpine3.21', 'alpine3.21', '3.13.3-alpine3.21'], '2025-06-04T01:07:52Z', true, 'python-3.13.3-alpine', [1650000, 461000, 35950000, 12890000]),
  redis(['latest', '8', '8.0', '8.0.2', 'bookworm', '8-bookworm', '8.0-bookworm', '8.0.2-bookworm'], false, 66300000, 24560000),
  redis(['alpine', '8-alpine', '8.0-alpine', '8.0.2-alpine', 'alpine3.21', '8-alpine3.21', '8.0-alpine3.21', '8.0.2-alpine3.21'], true, 52600000, 19870000),
  redis(tagsOf(['7', '7.4', '7.4.4'], '', '-bookworm'), false, 38120000, 15339383, '7.4.4'),
  redis(tagsOf(['7', '7.4', '7.4.4'], '-alpine', '-alpine3.21'), true, 30840000, 12290000, '7.4.4'),
  redis(tagsOf(['6', '6.2', '6.2.18'], '', '-bookworm'), false, 26500000, 10487573, '6.2.18'),
  redis(tagsOf(['6', '6.2', '6.2.18'], '-alpine', '-alpine3.21'), true, 23400000, 8640000, '6.2.18'),
  postgres(['latest', '17', '17.5', 'bookworm', '17-bookworm', '17.5-bookworm'], false),
  postgres(['alpine', '17-alpine', '17.5-alpine', 'alpine3.21', '17-alpine3.21', '17.5-alpine3.21'], true),
  // The tags of earlier releases a course's students type, as the Hub served them in June 2025.
  ubuntu(['22.04', 'jammy'], '22.04', '2025-05-29T04:20:59Z', JAMMY),
  ubuntu(['20.04', 'focal'], '20.04', '2025-04-08T10:57:52Z', layer('ubuntu-20.04', 72810000, 27510000, () => debianRoot('osFocal'))),
  debian(['11', 'bullseye', '11.11'], bullseye('debian-bullseye', 123500000, 53740000)),
  debian(['bullseye-slim', '11-slim', '11.11-slim'], bullseye('debian-bullseye-slim', 80640000, 30255940)),
  ALPINE320,
  alpine('3.19.7', '03:05:02', 7380000, 3420868),
  python(tagsOf(['3.12', '3.12.11'], '', '-bookworm'), PY312, '2025-05-30T23:29:22Z', '-3.12.11', [188400000, 25230000]),
  python(tagsOf(['3.11', '3.11.13'], '', '-bookworm'), PY311, '2025-06-03T23:02:53Z', '-3.11.13', [199800000, 28950000]),
  pythonSmall(tagsOf(['3.12', '3.12.11'], '-slim', '-slim-bookworm'), '2025-05-30T23:29:22Z', false, 'python-3.12.11-slim', [4080000, 3511781, 44950000, 13662218], PY312),
  pythonSmall(tagsOf(['3.11', '3.11.13'], '-slim', '-slim-bookworm'), '2025-06-03T23:02:53Z', false, 'python-3.11.13-slim', [4080000, 3514148, 53300000, 16209832], PY311),
  pythonSmall(tagsOf(['3.12', '3.12.11'], '-alpine', '-alpine3.21'), '2025-05-30T23:29:22Z', true, 'python-3.12.11-alpine', [1650000, 461000, 41500000, 15100000], PY312),
  pythonSmall(tagsOf(['3.11', '3.11.13'], '-alpine', '-alpine3.21'), '2025-06-03T23:02:53Z', true, 'python-3.11.13-alpine', [1650000, 461000, 47600000, 17300000], PY311),
  // BuildKit dates an image by its Dockerfile's last change (SOURCE_DATE_EPOCH)
  nodeBookworm(tagsOf(NODE20, '', '-bookworm'), '20.19.2', '2025-05-15T01:33:08Z', 97046368, 315600000, 48632605),
  nodeBookworm(tagsOf(NODE20, '-slim', '-bookworm-slim'), '20.19.2', '2025-05-15T01:33:08Z', 97046368, 119800000, 41165953, true),
  nodeAlpine(tagsOf(NODE20, '-alpine', '-alpine3.21'), '20.19.2', '2025-05-15T01:33:08Z', 97046368, 131000000, 42953899),
  // node 18 left the build matrix at its end of life: these are its last builds, of April 28
  nodeBookworm(tagsOf(NODE18, '', '-bookworm'), '18.20.8', '2025-03-27T14:23:08Z', 93648144, 296400000, 45675495, false, BUILDPACK_BOOKWORM_0428),
  nodeBookworm(tagsOf(NODE18, '-slim', '-bookworm-slim'), '18.20.8', '2025-03-27T14:23:08Z', 93648144, 111800000, 39300000, true, bookworm0428('debian-bookworm-slim-20250428', 74800000, 28227000)),
  nodeAlpine(tagsOf(NODE18, '-alpine', '-alpine3.21'), '18.20.8', '2025-03-27T14:23:08Z', 93648144, 121980000, 40010000),
  mysql(['8.0', '8.0.42', '8.0-oracle', '8.0.42-oracle'], '8.0.42', '8.0', '2025-04-14T22:15:13Z'),
  postgres(tagsOf(['16', '16.9'], '', '-bookworm'), false, '16.9', 313600000, 110040000, PG_JUNE),
  postgres(tagsOf(['16', '16.9'], '-alpine', '-alpine3.21'), true, '16.9', 254800000, 100400000, PG_JUNE),
  postgres(tagsOf(['15', '15.13'], '', '-bookworm'), false, '15.13', 301000000, 106200000, PG_JUNE),
  postgres(tagsOf(['15', '15.13'], '-alpine', '-alpine3.21'), true, '15.13', 243700000, 96900000, PG_JUNE),
  postgres(tagsOf(['14', '14.18'], '', '-bookworm'), false, '14.18', 305200000, 106800000, PG_JUNE),
  postgres(tagsOf(['14', '14.18'], '-alpine', '-alpine3.21'), true, '14.18', 237400000, 94700000, PG_JUNE),
  postgres(tagsOf(['13', '13.21'], '', '-bookworm'), false, '13.21', 296100000, 104100000, PG_JUNE),
  postgres(tagsOf(['13', '13.21'], '-alpine', '-alpine3.21'), true, '13.21', 230600000, 92300000, PG_JUNE),
  // Tags of releases a tutorial of some years ago names: still built (python 3.10, 3.9), or as their last build left them.
  alpine('3.18.12', '02:57:46', 7360000, 3412000),
  ubuntu(['18.04', 'bionic'], '18.04', '2023-05-30T09:32:09Z', layer('ubuntu-18.04', 63200000, 25691799, () => debianRoot('osBionic')), '3c74e7e08cbf9a87694ce6fa541af617599680fa54d9e48556fc0fbc120b4a83'),
  python(tagsOf(['3.10', '3.10.18'], '', '-bookworm'), PY310, '2025-05-30T23:29:22Z', '-3.10.18', [190100000, 26900000]),
  pythonSmall(tagsOf(['3.10', '3.10.18'], '-slim', '-slim-bookworm'), '2025-05-30T23:29:22Z', false, 'python-3.10.18-slim', [4080000, 3512000, 49100000, 15200000], PY310),
  pythonSmall(tagsOf(['3.10', '3.10.18'], '-alpine', '-alpine3.21'), '2025-05-30T23:29:22Z', true, 'python-3.10.18-alpine', [1650000, 461000, 43300000, 15800000], PY310),
  python(tagsOf(['3.9', '3.9.23'], '', '-bookworm'), PY39, '2025-06-04T04:24:53Z', '-3.9.23', [183200000, 26100000]),
  pythonSmall(tagsOf(['3.9', '3.9.23'], '-slim', '-slim-bookworm'), '2025-06-04T04:24:53Z', false, 'python-3.9.23-slim', [4080000, 3511000, 47400000, 14700000], PY39),
  node16(false, ['16', '16.20', '16.20.2', 'gallium', '16-buster', '16.20-buster', '16.20.2-buster', 'gallium-buster'], '2023-09-07T14:52:46Z', [
    layer('debian-buster-20230904', 114060000, 50501000, () => debianRoot('osBuster', true)),
    layer('buster-curl-0904', 33000000, 15760534, deb('curl', 'libcurl.so.4', 'libgssapi_krb5.so.2', 'libldap-2.4.so.2', 'libassuan.so.0', 'libksba.so.8')),
    layer('buster-scm-0904', 146000000, 54584778, deb('git', 'libperl.so.5.28', 'libpython2.7.so.1.0', 'libsvn_client-1.so.1')),
    layer('buster-dev-0904', 510000000, 196851887, deb('gcc', 'libLLVM-7.so.1', 'libgfortran.so.5', 'libasan.so.5', 'libMagickCore-6.Q16.so.6', 'libicudata.so.63', 'libmariadb.so.3')),
    nodeUser('node-user-16', 334000, 4203)], [98500000, 34792550]),
  node16(true, tagsOf(['16', '16.20', '16.20.2', 'gallium'], '-alpine', '-alpine3.18'), '2023-08-09T05:16:32Z', [layer('alpine-3.18.3', 7330000, 3401613, () => alpineRoot('3.18.3'))], [103100000, 36350000]),
  MYSQL57,
  // nginx's older branches as their last builds left them: 1.26 on the bookworm and alpine of April 2025, 1.25 on those of April 2024
  nginxDebian(tagsOf(['1.26', '1.26.3'], '', '-bookworm'), '1.26.3', '2025-02-05T21:27:16Z', NGINX_OLD_BINS['1.26.3'], [117200000, 44010000], '0.8.9 1 2',
    debuerreotype('bookworm', layer('debian-bookworm-slim-20250407', 74800000, 28229000, () => debianRoot('osBookworm10')), '1743984000')),
  nginxAlpine(tagsOf(['1.26', '1.26.3'], '-alpine', '-alpine3.20'), '1.26.3', '2025-02-05T21:27:16Z', NGINX_OLD_BINS['1.26.3'], [4900000, 1780000, 35200000, 14350000], '0.8.9 1 2', ALPINE320.history),
  nginxDebian(tagsOf(['1.25', '1.25.5'], '', '-bookworm'), '1.25.5', '2024-05-03T19:49:21Z', NGINX_OLD_BINS['1.25.5'], [113000000, 41920000], '0.8.4 3',
    legacy(`ADD file:${sha256('bookworm-slim-20240423')} in /\nCMD ["bash"]`, layer('debian-bookworm-slim-20240423', 74800000, 29126000, () => debianRoot('osBookworm5')))),
  nginxAlpine(tagsOf(['1.25', '1.25.5'], '-alpine', '-alpine3.19'), '1.25.5', '2024-05-03T19:49:21Z', NGINX_OLD_BINS['1.25.5'], [4450000, 1700000, 31500000, 12800000], '0.8.4 3',
    legacy(`ADD file:${sha256('alpine-3.19.1')} in /\nCMD ["/bin/sh"]`, layer('alpine-3.19.1', 7380000, 3408729, () => alpineRoot('3.19.1')))),
  registry(['latest', '3', '3.0', '3.0.0'], '3.0.0', '2025-04-02T16:29:44Z', '/etc/distribution/config.yml', 48620000, 16580000),
  registry(['2', '2.8', '2.8.3'], '2.8.3', '2025-02-14T19:54:09Z', '/etc/docker/registry/config.yml', 16900000, 5850000),
  mongo(['latest', '8', '8.0', '8.0.10', 'noble', '8-noble', '8.0-noble', '8.0.10-noble'], '8.0.10', '2025-05-29T21:13:40Z', 801400000, 232600000),
  mongo(tagsOf(['7', '7.0', '7.0.21'], '', '-jammy'), '7.0.21', '2025-05-29T21:13:40Z', 709800000, 205300000),
  mariadb(['latest', '11', '11.8', '11.8.2', 'lts', 'noble', '11-noble', '11.8-noble', '11.8.2-noble', 'lts-noble'], '11.8.2', '2025-06-05T17:02:41Z', 214300000, 60120000),
  mariadb(tagsOf(['11.4', '11.4.7'], '', '-noble'), '11.4.7', '2025-06-05T17:02:41Z', 205600000, 57900000),
  mariadb(tagsOf(['10', '10.11', '10.11.13'], '', '-noble'), '10.11.13', '2025-06-05T17:02:41Z', 198400000, 55800000),
  php(['latest', 'cli', '8', '8.4', '8.4.8', '8-cli', '8.4-cli', '8.4.8-cli'], '8.4.8', 'cli', '2025-06-06T17:51:04Z', 117400000, 33200000),
  php(['apache', '8-apache', '8.4-apache', '8.4.8-apache'], '8.4.8', 'apache', '2025-06-06T17:51:04Z', 117900000, 33300000),
  php(['fpm', '8-fpm', '8.4-fpm', '8.4.8-fpm'], '8.4.8', 'fpm', '2025-06-06T17:51:04Z', 118600000, 33500000),
  php(['8.3', '8.3.22', '8.3-cli', '8.3.22-cli'], '8.3.22', 'cli', '2025-06-06T17:51:04Z', 111300000, 31400000),
  php(['8.3-apache', '8.3.22-apache'], '8.3.22', 'apache', '2025-06-06T17:51:04Z', 111800000, 31500000),
  php(['8.3-fpm', '8.3.22-fpm'], '8.3.22', 'fpm', '2025-06-06T17:51:04Z', 112400000, 31700000),
  PHP82_APACHE,
  httpdAlpine(tagsOf(['alpine', '2-alpine', '2.4-alpine', '2.4.63-alpine'], '', '3.21')),
  wordpress(['latest', '6', '6.8', '6.8.1', 'apache', 'php8.2', 'php8.2-apache', '6-php8.2', '6.8-php8.2', '6.8.1-php8.2', '6.8.1-apache', '6.8.1-php8.2-apache']),
];

/** The catalogue entry for a repository path (`library/x` or `x`) and tag. */
export function findImage(repo: string, tag: string): ImageSpec | undefined {
  const name = repo.replace(/^library\//, '');
  return CATALOG.find((i) => i.repo === name && i.tags.includes(tag));
}

export const hasRepository = (repo: string): boolean => CATALOG.some((i) => i.repo === repo.replace(/^library\//, ''));
