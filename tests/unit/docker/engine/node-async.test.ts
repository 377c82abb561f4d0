/** node's event loop in the simulator: the time its timers take, Ctrl+C, the REPL's order, and what it refuses (tests/real-langs has node's own answers). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from '../client/session';
import { engine, pull, runIt } from './fixtures';
import { runNode, shown, type NodeRun } from '../../../../src/docker/engine/shell/node';
import type { Machine } from '../../../../src/docker/engine/shell/types';

/** A program's run as `node -e` on a machine of node:20, and what a terminal sees of it: each write and each wait. */
async function terminal(program: string, stopAfter = Infinity) {
  const e = engine();
  await pull(e, 'node:20');
  const { Id } = await e.containerCreate({ Image: 'node:20', Cmd: ['sleep', 'infinity'] });
  const m = (e as unknown as { machine(c: unknown): Machine }).machine(e.get(Id));
  const r: NodeRun = runNode(m, '/', [], ['-e', program]);
  const seen: string[] = [];
  const stop = new AbortController();
  let waits = 0;
  const ok = await shown({ out: (t) => void (t && seen.push(t)), err: (t) => void (t && seen.push('! ' + t)), signal: stop.signal, sleep: async (ms) => { seen.push(`(${ms} ms)`); if (++waits >= stopAfter) stop.abort(); } }, r);
  return { seen, ok };
}

test('a timer waits its time in the terminal: what the program wrote shows as the loop reaches it', async () => {
  const { seen, ok } = await terminal("console.log('ya'); setTimeout(() => console.log('2 s'), 2000); setTimeout(() => console.log('5 s'), 5000)");
  assert.deepEqual(seen, ['ya\n', '(2000 ms)', '2 s\n', '(3000 ms)', '5 s\n']);
  assert.equal(ok, true);
  // the container's clock moves on with it
  const run = session();
  await run('docker pull -q node:20');
  await run('docker run -d --name nd node:20 sleep infinity');
  const before = Number((await run('docker exec nd date +%s')).out);
  assert.equal((await run(`docker exec nd node -e "setTimeout(() => console.log('tarde'), 4000)"`)).out, 'tarde\n');
  assert.ok(Number((await run('docker exec nd date +%s')).out) - before >= 4);
});

test('Ctrl+C stops a program whose interval goes on: nothing after it is shown', async () => {
  const { seen, ok } = await terminal("let n = 0; setInterval(() => console.log('tick', ++n), 1000)", 3);
  assert.deepEqual(seen, ['(1000 ms)', 'tick 1\n', '(1000 ms)', 'tick 2\n', '(1000 ms)']);
  assert.equal(ok, false);
});

test('an error of a timer shows at its time, after what came before it', async () => {
  const { seen } = await terminal("console.log('a'); setTimeout(() => { throw new Error('boom') }, 1500)");
  assert.deepEqual(seen.slice(0, 3), ['a\n', '(1500 ms)', '! [eval]:1\n' + "console.log('a'); setTimeout(() => { throw new Error('boom') }, 1500)\n" + ' '.repeat(37) + "^\n\nError: boom\n    at Timeout._onTimeout ([eval]:1:44)\n    at listOnTimeout (node:internal/timers:581:17)\n    at process.processTimers (node:internal/timers:519:7)\n\nNode.js v20.19.2\n"]);
});

test('what the evaluator cannot run is refused: an error of an ES module (a program with a top-level await), a recursion deeper than the page\'s stack', async () => {
  const run = session();
  await run('docker pull -q node:20');
  await run('docker run -d --name nd node:20 sleep infinity');
  // (node 20.19 runs a program that awaits at its top level as an ES module, and reports its errors as one's)
  assert.equal((await run(`docker exec nd node -e "console.log(await Promise.resolve(1))"`)).out, '1\n');
  const r = await run(`docker exec nd node -e "await Promise.reject(new Error('no'))"`);
  assert.match(r.err, /^Error: the simulated interpreter cannot run 'an error of an ES module'$/m);
  assert.equal(r.exit, 1);
  // (node goes some 10,000 calls deep: a recursion that needs more than the page has is no RangeError of the program's)
  for (const p of ['function f(n) { return n ? f(n - 1) + 1 : 0 }\nconsole.log(f(9000))', 'function f(n) { return n ? f(n - 1) + 1 : 0 }\ntry { f(9000) } catch (e) { console.log(e.message) }']) {
    const d = await run(`docker exec nd node -e '${p}'`);
    assert.equal(d.out, '');
    assert.match(d.err, /^Error: the simulated interpreter cannot run 'recursion deeper than \d+ calls'$/m);
  }
  assert.equal((await run(`docker exec nd node -e 'function f(n) { return n ? f(n - 1) + 1 : 0 }\nconsole.log(f(200))'`)).out, '200\n');
  // an Error made after an await and awaited by another async function: node's stack names that one too (`at async outer`)
  const awaited = await run(`docker exec nd node -e 'async function inner() {\n  await null\n  throw new Error("x")\n}\nasync function outer() {\n  await inner()\n}\nouter()'`);
  assert.match(awaited.err, /^Error: the simulated interpreter cannot run 'rejection'$/m);
  // an await in a statement that holds others the evaluator would run again whole, or in a function that is no async one (V8's SyntaxError)
  for (const [p, what] of [['outer: for (let i = 0; i < 2; i++) { await null; console.log(i) }', 'label with await'], ["switch (await 1) { case 1: console.log('one') }", 'switch with await']]) {
    const d = await run(`docker exec nd node -e '(async () => { ${p} })()'`);
    assert.equal(d.out, '');
    assert.match(d.err, new RegExp(`^Error: the simulated interpreter cannot run '${what}'$`, 'm'));
  }
  // (an await in a callback that is not async is V8's SyntaxError, as node 20 says it)
  const cb = await run(`docker exec nd node -e '(async () => { [1].forEach((x) => { await x }) })()'`);
  assert.match(cb.err, /^ {36}\^{5}\n\nSyntaxError: await is only valid in async functions and the top level bodies of modules$/m);
  assert.equal(cb.exit, 1);
  // (performance.now() counts from the process's start: no number of the simulated clock's)
  assert.match((await run(`docker exec nd node -e "console.log(performance.now())"`)).err, /^Error: the simulated interpreter cannot run 'performance'$/m);
  // callbacks that queue themselves for ever hang node: the page stops them
  const endless = await run(`docker exec nd node -e 'let n = 0\nfunction f() { n++; process.nextTick(f) }\nf()'`);
  assert.match(endless.err, /^Error: the simulated interpreter cannot run 'microtasks without end'$/m);
});

test("node's REPL shows an input's value before its promises and timers run, and their errors as it reports them", async () => {
  const e = engine();
  await pull(e, 'node:20');
  const { type } = await runIt(e, 'node:20');
  assert.equal(await type("Promise.resolve().then(() => console.log('m')); 3"), '3\nm\n');
  assert.equal(await type("setTimeout(() => { throw new Error('boom') }, 10); 1"), '1\nUncaught Error: boom\n');
  assert.equal(await type('Promise.reject(42); 2'), '2\nUncaught 42\n');
  assert.equal(await type('1 + 1'), '2\n');
  assert.equal(await type('const a = {}; a.a = a; a'), '<ref *1> { a: [Circular *1] }\n');
  // the REPL shows a promise with its async hooks' ids, and globalThis whole: refused, never thrown out of the REPL
  assert.equal(await type('Promise.resolve(1)'), "Uncaught Error: the simulated interpreter cannot run 'util.inspect(promise)'\n");
  assert.equal(await type('globalThis'), "Uncaught Error: the simulated interpreter cannot run 'util.inspect(globalThis)'\n");
});

test("node's REPL waits at a top-level await: the loop runs (timers too) until the promise settles", async () => {
  const e = engine();
  await pull(e, 'node:20');
  const { type } = await runIt(e, 'node:20');
  assert.equal(await type('await Promise.resolve(3)'), '3\n');
  assert.equal(await type('const p = new Promise(r => setTimeout(() => r(9), 100))'), 'undefined\n');
  assert.equal(await type('const v = await p; v * 2'), '18\n');
  assert.equal(await type('v'), '9\n');
  assert.equal(await type('for (const x of [1, 2]) { await null; console.log(x) }'), '1\n2\nundefined\n');
  assert.equal(await type('await Promise.reject(42)'), 'Uncaught 42\n');
  assert.equal(await type("try { await Promise.reject(new Error('c')) } catch (e) { console.log(e.message) }"), 'c\nundefined\n');
  // node runs such an input as an async function, whose Error shows a frame of its own; one never settled keeps it waiting
  assert.equal(await type("await Promise.reject(new Error('r'))"), "Uncaught Error: the simulated interpreter cannot run 'rejection'\n");
  assert.equal(await type('await new Promise(() => {})'), "Uncaught Error: the simulated interpreter cannot run 'await'\n");
  // an await anywhere in an expression (node v20.20.2's REPL, a line at a time)
  assert.equal(await type('1 + await Promise.resolve(2)'), '3\n');
  assert.equal(await type('const o = { a: await Promise.resolve(1), b: `x${await 2}` }'), 'undefined\n');
  assert.equal(await type('o'), "{ a: 1, b: 'x2' }\n");
  assert.equal(await type('(await Promise.resolve({ y: 3 })).y'), '3\n');
  assert.equal(await type('let n = 0'), 'undefined\n');
  assert.equal(await type('while (await Promise.resolve(n) < 2) n++'), 'undefined\n');
  assert.equal(await type('n'), '2\n');
  assert.equal(await type('[await 1, await 2].map(x => x * 2)'), '[ 2, 4 ]\n');
});

test("node 14's REPL has no top-level await (a flag until node 16.6): V8's SyntaxError", async () => {
  const e = engine();
  await pull(e, 'node:14');
  const { type } = await runIt(e, 'node:14');
  // (node also shows the line and a caret above it, as for every SyntaxError of its REPL)
  assert.match(await type('await Promise.resolve(3)'), /^Uncaught SyntaxError: await is only valid in async function\n$/m);
  assert.equal(await type('(async () => { console.log(1 + await Promise.resolve(2)) })(); 0'), '0\n3\n');
});

test("node's REPL runs its timers as the clock goes: an interval nobody clears leaves the next inputs alone", async () => {
  const e = engine();
  await pull(e, 'node:20');
  const { type } = await runIt(e, 'node:20');
  assert.equal(await type('let n = 0'), 'undefined\n');
  assert.equal(await type('const id = setInterval(() => { n++ }, 1000)'), 'undefined\n');
  await e.advance(2500);
  assert.equal(await type('n'), '2\n');
  assert.equal(await type('1 + 1'), '2\n');
  await e.advance(1000);
  assert.equal(await type('n'), '3\n');
  assert.equal(await type('clearInterval(id)'), 'undefined\n');
  await e.advance(5000);
  assert.equal(await type('n'), '3\n');
  // a timer writes once its time has come, before the input typed after it
  assert.equal(await type("const t = setTimeout(() => console.log('hi'), 1500)"), 'undefined\n');
  await e.advance(1000);
  assert.equal(await type('2'), '2\n');
  await e.advance(1000);
  assert.equal(await type('3'), 'hi\n3\n');
  // (Date.now() counts the clock once, timers or not)
  assert.equal(await type('const d = Date.now()'), 'undefined\n');
  await e.advance(3000);
  assert.equal(await type('Date.now() - d'), '3000\n');
  // timers that would run for ever between two inputs are stopped once, and said for what they are
  assert.equal(await type('const z = setInterval(() => {}, 1)'), 'undefined\n');
  await e.advance(20000);
  assert.equal(await type('4'), "Uncaught Error: the simulated interpreter cannot run 'timers without end'\n4\n");
  await e.advance(20000);
  assert.equal(await type('5'), '5\n');
  // an await after an arrow of the same loop is the input's own
  assert.equal(await type("for (let i = 0; i < 2; i++) { [1].forEach((x) => x); await null; setTimeout(() => console.log('t', i)) }"), 'undefined\nt 0\nt 1\n');
  assert.equal(await type("if (await Promise.resolve(2) === 2) console.log('yes')"), 'yes\nundefined\n');
});
