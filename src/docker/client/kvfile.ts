/**
 * docker/cli's pkg/kvfile: `--env-file` and `--label-file` lines (`KEY=value`, `#` comments,
 * blank lines; a bare `KEY` takes the client's value or is left out).
 */
export function parseKvFile(name: string, text: string, lookup?: (k: string) => string | undefined): string[] {
  const out: string[] = [];
  // A value quoted with the same quote at both ends loses the quotes.
  const unquote = (v: string) => (v.length > 1 && (v[0] === '"' || v[0] === "'") && v.at(-1) === v[0] ? v.slice(1, -1) : v);
  const bad = (why: string) => new Error(`invalid env file (${name}): ${why}`);
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.replace(/^\s+/, '');
    if (!line || line[0] === '#') continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (!key) throw bad(`no variable name on line '${line}'`);
    if (/[ \t]/.test(key)) throw bad(`variable '${key}' contains whitespaces`);
    const v = eq < 0 ? lookup?.(key) : line.slice(eq + 1);
    if (v !== undefined) out.push(`${key}=${unquote(v)}`);
  }
  return out;
}
