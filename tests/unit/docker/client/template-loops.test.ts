/** Go's text/template loop control and parse-time scoping, as `docker inspect -f` runs them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';

test('{{break}} and {{continue}} end the iteration, keeping what it printed; outside a range they do not parse', async () => {
  const $ = session(1);
  await $('docker run -d --name web -e A=1 -e B=2 -e C=3 alpine sleep 99');
  const f = async (tpl: string) => (await $(`docker inspect -f '${tpl}' web`)).out;
  assert.equal(await f('{{range .Config.Env}}{{if eq . "B=2"}}{{break}}{{end}}{{.}};{{end}}'), 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin;A=1;\n');
  assert.equal(await f('{{range .Config.Env}}{{if eq . "B=2"}}{{continue}}{{end}}{{.}};{{end}}'), 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin;A=1;C=3;\n');
  assert.equal(await f('{{range .Config.Env}}x{{break}}y{{end}}'), 'x\n');
  assert.deepEqual(await $(`docker inspect -f '{{break}}' web`), { out: '', err: 'template parsing error: template: :1: {{break}} outside {{range}}\n', exit: 64 });
});

test('a variable is known from its declaration to the end of its block', async () => {
  const $ = session(1);
  await $('docker run -d --name web alpine sleep 99');
  assert.equal((await $(`docker inspect -f '{{$n := .Name}}{{with .Config}}{{$n}}{{end}}' web`)).out, '/web\n');
  assert.equal((await $(`docker inspect -f '{{range $i, $e := .Config.Cmd}}{{$i}}={{$e}} {{end}}' web`)).out, '0=sleep 1=99 \n');
  assert.deepEqual(await $(`docker inspect -f '{{if .}}{{$w := 2}}{{end}}{{$w}}' web`), { out: '', err: 'template parsing error: template: :1: undefined variable "$w"\n', exit: 64 });
});
