import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, LaunchOptions } from 'playwright-core';

// Loaded on first use: Playwright takes longer to load (~0.6 s) than a whole cached build, and
// builds whose diagrams are all cached never touch a browser.
let pw: typeof import('playwright-core') | undefined;
function playwright(): typeof import('playwright-core') {
  pw ??= createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
  return pw;
}

/** Where a Chromium can be found, in the order users expect: their own, Playwright's, Debian's. */
export function findChromium(): string | null {
  // Lets tests and users check the no-browser paths on a machine that has one.
  if (process.env.AULA_NO_BROWSER === '1') return null;
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  try {
    const own = playwright().chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // playwright-core without a downloaded browser throws here; fall through
  }
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (existsSync(p)) return p;
  }
  return null;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const NO_BROWSER_HELP =
  'No se encontró Chromium. Instálelo (Debian/Ubuntu: `apt-get install chromium`; ' +
  'o `npx playwright install chromium`) o indique su ruta en la variable CHROMIUM_PATH.';

export async function launchChromium(extra: LaunchOptions = {}): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_BROWSER_HELP);
  return playwright().chromium.launch({ headless: true, ...extra, executablePath, args: [...CHROMIUM_ARGS, ...(extra.args ?? [])] });
}
