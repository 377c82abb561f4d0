/** Tab completion on the host: commands, paths, docker subcommands, flags, image, container, network and volume names. */
import type { DockerApi } from '../api';
import { COMMANDS, GROUPS, REBUILT } from './command-table';
import { flagsFromHelp } from './flags';
import { HELP } from './help-texts';
import type { HostShell } from './shell/host-shell';

/** Commands outside `docker image` whose arguments are images. */
const IMAGE_ARGS = ['run', 'create', 'pull', 'rmi', 'history', 'tag', 'images', 'push', 'save'];
/** Commands whose arguments name neither images nor containers. */
const NO_NAMES = ['login', 'logout', 'search', 'load'];

export function complete(line: string, cursor: number, api: DockerApi, sh: HostShell): { start: number; candidates: string[] } {
  const before = line.slice(0, cursor);
  const start = before.search(/\S*$/);
  const word = before.slice(start);
  const words = before.slice(0, start).trim().split(/\s+/).filter(Boolean);
  const pick = (xs: Iterable<string>): { start: number; candidates: string[] } => ({
    start,
    candidates: [...new Set(xs)].filter((x) => x.startsWith(word)).sort(),
  });
  if (words.length === 0) return pick(sh.commandNames());
  // Paths as bash completes them: the entries of the directory the word names, `/` after a directory
  const paths = () => ({ start, candidates: sh.complete(word, false) });
  if (words[0] !== 'docker') return paths();
  if (words.length === 1) return pick([...Object.keys(COMMANDS), ...Object.keys(GROUPS)]);
  const has = Object.hasOwn;
  const group = has(GROUPS, words[1]) ? words[1] : null;
  if (group && words.length === 2) return pick([...Object.keys(GROUPS[group]), ...Object.keys(REBUILT[group] ?? {})]);
  const name = group ? words[2] : words[1];
  const table = group ? GROUPS[group] : COMMANDS;
  const spec = has(table, name) ? table[name] : undefined;
  if (!spec) return pick([]);
  if (word.startsWith('-')) {
    return pick(flagsFromHelp(HELP[spec.help]).flatMap((d) => [`--${d.long}`, ...(d.short ? [`-${d.short}`] : [])]));
  }
  const names = api.names();
  const prev = words[words.length - 1];
  if (prev === '--network' || prev === '--net') return pick(names.networks);
  if (group === 'volume') return pick(spec.name === 'create' ? [] : names.volumes);
  if (group === 'network') {
    // connect and disconnect: NETWORK CONTAINER; the rest name networks only.
    const connecting = spec.name === 'connect' || spec.name === 'disconnect';
    const args = words.slice(3).filter((w) => !w.startsWith('-'));
    return pick(connecting && args.length ? names.containers : spec.name === 'create' ? [] : names.networks);
  }
  if (spec.name === 'build' || spec.name === 'import') return paths();
  if (NO_NAMES.includes(spec.name)) return pick([]);
  if (group === 'image' || IMAGE_ARGS.includes(spec.name) || spec.help === 'inspect') {
    return pick(spec.help === 'inspect' ? [...names.images, ...names.containers] : names.images);
  }
  return pick(names.containers);
}
