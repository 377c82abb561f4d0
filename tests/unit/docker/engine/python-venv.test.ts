import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../../../src/docker/engine';
import { engine, pull, runIt, runOnce, type Eng } from './fixtures';

const sh = (e: Eng, image: string, line: string) => runOnce(e, image, ['sh', '-c', line]);

test('python -m venv: pyvenv.cfg, the interpreter links, activate scripts, pip from ensurepip, lib64; all in the writable layer', async () => {
  const e = engine();
  await pull(e, 'python:3.12-slim');
  const r = await sh(e, 'python:3.12-slim', 'python -m venv /tmp/v && cat /tmp/v/pyvenv.cfg && ls /tmp/v /tmp/v/bin /tmp/v/include /tmp/v/lib/python3.12/site-packages && for l in lib64 bin/python bin/python3 bin/python3.12; do readlink /tmp/v/$l; done');
  assert.equal(r.state.ExitCode, 0);
  assert.equal(r.err, '');
  assert.equal(r.out, 'home = /usr/local/bin\ninclude-system-site-packages = false\nversion = 3.12.11\nexecutable = /usr/local/bin/python3.12\ncommand = /usr/local/bin/python -m venv /tmp/v\n'
    + '/tmp/v:\nbin\ninclude\nlib\nlib64\npyvenv.cfg\n\n/tmp/v/bin:\nActivate.ps1\nactivate\nactivate.csh\nactivate.fish\npip\npip3\npip3.12\npython\npython3\npython3.12\n\n/tmp/v/include:\npython3.12\n\n/tmp/v/lib/python3.12/site-packages:\npip\npip-25.0.1.dist-info\n'
    + 'lib\n/usr/local/bin/python\npython\npython\n');
  const diff = await e.containerChanges(r.id);
  for (const p of ['/tmp/v/pyvenv.cfg', '/tmp/v/bin/activate', '/tmp/v/lib64', '/tmp/v/lib/python3.12/site-packages/pip-25.0.1.dist-info/METADATA']) assert.ok(diff.some((d) => d.Path === p && d.Kind === 1), p);
  // python3 names itself in the links and the command; options come back in venv's order
  const p3 = await sh(e, 'python:3.12-slim', 'python3 -m venv --without-pip --prompt web v && cat v/pyvenv.cfg && readlink v/bin/python && ls v/bin v/lib/python3.12/site-packages');
  assert.equal(p3.out, "home = /usr/local/bin\ninclude-system-site-packages = false\nversion = 3.12.11\nprompt = 'web'\nexecutable = /usr/local/bin/python3.12\ncommand = /usr/local/bin/python3 -m venv --without-pip --prompt=\"web\" /v\npython3\nv/bin:\nActivate.ps1\nactivate\nactivate.csh\nactivate.fish\npython\npython3\npython3.12\n\nv/lib/python3.12/site-packages:\n");
});

test('venv of 3.11 brings setuptools and a flat include/; 3.13 a .gitignore and its usage names --without-scm-ignore-files', async () => {
  const e = engine();
  await pull(e, 'python:3.11-alpine', 'python:3.13-slim');
  const a = await sh(e, 'python:3.11-alpine', 'python -m venv /v && ls /v/include /v/lib/python3.11/site-packages && PIP_DISABLE_PIP_VERSION_CHECK=1 /v/bin/pip list');
  assert.equal(a.out, '/v/include:\n\n/v/lib/python3.11/site-packages:\npip\npip-24.0.dist-info\nsetuptools\nsetuptools-65.5.0.dist-info\nPackage    Version\n---------- -------\npip        24.0\nsetuptools 65.5.0\n');
  const b = await sh(e, 'python:3.13-slim', 'python -m venv /v && cat /v/.gitignore; python -m venv');
  assert.equal(b.out, '# Created by venv; see https://docs.python.org/3/library/venv.html\n*\n');
  assert.equal(b.err, 'usage: venv [-h] [--system-site-packages] [--symlinks | --copies] [--clear]\n            [--upgrade] [--without-pip] [--prompt PROMPT] [--upgrade-deps]\n            [--without-scm-ignore-files]\n            ENV_DIR [ENV_DIR ...]\nvenv: error: the following arguments are required: ENV_DIR\n');
  assert.equal(b.state.ExitCode, 2);
  const c = await sh(e, 'python:3.13-slim', 'python -m venv --copy /v');
  assert.match(c.err, /\nvenv: error: unrecognized arguments: --copy\n$/);
  const f = await sh(e, 'python:3.13-slim', 'python -m venv /etc/passwd');
  assert.equal(f.err, "Error: Unable to create directory '/etc/passwd'\n");
  assert.equal(f.state.ExitCode, 1);
  const ro = await runOnce(e, 'python:3.13-slim', ['python', '-m', 'venv', '/v'], { HostConfig: { ReadonlyRootfs: true } });
  assert.equal(ro.err, "Error: [Errno 30] Read-only file system: '/v'\n");
});

test('. venv/bin/activate: the prompt, PATH and VIRTUAL_ENV; pip and python are the venv\'s; deactivate undoes it and goes', async () => {
  const e = engine();
  await pull(e, 'python:3.12');
  const { h, type } = await runIt(e, 'python:3.12', 'venvs', ['bash']);
  await type('python -m venv /tmp/v');
  await type('. /tmp/v/bin/activate');
  // 3.12.10's template wraps the `(v) ` 3.12 passes it in parentheses again
  assert.match(h.prompt(), /^\(\(v\) \) root@[0-9a-f]{12}:\/# $/);
  assert.match(await type('echo "$VIRTUAL_ENV|$VIRTUAL_ENV_PROMPT|$PATH"'), /^\/tmp\/v\|\(v\) \|\/tmp\/v\/bin:\/usr\/local\/bin:/);
  assert.match(await type('which python pip'), /^\/tmp\/v\/bin\/python\n\/tmp\/v\/bin\/pip\n/);
  assert.match(await type('pip list'), /^Package Version\n------- -------\npip {5}25\.0\.1\n/);
  // no root warning inside a venv, and the package lands there with its script
  const i = await type('pip install blinker');
  assert.match(i, /Successfully installed blinker-1\.9\.0\n/);
  assert.doesNotMatch(i, /WARNING: Running pip as the 'root' user/);
  assert.match(await type('pip --version; python -m pip --version'), /^pip 25\.0\.1 from \/tmp\/v\/lib\/python3\.12\/site-packages\/pip \(python 3\.12\)\npip 25\.0\.1 from \/tmp\/v\/lib/);
  assert.match(await type('deactivate; echo "[$VIRTUAL_ENV]"; which python'), /^\[\]\n\/usr\/local\/bin\/python\n$/);
  assert.match(h.prompt(), /^root@[0-9a-f]{12}:\/# $/);
  assert.match(await type('deactivate'), /^bash: deactivate: command not found\n/);
  // the system's python never saw it; the venv's pip works without activating
  assert.match(await type('pip list 2>/dev/null | grep -c blinker; /tmp/v/bin/pip list 2>/dev/null | grep -c blinker'), /^0\n1\n/);
  assert.match(await type('source /tmp/v/bin/activate; echo $PS1'), /^\(\(v\) \) \$\{debian_chroot:\+\(\$debian_chroot\)\}\\u@\\h:\\w\\\$\n/);
});

test('source and . : in dash only `.`, their errors; a sourced file changes the shell that reads it', async () => {
  const e = engine();
  await pull(e, 'python:3.12-slim');
  const r = await sh(e, 'python:3.12-slim', '.; printf "X=1\\nf() { echo f\\$X; }\\n" > s; . ./s; source ./s; . ./nada; f; echo "st $?"');
  // a special builtin's error ends a dash script
  assert.equal(r.out, '');
  assert.equal(r.err, 'sh: 1: source: not found\nsh: 1: .: cannot open ./nada: No such file\n');
  assert.equal(r.state.ExitCode, 2);
  const b = await runOnce(e, 'python:3.12-slim', ['bash', '-c', 'echo X=2 > t; source t; echo "x$X"; source nada; echo "st $?"; f() { echo f; }; unset -f f; f; .; ls >/dev/null; type ls; hash -r; type ls']);
  assert.equal(b.out, 'x2\nst 1\nls is hashed (/usr/bin/ls)\nls is /usr/bin/ls\n');
  assert.equal(b.err, 'bash: line 1: nada: No such file or directory\nbash: line 1: f: command not found\nbash: line 1: .: filename argument required\n.: usage: . filename [arguments]\n');
});

test('a Dockerfile that makes a venv, puts it first in PATH and installs into it; the app serves from it', async () => {
  const e = engine();
  await pull(e, 'python:3.12-slim');
  const files = { 'requirements.txt': 'flask\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\n\n@app.route("/")\ndef hola():\n    return "desde el venv"\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=5000)\n' };
  const out: string[] = [];
  await e.imageBuild({ dockerfile: 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD python app.py\n', files }, { tags: ['venvapp'] }, (m) => void out.push(m.stream ?? ''));
  assert.match(out.join(''), /Successfully installed blinker-1\.9\.0 click/);
  assert.doesNotMatch(out.join(''), /WARNING: Running pip as the 'root' user/);
  const l = await sh(e, 'venvapp', 'ls /usr/local/lib/python3.12/site-packages /opt/venv/bin/flask');
  assert.equal(l.out, '/opt/venv/bin/flask\n\n/usr/local/lib/python3.12/site-packages:\npip\n');
  const c = await runOnce(e, 'venvapp', undefined, { HostConfig: { PortBindings: { '5000/tcp': [{ HostIp: '', HostPort: '5000' }] } } });
  assert.equal(c.state.Status, 'running');
  assert.equal(e.hostHttp('localhost', 5000, '/')?.body, 'desde el venv');
  assert.equal(createEngine({ seed: 7, state: e.save() }).hostHttp('localhost', 5000, '/')?.body, 'desde el venv');
  // without the venv in PATH the image's python has no flask; the venv's python by its path has
  const p = await runOnce(e, 'venvapp', ['sh', '-c', 'PATH=/usr/local/bin:/usr/bin:/bin python -c "import flask"; /opt/venv/bin/python -c "import flask; print(1)"; python -m flask --version | head -2'], {});
  assert.match(p.err, /^Traceback \(most recent call last\):\n {2}File "<string>", line 1, in <module>\n[^]*ModuleNotFoundError: No module named 'flask'\n$/);
  assert.equal(p.out, '1\nPython 3.12.11\nFlask 3.1.1\n');
});

test('python -m: no module, an unknown one, pip missing from a venv without it', async () => {
  const e = engine();
  await pull(e, 'python:3.12-slim');
  const r = await sh(e, 'python:3.12-slim', 'python3 -m; echo "st $?"; python -m foo; echo "st $?"; python -m venv --without-pip /w; /w/bin/python -m pip list');
  assert.equal(r.out, 'st 2\nst 1\n');
  assert.equal(r.err, "Argument expected for the -m option\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n/usr/local/bin/python: No module named foo\n/w/bin/python: No module named pip\n");
});

test('python -m json.tool: 4 spaces, ensure_ascii, exact ints and python floats; --sort-keys', async () => {
  const e = engine();
  await pull(e, 'python:3.13-slim');
  const r = await sh(e, 'python:3.13-slim', `echo '{"b": [1, 2.0, 1e2, "ñ", {}, []], "a": {"x": null, "y": false}, "n": 1e400, "big": 123456789012345678901234567890}' | python -m json.tool; echo '{"b":1,"a":{"c":2}}' > d.json; python -m json.tool --sort-keys d.json`);
  assert.equal(r.out, '{\n    "b": [\n        1,\n        2.0,\n        100.0,\n        "\\u00f1",\n        {},\n        []\n    ],\n    "a": {\n        "x": null,\n        "y": false\n    },\n    "n": Infinity,\n    "big": 123456789012345678901234567890\n}\n{\n    "a": {\n        "c": 2\n    },\n    "b": 1\n}\n');
});

test('python -m json.tool: the decoder\'s messages, line, column and char; a missing file is argparse\'s error', async () => {
  const e = engine();
  await pull(e, 'python:3.12-slim', 'python:3.13-slim');
  const cases: [string, string][] = [
    [`{'a': 1}`, 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ['{"a": 1,}', 'Expecting property name enclosed in double quotes: line 1 column 9 (char 8)'],
    ['[1, 2', "Expecting ',' delimiter: line 2 column 1 (char 6)"],
    ['[1,]', 'Expecting value: line 1 column 4 (char 3)'],
    ['', 'Expecting value: line 2 column 1 (char 1)'],
    ['{"a" 1}', "Expecting ':' delimiter: line 1 column 6 (char 5)"],
    ['{"a": 1} x', 'Extra data: line 1 column 10 (char 9)'],
    ['"abc', 'Invalid control character at: line 1 column 5 (char 4)'],
    ['{"a": "\\q"}', 'Invalid \\escape: line 1 column 8 (char 7)'],
    ['{\n  "a": tru\n}', 'Expecting value: line 2 column 8 (char 9)'],
  ];
  for (const [doc, msg] of cases) {
    const r = await runOnce(e, 'python:3.12-slim', ['sh', '-c', `printf '%s\\n' '${doc.replace(/'/g, `'"'"'`)}' | python -m json.tool`]);
    assert.equal(r.err, msg + '\n', doc);
    assert.equal(r.state.ExitCode, 1);
  }
  // 3.13 names a trailing comma
  const t = await sh(e, 'python:3.13-slim', `echo '[1,]' | python -m json.tool; echo '{"a": 1 , }' | python -m json.tool`);
  assert.equal(t.err, 'Illegal trailing comma before end of array: line 1 column 3 (char 2)\nIllegal trailing comma before end of object: line 1 column 9 (char 8)\n');
  const m = await sh(e, 'python:3.12-slim', 'python -m json.tool nope.json');
  assert.equal(m.err, "usage: python -m json.tool [-h] [--sort-keys] [--no-ensure-ascii]\n                           [--json-lines]\n                           [--indent INDENT | --tab | --no-indent | --compact]\n                           [infile] [outfile]\npython -m json.tool: error: argument infile: can't open 'nope.json': [Errno 2] No such file or directory: 'nope.json'\n");
  assert.equal(m.state.ExitCode, 2);
});

test('pip install: invalid requirements as packaging words them, with the mark under the part it could not read', async () => {
  const e = engine();
  await pull(e, 'python:3.12-slim');
  const q = (line: string) => sh(e, 'python:3.12-slim', `export PIP_DISABLE_PIP_VERSION_CHECK=1; ${line}`);
  const cases: [string, string][] = [
    [`pip install ''`, "ERROR: Invalid requirement: '': Expected package name at the start of dependency specifier\n    \n    ^\n"],
    [`pip install 'fla sk'`, "ERROR: Invalid requirement: 'fla sk': Expected end or semicolon (after name and no valid version specifier)\n    fla sk\n        ^\n"],
    [`pip install flask=2.0`, "ERROR: Invalid requirement: 'flask=2.0': Expected end or semicolon (after name and no valid version specifier)\n    flask=2.0\n         ^\nHint: = is not a valid operator. Did you mean == ?\n"],
    [`pip install 'numpy<1.24>=1.18'`, "ERROR: Invalid requirement: 'numpy<1.24>=1.18': Expected end or semicolon (after version specifier)\n    numpy<1.24>=1.18\n         ~~~~~^\n"],
    [`printf 'flask\\nrequests>=2<3\\n' > r.txt; pip install -r r.txt`, "ERROR: Invalid requirement: 'requests>=2<3': Expected end or semicolon (after version specifier)\n    requests>=2<3\n            ~~~^ (from line 2 of r.txt)\n"],
    ['pip install', 'ERROR: You must give at least one requirement to install (see "pip help install")\n'],
    // `===` with nothing after it parses, and matches no release
    [`pip install 'flask==='`, 'ERROR: Could not find a version that satisfies the requirement flask=== (from versions: 3.0.3, 3.1.1)\nERROR: No matching distribution found for flask===\n'],
  ];
  for (const [line, err] of cases) {
    const r = await q(line);
    assert.equal(r.err, err, line);
    assert.equal(r.out, '', line);
    assert.equal(r.state.ExitCode, 1, line);
  }
  const ok = await q(`pip install -q 'flask >= 3.0 , < 4 ; python_version > "3"' 'requests[socks]' && pip list | grep -ci flask; pip list | grep -c requests`);
  assert.equal(ok.out, '1\n1\n');
});

test('activate in busybox ash and in dash: the prompt each shell shows gets the venv in front, and comes back', async () => {
  const e = engine();
  await pull(e, 'python:3.13-alpine', 'python:3.11-slim');
  const a = await runIt(e, 'python:3.13-alpine', 'ash1', ['sh']);
  await a.type('python -m venv /v; . /v/bin/activate');
  assert.equal(a.h.prompt(), '(v) / # ');
  assert.equal(await a.type('echo "$VIRTUAL_ENV_PROMPT"'), 'v\n');
  await a.type('deactivate');
  assert.equal(a.h.prompt(), '/ # ');
  const d = await runIt(e, 'python:3.11-slim', 'dash1', ['sh']);
  await d.type('cd /srv; python -m venv env; . env/bin/activate; cd /');
  assert.equal(d.h.prompt(), '(env) # ');
  assert.equal(await d.type('echo "$PS1"; which pip'), '(env) # \n/srv/env/bin/pip\n');
});
