// The commands that talk with the terminal (questions, passwords, endless output stopped by
// Ctrl+C, a container's shell on a network, an editor holding the screen), typed in a real
// Chromium into a free terminal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildCourse } from '../../src/build/build';
import { deckUrl, launchChromium, openDeck, ROOT, type OpenedDeck } from './harness';

const OUT = mkdtempSync(join(tmpdir(), 'aula-interactive-e2e-'));
let browser: Browser;

before(async () => {
  const r = await buildCourse({ root: ROOT, slidesDir: join(ROOT, 'tests/e2e/fixtures/interactive/slides'), outDir: OUT });
  assert.ok(r.ok, r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  rmSync(OUT, { recursive: true, force: true });
});

/** The deck on the terminal's slide, its machine prepared (alpine and ubuntu pulled), the keyboard in it. */
async function open(): Promise<OpenedDeck> {
  const deck = await openDeck(browser, deckUrl('file', 'interactivo', undefined, '#/1', OUT));
  const { page } = deck;
  await page.waitForFunction(() => (window.AulaTerminal?.count() ?? 0) >= 1 && window.AulaTerminal!.text(document.querySelector('.aula-terminal')!) !== '');
  await page.locator('.aula-term-screen').click();
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  return deck;
}

const text = (page: Page): Promise<string> => page.evaluate(() => window.AulaTerminal!.text(document.querySelector('.aula-terminal')!));

async function waitText(page: Page, re: RegExp): Promise<string> {
  try {
    await page.waitForFunction(([src, flags]) => new RegExp(src, flags).test(window.AulaTerminal!.text(document.querySelector('.aula-terminal')!)), [re.source, re.flags] as const, { timeout: 20_000 });
  } catch {
    assert.fail(`the terminal never showed ${re}; it shows:\n${await text(page)}`);
  }
  return text(page);
}

/** Types a line and waits for the prompt after it (the host's `$`, or the one given). */
async function run(page: Page, line: string, prompt: RegExp = /\n\$$/): Promise<string> {
  const before = (await text(page)).length;
  await page.keyboard.type(line + '\n');
  await page.waitForFunction(([n, src]) => {
    const t = window.AulaTerminal!.text(document.querySelector('.aula-terminal')!);
    return t.length > n && new RegExp(src).test(t);
  }, [before, prompt.source] as const, { timeout: 20_000 }).catch(async () => assert.fail(`no prompt after ${line}:\n${await text(page)}`));
  const all = await text(page);
  return all.slice(all.lastIndexOf(line));
}

/** What the row holding the cursor shows before it (xterm draws the cursor as a cell of its own). */
/**
 * What the rendered row shows before the cursor. The rows are drawn on the next animation frame
 * after the buffer changes, so this waits (up to 5 s) for them to show `want`.
 */
async function beforeCursor(page: Page, want: string): Promise<string> {
  const read = () => page.evaluate(() => {
    const cursor = document.querySelector('.aula-terminal .xterm-rows .xterm-cursor');
    let s = '';
    for (let n = cursor?.previousSibling; n; n = n.previousSibling) s = n.textContent + s;
    return cursor ? s.replace(/\u00a0/g, ' ') : '(no cursor)';
  });
  for (let waited = 0; waited < 5000; waited += 50) {
    const s = await read();
    if (s === want) return s;
    await page.waitForTimeout(50);
  }
  return read();
}

/** Nothing new appears for a while: the command is still waiting. */
async function stillWaiting(page: Page, ms = 700): Promise<string> {
  const now = await text(page);
  await page.waitForTimeout(ms);
  assert.equal(await text(page), now);
  return now;
}

test('docker login: the username is echoed, the password is not, and the line ends after Enter', async () => {
  const deck = await open();
  const { page } = deck;
  await page.keyboard.type('docker login\n');
  await waitText(page, /\nUsername:$/);
  await page.keyboard.type('pepe');
  await waitText(page, /\nUsername: pepe$/);
  await page.keyboard.press('Enter');
  await waitText(page, /\nPassword:$/);
  await page.keyboard.type('secreto');
  await page.keyboard.press('Backspace');
  await page.waitForTimeout(200);
  assert.match(await text(page), /\nPassword:$/);
  assert.equal(await beforeCursor(page, 'Password: '), 'Password: ', 'the cursor does not move either');
  await page.keyboard.press('Enter');
  const shown = await waitText(page, /Login Succeeded\n\$$/);
  assert.match(shown, /\nPassword: ?\n\nWARNING! Your credentials are stored unencrypted/);
  assert.doesNotMatch(shown, /secret/);
  assert.equal(await beforeCursor(page, '$ '), '$ ');
  // stored: a second login says so without asking
  await run(page, 'docker login');
  assert.match(await text(page), /Authenticating with existing credentials\.\.\. \[Username: pepe\]/);

  // Ctrl+C at the password prompt: nothing typed appears, not even ^C (echo is off); the prompt
  // ends its line and the cancelled login exits 0, as docker/cli's main treats a cancellation
  await run(page, 'docker logout');
  await page.keyboard.type('docker login -u ana\n');
  await waitText(page, /\nPassword:$/);
  await page.keyboard.type('oculta');
  await page.keyboard.press('Control+c');
  await waitText(page, /\nPassword: \n\$$/);
  assert.match(await run(page, 'echo $?'), /^echo \$\?\n0\n\$$/);
  assert.doesNotMatch(await text(page), /oculta/);
  assert.deepEqual(deck.record.errors, []);
  await deck.close();
});

test('docker events waits for events until Ctrl+C (a cancelled command exits 0); with --since it replays then follows', async () => {
  const deck = await open();
  const { page } = deck;
  await page.keyboard.type('docker events\n');
  await waitText(page, /\$ docker events$/);
  await stillWaiting(page);
  await page.keyboard.press('Control+c');
  await waitText(page, /\$ docker events\n\^C\n\$$/);
  assert.match(await run(page, 'echo $?'), /\n0\n\$$/);

  await run(page, 'docker run --name uno alpine true');
  await page.keyboard.type('docker events --since 10m --filter container=uno --format "{{.Action}} {{.Actor.Attributes.name}}"\n');
  await waitText(page, /\ncreate uno\nattach uno\nstart uno\ndie uno$/);
  await stillWaiting(page);
  await page.keyboard.press('Control+c');
  await waitText(page, /\ndie uno\n\^C\n\$$/);
  assert.match(await run(page, 'echo $?'), /\n0\n\$$/);
  await deck.close();
});

test('docker stats keeps redrawing its table until Ctrl+C', async () => {
  const deck = await open();
  const { page } = deck;
  await run(page, 'docker run -d --name dormido alpine sleep 1000');
  await page.keyboard.type('docker stats\n');
  const first = await waitText(page, /CONTAINER ID +NAME +CPU %[^\n]*\n[0-9a-f]{12} +dormido [^\n]*$/);
  // a new frame is drawn over the old one (the usage figures move), and no prompt comes
  await page.waitForFunction((old) => window.AulaTerminal!.text(document.querySelector('.aula-terminal')!) !== old, first, { timeout: 10_000 });
  assert.match(await text(page), /^CONTAINER ID +NAME +CPU %[^\n]*\n[0-9a-f]{12} +dormido [^\n]*$/);
  await page.keyboard.press('Control+c');
  await waitText(page, /\^C\n\$$/);
  assert.match(await run(page, 'echo $?'), /\n0\n\$$/);
  await deck.close();
});

test('prune questions: y runs them, n cancels, Ctrl+C ends them with the prompt back', async () => {
  const deck = await open();
  const { page } = deck;
  await run(page, 'docker network create red');
  await page.keyboard.type('docker network prune\n');
  await waitText(page, /Are you sure you want to continue\? \[y\/N\]$/);
  assert.equal(await beforeCursor(page, 'Are you sure you want to continue? [y/N] '), 'Are you sure you want to continue? [y/N] ');
  await page.keyboard.type('n\n');
  await waitText(page, /\[y\/N\] n\n\$$/);
  assert.match(await run(page, 'docker network ls --format "{{.Name}}"'), /\nred\n/);

  await page.keyboard.type('docker network prune\n');
  await waitText(page, /\[y\/N\]$/);
  await page.keyboard.type('y\n');
  await waitText(page, /\[y\/N\] y\nDeleted Networks:\nred\n\n?\$$/);

  await run(page, 'docker volume create datos');
  await page.keyboard.type('docker volume prune -a\n');
  await waitText(page, /\[y\/N\]$/);
  await page.keyboard.type('y');
  await page.keyboard.press('Control+c');
  await waitText(page, /\[y\/N\] y\^C\n\$$/);
  assert.match(await run(page, 'echo $?'), /\n0\n\$$/);
  assert.match(await run(page, 'docker volume ls -q'), /\ndatos\n\$$/);
  // Up at the question does not bring back the host's commands
  await page.keyboard.type('docker volume prune -a\n');
  await waitText(page, /\[y\/N\]$/);
  await page.keyboard.press('ArrowUp');
  await page.waitForTimeout(150);
  assert.match(await text(page), /\[y\/N\]$/);
  await page.keyboard.type('y\n');
  await waitText(page, /Deleted Volumes:\ndatos\n\nTotal reclaimed space: 0B\n\$$/);

  await run(page, 'docker run --name parado alpine true');
  await page.keyboard.type('docker system prune\n');
  await waitText(page, /WARNING! This will remove:\n  - all stopped containers[\s\S]*\[y\/N\]$/);
  await page.keyboard.type('y\n');
  await waitText(page, /Deleted Containers:\n[0-9a-f]{64}\n[\s\S]*Total reclaimed space: [^\n]+\n\$$/);
  assert.deepEqual(deck.record.errors, []);
  await deck.close();
});

test('a container on a user network pings another by name; docker save -o writes a file ls -l lists', async () => {
  const deck = await open();
  const { page } = deck;
  await run(page, 'docker network create red');
  await run(page, 'docker run -d --network red --name bb alpine sleep 1000');
  await run(page, 'docker run -it --network red --name aa alpine sh', /\n\/ #$/);
  const ping = await run(page, 'ping -c 1 bb', /\n\/ #$/);
  assert.match(ping, /^ping -c 1 bb\nPING bb \(172\.18\.0\.\d+\): 56 data bytes\n64 bytes from 172\.18\.0\.\d+: seq=0 ttl=64 time=[\d.]+ ms\n\n--- bb ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\n/);
  await run(page, 'exit');

  await run(page, 'docker save -o img.tar alpine');
  assert.match(await run(page, 'ls -l'), /^ls -l\ntotal \d+\n-rw------- 1 alumno alumno +\d+ \w{3} [ \d]\d \d\d:\d\d img\.tar\n\$$/);
  await deck.close();
});

test('here-strings and set -x in a container\'s bash', async () => {
  const deck = await open();
  const { page } = deck;
  await run(page, 'docker run -it ubuntu bash', /#$/);
  const here = await run(page, 'cat <<< hola', /#$/);
  assert.match(here, /^cat <<< hola\nhola\nroot@/);
  await run(page, 'set -x', /#$/);
  assert.match(await run(page, 'echo "$((1+1))" dos', /#$/), /^echo "\$\(\(1\+1\)\)" dos\n\+ echo 2 dos\n2 dos\nroot@/);
  await deck.close();
});

test('Ctrl+C on ping -c 100 after two replies: the statistics follow the ^C, busybox format in alpine and iputils in ubuntu', async () => {
  const deck = await open();
  const { page } = deck;
  await run(page, 'docker run -it alpine', /\n\/ #$/);
  await page.keyboard.type('ping -c 100 8.8.8.8\n');
  await waitText(page, /seq=1 ttl=117 time=[\d.]+ ms$/);
  await page.keyboard.press('Control+c');
  await waitText(page, /seq=1 ttl=117 time=[\d.]+ ms\n\^C\n--- 8\.8\.8\.8 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min\/avg\/max = [\d.]+\/[\d.]+\/[\d.]+ ms\n\/ #$/);
  assert.match(await run(page, 'echo $?', /\n\/ #$/), /\n0\n\/ #$/);
  await run(page, 'exit');

  const bash = /\nroot@[0-9a-f]{12}:\/# ?$/;
  await run(page, 'docker run -it ubuntu', bash);
  await run(page, 'apt-get update', bash);
  await run(page, 'apt-get install -y iputils-ping', bash);
  await page.keyboard.type('ping -c 100 google.com\n');
  await waitText(page, /icmp_seq=2 ttl=117 time=[\d.]+ ms$/);
  await page.keyboard.press('Control+c');
  await waitText(page, /icmp_seq=2 ttl=117 time=[\d.]+ ms\n\^C\n--- google\.com ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time \d+ms\nrtt min\/avg\/max\/mdev = [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms\nroot@[0-9a-f]{12}:\/#$/);
  assert.deepEqual(deck.record.errors, []);
  await deck.close();
});

test('Ctrl+C during apt-get install stops it where it was: $? is 130 and the package is not installed', async () => {
  const deck = await open();
  const { page } = deck;
  const bash = /\nroot@[0-9a-f]{12}:\/# ?$/;
  await run(page, 'docker run -it ubuntu', bash);
  await run(page, 'apt-get update', bash);
  await page.keyboard.type('apt-get install -y curl\n');
  await waitText(page, /\nGet:1 [^\n]+$/);
  await page.keyboard.press('Control+c');
  const shown = await waitText(page, /\nGet:\d+ [^\n]+\n\^C\nroot@[0-9a-f]{12}:\/#$/);
  assert.doesNotMatch(shown.slice(shown.lastIndexOf('apt-get install')), /Fetched|Unpacking|Setting up/);
  // nothing more arrives later: the install does not go on behind the prompt
  await stillWaiting(page);
  assert.match(await run(page, 'echo $?', bash), /\n130\nroot@[0-9a-f]{12}:\/#$/);
  assert.match(await run(page, 'curl --version', bash), /\nbash: curl: command not found\n/);
  assert.deepEqual(deck.record.errors, []);
  await deck.close();
});

test('nano in ubuntu: type, Ctrl+O Enter writes, Esc stays in the terminal, Ctrl+X leaves, cat shows the text', async () => {
  const { page } = await open();
  await page.keyboard.type('docker run -it ubuntu bash\n');
  await waitText(page, /root@\w+:\/#$/);
  await page.keyboard.type('apt-get update >/dev/null && apt-get install -y nano >/dev/null; echo listo\n');
  await waitText(page, /\nlisto\nroot@\w+:\/#$/);
  await page.keyboard.type('nano /usr/share/hola.txt\n');
  await waitText(page, /GNU nano 7\.2[^]*\[ New File \][^]*\^X Exit/);
  await page.keyboard.type('Hola desde nano');
  await page.keyboard.press('Escape');
  // Esc went to nano: the keyboard is still the terminal's, and its hint says how to leave
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA');
  assert.match(await page.locator('.aula-terminal').innerText(), /Esc es del editor · «Salir de la terminal»: volver/);
  await page.keyboard.press('Control+o');
  await waitText(page, /File Name to Write: \/usr\/share\/hola\.txt/);
  await page.keyboard.press('Enter');
  await waitText(page, /\[ Wrote 1 line \]/);
  await page.keyboard.press('Control+x');
  await waitText(page, /root@\w+:\/#$/);
  await page.keyboard.type('cat /usr/share/hola.txt\n');
  await waitText(page, /cat \/usr\/share\/hola\.txt\nHola desde nano\nroot@\w+:\/#$/);
});
