import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../../../src/docker/engine';
import { createShell } from '../../../../src/docker/index';
import { hostShell, run } from './harness';

const REF = join(import.meta.dirname, '../../../golden/reference');
const help = (g: string) => readFileSync(join(REF, 'help', g + '.txt'), 'utf8').replace(/\[exit code: 0\]\n$/, '');

test('the management groups the engine has nothing for: their help, alone on stderr, asked on stdout', async () => {
  const sh = hostShell();
  for (const g of ['builder', 'config', 'context', 'manifest', 'node', 'plugin', 'secret', 'service', 'stack', 'swarm', 'trust']) {
    // manifest's RunE writes a blank line before its help
    const alone = (g === 'manifest' ? '\n' : '') + help(g);
    assert.deepEqual(await run(sh, `docker ${g}`), { stdout: '', stderr: alone, both: alone, exit: 0 }, g);
    // builder's capture holds both streams: its deprecation notice goes to stderr, except through `docker help`
    const notice = g === 'builder' ? help(g).slice(0, help(g).indexOf('Usage:')) : '';
    assert.deepEqual(await run(sh, `docker ${g} --help`), { stdout: help(g).slice(notice.length), stderr: notice, both: help(g), exit: 0 }, g);
    assert.equal((await run(sh, `docker help ${g}`)).stdout, help(g).slice(notice.length), g);
    const unknown = await run(sh, `docker ${g} frobnicate`);
    // cobra's usage line is the command's Use: a few go on after the name
    const use = { manifest: ' COMMAND', stack: ' [OPTIONS]' }[g] ?? '';
    assert.equal(unknown.stderr, `${notice}docker: unknown command: docker ${g} frobnicate\n\nUsage:  docker ${g}${use}\n\nRun 'docker ${g} --help' for more information\n`);
    assert.equal(unknown.exit, 1);
  }
});

test('checkpoint needs an experimental daemon: every use is refused, --help prints the refusal', async () => {
  const sh = hostShell();
  const msg = (p: string) => `${p} is only supported on a Docker daemon with experimental features enabled\n`;
  assert.deepEqual(await run(sh, 'docker checkpoint'), { stdout: '', stderr: msg('docker checkpoint'), both: msg('docker checkpoint'), exit: 1 });
  assert.equal((await run(sh, 'docker checkpoint ls web')).stderr, msg('docker checkpoint ls'));
  assert.equal((await run(sh, 'docker checkpoint list web')).stderr, msg('docker checkpoint ls'));
  assert.equal((await run(sh, 'docker checkpoint --nope')).stderr, msg('docker checkpoint'));
  assert.deepEqual(await run(sh, 'docker checkpoint create --help'), { stdout: msg('docker checkpoint create'), stderr: '', both: msg('docker checkpoint create'), exit: 0 });
  assert.equal((await run(sh, 'docker --help checkpoint')).stdout, msg('docker checkpoint'));
  assert.equal((await run(sh, 'docker help checkpoint ls')).stdout, msg('docker checkpoint ls'));
  // before any argument check too (docker wraps the Args check with it), and after -h's notice
  assert.equal((await run(sh, 'docker checkpoint a b c')).stderr, msg('docker checkpoint'));
  assert.deepEqual(await run(sh, 'docker checkpoint -h'), { stdout: 'Flag shorthand -h has been deprecated, use --help\n' + msg('docker checkpoint'), stderr: '', both: 'Flag shorthand -h has been deprecated, use --help\n' + msg('docker checkpoint'), exit: 0 });
});

test('swarm lists and leave answer as on an engine in no swarm; their help as cobra builds it', async () => {
  const sh = hostShell(createEngine({ seed: 1 }));
  const noManager = 'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n';
  for (const cmd of ['docker node ls', 'docker node list -q', 'docker service ls', 'docker secret ls', 'docker config ls --format json']) {
    assert.deepEqual(await run(sh, cmd), { stdout: '', stderr: noManager, both: noManager, exit: 1 }, cmd);
  }
  assert.deepEqual(await run(sh, 'docker swarm leave -f'), { stdout: '', stderr: 'Error response from daemon: This node is not part of a swarm\n', both: 'Error response from daemon: This node is not part of a swarm\n', exit: 1 });
  assert.equal((await run(sh, 'docker node ls x')).stderr, "docker: 'docker node ls' accepts no arguments\n\nUsage:  docker node ls [OPTIONS]\n\nRun 'docker node ls --help' for more information\n");
  // `network ls` has the same flags (FormatHelp and all), so the same table, bar its words
  const net = help('network-ls');
  const node = (await run(sh, 'docker node list --help')).stdout;
  assert.equal(node, net.replace('List networks', 'List nodes in the swarm').replaceAll('network', 'node')
    .replace('Provide filter values (e.g. "driver=bridge")', 'Filter output based on conditions provided')
    .replace(/ {6}--no-trunc.*\n/, '').replace('Only display node IDs', 'Only display IDs'));
  assert.equal((await run(sh, 'docker help config ls')).stdout, node.replaceAll('node', 'config').replace('List configs in the swarm', 'List configs'));
  assert.equal((await run(sh, 'docker service ls --help')).stdout, node.replaceAll('node', 'service').replace('List services in the swarm', 'List services'));
  assert.equal((await run(sh, 'docker swarm leave --help')).stdout, 'Usage:  docker swarm leave [OPTIONS]\n\nLeave the swarm\n\nOptions:\n  -f, --force   Force this node to leave the swarm, ignoring warnings\n');
});

test('context ls and show: the default context, current; plugin ls: none, filters checked', async () => {
  const sh = hostShell(createEngine({ seed: 1 }));
  assert.equal((await run(sh, 'docker context ls')).stdout, 'NAME        DESCRIPTION                               DOCKER ENDPOINT               ERROR\ndefault *   Current DOCKER_HOST based configuration   unix:///var/run/docker.sock   \n');
  assert.equal((await run(sh, 'docker context list -q')).stdout, 'default\n');
  assert.equal((await run(sh, 'docker context ls --format "{{.Name}} {{.Current}}"')).stdout, 'default true\n');
  assert.equal((await run(sh, 'docker context ls --format json')).stdout, '{"Current":true,"Description":"Current DOCKER_HOST based configuration","DockerEndpoint":"unix:///var/run/docker.sock","Error":"","Name":"default"}\n');
  assert.deepEqual(await run(sh, 'docker context show'), { stdout: 'default\n', stderr: '', both: 'default\n', exit: 0 });
  assert.equal((await run(sh, 'docker context show --help')).stdout, 'Usage:  docker context show\n\nPrint the name of the current context\n');
  assert.equal((await run(sh, 'docker context ls --help')).stdout.split('\n').slice(0, 9).join('\n'), 'Usage:  docker context ls [OPTIONS]\n\nList contexts\n\nAliases:\n  docker context ls, docker context list\n\nOptions:\n      --format string   Format output using a custom template:');
  assert.equal((await run(sh, 'docker plugin ls')).stdout, 'ID        NAME      DESCRIPTION   ENABLED\n');
  assert.equal((await run(sh, 'docker plugin list -q')).stdout, '');
  assert.equal((await run(sh, 'docker plugin ls -f enabled=true')).exit, 0);
  assert.equal((await run(sh, 'docker plugin ls -f name=x')).stderr, "Error response from daemon: invalid filter 'name'\n");
});

test('completion offers the subcommands the groups answer', () => {
  const sh = createShell({ seed: 1 });
  assert.deepEqual(sh.complete('docker context ', 15).candidates, ['inspect', 'list', 'ls', 'remove', 'rm', 'show', 'use']);
  assert.deepEqual(sh.complete('docker swarm l', 14).candidates, ['leave']);
  assert.deepEqual(sh.complete('docker sy', 9).candidates, ['system']);
  assert.deepEqual(sh.complete('docker system e', 15).candidates, ['events']);
});

test('builder prune: the legacy builder\'s notice, a one-line question, nothing reclaimed', async () => {
  const sh = hostShell(createEngine({ seed: 1 }));
  const notice = help('builder').slice(0, help('builder').indexOf('Usage:'));
  assert.deepEqual(await run(sh, 'docker builder prune -f'), { stdout: 'Total reclaimed space: 0B\n', stderr: notice, both: notice + 'Total reclaimed space: 0B\n', exit: 0 });
  const piped = await run(sh, 'echo y | docker builder prune -a');
  assert.equal(piped.stdout, 'WARNING! This will remove all build cache. Are you sure you want to continue? [y/N] Total reclaimed space: 0B\n');
  assert.equal((await run(sh, 'echo n | docker builder prune')).stdout, 'WARNING! This will remove all dangling build cache. Are you sure you want to continue? [y/N] ');
  const h = await run(sh, 'docker builder prune --help');
  assert.equal(h.stderr, notice);
  assert.equal(h.stdout, 'Usage:  docker builder prune\n\nRemove build cache\n\nOptions:\n  -a, --all                  Remove all unused build cache, not just\n                             dangling ones\n      --filter filter        Provide filter values (e.g. "until=24h")\n  -f, --force                Do not prompt for confirmation\n      --keep-storage bytes   Amount of disk space to keep for cache\n');
  assert.equal((await run(sh, 'docker builder prune x')).exit, 1);
  // `docker builder build` is the same legacy build
  assert.match((await run(sh, 'docker builder build --help')).stdout, /^Usage:  docker builder build \[OPTIONS\] PATH \| URL \| -\n\nBuild an image from a Dockerfile\n/);
  assert.equal((await run(sh, 'docker builder build')).stderr, notice + "docker: 'docker builder build' requires 1 argument\n\nUsage:  docker builder build [OPTIONS] PATH | URL | -\n\nRun 'docker builder build --help' for more information\n");
});
