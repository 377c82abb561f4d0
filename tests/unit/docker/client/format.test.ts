import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayablePorts } from '../../../../src/docker/client/format/ports';
import { ellipsis, goQuote, tabwrite } from '../../../../src/docker/client/format/table';
import { render } from '../../../../src/docker/client/format/template';
import { humanDuration, humanSize, shortId, sizeString } from '../../../../src/docker/client/format/units';
import { formatList, listFormat } from '../../../../src/docker/client/format/list';
import { Flags } from '../../../../src/docker/client/flags';
import { progressString } from '../../../../src/docker/client/progress';

test('sizes use %.3g decimal units with half-even rounding and the 1e+03 quirk', () => {
  assert.equal(sizeString(0), '0B');
  assert.equal(sizeString(4), '4B');
  assert.equal(sizeString(10072), '10.1kB');
  assert.equal(sizeString(1024), '1.02kB');
  assert.equal(sizeString(2125), '2.12kB');
  assert.equal(sizeString(72.9e6), '72.9MB');
  assert.equal(sizeString(148e6), '148MB');
  assert.equal(sizeString(148.5e6), '148MB');
  assert.equal(sizeString(999.5e6), '1e+03MB');
  assert.equal(sizeString(999), '999B');
  assert.equal(sizeString(1000), '1kB');
  assert.equal(humanSize(1048576), '1.049MB');
  assert.equal(humanSize(2048), '2.048kB');
});

test('durations follow go-units HumanDuration', () => {
  const s = 1000;
  assert.equal(humanDuration(999), 'Less than a second');
  assert.equal(humanDuration(1 * s), '1 second');
  assert.equal(humanDuration(59 * s), '59 seconds');
  assert.equal(humanDuration(60 * s), 'About a minute');
  assert.equal(humanDuration(119 * s), 'About a minute');
  assert.equal(humanDuration(120 * s), '2 minutes');
  assert.equal(humanDuration(59 * 60 * s), '59 minutes');
  assert.equal(humanDuration(60 * 60 * s), 'About an hour');
  assert.equal(humanDuration(90 * 60 * s), '2 hours');
  assert.equal(humanDuration(47 * 3600 * s), '47 hours');
  assert.equal(humanDuration(48 * 3600 * s), '2 days');
  assert.equal(humanDuration(14 * 86400 * s), '2 weeks');
  assert.equal(humanDuration(60 * 86400 * s), '2 months');
  assert.equal(humanDuration(800 * 86400 * s), '2 years');
});

test('tabwriter: minwidth 10, padding 3, last cell unpadded', () => {
  assert.equal(tabwrite([['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']]),
    'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  assert.equal(tabwrite([['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE']]), 'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n');
  assert.equal(formatList('table {{.ID}}\\t{{.Name}}', [{ ID: 'abc', Name: 'x' }], { ID: 'ID', Name: 'NAME' }), 'ID        NAME\nabc       x\n');
  assert.equal(formatList('{{.ID}}: {{.Name}}', [{ ID: 'abc', Name: 'x' }], {}), 'abc: x\n');
  // a rune outside the BMP counts once: Go's tabwriter counts runes
  assert.equal(tabwrite([['🐳 app', 'x'], ['caja-grande', 'y']]), '🐳 app         x\ncaja-grande   y\n');
});

test('ids, ellipsis and Go quoting', () => {
  assert.equal(shortId('sha256:d2c94e258dcb3c5ac2798d32e1249e42ef01cba4841c2234249495f87264ac5a'), 'd2c94e258dcb');
  assert.equal(goQuote(ellipsis('/docker-entrypoint.sh nginx -g \'daemon off;\'', 20)), '"/docker-entrypoint.…"');
  assert.equal(goQuote('sh -c \'ls -la\''), '"sh -c \'ls -la\'"');
  assert.equal(goQuote('a"b\\c\n'), '"a\\"b\\\\c\\n"');
});

test('ports: IPv4 and IPv6 bindings, exposed ranges, the ::: quirk', () => {
  assert.equal(displayablePorts([
    { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
  ]), '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
  assert.equal(displayablePorts([{ PrivatePort: 80, Type: 'tcp' }]), '80/tcp');
  assert.equal(displayablePorts([80, 81, 82].map((p) => ({ PrivatePort: p, Type: 'tcp' as const }))), '80-82/tcp');
  assert.equal(displayablePorts([
    { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 80, Type: 'tcp' },
    { IP: '::', PrivatePort: 80, PublicPort: 80, Type: 'tcp' },
  ]), '0.0.0.0:80->80/tcp, :::80->80/tcp');
  assert.equal(displayablePorts([]), '');
});

test('templates: paths, json, index, range, if', () => {
  const data = { Id: 'abc', State: { Status: 'running', Pid: 42 }, Config: { Cmd: ['/bin/bash'], Entrypoint: null, Labels: { a: 'b' } } };
  assert.equal(render('{{.Id}}', data), 'abc');
  assert.equal(render('{{.State.Status}} {{.State.Pid}}', data), 'running 42');
  assert.equal(render('{{json .Config}}', data), '{"Cmd":["/bin/bash"],"Entrypoint":null,"Labels":{"a":"b"}}');
  assert.equal(render('{{.Config.Cmd}}', data), '[/bin/bash]');
  assert.equal(render('{{index .Config.Labels "a"}}', data), 'b');
  assert.equal(render('{{range .Config.Cmd}}<{{.}}>{{end}}', data), '</bin/bash>');
  assert.equal(render('{{if .State.Pid}}yes{{else}}no{{end}}', data), 'yes');
  assert.equal(render('{{.Nope}}', data), '<no value>');
  assert.equal(render('{{.State.Status | upper}}', data), 'RUNNING');
  assert.throws(() => render('{{.Id', data));
});

test('templates: a field read from a parenthesised value (a Go chain node)', () => {
  const data = { Mounts: [{ Name: 'datos', Destination: '/data' }], State: { Status: 'running' } };
  assert.equal(render('{{(index .Mounts 0).Destination}}', data), '/data');
  assert.equal(render('{{ (.State).Status | upper }}', data), 'RUNNING');
  assert.equal(render('{{range .Mounts}}{{(.).Name}}{{end}}', data), 'datos');
});

test('pull progress: bar only on wide terminals, sizes right-aligned to 8', () => {
  const m = { status: 'Downloading', id: 'x', progressDetail: { current: 1048576, total: 3400000 } };
  assert.equal(progressString(m, 80), ' 1.049MB/3.4MB');
  assert.equal(progressString(m, 120), `[${'='.repeat(15)}>${' '.repeat(35)}]  1.049MB/3.4MB`);
  assert.equal(progressString({ status: 'Pull complete', id: 'x', progressDetail: {} }, 120), '');
});

test('template errors read like the client reports them', () => {
  assert.throws(() => render('{{.Id', {}), { message: 'template parsing error: template: :1: unclosed action' });
  assert.throws(() => render('{{foo .Id}}', {}), { message: 'template parsing error: template: :1: function "foo" not defined' });
  assert.throws(() => formatList('table {{.ID}}\\t{{.Nope}}', [{ ID: 'x' }], { ID: 'ID' }, '*formatter.ContainerContext'),
    { message: 'template parsing error: template: :1:10: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext' });
});

test('docker/cli formatter: empty or bare table format, header functions, .Label, comparisons, parentheses', () => {
  const flags = (format?: string, quiet = false): Flags => {
    const f = new Flags();
    if (format !== undefined) f.set({ long: 'format', type: 'string' }, format);
    if (quiet) f.set({ long: 'quiet', short: 'q', type: 'bool' }, 'true');
    return f;
  };
  assert.equal(listFormat(flags(''), 'table {{.ID}}\t{{.Names}}'), 'table {{.ID}}\t{{.Names}}');
  assert.equal(listFormat(flags('table'), 'table {{.ID}}'), 'table {{.ID}}');
  assert.equal(listFormat(flags('table', true), 'table {{.ID}}'), '{{.ID}}');
  assert.equal(listFormat(flags('{{.Names}}', true), 'table {{.ID}}'), '{{.Names}}');
  const rows = [{ Names: 'web', State: 'running', Label: (k: unknown) => ({ 'com.example.my-tier': 'front' } as Record<string, string>)[String(k)] ?? '' },
    { Names: 'hw', State: 'exited', Label: () => '' }];
  const headers = { Names: 'NAMES', State: 'STATE' };
  assert.equal(formatList('table {{lower .Names}}\t{{truncate .State 3}}\t{{.Label "com.example.my-tier"}}', rows, headers),
    'NAMES     STATE     my tier\nweb       run       front\nhw        exi       \n');
  assert.equal(formatList('{{if eq .State "running"}}up{{else if ne .Names "x"}}{{.Names}}{{end}}', rows.slice(0, 1), headers), 'up\n');
  assert.equal(formatList('{{if and (eq .State "exited") (not (eq .Names "web"))}}gone{{end}}|{{pad (.Label "x") 1 1}}|', rows, headers), '||\ngone||\n');
  assert.equal(formatList('{{join (split .Names "e") "-"}}', rows, headers), 'w-b\nhw\n');
  // pad keeps its effect on the header, to stay aligned with its column; listing JSON is Go-marshalled.
  assert.equal(formatList('table {{pad .Names 1 0}}', rows.slice(0, 1), headers), ' NAMES\n web\n');
  assert.equal(formatList('{{json .}}', [{ Ports: '0.0.0.0:80->80/tcp', Labels: 'a=<b&c>' }], {}), '{"Labels":"a=\\u003cb\\u0026c\\u003e","Ports":"0.0.0.0:80-\\u003e80/tcp"}\n');
});

test('templates: variables, with, else if, Go struct printing', () => {
  const data = { Name: '/web', State: { Status: 'running', Pid: 7 }, Config: { Labels: { b: '2', a: '1' }, Env: ['A=1', 'B=2'] },
    Ports: { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }] } };
  assert.equal(render('{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}', data), 'a=1;b=2;');
  assert.equal(render('{{range $i, $e := .Config.Env}}{{$i}}:{{$e}} {{$.Name}} {{end}}', data), '0:A=1 /web 1:B=2 /web ');
  assert.equal(render('{{$n := .Name}}{{with .State}}{{.Status}} {{$n}}{{end}}|{{with .Nope}}x{{else}}none{{end}}', data), 'running /web|none');
  const ifs = '{{if eq .State.Pid 1}}one{{else if eq .State.Pid 7}}seven{{else}}other{{end}}';
  assert.equal(render(ifs, data), 'seven');
  assert.equal(render(ifs, { State: { Pid: 3 } }), 'other');
  assert.equal(render('{{.Ports}} {{.Config.Labels}}', data), 'map[80/tcp:[{0.0.0.0 8080}]] map[a:1 b:2]');
  assert.throws(() => render('{{$x}}', data), { message: 'template parsing error: template: :1: undefined variable "$x"' });
  assert.equal(render('{{slice .Name 1}} {{slice .Name 1 3}} {{slice .Config.Env 1}}', data), 'web we [B=2]');
  assert.equal(render('{{/* a comment */}}{{print .Name 1 2}}|{{- /* trimmed */ -}}|', data), '/web1 2||');
});
