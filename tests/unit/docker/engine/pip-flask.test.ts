import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../../../src/docker/engine';
import { engine, pull, term, type Eng, runOnce } from './fixtures';

const APP = {
  'requirements.txt': '# web\nflask==3.0.3\n\nrequests>=2.31  # http\n',
  'app.py': 'from flask import Flask\napp = Flask(__name__)\n\n@app.route("/")\ndef hola():\n    return "Hola desde Flask"\n\n@app.route("/api")\ndef api():\n    return {"ok": True, "n": 2}\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=5000)\n',
};
const DOCKERFILE = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nEXPOSE 5000\nCMD ["python", "app.py"]\n';

const run = runOnce;
const sh = (e: Eng, image: string, line: string) => run(e, image, ['sh', '-c', line]);
const logs = async (e: Eng, id: string, stream?: string) => (await e.containerLogs(id)).filter((l) => !stream || l.stream === stream).map((l) => l.text).join('');

test('pip of each python image: its version, the bundled packages pip list shows', async () => {
  const e = engine();
  await pull(e, 'python:3.13-slim', 'python:3.11-alpine');
  const a = await sh(e, 'python:3.13-slim', 'pip --version; pip3 list 2>/dev/null');
  assert.equal(a.out, 'pip 25.0.1 from /usr/local/lib/python3.13/site-packages/pip (python 3.13)\nPackage Version\n------- -------\npip     25.0.1\n');
  const b = await sh(e, 'python:3.11-alpine', 'pip --version; pip list');
  assert.match(b.out, /^pip 24\.0 from \/usr\/local\/lib\/python3\.11\/site-packages\/pip \(python 3\.11\)\nPackage {4}Version\n-{10} -{7}\npip {8}24\.0\nsetuptools 65\.5\.1\nwheel {6}0\.45\.1\n$/);
  const u = await sh(e, 'python:3.13-slim', 'pip3 --help; pip nada');
  assert.match(u.out, /^\nUsage:   \n  pip3 <command> \[options\]\n\nCommands:\n  install {21}Install packages\.\n  download {20}Download packages\.\n[^]*  help {24}Show help for commands\.\n$/);
  assert.equal(u.err, 'ERROR: unknown command "nada"\n');
  assert.equal(b.err, '\n[notice] A new release of pip is available: 24.0 -> 25.1.1\n[notice] To update, run: pip install --upgrade pip\n');
});

test('pip install flask: collects its requirements, installs leaves first, warns as root and about its own age', async () => {
  const e = engine();
  await pull(e, 'python:3.13-slim');
  const r = await sh(e, 'python:3.13-slim', 'pip install flask');
  assert.equal(r.state.ExitCode, 0);
  assert.match(r.out, /^Collecting flask\n {2}Downloading flask-3\.1\.1-py3-none-any\.whl\.metadata \(3\.0 kB\)\nCollecting blinker>=1\.9\.0 \(from flask\)\n/);
  assert.match(r.out, /Collecting markupsafe>=2\.1\.1 \(from flask\)\n {2}Downloading MarkupSafe-3\.0\.2-cp313-cp313-manylinux_2_17_x86_64\.manylinux2014_x86_64\.whl\.metadata \(4\.0 kB\)\n/);
  assert.match(r.out, /\nDownloading flask-3\.1\.1-py3-none-any\.whl \(103 kB\)\nDownloading blinker-1\.9\.0-py3-none-any\.whl \(8\.5 kB\)\n/);
  assert.match(r.out, /\nInstalling collected packages: markupsafe, itsdangerous, click, blinker, werkzeug, jinja2, flask\nSuccessfully installed blinker-1\.9\.0 click-8\.2\.1 flask-3\.1\.1 itsdangerous-2\.2\.0 jinja2-3\.1\.6 markupsafe-3\.0\.2 werkzeug-3\.1\.3\n$/);
  assert.match(r.err, /^WARNING: Running pip as the 'root' user can result in broken permissions .* Use the --root-user-action option if you know what you are doing and want to suppress this warning\.\n\n\[notice\] A new release of pip is available: 25\.0\.1 -> 25\.1\.1\n\[notice\] To update, run: pip install --upgrade pip\n$/);
  // the files land in site-packages: docker diff shows them
  const diff = await e.containerChanges(r.id);
  assert.ok(diff.some((d) => d.Path === '/usr/local/lib/python3.13/site-packages/flask-3.1.1.dist-info/METADATA' && d.Kind === 1));
  assert.ok(diff.some((d) => d.Path === '/usr/local/bin/flask'));
});

test('pip install -r: pins, ranges, comments and blank lines; unknown packages and missing files fail as pip does', async () => {
  const e = engine();
  await pull(e, 'python:3.12-slim');
  const r = await sh(e, 'python:3.12-slim', `printf '${APP['requirements.txt'].replace(/\n/g, '\\n')}' > r.txt && pip install -q --no-cache-dir -r r.txt && pip freeze && pip install requests`);
  assert.equal(r.state.ExitCode, 0);
  assert.match(r.out, /^Jinja2==3\.1\.6\nMarkupSafe==3\.0\.2\nWerkzeug==3\.1\.3\nblinker|^blinker==1\.9\.0\ncertifi==2025\.4\.26\ncharset-normalizer==3\.4\.2\nclick==8\.2\.1\nFlask==3\.0\.3\nidna==3\.10\nitsdangerous==2\.2\.0\nJinja2==3\.1\.6\nMarkupSafe==3\.0\.2\nrequests==2\.32\.3\nurllib3==2\.4\.0\nWerkzeug==3\.1\.3\n/);
  assert.match(r.out, /Requirement already satisfied: requests in \/usr\/local\/lib\/python3\.12\/site-packages \(2\.32\.3\)\nRequirement already satisfied: charset_normalizer<4,>=2 in \/usr\/local\/lib\/python3\.12\/site-packages \(from requests\) \(3\.4\.2\)\n/);
  const v = await sh(e, 'python:3.12-slim', 'printf "flask==3.0.3\\n" > r.txt && pip install -r r.txt');
  assert.match(v.out, /Collecting MarkupSafe>=2\.0 \(from Jinja2>=3\.1\.2->flask==3\.0\.3->-r r\.txt \(line 1\)\)\n/);
  assert.match(v.out, /Installing collected packages: MarkupSafe, itsdangerous, click, blinker, Werkzeug, Jinja2, flask\n/);
  const bad = await sh(e, 'python:3.12-slim', 'printf "flask\\nnope\\n" > r.txt && pip install -r r.txt');
  assert.equal(bad.state.ExitCode, 1);
  assert.match(bad.out, /^Collecting flask \(from -r r\.txt \(line 1\)\)\n/);
  assert.match(bad.err, /^ERROR: Could not find a version that satisfies the requirement nope \(from versions: none\)\nERROR: No matching distribution found for nope\n\n\[notice\]/);
  const opt = await sh(e, 'python:3.12-slim', 'printf "--index-url https://pypi.org/simple\\r\\nblinker\\r\\n" > r.txt && PIP_DISABLE_PIP_VERSION_CHECK=1 pip install -r r.txt && PIP_DISABLE_PIP_VERSION_CHECK=1 pip list');
  assert.match(opt.out, /^Collecting blinker \(from -r r\.txt \(line 2\)\)\n/);
  assert.doesNotMatch(opt.err, /notice/);
  const none = await sh(e, 'python:3.12-slim', 'pip install -r requirements.txt');
  assert.equal(none.state.ExitCode, 1);
  assert.match(none.err, /^ERROR: Could not open requirements file: \[Errno 2\] No such file or directory: 'requirements\.txt'\n/);
});

test('pip install --upgrade pip replaces the bundled pip and the notice goes; pip show reads the metadata', async () => {
  const e = engine();
  await pull(e, 'python:3.13-alpine');
  const r = await sh(e, 'python:3.13-alpine', 'pip install --upgrade pip && pip --version && pip install -q requests && pip show requests urllib3 nope');
  assert.match(r.out, /^Requirement already satisfied: pip in \/usr\/local\/lib\/python3\.13\/site-packages \(25\.0\.1\)\nCollecting pip\n/);
  assert.match(r.out, /Downloading pip-25\.1\.1-py3-none-any\.whl \(1\.8 MB\)\n {3}━{40} 1\.8\/1\.8 MB [\d.]+ MB\/s eta 0:00:00\n/);
  assert.match(r.out, /Found existing installation: pip 25\.0\.1\n {4}Uninstalling pip-25\.0\.1:\n {6}Successfully uninstalled pip-25\.0\.1\nSuccessfully installed pip-25\.1\.1\npip 25\.1\.1 from/);
  assert.match(r.out, /Name: requests\nVersion: 2\.32\.3\nSummary: Python HTTP for Humans\.\n[^]*Requires: certifi, charset_normalizer, idna, urllib3\nRequired-by: \n---\nName: urllib3\n[^]*Required-by: requests\n$/);
  assert.doesNotMatch(r.err, /notice/);
  assert.match(r.err, /WARNING: Package\(s\) not found: nope\n/);
});

test('python app.py of a Flask app: serves its routes on the published port, logs requests, buffers stdout without a TTY', async () => {
  const e = engine();
  await pull(e, 'python:3.12-slim');
  await e.imageBuild({ dockerfile: DOCKERFILE, files: APP }, { tags: ['miapp'] }, () => {});
  const r = await run(e, 'miapp', undefined, { HostConfig: { PortBindings: { '5000/tcp': [{ HostIp: '', HostPort: '5000' }] } } });
  assert.equal(r.state.Status, 'running');
  assert.equal(await logs(e, r.id, 'stderr'), '\x1b[31m\x1b[1mWARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.\x1b[0m\n * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:5000\n * Running on http://172.17.0.2:5000\n\x1b[33mPress CTRL+C to quit\x1b[0m\n');
  assert.equal(await logs(e, r.id, 'stdout'), '');
  assert.equal(e.hostHttp('localhost', 5000, '/')?.body, 'Hola desde Flask');
  assert.equal(e.hostHttp('localhost', 5000, '/api')?.body, '{"n":2,"ok":true}\n');
  const nf = e.hostHttp('localhost', 5000, '/nada');
  assert.equal(nf?.status, 404);
  assert.match(nf!.body, /^<!doctype html>\n<html lang=en>\n<title>404 Not Found<\/title>\n/);
  assert.match(await logs(e, r.id), /\n172\.17\.0\.1 - - \[\d\d\/\w{3}\/\d{4} \d\d:\d\d:\d\d\] "GET \/ HTTP\/1\.1" 200 -\n.*\n172\.17\.0\.1 - - \[.*\] "\x1b\[33mGET \/nada HTTP\/1\.1\x1b\[0m" 404 -\n$/);
  // Ctrl+C's SIGINT: Werkzeug stops cleanly and python flushes Flask's own lines at exit
  await e.containerKill(r.id, 'SIGINT');
  const c = await e.containerInspect(r.id);
  assert.equal(c.State.ExitCode, 0);
  assert.equal(await logs(e, r.id, 'stdout'), " * Serving Flask app 'app'\n * Debug mode: off\n");
  // PYTHONUNBUFFERED shows them at once; without host only loopback listens; docker stop needs SIGKILL
  const u = await run(e, 'miapp', ['python', 'app.py'], { Env: ['PYTHONUNBUFFERED=1'] });
  assert.equal(await logs(e, u.id, 'stdout'), " * Serving Flask app 'app'\n * Debug mode: off\n");
  await e.containerStop(u.id, { timeout: 1 });
  assert.equal((await e.containerInspect(u.id)).State.ExitCode, 137);
});

test('a Flask app on loopback only, without flask installed, and after a state restore', async () => {
  const e = engine();
  await pull(e, 'python:3.12-slim');
  const files = { ...APP, 'app.py': APP['app.py'].replace(/if __name__.*\n.*\n$/, 'app.run()\n') };
  await e.imageBuild({ dockerfile: DOCKERFILE, files }, { tags: ['local'] }, () => {});
  const r = await run(e, 'local', undefined, { Tty: true, HostConfig: { PortBindings: { '5000/tcp': [{ HostIp: '', HostPort: '5000' }] } } });
  assert.match(r.out, /^ \* Serving Flask app 'app'\n \* Debug mode: off\n.*WARNING.*\n \* Running on http:\/\/127\.0\.0\.1:5000\n/);
  // docker-proxy reaches the container's address, where nothing listens
  assert.equal(e.hostHttp('localhost', 5000, '/')?.status, 0);
  const again = createEngine({ seed: 7, state: e.save() });
  assert.equal(again.hostHttp('localhost', 5000, '/')?.status, 0);
  await e.imageBuild({ dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n', files: APP }, { tags: ['sin'] }, () => {});
  const bad = await run(e, 'sin');
  assert.equal(bad.state.ExitCode, 1);
  assert.equal(bad.err, 'Traceback (most recent call last):\n  File "/app/app.py", line 1, in <module>\n    from flask import Flask\nModuleNotFoundError: No module named \'flask\'\n');
});

test('python app.py and flask run typed in a shell hold the terminal; the server survives a save', async () => {
  const e = engine();
  await pull(e, 'python:3.12-slim');
  await e.imageBuild({ dockerfile: DOCKERFILE, files: APP }, { tags: ['miapp'] }, () => {});
  const r = await sh(e, 'miapp', 'python app.py; echo "status $?"; flask run --host=0.0.0.0 --port 8000; flask --version; printf "import flask\\nweb = flask.Flask(__name__)\\n@web.route(\\"/\\")\\ndef i():\\n    return \\"i\\"\\nweb.run()\\n" > w.py; python w.py');
  assert.match(r.out, /\n \* Serving Flask app 'w'\n \* Debug mode: off\n$/);
  assert.match(r.out, /^ \* Serving Flask app 'app'\n \* Debug mode: off\nstatus 0\n \* Serving Flask app 'app'\n/);
  assert.match(r.err, / \* Running on http:\/\/172\.17\.0\.\d+:5000\n/);
  assert.match(r.err, / \* Running on http:\/\/172\.17\.0\.\d+:8000\n/);
  assert.match(r.out, /\nPython 3\.12\.11\nFlask 3\.1\.1\nWerkzeug 3\.1\.3\n/);
  const c = await run(e, 'miapp', undefined, { HostConfig: { PortBindings: { '5000/tcp': [{ HostIp: '', HostPort: '5000' }] } } });
  assert.equal(c.state.Status, 'running');
  const again = createEngine({ seed: 7, state: e.save() });
  assert.equal(again.hostHttp('localhost', 5000, '/')?.body, 'Hola desde Flask');
});

test('a shell-form CMD python app.py serves too: sh execs the one command', async () => {
  const e = engine();
  await pull(e, 'python:3.12-slim');
  await e.imageBuild({ dockerfile: DOCKERFILE.replace(/CMD .*/, 'CMD python app.py'), files: APP }, { tags: ['shell-form'] }, () => {});
  const r = await run(e, 'shell-form', undefined, { HostConfig: { PortBindings: { '5000/tcp': [{ HostIp: '', HostPort: '5001' }] } } });
  assert.equal(r.state.Status, 'running');
  assert.equal(e.hostHttp('localhost', 5001, '/')?.body, 'Hola desde Flask');
});

test('Flask routes with <name> and <int:n>, jsonify, a failing view and debug mode', async () => {
  const e = engine();
  await pull(e, 'python:3.13-alpine');
  const app = 'from flask import Flask, jsonify\napp = Flask(__name__)\n\n@app.route("/hola/<nombre>")\ndef hola(nombre):\n    return f"Hola {nombre}"\n\n@app.route("/doble/<int:n>")\ndef doble(n):\n    return str(n * 2)\n\n@app.get("/api")\ndef api():\n    return jsonify({"b": [1, 2], "a": None})\n\n@app.route("/roto")\ndef roto():\n    return nada\n\napp.run(host="0.0.0.0", port=8000, debug=True)\n';
  await e.imageBuild({ dockerfile: 'FROM python:3.13-alpine\nWORKDIR /app\nRUN pip install -q flask\nCOPY . .\nCMD ["python", "-u", "app.py"]\n', files: { 'app.py': app } }, { tags: ['f4'] }, () => {});
  const r = await run(e, 'f4', undefined, { HostConfig: { PortBindings: { '8000/tcp': [{ HostIp: '', HostPort: '8000' }] } } });
  assert.equal(await logs(e, r.id, 'stdout'), " * Serving Flask app 'app'\n * Debug mode: on\n");
  assert.match(await logs(e, r.id, 'stderr'), /Press CTRL\+C to quit\x1b\[0m\n \* Restarting with stat\n \* Debugger is active!\n \* Debugger PIN: \d{3}-\d{3}-\d{3}\n$/);
  assert.equal(e.hostHttp('localhost', 8000, '/hola/Ana')?.body, 'Hola Ana');
  assert.equal(e.hostHttp('localhost', 8000, '/doble/21')?.body, '42');
  assert.equal(e.hostHttp('localhost', 8000, '/api')?.body, '{"a":null,"b":[1,2]}\n');
  const bad = e.hostHttp('localhost', 8000, '/roto');
  assert.deepEqual([bad?.status, bad?.reason], [500, 'INTERNAL SERVER ERROR']);
  assert.match(await logs(e, r.id), /"\x1b\[35m\x1b\[1mGET \/roto HTTP\/1\.1\x1b\[0m" 500 -\n$/);
  assert.equal(e.hostHttp('localhost', 8000, '/hola/Ana/x')?.reason, 'NOT FOUND');
});

test('pip uninstall -y takes the files away; an install on a read-only root fails with pip\'s OSError', async () => {
  const e = engine();
  await pull(e, 'python:3.12-slim');
  const r = await sh(e, 'python:3.12-slim', 'pip install -q flask 2>/dev/null; python -c "import flask; print(1)"; pip uninstall -y flask nada; ls /usr/local/bin; pip freeze; python -c "import flask"');
  assert.match(r.err, /\nModuleNotFoundError: No module named 'flask'\n$/);
  assert.match(r.out, /^1\nFound existing installation: Flask 3\.1\.1\nUninstalling Flask-3\.1\.1:\n {2}Successfully uninstalled Flask-3\.1\.1\nidle\npip\n/);
  assert.doesNotMatch(r.out, /\nflask\n|Flask==/);
  assert.match(r.err, /^WARNING: Skipping nada as it is not installed\.\nWARNING: Running pip as the 'root' user/);
  const ro = await run(e, 'python:3.12-slim', ['pip', 'install', 'flask'], { HostConfig: { ReadonlyRootfs: true } });
  assert.equal(ro.state.ExitCode, 1);
  assert.match(ro.err, /^ERROR: Could not install packages due to an OSError: \[Errno 30\] Read-only file system: '\/usr\/local\/lib\/python3\.12\/site-packages[^']*'\n/);
});

test('a request from inside the container comes from 127.0.0.1, and reaches a loopback-only app', async () => {
  const e = engine();
  await pull(e, 'python:3.12');
  const app = 'from flask import Flask\napp = Flask(__name__)\n@app.route("/")\ndef i():\n    return "dentro"\napp.run()\n';
  await e.imageBuild({ dockerfile: 'FROM python:3.12\nRUN pip install -q flask\nCOPY app.py .\nCMD ["python", "app.py"]\n', files: { 'app.py': app } }, { tags: ['lo'] }, () => {});
  const r = await run(e, 'lo');
  const io = term(false);
  await e.exec(r.id, { Cmd: ['curl', '-s', 'localhost:5000'] }, io);
  assert.equal(io.text, 'dentro');
  assert.match(await logs(e, r.id), /\n127\.0\.0\.1 - - \[.*\] "GET \/ HTTP\/1\.1" 200 -\n$/);
});
