import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inside } from './fixtures';

test('apt-cache policy: the dpkg database alone before apt-get update, then the archive; madison, search, show, depends', async () => {
  const { run } = await inside('ubuntu');
  assert.equal(await run('apt-cache policy curl; echo $?'), 'N: Unable to locate package curl\n0\n');
  assert.equal(await run('apt-cache policy bash'), 'bash:\n  Installed: 5.2.21-2ubuntu4\n  Candidate: 5.2.21-2ubuntu4\n  Version table:\n *** 5.2.21-2ubuntu4 100\n        100 /var/lib/dpkg/status\n');
  await run('apt-get update');
  assert.equal(await run('apt-cache policy curl'), 'curl:\n  Installed: (none)\n  Candidate: 8.5.0-2ubuntu10.6\n  Version table:\n     8.5.0-2ubuntu10.6 500\n        500 http://archive.ubuntu.com/ubuntu noble-updates/main amd64 Packages\n');
  assert.equal(await run('apt-cache madison curl'), '      curl | 8.5.0-2ubuntu10.6 | http://archive.ubuntu.com/ubuntu noble-updates/main amd64 Packages\n');
  assert.equal(await run('apt-cache search transferring'), 'curl - command line tool for transferring data with URL syntax\n');
  assert.equal(await run('apt-cache depends jq'), 'jq\n  Depends: libc6\n  Depends: libjq1\n  Depends: libonig5\n');
  assert.match(await run('apt-cache show curl'), /^Package: curl\nVersion: 8\.5\.0-2ubuntu10\.6\n[^]*Description: command line tool for transferring data with URL syntax\n\n$/);
  assert.equal(await run('apt-cache show nada; echo $?'), 'N: Unable to locate package nada\nE: No packages found\n100\n');
  assert.equal(await run('apt-cache nada; echo $?'), 'E: Invalid operation nada\n100\n');
  await run('apt-get install -y jq');
  assert.equal(await run('apt-cache policy jq'), 'jq:\n  Installed: 1.7.1-3build1\n  Candidate: 1.7.1-3build1\n  Version table:\n *** 1.7.1-3build1 500\n        500 http://archive.ubuntu.com/ubuntu noble/main amd64 Packages\n        100 /var/lib/dpkg/status\n');
});

test('apt-mark: what apt-get pulled in is automatic, the rest manual; hold and unhold in dpkg selections', async () => {
  const { run } = await inside('debian', 'apt-get update', 'apt-get install -y jq');
  assert.equal(await run('apt-mark showauto'), 'libjq1\nlibonig5\n');
  assert.match(await run('apt-mark showmanual'), /^adduser\napt\n[^]*\njq\n[^]*$/);
  assert.equal(await run('apt-mark hold jq'), 'jq set on hold.\n');
  assert.equal(await run('apt-mark hold jq'), 'jq was already set on hold.\n');
  assert.equal(await run('apt-mark showhold'), 'jq\n');
  assert.match(await run('dpkg -s jq'), /Status: hold ok installed/);
  assert.match(await run('dpkg -l jq'), /\nhi  jq {13}1\.6-2\.1/);
  assert.match(await run('apt-get remove -y jq; echo $?'), /The following packages will be REMOVED:\n  jq\nThe following held packages will be changed:\n  jq\n0 upgraded, 0 newly installed, 1 to remove and 0 not upgraded\.\nE: Held packages were changed and -y was used without --allow-change-held-packages\.\n100\n$/);
  assert.equal(await run('apt-mark unhold jq'), 'Canceled hold on jq.\n');
  assert.equal(await run('apt-mark unhold jq'), 'jq was already not on hold.\n');
  assert.equal(await run('apt-mark auto jq'), 'jq set to automatically installed.\n');
  assert.equal(await run('apt-mark auto jq'), 'jq was already set to automatically installed.\n');
  assert.equal(await run('apt-mark showauto'), 'jq\nlibjq1\nlibonig5\n');
  assert.equal(await run('apt-mark manual jq'), 'jq set to manually installed.\n');
  assert.equal(await run('apt-mark showauto'), 'libjq1\nlibonig5\n');
  assert.equal(await run('apt-mark hold nada; echo $?'), 'E: Unable to locate package nada\n100\n');
});
