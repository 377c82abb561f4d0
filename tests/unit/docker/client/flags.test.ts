import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flagsFromHelp, parseFlags, FlagError } from '../../../../src/docker/client/flags';
import { HELP } from '../../../../src/docker/client/help-texts';
import { canonicalString, familiarString, parseRef, withLatest } from '../../../../src/docker/client/reference';

const RUN = flagsFromHelp(HELP.run);

test('flag definitions come from the help text', () => {
  const byLong = new Map(RUN.map((d) => [d.long, d]));
  assert.deepEqual(byLong.get('publish'), { short: 'p', long: 'publish', type: 'list' });
  assert.deepEqual(byLong.get('rm'), { short: undefined, long: 'rm', type: 'bool' });
  assert.deepEqual(byLong.get('name'), { short: undefined, long: 'name', type: 'string' });
  assert.equal(byLong.get('hostname')!.short, 'h');
  assert.ok(RUN.length > 90);
  assert.deepEqual(flagsFromHelp(HELP.tag), []);
});

test('pflag grammar: combined shorthands, = forms, repeats, -- and interspersed', () => {
  const p = parseFlags(['-it', '--name=web', '-p', '8080:80', '-p8081:81', '-eA=1', '--env', 'B=2', '--rm=false', 'nginx', '-d', 'x'], RUN, false);
  assert.equal(p.flags.bool('interactive'), true);
  assert.equal(p.flags.bool('tty'), true);
  assert.equal(p.flags.str('name'), 'web');
  assert.deepEqual(p.flags.list('publish'), ['8080:80', '8081:81']);
  assert.deepEqual(p.flags.list('env'), ['A=1', 'B=2']);
  assert.equal(p.flags.bool('rm'), false);
  assert.equal(p.flags.bool('detach'), false);
  assert.deepEqual(p.args, ['nginx', '-d', 'x']);
  const ps = parseFlags(['-a', 'x', '-q', '--', '-s'], flagsFromHelp(HELP.ps), true);
  assert.deepEqual(ps.args, ['x', '-s']);
  assert.equal(ps.flags.bool('quiet'), true);
  assert.equal(parseFlags(['-d=false', 'x'], RUN, false).flags.bool('detach'), false);
  assert.equal(parseFlags(['--help'], RUN, false).help, true);
  assert.equal(parseFlags(['-h', 'x', 'img'], RUN, false).flags.str('hostname'), 'x');
  assert.throws(() => parseFlags(['---x'], RUN, false), new FlagError('bad flag syntax: ---x'));
  assert.throws(() => parseFlags(['-itz'], RUN, false), new FlagError("unknown shorthand flag: 'z' in -z"));
});

test('references: normalisation and the client-side errors', () => {
  assert.equal(canonicalString(withLatest(parseRef('nginx'))), 'docker.io/library/nginx:latest');
  assert.equal(canonicalString(parseRef('user/app:1.0')), 'docker.io/user/app:1.0');
  assert.equal(familiarString(parseRef('docker.io/library/nginx:alpine')), 'nginx:alpine');
  assert.equal(familiarString(parseRef('localhost:5000/app')), 'localhost:5000/app');
  assert.throws(() => parseRef('UPPER'), /repository name \(library\/UPPER\) must be lowercase/);
  assert.throws(() => parseRef('a:b:c'), /^Error: invalid reference format$/);
  assert.throws(() => parseRef('-x'), /invalid reference format/);
  assert.throws(() => parseRef(''), /invalid reference format/);
  assert.throws(() => parseRef('a'.repeat(64).replace(/a/g, 'f')), /cannot specify 64-byte hexadecimal strings/);
});

test('value types check their values as the flag types of pflag and docker/cli opts do', () => {
  const err = (argv: string[], msg: string) => assert.throws(() => parseFlags(argv, RUN, false), new FlagError(msg));
  err(['-m', 'x'], `invalid argument "x" for "-m, --memory" flag: invalid size: 'x'`);
  err(['--shm-size=1q'], `invalid argument "1q" for "--shm-size" flag: invalid size: '1q'`);
  err(['--cpus', 'x'], 'invalid argument "x" for "--cpus" flag: failed to parse x as a rational number');
  err(['--blkio-weight', '-1'], 'invalid argument "-1" for "--blkio-weight" flag: strconv.ParseUint: parsing "-1": invalid syntax');
  err(['-e', '=x'], 'invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x');
  const ok = parseFlags(['-m', '512m', '--memory-swap', '-1', '--shm-size', '1.5GB', '--cpus', '0.5', '--blkio-weight', '300', '-e', 'A', 'img'], RUN, false);
  assert.deepEqual([ok.flags.str('memory'), ok.flags.str('memory-swap'), ok.flags.str('cpus'), ok.flags.list('env')], ['512m', '-1', '0.5', ['A']]);
});
