/**
 * `npm start`: build, watch slides/ src/ assets/, serve dist/ on 127.0.0.1 and reload open pages
 * through Server-Sent Events. Each build runs in a fresh child process (`node build.mjs`) so changes
 * to the build chain itself are picked up too. A failed build keeps the last good dist/ and shows
 * its errors as an overlay in the page.
 */
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, watch, mkdtempSync, rmSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { contentType } from './mime';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { BuildError } from './types';
import { formatBuildError } from './types';

export interface ServeOptions {
  root: string;
  port: number;
  outDir: string;
  buildArgs: string[];
  /** folders whose changes trigger a rebuild */
  watchDirs: string[];
}

const EVENTS_PATH = '/__aula/events';

/** Injected only by the dev server: listens for rebuilds and shows build errors over the page. */
const LIVE_RELOAD = `<script>(function(){
var box=null;
function hide(){if(box){box.remove();box=null;}}
function show(errors){hide();box=document.createElement('div');box.id='aula-build-errors';box.setAttribute('role','alert');
box.style.cssText='position:fixed;inset:0;z-index:2147483647;background:rgba(20,0,0,.94);color:#fff;font:18px/1.5 monospace;padding:32px;overflow:auto;text-align:left';
var h=document.createElement('h2');h.textContent='La compilación falló: se sigue mostrando la última versión correcta';h.style.cssText='font:bold 24px sans-serif;color:#ff9b9b;margin:0 0 16px';box.appendChild(h);
var ul=document.createElement('ul');ul.style.cssText='margin:0;padding-left:1.2em';errors.forEach(function(e){var li=document.createElement('li');li.textContent=e;ul.appendChild(li);});box.appendChild(ul);
var p=document.createElement('p');p.textContent='Corrija el archivo y guárdelo: la página se recargará sola.';p.style.cssText='font:16px sans-serif;color:#ccc;margin-top:24px';box.appendChild(p);
var b=document.createElement('button');b.textContent='Cerrar';b.style.cssText='position:absolute;top:16px;right:16px;font:16px sans-serif;padding:6px 14px';b.onclick=hide;box.appendChild(b);
document.body.appendChild(box);}
var es=new EventSource('${EVENTS_PATH}');
es.addEventListener('reload',function(){location.reload();});
es.addEventListener('errors',function(e){show(JSON.parse(e.data));});
es.addEventListener('ok',hide);
})();</script>`;

export function injectLiveReload(html: string): string {
  const i = html.lastIndexOf('</body>');
  return i < 0 ? html + LIVE_RELOAD : html.slice(0, i) + LIVE_RELOAD + html.slice(i);
}

/** Resolves a URL path inside dir; null when it escapes dir or does not exist. */
export function resolveStatic(dir: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  const full = normalize(join(dir, path));
  if (full !== dir && !full.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return null;
  if (!existsSync(full)) return null;
  if (statSync(full).isDirectory()) {
    const index = join(full, 'index.html');
    return existsSync(index) ? index : null;
  }
  return full;
}

export async function listen(server: Server, firstPort: number, host = '127.0.0.1'): Promise<number> {
  for (let port = firstPort; port < firstPort + 100; port++) {
    const ok = await new Promise<boolean>((res) => {
      const onError = (e: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        if (e.code === 'EADDRINUSE' || e.code === 'EACCES') res(false);
        else throw e;
      };
      const onListening = () => {
        server.off('error', onError);
        res(true);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(port, host);
    });
    if (ok) return (server.address() as AddressInfo).port;
  }
  throw new Error(`no hay ningún puerto libre entre ${firstPort} y ${firstPort + 99}`);
}

export async function serve(opts: ServeOptions): Promise<void> {
  const clients = new Set<ServerResponse>();
  let running = false;
  let again = false;
  let errors: string[] = [];
  const reportDir = mkdtempSync(join(tmpdir(), 'aula-serve-'));
  const send = (res: ServerResponse, event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (url.startsWith(EVENTS_PATH)) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
      res.write(': conectado\n\n');
      if (errors.length) send(res, 'errors', errors);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const file = resolveStatic(opts.outDir, url);
    if (!file) {
      const built = existsSync(opts.outDir);
      res.writeHead(built ? 404 : 503, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      const text = built ? 'No encontrado.' : running ? 'Compilando el curso… La página se abrirá sola al terminar.' : 'Todavía no hay ninguna compilación correcta: revise los errores.';
      res.end(injectLiveReload(`<!doctype html><html lang="es"><meta charset="utf-8"><title>Aula Docker</title><body style="font:20px sans-serif;padding:2em"><p>${text}</p></body></html>`));
      return;
    }
    const type = contentType(file);
    const body = readFileSync(file);
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(type.startsWith('text/html') ? injectLiveReload(body.toString('utf8')) : body);
  });
  const port = await listen(server, opts.port);

  const runBuild = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    do {
      again = false;
      const report = join(reportDir, 'report.json');
      rmSync(report, { force: true });
      const started = Date.now();
      const code = await new Promise<number>((res) => {
        const child = spawn(process.execPath, [join(opts.root, 'build.mjs'), ...opts.buildArgs, '--report', report, '--quiet'], { cwd: opts.root, stdio: ['ignore', 'inherit', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (c) => {
          if (c !== 0 && !existsSync(report)) errors = [stderr.trim() || `la compilación terminó con código ${c}`];
          res(c ?? 1);
        });
      });
      if (existsSync(report)) {
        const r = JSON.parse(readFileSync(report, 'utf8')) as { ok: boolean; errors: BuildError[] };
        errors = r.ok ? [] : r.errors.map(formatBuildError);
      }
      const time = new Date().toLocaleTimeString('es-ES');
      if (code === 0 && errors.length === 0) {
        console.log(`[${time}] Compilado en ${Date.now() - started} ms; recargando páginas abiertas.`);
        for (const c of clients) send(c, 'reload', {});
      } else {
        console.error(`[${time}] La compilación falló (se sigue sirviendo la última versión correcta):`);
        for (const e of errors) console.error(`  ${e}`);
        for (const c of clients) send(c, 'errors', errors);
      }
    } while (again);
    running = false;
  };

  console.log(`\nAula Docker: http://127.0.0.1:${port}/\n(vigilando slides/, src/ y assets/; Ctrl+C para salir)\n`);
  await runBuild();
  let timer: NodeJS.Timeout | undefined;
  for (const full of new Set(opts.watchDirs)) {
    if (!existsSync(full)) continue;
    watch(full, { recursive: true }, (_event, name) => {
      if (name && /(^|[\\/])\.|~$|\.sw[px]$/.test(String(name))) return;
      clearTimeout(timer);
      timer = setTimeout(() => void runBuild(), 120);
    });
  }
  // Keeps proxies and browsers from closing idle event streams.
  setInterval(() => {
    for (const c of clients) c.write(': ping\n\n');
  }, 20000).unref();
}
