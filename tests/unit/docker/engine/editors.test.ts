// nano, vim and busybox vi typed in a container's shell: they draw on the screen (rendered here
// by the in-memory ScreenModel), take raw keys, and write through the container's files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell, type Shell, type TermIO } from '../../../../src/docker/index';
import { ScreenModel } from '../../../../src/terminal/screen-model';

/** A shell with a screen of `cols`×`rows`: `screen()` is what the terminal shows now. */
async function open(image: string, setup: string[] = [], cols = 80, rows = 24) {
  const sh = createShell({ seed: 3 }) as Shell & Required<Pick<Shell, 'key' | 'screen'>>;
  let view = new ScreenModel(cols, rows);
  let raw = '';
  const io: TermIO = { out: (t) => ((raw += t), view.write(t.replace(/\n/g, '\r\n'))), err: (t) => ((raw += t), view.write(t.replace(/\n/g, '\r\n'))), tty: true, columns: cols, rows, sleep: async () => {} };
  const run = async (line: string) => {
    raw = '';
    await sh.run(line, io);
    if (sh.screen()) await sh.key('', io);
    return raw;
  };
  const keys = async (...ks: string[]) => {
    for (const k of ks) await sh.key(k, io);
  };
  await run(`docker run -it --name box ${image}`);
  for (const l of setup) await run(l);
  return {
    sh, run, keys,
    fresh: () => (view = new ScreenModel(cols, rows)),
    screen: () => view.text().split('\n').slice(-rows),
  };
}

const NANO = ['apt-get update', 'apt-get install -y nano vim'];

test('nano opens a new file with its title, [ New File ] and the two rows of shortcuts laid out for 80 columns', async () => {
  const t = await open('debian bash', NANO);
  t.fresh();
  await t.run('nano /tmp/a.txt');
  assert.equal(t.sh.screen(), true);
  const s = t.screen();
  assert.equal(s[0], '  GNU nano 7.2' + ' '.repeat(23) + '/tmp/a.txt');
  assert.equal(s[21], ' '.repeat(34) + '[ New File ]');
  assert.equal(s[22], '^G Help      ^O Write Out ^W Where Is  ^K Cut       ^T Execute   ^C Location');
  assert.equal(s[23], '^X Exit      ^R Read File ^\\ Replace   ^U Paste     ^J Justify   ^/ Go To Line');
});

test('nano: typing, Ctrl+O Enter writes ([ Wrote N lines ]), Ctrl+X leaves; the file is in the container', async () => {
  const t = await open('debian bash', NANO);
  await t.run('nano /usr/share/hola.txt');
  await t.keys('hola', '\r', 'mundo');
  assert.match(t.screen()[0], /^  GNU nano 7\.2 {18}\/usr\/share\/hola\.txt {19}Modified$/);
  await t.keys('\x0f');
  assert.match(t.screen()[21], /^File Name to Write: \/usr\/share\/hola\.txt\s*$/);
  assert.match(t.screen()[22], /^\^G Help {13}M-D DOS Format {6}M-A Append {10}M-B Backup File$/);
  await t.keys('\r');
  assert.match(t.screen()[21], /\[ Wrote 2 lines \]/);
  await t.keys('\x18');
  assert.equal(t.sh.screen(), false);
  assert.equal(await t.run('cat /usr/share/hola.txt'), 'hola\nmundo\n');
  assert.equal(await t.run('echo $?'), '0\n');
});

test('nano: Ctrl+X on a modified buffer asks, Y then Enter saves and leaves; N leaves without saving; the rest of the line runs after', async () => {
  const t = await open('debian bash', NANO);
  await t.run('echo uno > /f; nano /f; echo fin');
  assert.match(t.screen()[21], /\[ Read 1 line \]/);
  await t.keys('\x1b[F', ' dos', '\x18');
  assert.match(t.screen()[21], /^Save modified buffer\?$/);
  assert.match(t.screen()[22], /^ Y Yes$/);
  assert.match(t.screen()[23], /^ N No {11}\^C Cancel$/);
  await t.keys('\x03');
  assert.match(t.screen()[21], /\[ Cancelled \]/);
  await t.keys('\x18', 'y');
  assert.match(t.screen()[21], /^File Name to Write: \/f/);
  let out = '';
  await t.sh.key('\r', { out: (s) => (out += s), err: (s) => (out += s), tty: true, columns: 80, rows: 24, sleep: async () => {} });
  assert.match(out, /fin\n$/);
  assert.equal(await t.run('cat /f'), 'uno dos\n');
  await t.run('nano /f');
  await t.keys('x', '\x18', 'n');
  assert.equal(await t.run('cat /f'), 'uno dos\n');
});

test('nano: Ctrl+K cuts lines (in a row: together), Ctrl+U pastes them; arrows, Home, Backspace and Delete edit', async () => {
  const t = await open('debian bash', NANO);
  await t.run("printf 'a\\nb\\nc\\n' > /f");
  await t.run('nano /f');
  await t.keys('\x15');
  assert.match(t.screen()[21], /\[ Cutbuffer is empty \]/);
  assert.doesNotMatch(t.screen()[0], /Modified/);
  await t.keys('\x0b', '\x0b', '\x1b[B', '\x15');
  await t.keys('\x1b[A', '\x1b[C', 'X', '\x7f', '\x7f', '\x1b[3~', 'Z', '\x0f', '\r', '\x18');
  assert.equal(await t.run('cat /f'), 'c\na\nZ\n');
});

test('a tab is typed as a tab and shown up to the next multiple of 8 columns, the cursor after it', async () => {
  const t = await open('debian bash', NANO);
  await t.run("printf 'a\\tb\\n' > /f");
  await t.run('nano /f');
  assert.equal(t.screen()[1], 'a       b');
  await t.keys('\x1b[F', '\t', 'c', '\x0f', '\r', '\x18');
  assert.equal(await t.run('cat /f'), 'a\tb\tc\n');
});

test('long lines: nano marks them with > and scrolls the cursor\'s sideways; vim wraps them', async () => {
  const t = await open('debian bash', NANO);
  const long = 'abcdefghij'.repeat(10);
  await t.run(`echo ${long} > /f; echo fin >> /f`);
  await t.run('nano /f');
  assert.equal(t.screen()[1], long.slice(0, 79) + '>');
  await t.keys('\x1b[F');
  assert.equal(t.screen()[1], '<' + long.slice(73));
  await t.keys('\x18');
  await t.run('vim /f');
  assert.deepEqual(t.screen().slice(0, 4), [long.slice(0, 80), long.slice(80), 'fin', '~']);
  await t.keys('$', 'j');
  assert.match(t.screen()[23], /2,3 +All$/);
});

test('nano as a user who may not write there: [ Error writing …: Permission denied ], and the buffer stays', async () => {
  const t = await open('debian bash', [...NANO, 'useradd -m ana', 'su ana']);
  await t.run('nano /etc/x');
  await t.keys('hi', '\x0f', '\r');
  assert.match(t.screen()[21], /\[ Error writing \/etc\/x: Permission denied \]/);
  assert.equal(t.sh.screen(), true);
  await t.keys('\x18', 'n');
  assert.match(await t.run('ls /etc/x'), /No such file/);
});

test('the shortcut rows follow the width: 100 columns show Undo and Redo too', async () => {
  const t = await open('debian bash', NANO, 100);
  await t.run('nano');
  const s = t.screen();
  assert.match(s[0], /^ {2}GNU nano 7\.2 +New Buffer$/);
  assert.equal(s[22], '^G Help       ^O Write Out  ^W Where Is   ^K Cut        ^T Execute    ^C Location   M-U Undo');
  assert.equal(s[23], '^X Exit       ^R Read File  ^\\ Replace    ^U Paste      ^J Justify    ^/ Go To Line M-E Redo');
});

test('vim: the file, its message and ruler; i, Esc, :wq writes ("…" 2L, 8B written) and leaves', async () => {
  const t = await open('debian bash', NANO);
  await t.run("printf 'uno\\ndos\\n' > /f");
  t.fresh();
  await t.run('vim /f');
  let s = t.screen();
  assert.deepEqual(s.slice(0, 3), ['uno', 'dos', '~']);
  assert.match(s[23], /^"\/f" 2L, 8B {40,}1,1 {11}All$/);
  await t.keys('j', 'A', '!');
  assert.match(t.screen()[23], /^-- INSERT --/);
  await t.keys('\x1b', ':', 'q');
  assert.match(t.screen()[23], /^:q$/);
  await t.keys('\r');
  assert.match(t.screen()[23], /^E37: No write since last change \(add ! to override\)/);
  await t.keys('o', 'tres', '\x1b', 'k', 'k', 'x', 'x', ':wq', '\r');
  assert.equal(t.sh.screen(), false);
  assert.equal(await t.run('cat /f'), 'u\ndos!\ntres\n');
});

test('vim: dd, O, ZZ; :q! leaves without writing; an unknown command is E492', async () => {
  const t = await open('debian bash', NANO);
  await t.run('vi /new');
  assert.match(t.screen()[23], /^"\/new" \[New\]/);
  await t.keys('i', 'a', '\r', 'b', '\x1b', 'O', 'c', '\x1b', 'j', 'd', 'd', ':', 'nope', '\r');
  assert.match(t.screen()[23], /^E492: Not an editor command: nope/);
  await t.keys(':w', '\r');
  assert.match(t.screen()[23], /^"\/new" \[New\] 2L, 4B written/);
  await t.keys('i', 'zz', '\x1b', ':q!', '\r');
  assert.equal(await t.run('cat /new'), 'a\nc\n');
  await t.run('vim.basic /new');
  await t.keys('x', 'Z', 'Z');
  assert.equal(await t.run('cat /new'), '\nc\n');
});

test('busybox vi in alpine: no alternate screen, its status line, :q refused with (:q! overrides), :x writes', async () => {
  const t = await open('alpine sh');
  await t.run("printf 'uno\\n' > /f");
  await t.run('vi /f');
  let s = t.screen();
  assert.equal(s[0], 'uno');
  assert.equal(s[1], '~');
  assert.equal(s[23], '- /f 1/1 100%');
  await t.keys('A', '2');
  assert.equal(t.screen()[23], 'I /f [Modified] 1/1 100%');
  await t.keys('\x1b', ':q', '\r');
  assert.equal(t.screen()[23], 'No write since last change (:q! overrides)');
  await t.keys(':x', '\r');
  assert.equal(t.sh.screen(), false);
  assert.equal(await t.run('cat /f'), 'uno2\n');
});

test('without a terminal: nano cannot open one, vim warns and ends; --version prints the banners', async () => {
  const sh = createShell({ seed: 3 });
  const run = async (line: string) => {
    let s = '';
    const io: TermIO = { out: (t) => (s += t), err: (t) => (s += t), tty: true, sleep: async () => {} };
    await sh.run(line, io);
    return s;
  };
  await run('docker run -d --name web debian sleep 1000');
  await run('docker exec web sh -c "apt-get update; apt-get install -y nano vim"');
  assert.equal(await run('docker exec web nano /a'), 'Error opening terminal: unknown.\n');
  assert.equal(await run('echo $?'), '1\n');
  assert.equal(await run('docker exec web vim /a'), 'Vim: Warning: Output is not to a terminal\nVim: Warning: Input is not from a terminal\nVim: Error reading input, exiting...\nVim: Finished.\n');
  assert.equal(await run('docker exec web nano --version'), ' GNU nano, version 7.2\n (C) 2023 the Free Software Foundation and various contributors\n Compiled options: --disable-libmagic --enable-utf8\n');
  assert.match(await run('docker exec web vim --version'), /^VIM - Vi IMproved 9\.0 \(2022 Jun 28, compiled .*\)\nIncluded patches: 1-1378\n/);
});

test('docker exec -it c nano f: the editor is the exec process, and the host prompt comes back when it ends', async () => {
  const t = await open('debian bash', NANO);
  await t.run('exit');
  await t.run('docker start box');
  await t.run('docker exec -it box nano /g');
  assert.equal(t.sh.screen(), true);
  await t.keys('hey', '\x18', 'y', '\r');
  assert.equal(t.sh.screen(), false);
  assert.equal(t.sh.prompt(), '$ ');
  assert.match(await t.run('docker diff box'), /A \/g/);
  assert.equal(await t.run('docker exec box cat /g'), 'hey\n');
});

test('docker run -it alpine vi f: busybox vi is the main process; :wq stops the container with exit 0 and the file in its layer', async () => {
  const t = await open('alpine vi /notas');
  assert.equal(t.sh.screen(), true);
  assert.equal(t.screen()[23], '- /notas 1/1 100%');
  await t.keys('i', 'hola', '\x1b', ':wq', '\r');
  assert.equal(t.sh.screen(), false);
  assert.equal(t.sh.prompt(), '$ ');
  assert.match(await t.run('docker ps -a --format "{{.Names}} {{.Status}}"'), /^box Exited \(0\)/);
  assert.match(await t.run('docker diff box'), /A \/notas/);
});

test('vi with one line longer than the whole screen (a pasted blob): it draws the rows that hold the cursor and stays usable', async () => {
  const t = await open('alpine', [], 20, 5);
  await t.run('vi /tmp/blob');
  await t.keys('i', 'x'.repeat(150), '\x1b');
  // 150 characters wrap to 8 rows of 20; the cursor's row (the last) is on screen
  const s = t.screen();
  assert.ok(s.slice(0, 4).some((r) => r.startsWith('x'.repeat(10))), s.join('|'));
  await t.keys(':wq', '\r');
  assert.equal(t.sh.screen(), false);
  assert.match(await t.run('wc -c /tmp/blob'), /151 \/tmp\/blob/);
});

test('nano: ^W searches from the cursor (Search [last]: ), wraps round, says when it found only itself or nothing; ^C tells the position', async () => {
  const t = await open('debian bash', NANO);
  await t.run("printf 'uno\\ndos\\nuno\\n' > /f; printf 'solo\\n' > /g");
  await t.run('nano /f');
  await t.keys('\x17');
  assert.match(t.screen()[21], /^Search:\s*$/);
  assert.equal(t.screen()[22], '^G Help         M-C Case Sens   M-B Backwards   ^P Older        ^T Go To Line');
  await t.keys('UNO', '\r', '\x03');
  assert.equal(t.screen()[21], '             [ line 3/4 (75%), col  1/ 4 ( 25%), char  8/12 (66%) ]');
  await t.keys('\x17');
  assert.match(t.screen()[21], /^Search \[UNO\]:\s*$/);
  await t.keys('\r');
  assert.match(t.screen()[21], /\[ Search Wrapped \]/);
  await t.keys('\x1bw', '\x1bw', '\x03');
  assert.match(t.screen()[21], /\[ line 1\/4 /);
  await t.keys('\x17', 'tres', '\r');
  assert.match(t.screen()[21], /\[ "tres" not found \]/);
  await t.keys('\x18');
  await t.run('nano /g');
  await t.keys('\x1bw');
  assert.match(t.screen()[21], /\[ No current search pattern \]/);
  await t.keys('\x17', 'ol', '\r', '\x17', '\r');
  assert.match(t.screen()[21], /\[ This is the only occurrence \]/);
  await t.keys('\x17', '\x03');
  assert.match(t.screen()[21], /\[ Cancelled \]/);
});

test('nano: M-U undoes typing, a line break, a cut (in a row: together) and a paste with "Undid …", M-E redoes; back at the saved text it is not Modified', async () => {
  const t = await open('debian bash', NANO);
  await t.run("printf 'a\\nb\\nc\\n' > /f");
  await t.run('nano /f');
  await t.keys('\x1bu');
  assert.match(t.screen()[21], /\[ Nothing to undo \]/);
  await t.keys('x', 'y', '\x1bu');
  assert.match(t.screen()[21], /\[ Undid addition \]/);
  assert.equal(t.screen()[1], 'a');
  assert.doesNotMatch(t.screen()[0], /Modified/);
  await t.keys('\x1bE');
  assert.match(t.screen()[21], /\[ Redid addition \]/);
  assert.equal(t.screen()[1], 'xya');
  assert.match(t.screen()[0], /Modified/);
  await t.keys('\x1be');
  assert.match(t.screen()[21], /\[ Nothing to redo \]/);
  await t.keys('\r', '\x0b', '\x0b', '\x1bu');
  assert.match(t.screen()[21], /\[ Undid cut \]/);
  assert.deepEqual(t.screen().slice(1, 5), ['xy', 'a', 'b', 'c']);
  await t.keys('\x1bu');
  assert.match(t.screen()[21], /\[ Undid line break \]/);
  await t.keys('\x0b', '\x15', '\x15', '\x1bu', '\x0f', '\r', '\x18');
  assert.equal(await t.run('cat /f'), 'xya\nb\nc\n');
});

test('nano: ^_ and M-G go to a line (and column), a bad answer is refused; PgDn and PgUp move by the screen less two lines', async () => {
  const t = await open('debian bash', NANO);
  await t.run('seq 1 50 > /f');
  await t.run('nano /f');
  await t.keys('\x1f');
  assert.match(t.screen()[21], /^Enter line number, column number:\s*$/);
  await t.keys('40,2', '\r', '\x03');
  assert.match(t.screen()[21], /\[ line 40\/51 \(78%\), col  2\/ 3 \( 66%\)/);
  assert.equal(t.screen()[11], '40');
  await t.keys('\x1bg', 'x', '\r');
  assert.match(t.screen()[21], /\[ Invalid line or column number \]/);
  await t.keys('\x1bg', '\r');
  assert.match(t.screen()[21], /\[ Cancelled \]/);
  await t.keys('\x1bg', '-1', '\r', '\x1b[5~', '\x03');
  assert.match(t.screen()[21], /\[ line 33\/51 /);
  await t.keys('\x1bg', '1', '\r', '\x1b[6~', '\x03');
  assert.match(t.screen()[21], /\[ line 19\/51 /);
  assert.equal(t.screen()[1], '19');
  await t.keys('\x19', '\x19', '\x03');
  assert.match(t.screen()[21], /\[ line  1\/51 /);
});

test('nano: the file name at ^O can be changed with Backspace before Enter writes under the new name', async () => {
  const t = await open('debian bash', NANO);
  await t.run('nano /tmp/a.txt');
  await t.keys('hola', '\x0f', '\x7f', '\x7f', '\x7f', 'md');
  assert.match(t.screen()[21], /^File Name to Write: \/tmp\/a\.md\s*$/);
  await t.keys('\r');
  assert.match(t.screen()[21], /\[ Wrote 1 line \]/);
  assert.match(t.screen()[0], / \/tmp\/a\.md$/);
  await t.keys('\x18');
  assert.equal(await t.run('cat /tmp/a.md'), 'hola\n');
});

test('vim: u and Ctrl-R undo and redo whole changes with vim\'s "N change; before #N  0 seconds ago" messages', async () => {
  const t = await open('debian bash', NANO);
  await t.run("printf 'uno\\ndos\\n' > /f");
  await t.run('vim /f');
  await t.keys('u');
  assert.match(t.screen()[23], /^Already at oldest change/);
  await t.keys('x', 'u');
  assert.match(t.screen()[23], /^1 change; before #1  0 seconds ago +1,1 /);
  assert.equal(t.screen()[0], 'uno');
  await t.keys('\x12');
  assert.match(t.screen()[23], /^1 change; after #1  0 seconds ago/);
  assert.equal(t.screen()[0], 'no');
  await t.keys('\x12');
  assert.match(t.screen()[23], /^Already at newest change/);
  await t.keys('j', 'd', 'd', 'u');
  assert.match(t.screen()[23], /^1 more line; before #2 /);
  await t.keys('o', 'tres', '\r', 'cuatro', '\x1b', 'i', '\x1b', 'u');
  assert.match(t.screen()[23], /^2 fewer lines; before #3 /);
  await t.keys('u', 'u', ':q', '\r');
  assert.equal(t.sh.screen(), false, 'undone back to the file: not modified');
  await t.run('vim /new');
  await t.keys('i', 'hola', '\x1b', 'u');
  assert.match(t.screen()[23], /^1 line less; before #1 /);
  await t.keys('i', 'abc', '\r', 'def', '\x1b', 'h', 'd', 'd', 'u');
  assert.match(t.screen()[23], /^1 more line; before #3 .* 2,2 /, 'back on the column the change was made from');
});

test('vim: counts with dd, yy, p, P, x; more than two lines are reported (3 fewer lines, 3 lines yanked, 3 more lines)', async () => {
  const t = await open('debian bash', NANO);
  await t.run('seq 1 6 > /f');
  await t.run('vim /f');
  await t.keys('3', 'd', 'd');
  assert.match(t.screen()[23], /^3 fewer lines +1,1 /);
  assert.deepEqual(t.screen().slice(0, 4), ['4', '5', '6', '~']);
  await t.keys('p');
  assert.match(t.screen()[23], /^3 more lines +2,1 /);
  await t.keys('y', 'y', 'G', 'P', '2', 'y', 'y', 'j', 'p');
  assert.deepEqual(t.screen().slice(0, 10), ['4', '1', '2', '3', '5', '1', '6', '1', '6', '~']);
  await t.keys('g', 'g', '3', 'y', 'y');
  assert.match(t.screen()[23], /^3 lines yanked/);
  await t.keys('G', 'd', 'd', 'p', 'P');
  await t.keys(':q!', '\r');
  await t.run("printf 'abcdef\\n' > /g");
  await t.run('vim /g');
  await t.keys('3', 'x', '$', 'p', '0', 'P');
  assert.equal(t.screen()[0], 'abcdefabc');
  await t.keys('g', 'g', 'd', 'd');
  assert.match(t.screen()[23], /^--No lines in buffer--/);
});

test('vim: w, b, 0, $, gg, G, 5G and :N move the cursor as the ruler shows', async () => {
  const t = await open('debian bash', NANO);
  await t.run("printf 'uno dos, tres\\n\\n  cuatro\\nfin\\n' > /f");
  await t.run('vim /f');
  const ruler = async (...k: string[]) => (await t.keys(...k), t.screen()[23].slice(62).trim());
  assert.match(await ruler('w'), /^1,5 /);
  assert.match(await ruler('w'), /^1,8 /);
  assert.match(await ruler('w'), /^1,10 /);
  assert.match(await ruler('w'), /^2,0-1 /);
  assert.match(await ruler('w'), /^3,3 /);
  assert.match(await ruler('b', 'b'), /^1,10 /);
  assert.match(await ruler('2', 'b'), /^1,5 /);
  assert.match(await ruler('$'), /^1,13 /);
  assert.match(await ruler('0'), /^1,1 /);
  assert.match(await ruler('G'), /^4,1 /);
  assert.match(await ruler('g', 'g'), /^1,1 /);
  assert.match(await ruler('3', 'G'), /^3,3 /);
  assert.match(await ruler(':2', '\r'), /^2,0-1 /);
  assert.match(t.screen()[23], /^:2 /);
  assert.match(await ruler('9', 'w'), /^4,3 /);
});

test('vim: /pattern and n, N search and wrap with a warning; a missing one is E486; :s and :%s replace and report', async () => {
  const t = await open('debian bash', NANO);
  await t.run("printf 'a uno\\ndos\\nuno uno\\n' > /f");
  await t.run('vim /f');
  await t.keys('/', 'uno');
  assert.match(t.screen()[23], /^\/uno$/);
  await t.keys('\r');
  assert.match(t.screen()[23], /^\/uno +1,3 /);
  await t.keys('n', 'n', 'n');
  assert.match(t.screen()[23], /^search hit BOTTOM, continuing at TOP +1,3 /);
  assert.ok(t.sh.screen());
  await t.keys('N');
  assert.match(t.screen()[23], /^search hit TOP, continuing at BOTTOM +3,5 /);
  await t.keys('?', 'a', '\r');
  assert.match(t.screen()[23], /^\?a +1,1 /);
  await t.keys('/', 'xyz', '\r');
  assert.match(t.screen()[23], /^E486: Pattern not found: xyz/);
  await t.keys(':s/a/A/', '\r');
  assert.match(t.screen()[23], /^:s\/a\/A\/ +1,1 /);
  await t.keys(':%s/uno/1/g', '\r');
  assert.match(t.screen()[23], /^3 substitutions on 2 lines +3,1 /);
  await t.keys(':s/zz/y/', '\r');
  assert.match(t.screen()[23], /^E486: Pattern not found: zz/);
  assert.deepEqual(t.screen().slice(0, 3), ['A 1', 'dos', '1 1']);
  await t.keys(':e', '\r');
  assert.match(t.screen()[23], /^E37: No write since last change \(add ! to override\)/);
  await t.keys(':e!', '\r');
  assert.match(t.screen()[23], /^"\/f" 3L, 18B/);
  assert.deepEqual(t.screen().slice(0, 3), ['a uno', 'dos', 'uno uno']);
  await t.keys('u');
  assert.equal(t.screen()[0], 'A 1');
  await t.keys(':q!', '\r');
  assert.equal(t.sh.screen(), false);
});

test('busybox vi: yank, delete and put tell their register D, u tells what it restored, searches and :s say busybox\'s words', async () => {
  const t = await open('alpine sh');
  await t.run("printf 'uno\\ndos\\ntres\\n' > /f");
  await t.run('vi /f');
  await t.keys('2', 'y', 'y');
  assert.equal(t.screen()[23], 'Yank 2 lines (8 chars) from [D]');
  await t.keys('d', 'd');
  assert.equal(t.screen()[23], 'Delete 1 lines (4 chars) from [D]');
  await t.keys('p');
  assert.equal(t.screen()[23], 'Put 1 lines (4 chars) from [D]');
  await t.keys('u');
  assert.equal(t.screen()[23], 'Undo [2] deleted 4 chars at position 4');
  await t.keys('u');
  assert.equal(t.screen()[23], 'Undo [1] restored 4 chars at position 0');
  await t.keys('u');
  assert.equal(t.screen()[23], 'Already at oldest change');
  await t.keys('/', 'zz', '\r');
  assert.equal(t.screen()[23], 'Pattern not found');
  await t.keys('/', 'o', '\r', 'n', 'n');
  assert.equal(t.screen()[23], 'search hit BOTTOM, continuing at TOP');
  await t.keys(':s/x/y/', '\r');
  assert.equal(t.screen()[23], 'No match');
  await t.keys(':%s/[ou]/0/g', '\r');
  assert.equal(t.screen()[23], '3 substitutions on 2 lines');
  await t.keys(':e', '\r');
  assert.equal(t.screen()[23], 'No write since last change (:e! overrides)');
  await t.keys(':e!', '\r');
  assert.equal(t.screen()[23], "'/f' 3L, 13C");
  assert.equal(t.screen()[0], 'uno');
  await t.keys(':q!', '\r');
  assert.equal(t.sh.screen(), false);
});

test('nano: ^G shows the main help text under its title with the help shortcuts; ^X closes it back to the file', async () => {
  const t = await open('debian bash', NANO);
  await t.run('nano /tmp/h.txt');
  await t.keys('ab', '\x07');
  const s = t.screen();
  assert.equal(s[0], '  GNU nano 7.2' + ' '.repeat(18) + 'Main nano help text');
  assert.equal(s[2], ' The nano editor is designed to emulate the functionality and ease-of-use');
  assert.equal(s[3], 'of the UW Pico text editor.  There are four main sections of the editor.');
  assert.equal(s[19], '^G     (F1)      Display this help text');
  assert.match(s[21], /^ *$/);
  assert.equal(s[22], '^L Refresh   ^Y Prev Page ^P Prev Line M-\\ First Lin^W Where Is  M-Q Previous');
  assert.match(s[23], /^\^X Close {5}\^V Next Page /);
  await t.keys('x', '\x18');
  assert.equal(t.sh.screen(), true);
  assert.match(t.screen()[0], /\/tmp\/h\.txt +Modified$/);
  assert.match(t.screen()[1], /^ab$/);
});
