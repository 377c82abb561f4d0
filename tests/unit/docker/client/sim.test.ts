import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../../../..');

function sim(args: string[], input: string): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { cwd: ROOT, input, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('npm run sim: transcript with prompts, comments skipped, container lines to the container', () => {
  const script = '# una prueba\ndocker run -it --name c1 alpine\necho hola > /f\nexit\ndocker ps -a --format "{{.Names}} {{.Status}}"\n';
  const out = sim(['--seed', '4'], script);
  const again = sim(['--seed', '4'], script);
  assert.equal(out, again, 'seeded runs are identical');
  assert.ok(!out.includes('una prueba'));
  assert.match(out, /^\$ docker run -it --name c1 alpine\n/);
  assert.match(out, /\n\/ # echo hola > \/f\n\/ # exit\n\$ docker ps -a --format/);
  assert.match(out, /\nc1 Exited \(0\) (1 second|2 seconds) ago\n$/);
});

test('npm run sim --json: one object per line with prompt, input, stdout, stderr and exit', () => {
  const lines = sim(['--json', '--seed', '1'], 'docker foo\nsleep 60\ndocker run hello-world\n').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 3);
  assert.deepEqual(lines[0], { prompt: '$ ', input: 'docker foo', stdout: '', stderr: "docker: unknown command: docker foo\n\nRun 'docker --help' for more information\n", exit: 1 });
  assert.equal(lines[1].exit, 0);
  assert.match(lines[2].stderr, /^Unable to find image 'hello-world:latest' locally\n/);
  assert.match(lines[2].stdout, /Hello from Docker!/);
});

test('npm run sim --no-tty: plain pull lines and -it refused', () => {
  const out = sim(['--no-tty', '--seed', '1'], 'docker pull alpine\ndocker run -it alpine\n');
  assert.match(out, /: Pulling fs layer\n.*: Verifying Checksum\n.*: Download complete\n.*: Pull complete\n/);
  assert.match(out, /\$ docker run -it alpine\nthe input device is not a TTY\n$/);
});

test('npm run sim --json: a line typed in a container reports that line\'s exit status', () => {
  const lines = sim(['--json', '--seed', '1'], 'docker run -it ubuntu bash\ndocker ps\nls /nope\ntrue\nexit 3\n').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.slice(1).map((l) => [l.input, l.exit]), [['docker ps', 127], ['ls /nope', 2], ['true', 0], ['exit 3', 3]]);
  assert.equal(lines[1].stdout, 'bash: docker: command not found\n');
});

test('npm run sim: a reader that closes the pipe early ends the run quietly', () => {
  const r = spawnSync('bash', ['-c', `printf 'docker\\ndocker image\\ndocker images\\n' | "${process.execPath}" --import tsx src/cli/sim.ts --json | head -c 40`], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.stdout.length, 40);
  assert.doesNotMatch(r.stderr, /EPIPE|Error/);
});

test('npm run sim on a terminal: Ctrl+C shows ^C, lets ping print its statistics, and the prompt follows', { skip: spawnSync('script', ['--version']).status !== 0 && 'no script(1) for a pseudo-terminal' }, async () => {
  const { spawn } = await import('node:child_process');
  // script(1) gives the simulator a pseudo-terminal, so it runs its interactive prompt
  const p = spawn('script', ['-qfec', `"${process.execPath}" --import tsx src/cli/sim.ts --seed 1`, '/dev/null'], { cwd: ROOT });
  let out = '';
  p.stdout.on('data', (d) => (out += d));
  const until = async (re: RegExp) => {
    for (let i = 0; i < 600 && !re.test(out); i++) await new Promise((r) => setTimeout(r, 50));
    assert.match(out, re);
  };
  try {
    await until(/\$ /);
    p.stdin.write('docker run -it alpine\r');
    await until(/\/ # /);
    p.stdin.write('ping 8.8.8.8\r');
    await until(/seq=1 /);
    p.stdin.write('\x03');
    await until(/round-trip[^\n]*\n[^]*\/ # /);
    p.stdin.write('sleep 10\r');
    await until(/sleep 10\r*\n/);
    await new Promise((r) => setTimeout(r, 300));
    p.stdin.write('\x03');
    await until(/sleep 10\r*\n\^C\r*\n[^]*\/ # /);
    const text = out.replace(/\r/g, '').replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
    assert.match(text, /seq=1 [^\n]+\n\^C\n--- 8\.8\.8\.8 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min\/avg\/max = [\d./]+ ms\n\/ # sleep 10\n\^C\n\/ # $/);
  } finally {
    p.kill();
  }
});

test('npm run sim: blank lines are skipped at the host prompt but typed inside a container (they end a python block)', () => {
  const out = sim(['--seed', '1'], '\ndocker run -it python:3.12 python\ndef f(n):\n    return n * 2\n\nf(21)\nexit()\n\ndocker ps -q\n');
  assert.match(out, /\n>>> def f\(n\):\n\.\.\.     return n \* 2\n\.\.\. \n>>> f\(21\)\n42\n>>> exit\(\)\n\$ docker ps -q\n$/);
});
