/**
 * npx (npm 7+'s exec): a program of node_modules/.bin runs at once; a package from the registry is
 * asked for on a terminal (`Ok to proceed? (y)`), installed without asking otherwise, then run.
 * Of the registry's programs only cowsay is here; any other name is npm's 404.
 */
import { exists } from './package-files';
import { npmError, release } from './node';
import type { Command, IO } from './types';

const cowsay = (io: IO, text: string) => (io.out(` ${'_'.repeat(text.length + 2)}\n< ${text} >\n ${'-'.repeat(text.length + 2)}\n        \\   ^__^\n         \\  (oo)\\_______\n            (__)\\       )\\/\\\n                ||----w |\n                ||     ||\n`), 0);

export const npx: Command = (args, io, sh) => {
  const [name, ...rest] = args.slice(1).filter((a) => a !== '-y' && a !== '--yes');
  if (/^(-v|--version)$/.test(name ?? '')) return io.out(release(sh.m.fs).npm + '\n'), 0;
  const now = sh.m.now();
  if (!name) return io.err(npmError('could not determine executable to run', now)), 1;
  for (let d = sh.cwd; ; d = d.replace(/\/[^/]*$/, '') || '/') {
    const bin = `${d.replace(/\/$/, '')}/node_modules/.bin/${name}`;
    if (exists(sh.m.fs, bin)) return sh.spawn([bin, ...rest], io);
    if (d === '/') break;
  }
  if (name !== 'cowsay') return io.err(npmError(`code E404\n404 Not Found - GET https://registry.npmjs.org/${name} - Not found\n404\n404  '${name}@*' is not in this registry.\n404\n404 Note that you can also install from a\n404 tarball, folder, http url, or git url.`, now)), 1;
  // npx keeps what it fetched in npm's cache: the next run does not ask again
  const cache = `${sh.getVar('HOME') ?? '/root'}/.npm/_npx/cowsay`;
  const run = (o: IO) => (sh.m.fs.mkdir(cache, '/', true), cowsay(o, rest.join(' ')));
  if (exists(sh.m.fs, cache) || args.includes('-y') || args.includes('--yes')) return run(io);
  if (!io.tty || !sh.ask || io.stdin !== undefined) return io.err('npm warn exec The following package was not found and will be installed: cowsay@1.6.0\n'), run(io);
  io.out('Need to install the following packages:\ncowsay@1.6.0\n');
  sh.ask('Ok to proceed? (y) ', async (a, o) => (/^(y|yes|)$/i.test(a.trim()) ? run(o) : (o.err(npmError('canceled', sh.m.now())), 1)));
  return 0;
};
