// python's sets, generators and seeded random where tests/real-langs cannot hold CPython's answer:
// what varies between its runs (addresses, a str's hash), and what the evaluator refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Unsupported, interpreter } from '../../../../src/docker/engine/shell/repl-eval';
import { runCode } from '../../../../src/docker/engine/shell/runtimes';
import { Overlay, newDir } from '../../../../src/docker/engine/fs';

const rt = (random = () => 0.5) => interpreter({ py: true, fs: new Overlay(newDir(), [], () => 0), cwd: '/', env: {}, hostname: 'h', kernel: '6.10', version: '3.12.11', random, exists: () => false });
const py = (src: string, random?: () => number) => {
  const r = runCode(rt(random), true, src, 'c', '');
  return r.out + r.err + (r.code ? `[${r.code}]` : '');
};
const refused = (src: string) => assert.ok(rt().run(src + '\n').error instanceof Unsupported, src);

test('a generator and an iterator show their kind and an address, as CPython (whose address varies)', () => {
  assert.match(py('def g():\n    yield 1\nprint(g(), (x for x in []), iter([1]), iter({1}), enumerate(g()))'), /^<generator object g at 0x7f[0-9a-f]+> <generator object <genexpr> at 0x7f[0-9a-f]+> <list_iterator object at 0x7f[0-9a-f]+> <set_iterator object at 0x7f[0-9a-f]+> <enumerate object at 0x7f[0-9a-f]+>\n$/);
});

test('a set of strings prints in one of the orders CPython may print (its str hash changes every run)', () => {
  const out = py('print({"pera", "manzana", "uva"}, sorted({"pera", "uva"}))');
  assert.equal(out, py('print({"uva", "pera", "manzana"}, sorted({"pera", "uva"}))'), 'the order hangs on the strings, not on how they were written');
  assert.match(out, /^\{('(pera|manzana|uva)'(, )?){3}\} \['pera', 'uva'\]\n$/);
});

test('what a generator does that the evaluator cannot follow is refused, and an endless one taken whole stops', () => {
  // (a yield inside an expression, throw's old three arguments)
  refused('def g():\n    print((yield 1))\nlist(g())');
  // (a lambda that yields is a generator, not a yield outside a function nor one of the def it is in)
  refused('f = lambda: (yield 1)\nprint(list(f()))');
  refused('def f(x): return [lambda: (yield i) for i in x]\nprint(len(f([1])))');
  refused('def g():\n    yield 1\nit = g()\nnext(it)\nit.throw(ValueError, ValueError("x"), None)');
  // (CPython closes a generator suspended in its try when its last reference goes, which only a reference count knows)
  refused('def g():\n    try:\n        yield 1\n    finally:\n        print("fin")\nprint(next(g()))');
  refused('def g():\n    try:\n        yield 1\n    finally:\n        print("fin")\na, b = g(), g()\nnext(a)\nnext(b)');
  // (nor where its close's output goes when the program ends by an error)
  refused('def g():\n    try:\n        yield 1\n    finally:\n        print("fin")\nit = g()\nnext(it)\nprint(1 / 0)');
  assert.match(py('def g():\n    while True:\n        yield 1\nprint(len(list(g())))'), /RuntimeError: the simulated interpreter stops a loop after 100000 rounds\n\[1\]$/);
});

test('a frozenset or an object with __hash__ as a dict key, a seed that is no int and an empty choice are refused', () => {
  refused('d = {frozenset([1]): 2}');
  refused('class P:\n    def __hash__(self):\n        return 1\nd = {P(): 1}');
  refused('import random\nrandom.seed("abc")');
  refused('import random\nrandom.choice([])');
});

test('random without a seed draws from the simulator\'s generator, so a session repeats itself', () => {
  const src = 'import random\nprint(random.random(), random.randint(1, 6), random.choice("abc"))\nl = [1, 2, 3]\nrandom.shuffle(l)\nprint(l)';
  assert.equal(py(src, () => 0.5), '0.5 4 b\n[1, 3, 2]\n');
  assert.equal(py('import random\nrandom.seed(1)\nrandom.seed()\nprint(random.random())', () => 0.25), '0.25\n');
});

test('a function, None or an exception is hashed by what it is; a dict view\'s set operations are refused', () => {
  assert.equal(py('e = ValueError("x")\nprint(len({len, print, len}), len in {len}, len({e, e, None}), None in {None})'), '2 True 2 True\n');
  refused('print({1: 2}.keys() - {1})');
});

test('None hashes as 3.12 on hash it, so a set of it and ints is in their order', () => {
  assert.equal(py('print(hash(None), {None, 1, 2, 3, 100, -7})'), '4238894112 {None, 1, 2, 3, 100, -7}\n');
});

test('map, filter and reversed are iterators that show their kind and an address', () => {
  assert.match(py('print(map(str, []), filter(None, []), reversed([1]), reversed("a"))'), /^<map object at 0x7f[0-9a-f]+> <filter object at 0x7f[0-9a-f]+> <list_reverseiterator object at 0x7f[0-9a-f]+> <reversed object at 0x7f[0-9a-f]+>\n$/);
});

test('random.choices with a count not given by keyword says so, as random.py (whose frame the traceback would show)', () => {
  assert.match(py('import random\nrandom.choices([1, 2], 3)'), /\nTypeError: The number of choices must be a keyword argument: k=3\n\[1\]$/);
});

test('itertools makes each tuple as it is taken, checks its sizes as CPython does, and a range too big for the page is refused', () => {
  // (CPython 3.9 to 3.13 print these; the first two would fill the page's memory if made whole)
  const src = [
    'import itertools',
    'print(next(itertools.permutations(range(11))))',
    'print(next(itertools.product(range(10), repeat=8)))',
    "print(list(itertools.repeat('x', -1)), repr(itertools.repeat('x', -1)))",
    "r = itertools.repeat('y', 3); next(r); print(repr(r))",
    "print(list(itertools.product('ab', [1, 2])), list(itertools.product()), list(itertools.product('ab', '')))",
    "print(list(itertools.permutations('abc', 2)), list(itertools.combinations('abcd', 3)), list(itertools.combinations('ab', 3)))",
    'for f, a in ((itertools.combinations, ([1, 2], -1)), (itertools.permutations, ([1, 2], -1))):',
    '    try:',
    '        f(*a)',
    '    except ValueError as e:',
    '        print(e)',
    'try:',
    "    itertools.product('ab', repeat=-1)",
    'except ValueError as e:',
    '    print(e)',
    'try:',
    '    range(1, 2, 0)',
    'except ValueError as e:',
    '    print(e)',
  ].join('\n');
  assert.equal(py(src), [
    '(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)',
    '(0, 0, 0, 0, 0, 0, 0, 0)',
    "[] repeat('x', 0)",
    "repeat('y', 2)",
    "[('a', 1), ('a', 2), ('b', 1), ('b', 2)] [()] []",
    "[('a', 'b'), ('a', 'c'), ('b', 'a'), ('b', 'c'), ('c', 'a'), ('c', 'b')] [('a', 'b', 'c'), ('a', 'b', 'd'), ('a', 'c', 'd'), ('b', 'c', 'd')] []",
    'r must be non-negative',
    'r must be non-negative',
    'repeat argument cannot be negative',
    'range() arg 3 must not be zero',
    '',
  ].join('\n'));
  refused('print(any(x > 2 for x in range(10**9)))');
});

test("dir, vars, hasattr and getattr's default answer for the program's own classes; of what has attributes the evaluator lacks, they are refused", () => {
  for (const src of ['dir(1)', 'import math\ndir(math)', 'vars()', 'class C: pass\nvars(C)', 'hasattr(1, "real")', 'getattr("s", "__len__", 0)', 'class C: pass\nhasattr(C(), "__init__")', 'setattr([], "a", 1)']) refused(src);
  assert.equal(py('class C: pass\nc = C()\nprint(hasattr(c, "x"), getattr(c, "x", 0))'), 'False 0\n');
});

test("dir() at a module's top: a file's or stdin's module has __file__ and __cached__ (-c code's none, as python3 app.py and python3 < app.py); other scopes' refused", () => {
  const dunders = (file: boolean) => `'__annotations__', '__builtins__', ${file ? "'__cached__', " : ''}'__doc__', ${file ? "'__file__', " : ''}'__loader__', '__name__', '__package__', '__spec__'`;
  for (const how of ['/app.py', 'stdin', 'c']) assert.equal(runCode(rt(), true, 'x = 1\nprint(dir())', how, '').out, `[${dunders(how !== 'c')}, 'x']\n`);
  for (const src of ['def f():\n    return dir()\nf()', 'class C:\n    x = dir()', '[dir() for i in "a"]', 'd = dir\ndef f(): return d()\nf()']) refused(src);
});
