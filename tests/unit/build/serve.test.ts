import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { injectLiveReload, listen, resolveStatic } from '../../../src/build/serve';

test('resolveStatic sirve archivos y index.html, y nunca sale de la carpeta', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aula-serve-'));
  mkdirSync(join(dir, 'imagenes'));
  writeFileSync(join(dir, 'index.html'), 'i');
  writeFileSync(join(dir, 'imagenes', 'index.html'), 'd');
  assert.equal(resolveStatic(dir, '/'), join(dir, 'index.html'));
  assert.equal(resolveStatic(dir, '/imagenes/'), join(dir, 'imagenes', 'index.html'));
  assert.equal(resolveStatic(dir, '/imagenes/index.html?x=1#/2'), join(dir, 'imagenes', 'index.html'));
  assert.equal(resolveStatic(dir, '/../../etc/passwd'), null);
  assert.equal(resolveStatic(dir, '/%2e%2e/%2e%2e/etc/passwd'), null);
  assert.equal(resolveStatic(dir, '/no-existe'), null);
  assert.equal(resolveStatic(dir, '/%E0%A4%A'), null);
});

test('la recarga en vivo se inyecta antes de </body>', () => {
  const out = injectLiveReload('<html><body><p>x</p></body></html>');
  assert.match(out, /<p>x<\/p><script>[\s\S]*EventSource\('\/__aula\/events'\)[\s\S]*<\/script><\/body><\/html>$/);
});

test('listen toma el siguiente puerto libre si el pedido está ocupado', async () => {
  const a = createServer();
  const first = await listen(a, 0 + 18000 + Math.floor(Math.random() * 20000));
  const b = createServer();
  const second = await listen(b, first);
  assert.ok(second > first);
  await new Promise((r) => a.close(r));
  await new Promise((r) => b.close(r));
});
