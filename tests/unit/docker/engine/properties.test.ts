/**
 * Property tests of the container filesystem and shells: random command lines typed into
 * container shells never throw, and after every line the writable layer agrees with what
 * `docker diff` and `ps -s` report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { treeSize } from '../../../../src/docker/engine/fs';
import { engine, pull, runIt } from './fixtures';

const path = fc.constantFrom('/tmp/a', '/tmp/b', 'x', 'x/y', '/etc/passwd', '/etc', '/root/.profile', '/usr/bin/ls', '/nope/z', '.', '..', '/', '*', '/tmp/*');
const word = fc.oneof(path, fc.stringMatching(/^[a-z0-9 ]{0,6}$/), fc.constantFrom('"', "'", '$HOME', '$?', '|', ';', '&&', '>', '>>', '2>&1', '\\', '-', '--', '-rf', '-p', '-la'));
const cmd = fc.constantFrom('echo', 'cat', 'ls', 'touch', 'rm', 'mkdir', 'rmdir', 'cd', 'pwd', 'cp', 'mv', 'ln -s', 'grep a', 'head', 'wc', 'env', 'ps', 'uname -a', 'hostname', 'sh -c', 'exit', 'apt-get update', 'apt-get install -y tree', 'foo', 'chmod +x', 'printf %s', 'sleep 0');
const line = fc.oneof(
  fc.tuple(cmd, fc.array(word, { maxLength: 4 })).map(([c, ws]) => [c, ...ws].join(' ')),
  fc.string({ maxLength: 30 }),
);

test('random lines in ubuntu and alpine shells: no exception, diff and size consistent', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('ubuntu', 'alpine'), fc.array(line, { minLength: 1, maxLength: 12 }), async (image, lines) => {
      const e = engine(11);
      await pull(e, image);
      const { id, h, type } = await runIt(e, image);
      for (const l of lines) {
        if (h.exited) break;
        await type(l);
        const c = e.containers.get(id);
        if (!c) break;
        const fs = e.fsOf(c);
        const [s] = await e.containerList({ all: true, size: true, filters: { id: [id] } });
        assert.equal(s.SizeRw, treeSize(c.upper));
        assert.equal(s.SizeRootFs, (await e.imageInspect(image)).Size + s.SizeRw!);
        for (const ch of await e.containerChanges(id)) {
          const there = (() => {
            try {
              return !!fs.resolve(ch.Path, '/', false).node;
            } catch {
              return false;
            }
          })();
          assert.equal(there, ch.Kind !== 2, `${ch.Path} ${ch.Kind}`);
        }
      }
    }),
    { numRuns: 60, seed: 42 },
  );
});
