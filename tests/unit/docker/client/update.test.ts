import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';

const hc = '--format "{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.MemoryReservation}} {{.HostConfig.NanoCpus}} {{.HostConfig.CpuShares}} {{.HostConfig.PidsLimit}} {{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}}"';

test('update: each container named as it is updated; HostConfig, inspect and stats follow', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  await run('docker run -d --name box alpine sleep 1000');
  assert.deepEqual(await run('docker update -m 300m --memory-swap 1g --memory-reservation 100M --cpus 1.5 -c 512 --pids-limit 50 --restart on-failure:3 web box'), { out: 'web\nbox\n', err: '', exit: 0 });
  assert.equal((await run(`docker inspect ${hc} web`)).out, '314572800 1073741824 104857600 1500000000 512 50 on-failure:3\n');
  // unset fields stay; -1 pids is unlimited (0); a later memory within the swap limit is fine
  assert.equal((await run('docker container update --pids-limit -1 -m 400m box')).out, 'box\n');
  assert.equal((await run(`docker inspect ${hc} box`)).out, '419430400 1073741824 104857600 1500000000 512 0 on-failure:3\n');
  assert.match((await run('docker stats --no-stream --format "{{.Name}} {{.MemUsage}}" web')).out, /^web [\d.]+MiB \/ 300MiB\n$/);
  assert.match((await run('docker events --until 0s -f event=update --format "{{.Actor.Attributes.name}}"')).out, /^web\nbox\nbox\n$/);
});

test('update errors: the client\'s, the daemon\'s checks, and UpdateContainer\'s conflicts', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  await run('docker run -d --rm --name tmp alpine sleep 1000');
  const id = (await run('docker inspect -f "{{.Id}}" web')).out.trim();
  const tmp = (await run('docker inspect -f "{{.Id}}" tmp')).out.trim();
  const cases: [string, string, number][] = [
    ['docker update web', 'you must provide one or more flags when using this command\n', 1],
    ['docker update', "docker: 'docker update' requires at least 1 argument\n\nUsage:  docker update [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker update --help' for more information\n", 1],
    ['docker update -m lots web', 'invalid argument "lots" for "-m, --memory" flag: invalid size: \'lots\'\n\nUsage:  docker update [OPTIONS] CONTAINER [CONTAINER...]\n\nRun \'docker update --help\' for more information\n', 125],
    ['docker update -m 1m web', 'Error response from daemon: Minimum memory limit allowed is 6MB\n', 1],
    ['docker update -m 1g --memory-swap 500m web', 'Error response from daemon: Minimum memoryswap limit should be larger than memory limit, see usage\n', 1],
    ['docker update --memory-reservation 2m web', 'Error response from daemon: Minimum memory reservation allowed is 6MB\n', 1],
    ['docker update -m 10m --memory-reservation 20m --memory-swap 1g web', 'Error response from daemon: Minimum memory limit can not be less than memory reservation limit, see usage\n', 1],
    ['docker update --cpus 9 web', 'Error response from daemon: Range of CPUs is from 0.01 to 4.00, as there are only 4 CPUs available\n', 1],
    ['docker update --cpus 1 --cpu-period 1000 web', 'Error response from daemon: Conflicting options: Nano CPUs and CPU Period cannot both be set\n', 1],
    ['docker update --blkio-weight 5 web', 'Error response from daemon: Range of blkio weight is from 10 to 1000\n', 1],
    ['docker update -m 300m web', `Error response from daemon: Cannot update container ${id}: Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time\n`, 1],
    ['docker update --restart always tmp', `Error response from daemon: Cannot update container ${tmp}: Restart policy cannot be updated because AutoRemove is enabled for the container\n`, 1],
    ['docker update --restart sometimes web', "Error response from daemon: invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'\n", 1],
    ['docker update --restart always:2 web', "Error response from daemon: invalid restart policy: maximum retry count can only be used with 'on-failure'\n", 1],
    ['docker update --restart :2 web', 'invalid restart policy format: no policy provided before colon\n', 1],
    ['docker update --restart always nope web', 'Error response from daemon: No such container: nope\n', 1],
  ];
  for (const [line, err, exit] of cases) {
    const r = await run(line);
    assert.equal(r.err, err, line);
    assert.equal(r.exit, exit, line);
  }
  // the container that could be updated is still named, before the errors
  assert.equal((await run('docker update --restart always nope web')).out, 'web\n');
  assert.equal((await run('docker update --restart no tmp')).out, 'tmp\n');
  // --kernel-memory is a hidden stub (not a deprecated one: docker 28.2.2 prints no notice), nothing to change
  assert.deepEqual(await run('docker update --kernel-memory 10m web'), { out: 'web\n', err: '', exit: 0 });
  // a period once set keeps --cpus out, and the other way round
  await run('docker update --cpu-quota 50000 web');
  assert.equal((await run('docker update --cpus 1 web')).err, `Error response from daemon: Cannot update container ${id}: Conflicting options: Nano CPUs cannot be updated as CPU Quota has already been set\n`);
});

test('run and create set the resources they are given; the daemon checks them before looking for the image', async () => {
  const run = session();
  const bad = await run('docker run -m 4m alpine true');
  assert.deepEqual([bad.out, bad.err, bad.exit], ['', "docker: Error response from daemon: Minimum memory limit allowed is 6MB\n\nRun 'docker run --help' for more information\n", 125]);
  await run('docker run -d -m 512m --cpus 1.5 -c 512 --pids-limit 100 --name web nginx');
  const hc = (await run('docker inspect -f "{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.NanoCpus}} {{.HostConfig.CpuShares}} {{.HostConfig.PidsLimit}}" web')).out;
  // without --memory-swap the daemon allows as much swap again
  assert.equal(hc, '536870912 1073741824 1500000000 512 100\n');
  assert.match((await run('docker stats --no-stream --format "{{.MemUsage}}" web')).out, / \/ 512MiB\n$/);
  await run('docker create --name c2 -m 64m --memory-swap -1 alpine');
  assert.equal((await run('docker inspect -f "{{.HostConfig.MemorySwap}}" c2')).out, '-1\n');
});

test('HostConfig keeps moby order: the embedded Resources stay in place after an update', async () => {
  const run = session();
  await run('docker run -d --name box alpine sleep 1000');
  const keys = async () => Object.keys(JSON.parse((await run('docker inspect -f "{{json .HostConfig}}" box')).out));
  const before = await keys();
  assert.deepEqual(before.slice(before.indexOf('Isolation'), before.indexOf('MaskedPaths')), [
    'Isolation', 'CpuShares', 'Memory', 'NanoCpus', 'CgroupParent', 'BlkioWeight', 'BlkioWeightDevice', 'BlkioDeviceReadBps',
    'BlkioDeviceWriteBps', 'BlkioDeviceReadIOps', 'BlkioDeviceWriteIOps', 'CpuPeriod', 'CpuQuota', 'CpuRealtimePeriod',
    'CpuRealtimeRuntime', 'CpusetCpus', 'CpusetMems', 'Devices', 'DeviceCgroupRules', 'DeviceRequests', 'MemoryReservation',
    'MemorySwap', 'MemorySwappiness', 'OomKillDisable', 'PidsLimit', 'Ulimits', 'CpuCount', 'CpuPercent', 'IOMaximumIOps', 'IOMaximumBandwidth',
  ]);
  await run('docker update --cpu-period 100000 --cpuset-cpus 0 box');
  assert.deepEqual(await keys(), before);
});

test('a size without a unit is bytes, as go-units RAMInBytes reads it', async () => {
  const run = session();
  await run('docker create --name cc -m 10000000 alpine');
  assert.equal((await run('docker inspect -f "{{.HostConfig.Memory}}" cc')).out, '10000000\n');
  await run('docker update -m 20000000 --memory-swap 40000000 cc');
  assert.equal((await run('docker inspect -f "{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}" cc')).out, '20000000 40000000\n');
});
