import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flagsFromHelp, parseFlags, FlagError } from '../../../../src/docker/client/flags';
import { parseRamSize } from '../../../../src/docker/client/format/units';
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
  err(['--shm-size=1q'], `invalid argument "1q" for "--shm-size" flag: invalid suffix: 'q'`);
  err(['--cpus', 'x'], 'invalid argument "x" for "--cpus" flag: failed to parse x as a rational number');
  err(['--blkio-weight', '-1'], 'invalid argument "-1" for "--blkio-weight" flag: strconv.ParseUint: parsing "-1": invalid syntax');
  err(['-e', '=x'], 'invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x');
  const ok = parseFlags(['-m', '512m', '--memory-swap', '-1', '--shm-size', '1.5GB', '--cpus', '0.5', '--blkio-weight', '300', '-e', 'A', 'img'], RUN, false);
  assert.deepEqual([ok.flags.str('memory'), ok.flags.str('memory-swap'), ok.flags.str('cpus'), ok.flags.list('env')], ['512m', '-1', '0.5', ['A']]);
});

test('byte sizes are read as go-units RAMInBytes reads them, errors and all (docker 28.2.2)', () => {
  const err = (v: string, why: string) => assert.throws(() => parseFlags(['--shm-size', v], RUN, false), new FlagError(`invalid argument "${v}" for "--shm-size" flag: ${why}`));
  err('12q', "invalid suffix: 'q'");
  err('5KIBB', "invalid suffix: 'KIBB'");
  err('5BB', "invalid suffix: 'bb'");
  err('5ki', "invalid suffix: 'ki'");
  err('1e', "invalid suffix: 'e'");
  err('abc', "invalid size: 'abc'");
  err('', "invalid size: ''");
  err('-1', "invalid size: '-1'");
  err('-.5', "invalid size: '-.5'");
  err('1.5.5g', 'strconv.ParseFloat: parsing "1.5.5": invalid syntax');
  err(' 1', 'strconv.ParseFloat: parsing " 1": invalid syntax');
  err('1  m', 'strconv.ParseFloat: parsing "1 ": invalid syntax');
  err('0x10', 'strconv.ParseFloat: parsing "0x10": invalid syntax');
  err('1__0', 'strconv.ParseFloat: parsing "1__0": invalid syntax');
  err('1e400', 'strconv.ParseFloat: parsing "1e400": value out of range');
  const sizes: [string, number][] = [['12 m', 12 << 20], ['1 ', 1], ['1e3', 1000], ['1_000', 1000], ['.5k', 512], ['5.', 5], ['5 kib', 5120], ['5mB', 5 << 20], ['5b', 5], ['0x1p4', 16], ['1.k', 1024], ['1e-3k', 1]];
  for (const [v, n] of sizes) assert.equal(parseRamSize(v), n, v);
});

test('integer flags are read by strconv with base 0: prefixes, octal, underscores, the type\'s range', () => {
  const err = (argv: string[], msg: string) => assert.throws(() => parseFlags(argv, RUN, false), new FlagError(msg));
  err(['--blkio-weight', '65536'], 'invalid argument "65536" for "--blkio-weight" flag: strconv.ParseUint: parsing "65536": value out of range');
  err(['--blkio-weight', '+1'], 'invalid argument "+1" for "--blkio-weight" flag: strconv.ParseUint: parsing "+1": invalid syntax');
  err(['--stop-timeout', '09'], 'invalid argument "09" for "--stop-timeout" flag: strconv.ParseInt: parsing "09": invalid syntax');
  err(['--stop-timeout', '99999999999999999999'], 'invalid argument "99999999999999999999" for "--stop-timeout" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range');
  err(['--io-maxiops', '-1'], 'invalid argument "-1" for "--io-maxiops" flag: strconv.ParseUint: parsing "-1": invalid syntax');
  const ok = parseFlags(['--stop-timeout', '010', '--cpu-shares', '0x1F', '--pids-limit', '1_0', '--oom-score-adj', '-0b11', 'img'], RUN, false);
  assert.deepEqual(['stop-timeout', 'cpu-shares', 'pids-limit', 'oom-score-adj'].map((k) => ok.flags.int(k)), [8, 31, 10, -3]);
});
