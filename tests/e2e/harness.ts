/**
 * Shared browser-test kit: Chromium (through src/build/chromium.ts), a static server for dist/ on
 * 127.0.0.1 with a free port, a recorder of every request / console error of a page (and of the
 * popups it opens), and ways to open a deck from file:// or over http.
 */
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, ConsoleMessage, Page, Request } from 'playwright-core';
import { launchChromium } from '../../src/build/chromium';
import { contentType } from '../../src/build/mime';
import { resolveStatic } from '../../src/build/serve';

export const ROOT = join(import.meta.dirname, '..', '..');
/** The built site under test; AULA_DIST points the tests at another build. */
export const DIST = process.env.AULA_DIST ? process.env.AULA_DIST : join(ROOT, 'dist');

export { launchChromium };

/** One Chromium and one static server over dist/ for a whole test file, closed after it. */
export function useSite(minDecks = 1): { readonly browser: Browser; readonly server: StaticServer } {
  const site = {} as { browser: Browser; server: StaticServer };
  before(async () => {
    assert.ok(listDecks().length >= minDecks, `dist/ necesita al menos ${minDecks} presentación(es): ejecute \`npm run build\` antes`);
    site.browser = await launchChromium();
    site.server = await startStaticServer();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  port: number;
  /** every path requested so far, in order */
  requests: string[];
  /** paths answered 404, in order */
  notFound: string[];
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 with a port the OS picks. */
export async function startStaticServer(dir: string = DIST): Promise<StaticServer> {
  const requests: string[] = [];
  const notFound: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    const file = resolveStatic(dir, url);
    if (!file) {
      notFound.push(url);
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('No encontrado');
      return;
    }
    res.writeHead(200, { 'Content-Type': contentType(file), 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    notFound,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Slugs of the decks in a built site (folders of dist/ with an index.html), in course order. */
export function listDecks(dist: string = DIST): string[] {
  if (!existsSync(join(dist, 'index.html'))) return [];
  const landing = readFileSync(join(dist, 'index.html'), 'utf8');
  const linked = [...landing.matchAll(/href="([a-z0-9-]+)\/index\.html"/g)].map((m) => m[1]);
  const present = readdirSync(dist).filter((d) => d !== 'assets' && existsSync(join(dist, d, 'index.html')));
  return [...new Set([...linked.filter((s) => present.includes(s)), ...present.sort()])];
}

export interface PageRecord {
  /** every URL requested by the page and the popups it opened */
  requests: string[];
  /** console messages of type error, and uncaught exceptions */
  errors: string[];
  /** requests that failed (not found, blocked...) */
  failed: string[];
  /** requests to anything other than file:, data:, blob:, about: and the given local origins */
  foreign(localOrigins?: string[]): string[];
}

/** Records requests and errors of a whole context (popups included); call before opening pages. */
export function recordContext(context: BrowserContext): PageRecord {
  const record: PageRecord = {
    requests: [],
    errors: [],
    failed: [],
    foreign(localOrigins = []) {
      return this.requests.filter((u) => !isLocalUrl(u, localOrigins));
    },
  };
  const watch = (page: Page) => {
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') record.errors.push(`${page.url()}: console.error: ${m.text()}`);
    });
    page.on('pageerror', (e: Error) => record.errors.push(`${page.url()}: ${e.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  context.on('request', (r: Request) => record.requests.push(r.url()));
  context.on('requestfailed', (r: Request) => record.failed.push(`${r.url()} (${r.failure()?.errorText ?? 'falló'})`));
  return record;
}

export function isLocalUrl(url: string, localOrigins: string[] = []): boolean {
  if (/^(file|data|blob|about):/.test(url)) return true;
  try {
    const origin = new URL(url).origin;
    return localOrigins.includes(origin);
  } catch {
    return false;
  }
}

export type Via = 'file' | 'http';

/** URL of a page of the built site: `deckUrl('file', 'imagenes')`, `deckUrl('http', '', server)`. */
export function siteUrl(via: Via, path: string, server?: StaticServer, dist: string = DIST): string {
  if (via === 'http') {
    if (!server) throw new Error('siteUrl: falta el servidor para abrir por http');
    return `${server.url}/${path}`;
  }
  return pathToFileURL(join(dist, path)).href;
}

export function deckUrl(via: Via, slug: string, server?: StaticServer, hash = '', dist: string = DIST): string {
  return siteUrl(via, `${slug}/index.html`, server, dist) + hash;
}

/** Waits until reveal.js has initialised and the first slide is laid out. */
export async function waitForDeck(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const r = window.Aula?.reveal;
    return !!r && r.isReady() && !!document.querySelector('.reveal .slides section.present');
  });
}

export interface OpenedDeck {
  context: BrowserContext;
  page: Page;
  record: PageRecord;
  close(): Promise<void>;
}

/** Opens a deck in a fresh context (own storage, own records) and waits for reveal. */
export async function openDeck(browser: Browser, url: string, options: { viewport?: { width: number; height: number } } = {}): Promise<OpenedDeck> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  const record = recordContext(context);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await waitForDeck(page);
  return { context, page, record, close: () => context.close() };
}

/** reveal's position as [h, v, f] (f = -1 before the first fragment). */
export async function revealPosition(page: Page): Promise<[number, number, number]> {
  return page.evaluate(() => {
    const i = window.Aula!.reveal.getIndices();
    return [i.h, i.v ?? 0, i.f ?? -1] as [number, number, number];
  });
}
