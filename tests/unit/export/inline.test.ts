import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { inlinePage, isLocalRef, localRefsLeft, scriptText, woff2Only } from '../../../src/build/export/inline';

const site: Record<string, string | Buffer> = {
  '/site/assets/deck.abc.css': '@font-face{font-family:F;src:url(./fonts/f.woff2) format("woff2")}body{background:url("../assets/img/bg.png")}',
  '/site/assets/fonts/f.woff2': Buffer.from([0x77, 0x4f, 0x46, 0x32, 1, 2, 3]),
  '/site/assets/img/bg.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  '/site/assets/img/diagram.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  '/site/assets/deck.abc.js': 'window.x = "</script>"; /* <!-- */',
  '/site/assets/terminal.def.js': 'window.terminalLoaded = true;',
  '/site/assets/terminal.def.css': '.t{background:url(img/bg.png)}',
};
const read = (p: string) => {
  const v = site[p.split('\\').join('/')];
  return v === undefined ? null : Buffer.from(v);
};

const page = `<!doctype html><html><head>
<link rel="stylesheet" href="../assets/deck.abc.css">
<link rel="icon" href="../assets/img/bg.png">
<link rel="preload" href="../assets/fonts/f.woff2" as="font">
<meta property="og:image" content="../export/a.png">
<script id="aula-config" type="application/json">{"deck":"a","scripts":{"terminal":"../assets/terminal.def.js"},"styles":{"terminal":"../assets/terminal.def.css"}}</script>
<script defer src="../assets/deck.abc.js"></script>
</head><body><div class="reveal"><img src="../assets/img/diagram.svg" alt="d"><a href="../index.html">Índice</a>
<div style="background-image:url('../assets/img/bg.png')"></div></div></body></html>`;

const decode = (dataUrl: string) => Buffer.from(dataUrl.split(',')[1], 'base64');

test('every local file the page uses ends up inside it', () => {
  const { html, missing } = inlinePage(page, join('/site/a', 'index.html'), read);
  assert.deepEqual(missing, []);
  assert.deepEqual(localRefsLeft(html), []);
  assert.doesNotMatch(html, /\.\.\/assets\//);
  assert.match(html, /<style>@font-face\{font-family:F;src:url\("data:font\/woff2;base64,/);
  assert.match(html, /<img src="data:image\/svg\+xml;base64,[^"]+" alt="d">/);
  assert.match(html, /<link rel="icon" href="data:image\/png;base64,/);
  assert.doesNotMatch(html, /preload/);
  assert.doesNotMatch(html, /og:image/);
  assert.match(html, /style="background-image:url\(&quot;data:image\/png;base64,/);
  // links to other pages stay: next to the site they still work
  assert.match(html, /<a href="\.\.\/index\.html">/);
});

test('the lazily loaded scripts of aula-config travel inside the page, their styles as data: URLs', () => {
  const { html } = inlinePage(page, '/site/a/index.html', read);
  const json = /<script id="aula-config" type="application\/json">(.*?)<\/script>/.exec(html)![1];
  const config = JSON.parse(json) as { scripts: Record<string, string>; styles: Record<string, string>; singleFile: boolean };
  assert.equal(config.singleFile, true);
  assert.equal(config.scripts.terminal, 'aula-inline:terminal');
  // the inert block and the loader that turns it into a URL come right after the config
  const after = html.slice(html.indexOf(json) + json.length);
  assert.match(after, /^<\/script><script type="text\/plain" data-aula-inline="terminal">window\.terminalLoaded = true;<\/script><script>\(function\(\)\{var c=document\.getElementById\('aula-config'\)/);
  assert.ok(html.indexOf('data-aula-inline') < html.indexOf('window.x'), 'before the deck runtime reads its config');
  assert.match(config.styles.terminal, /^data:text\/css;base64,/);
  assert.match(decode(config.styles.terminal).toString(), /url\("data:image\/png;base64,/);
});

test('a deferred script runs after the document, and cannot close its own element early', () => {
  const { html } = inlinePage(page, '/site/a/index.html', read);
  const at = html.indexOf('window.x');
  assert.ok(at > html.indexOf('<div class="reveal">'), 'deferred script moved after the body content');
  assert.ok(at < html.indexOf('</body>'));
  assert.doesNotMatch(html.slice(at, html.indexOf('</script>', at)), /<\/script|<!--/i);
  assert.equal(scriptText('a("</SCRIPT>")'), 'a("<\\/SCRIPT>")');
});

test('a missing file is reported, not silently dropped', () => {
  const { missing } = inlinePage('<img src="nope.png">', '/site/a/index.html', read);
  assert.deepEqual(missing, ['/site/a/nope.png']);
});

test('which references are local', () => {
  for (const u of ['a.css', '../x/y.js', './f.woff2', 'img/a%20b.png']) assert.equal(isLocalRef(u), true, u);
  for (const u of ['data:text/css,', 'https://x.org/a.js', '//cdn/x.js', '#frag', 'mailto:a@b', '']) assert.equal(isLocalRef(u), false, u);
});

test('fonts travel once, as woff2', () => {
  const css = '@font-face{font-family:A;src:url(a.woff2) format("woff2"),url(a.woff) format("woff");font-weight:400}@font-face{font-family:B;src:url(b.ttf)}';
  assert.equal(woff2Only(css), '@font-face{font-family:A;src:url(a.woff2) format("woff2");font-weight:400}@font-face{font-family:B;src:url(b.ttf)}');
});
