/**
 * Docker's flag grammar (spf13/pflag under cobra): `--name=x`, `--name x`, `-it`, `-p8080:80`,
 * `-d=false`, `--`, repeated flags, and the exact pflag error texts. The flag set of each command
 * is read from its help text, so what `--help` lists is exactly what the parser accepts.
 */

import { parseGoDuration } from '../common/go-duration';
import { parseRamSize } from './format/units';
import { parseMount } from './mount-opt';
import { checkOptValue } from './opt-values';
import { parseRef } from './reference';
import { goParseInt, goParseRat, goQuote } from '../common/go-strconv';
import { isGoIp } from '../common/go-ip';

export interface FlagDef {
  long: string;
  short?: string;
  /** `bool`, or the value type the help shows (`string`, `list`, `int`, `filter`…). */
  type: string;
  /** A hidden, deprecated flag: pflag's notice, and the flag whose value it sets. */
  deprecated?: string;
  alias?: string;
}

// A value's type may hold a hyphen (`--gpus gpu-request`, `--ca-cert pem-file`).
const OPTION_LINE = /^  (?:-(\w), |    )--([\w-]+)(?: ([\w-]+))?(?: {2,}|$)/gm;

/** Reads the `Options:` table of a help text. */
export function flagsFromHelp(help: string): FlagDef[] {
  const out: FlagDef[] = [];
  for (const m of help.matchAll(OPTION_LINE)) out.push({ short: m[1], long: m[2], type: m[3] ?? 'bool' });
  return out;
}

/** A mistake in the command line, shown as its message. Not an Error: a typo needs no stack trace. */
export class FlagError {
  constructor(readonly message: string) {}
}


/** opts.ValidateExtraHost: `name:ip` or `name=ip`, the address possibly bracketed, or host-gateway. */
function checkExtraHost(val: string, invalid: (why: string) => never): void {
  const sep = val.includes('=') ? '=' : ':';
  const i = val.indexOf(sep);
  const [k, v] = [val.slice(0, i), val.slice(i + 1)];
  if (i < 0 || !k || k.includes(':')) invalid(`bad format for add-host: ${JSON.stringify(val)}`);
  const ip = v.length > 2 && v[0] === '[' && v.at(-1) === ']' ? v.slice(1, -1) : v;
  if (v !== 'host-gateway' && !isGoIp(ip.trim())) invalid(`invalid IP address in add-host: ${JSON.stringify(ip)}`);
}

export class Flags {
  private values = new Map<string, string[]>();

  /** Records one occurrence; a value its type cannot take is pflag's `invalid argument` error. */
  set(def: FlagDef, value: string): void {
    const invalid = (why: string): never => {
      // pflag leaves out a deprecated shorthand (cobra's -h for --help).
      const shown = def.short && def.long !== 'help' ? `-${def.short}, --${def.long}` : `--${def.long}`;
      throw new FlagError(`invalid argument ${goQuote(value)} for "${shown}" flag: ${why}`);
    };
    // A parser's own error is the reason pflag shows.
    const check = (parse: () => unknown) => {
      try {
        parse();
      } catch (e) {
        invalid((e as Error).message);
      }
    };
    if (def.type === 'bool' && !/^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(value)) invalid(`strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`);
    const int = /^(u?)int(\d*)$/.exec(def.type);
    if (int) check(() => goParseInt(value, Number(int[2] || 64), !!int[1]));
    // opts.MemBytes (go-units RAMInBytes); --memory-swap also takes -1 for unlimited.
    if (def.type === 'bytes' && !(def.long === 'memory-swap' && value === '-1')) check(() => parseRamSize(value));
    // opts.NanoCPUs reads a big.Rat, which must come to a whole number of billionths.
    if (def.type === 'decimal') {
      const rat = goParseRat(value) ?? invalid(`failed to parse ${value} as a rational number`);
      if ((rat[0] * 1_000_000_000n) % rat[1] !== 0n) invalid('value is too precise');
    }
    // opts.ValidateEnv: a name is needed; a name alone is completed from the client's environment.
    if ((def.long === 'env' || def.long === 'build-arg') && value.split('=')[0] === '') invalid(`invalid environment variable: ${value}`);
    // build's validateTag: reference.ParseNormalizedNamed.
    if (def.long === 'tag') check(() => parseRef(value));
    if (def.long === 'add-host') checkExtraHost(value, invalid);
    if (def.type === 'duration') check(() => parseGoDuration(value));
    if (def.long === 'dns' && !isGoIp(value.trim())) invalid('IP address is not correctly formatted: ' + value);
    if (def.long === 'dns-search' && value.trim() !== '.' && !/^(?=.*[a-zA-Z])[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\.?$/.test(value.trim())) invalid(`${value.trim()} is not a valid domain`);
    if (def.type === 'filter' && value !== '' && !value.includes('=')) invalid('bad format of filter (expected name=value)');
    if (def.type === 'mount') check(() => parseMount(value));
    check(() => checkOptValue(def.long, def.type, value));
    const name = def.alias ?? def.long;
    this.values.set(name, [...this.list(name), value]);
  }

  /** How many flags were given. */
  get size(): number {
    return this.values.size;
  }
  has(name: string): boolean {
    return this.values.has(name);
  }
  bool(name: string, dflt = false): boolean {
    const v = this.str(name);
    return v === undefined ? dflt : /^(1|t|T|TRUE|true|True)$/.test(v);
  }
  /** The last value given (pflag keeps the last of a repeated flag). */
  str(name: string): string | undefined {
    return this.values.get(name)?.at(-1);
  }
  list(name: string): string[] {
    return this.values.get(name) ?? [];
  }
  /** An integer flag's value (checked when set), read as strconv does: `010` is eight. */
  int(name: string): number | undefined {
    const v = this.str(name);
    return v === undefined ? undefined : Number(goParseInt(v));
  }
}

export interface Parsed {
  flags: Flags;
  args: string[];
  help: boolean;
  /** pflag's notices for deprecated flags used (`-h` is a deprecated shorthand of --help). */
  warnings: string;
}

/**
 * Parses `argv` against `defs`. With `interspersed` false (run, create, exec) the first
 * positional argument ends flag parsing: everything after it belongs to the container command.
 */
const indexes = new WeakMap<FlagDef[], [Map<string, FlagDef>, Map<string, FlagDef>]>();

/** Lookup tables of a flag set, with cobra's `--help` (and `-h` unless the command uses it). */
function indexOf(defs: FlagDef[]): [Map<string, FlagDef>, Map<string, FlagDef>] {
  let ix = indexes.get(defs);
  if (!ix) {
    const byLong = new Map(defs.map((d) => [d.long, d]));
    const byShort = new Map(defs.filter((d) => d.short).map((d) => [d.short!, d]));
    const helpDef: FlagDef = { long: 'help', short: byShort.has('h') ? undefined : 'h', type: 'bool' };
    if (!byLong.has('help')) byLong.set('help', helpDef);
    if (helpDef.short) byShort.set('h', helpDef);
    indexes.set(defs, (ix = [byLong, byShort]));
  }
  return ix;
}

export function parseFlags(argv: string[], defs: FlagDef[], interspersed: boolean): Parsed {
  const flags = new Flags();
  const [byLong, byShort] = indexOf(defs);
  const args: string[] = [];
  let warnings = '';
  const set = (def: FlagDef, value: string): void => {
    flags.set(def, value);
    if (def.deprecated) warnings += `Flag --${def.long} has been deprecated, ${def.deprecated}\n`;
  };
  let i = 0;
  while (i < argv.length) {
    const s = argv[i++];
    if (s === '--') {
      args.push(...argv.slice(i));
      break;
    }
    if (!s.startsWith('-') || s.length === 1) {
      args.push(s);
      if (!interspersed) {
        args.push(...argv.slice(i));
        break;
      }
      continue;
    }
    if (s.startsWith('--')) {
      const body = s.slice(2);
      if (body[0] === '-' || body[0] === '=') throw new FlagError(`bad flag syntax: ${s}`);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const def = byLong.get(name);
      if (!def) throw new FlagError(`unknown flag: --${name}`);
      let value: string;
      if (eq >= 0) value = body.slice(eq + 1);
      else if (def.type === 'bool') value = 'true';
      else if (i < argv.length) value = argv[i++];
      else throw new FlagError(`flag needs an argument: ${s}`);
      set(def, value);
      continue;
    }
    let shorts = s.slice(1);
    while (shorts.length) {
      const c = shorts[0];
      const def = byShort.get(c);
      if (!def) throw new FlagError(`unknown shorthand flag: '${c}' in -${shorts}`);
      if (def.long === 'help') warnings += 'Flag shorthand -h has been deprecated, use --help\n';
      let value: string;
      let rest = shorts.slice(1);
      if (shorts.length > 2 && shorts[1] === '=') {
        value = shorts.slice(2);
        rest = '';
      } else if (def.type === 'bool') value = 'true';
      else if (shorts.length > 1) {
        value = shorts.slice(1);
        rest = '';
      } else if (i < argv.length) value = argv[i++];
      else throw new FlagError(`flag needs an argument: '${c}' in -${shorts}`);
      set(def, value);
      shorts = rest;
    }
  }
  return { flags, args, help: flags.bool('help'), warnings };
}
