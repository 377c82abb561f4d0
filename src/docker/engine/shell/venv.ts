/**
 * `python -m venv DIR…`: the environment python's venv module lays out (pyvenv.cfg, bin/ with the
 * interpreter's links, activate scripts and pip's launchers, include/, lib/ with lib64 linked to
 * it) and the pip ensurepip puts in it, in the container's writable layer.
 */
import { FsError, absPath } from '../fs';
import { find, place } from './pip';
import { sitePackages } from './runtimes';
import type { IO, ShellLike } from './types';

/** shlex.quote, which venv applies to what it writes into activate. */
const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'"'"'`)}'`);

/**
 * bin/activate's working lines (without its comments). 3.13 passes the bare prompt; 3.12 still its `(name) `, which
 * 3.12.10's template wraps once more: its prompt reads `((v) ) `. 3.11 keeps the old template.
 */
function activate(root: string, prompt: string, minor: number): string {
  const p = quote(minor < 13 ? `(${prompt}) ` : prompt);
  return `deactivate () {
    if [ -n "\${_OLD_VIRTUAL_PATH:-}" ] ; then
        PATH="\${_OLD_VIRTUAL_PATH:-}"
        export PATH
        unset _OLD_VIRTUAL_PATH
    fi
    hash -r 2> /dev/null
    if [ -n "\${_OLD_VIRTUAL_PS1:-}" ] ; then
        PS1="\${_OLD_VIRTUAL_PS1:-}"
        export PS1
        unset _OLD_VIRTUAL_PS1
    fi
    unset VIRTUAL_ENV
    unset VIRTUAL_ENV_PROMPT
    if [ ! "\${1:-}" = "nondestructive" ] ; then
        unset -f deactivate
    fi
}

deactivate nondestructive
export VIRTUAL_ENV=${quote(root)}
_OLD_VIRTUAL_PATH="$PATH"
PATH="$VIRTUAL_ENV/"bin":$PATH"
export PATH
VIRTUAL_ENV_PROMPT=${p}
export VIRTUAL_ENV_PROMPT
if [ -z "\${VIRTUAL_ENV_DISABLE_PROMPT:-}" ] ; then
    _OLD_VIRTUAL_PS1="\${PS1:-}"
    PS1=${minor < 12 ? p + '"' : `"("${p}") `}\${PS1:-}"
    export PS1
fi
hash -r 2> /dev/null
`;
}

const OPTS = /^(--(system-site-packages|symlinks|copies|clear|upgrade|without-pip|upgrade-deps|without-scm-ignore-files|prompt(=.*)?)|-h|--help)$/;

/** `exe`: the python as started (sys.executable); `py`: its version. */
export async function venv(args: string[], io: IO, sh: ShellLike, exe: string, py: string): Promise<number> {
  const { fs } = sh.m;
  const minor = +py.split('.')[1];
  const bad = args.find((a) => a.startsWith('-') && !OPTS.test(a));
  const prompt = args.find((a, k) => args[k - 1] === '--prompt') ?? args.find((a) => a.startsWith('--prompt='))?.slice(9);
  const dirs = args.filter((a, k) => !a.startsWith('-') && args[k - 1] !== '--prompt');
  if (bad || !dirs.length) {
    io.err(`usage: venv [-h] [--system-site-packages] [--symlinks | --copies] [--clear]\n            [--upgrade] [--without-pip] [--prompt PROMPT] [--upgrade-deps]\n${minor > 12 ? '            [--without-scm-ignore-files]\n' : ''}            ENV_DIR [ENV_DIR ...]\nvenv: error: ${dirs.length ? `unrecognized arguments: ${bad}` : 'the following arguments are required: ENV_DIR'}\n`);
    return 2;
  }
  const pip = !args.includes('--without-pip');
  // ensurepip installs pip from its bundled wheel: seconds, not the blink of the rest
  await io.sleep(pip ? 2800 : 60);
  const now = sh.m.now();
  const name = exe.slice(exe.lastIndexOf('/') + 1);
  const real = '/' + fs.resolve(exe).parts.join('/');
  const v = py.replace(/\.\d+$/, '');
  for (const d of dirs) {
    const root = absPath(sh.cwd, d);
    try {
      make(root);
    } catch (e) {
      // venv's main prints what stopped it: a read-only root, a file where the directory goes
      if (!(e instanceof FsError)) throw e;
      io.err(`Error: ${e.code === 'EROFS' ? `[Errno 30] Read-only file system: '${root}'` : `Unable to create directory '${root}'`}\n`);
      return 1;
    }
  }
  return 0;

  function make(root: string) {
    const b = root + '/bin/';
    const site = sitePackages(py, root);
    fs.mkdir(b, '/', true);
    fs.mkdir(root + (minor > 11 ? `/include/python${v}` : '/include'), '/', true);
    fs.mkdir(site, '/', true);
    // 3.13 keeps git out of it
    if (minor > 12 && !args.includes('--without-scm-ignore-files')) fs.writeFile(root + '/.gitignore', '# Created by venv; see https://docs.python.org/3/library/venv.html\n*\n');
    // 64-bit POSIX gets lib64 as a link to lib
    fs.putNode(root + '/lib64', { kind: 'link', target: 'lib', mtime: now });
    // the options as venv writes them back, in its own order
    const opts = ['--without-pip', '--system-site-packages', '--clear', '--upgrade', '--upgrade-deps', `--prompt="${prompt}"`, '--without-scm-ignore-files'].filter((o) => args.includes(o) || (prompt !== undefined && o.startsWith('--prompt')));
    fs.writeFile(`${root}/pyvenv.cfg`, `home = ${exe.replace(/\/[^/]*$/, '')}\ninclude-system-site-packages = ${args.includes('--system-site-packages')}\nversion = ${py}\n${prompt === undefined ? '' : `prompt = '${prompt}'\n`}executable = ${real}\ncommand = ${exe} -m venv ${[...opts, root].join(' ')}\n`);
    // the interpreter under the name it was called by, the others linked to that one
    for (const n of ['python', 'python3', 'python' + v]) fs.putNode(b + n, { kind: 'link', target: n === name ? exe : name, mtime: now });
    fs.writeFile(b + 'activate', activate(root, prompt ?? root.slice(root.lastIndexOf('/') + 1), minor));
    for (const [f, size] of [['activate.csh', 925], ['activate.fish', 2199], ['Activate.ps1', 9033]] as const) fs.putNode(b + f, { kind: 'file', size: f > 'a' ? size + root.length : size, mode: 0o644, mtime: now });
    if (!pip) return;
    for (const n of ['pip', 'pip3', 'pip' + v]) fs.putNode(b + n, { kind: 'file', size: 203 + b.length + name.length, mode: 0o755, mtime: now });
    place(sh, site, { ...find('pip')!, version: minor > 11 ? '25.0.1' : '24.0' });
    if (minor < 12) place(sh, site, { ...find('pip')!, stem: 'setuptools', name: 'setuptools', version: '65.5.0', kb: 3900 });
  }
}
