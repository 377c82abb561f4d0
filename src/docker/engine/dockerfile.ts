/**
 * Dockerfile parsing as the legacy builder does it with buildkit's parser
 * (frontend/dockerfile/parser and instructions): line continuations,
 * comments, and the per-instruction argument checks that fail before any step runs.
 */
import { ApiError } from '../api';
import { healthcheckOf } from './health';
import { distance } from '../common/distance';

export interface Step { ins: string; args: string; original: string; line: number }

/** Instruction names, in the order a typo is matched against them. */
const NAMES = 'from run cmd copy add workdir env expose entrypoint label user arg volume stopsignal maintainer healthcheck shell onbuild'.split(' ');
const ONE = ['WORKDIR', 'USER', 'MAINTAINER', 'STOPSIGNAL'];
const SOME = ['ENV', 'LABEL', 'EXPOSE', 'VOLUME', 'HEALTHCHECK', 'ONBUILD', 'ARG', 'SHELL'];
/** The parser's complaint about an instruction given no arguments (`none`), if it needs some. */
export const missingArgs = (ins: string, none: boolean): string | undefined =>
  !none ? undefined : ONE.includes(ins) ? `${ins} requires exactly one argument` : SOME.includes(ins) ? `${ins} requires at least one argument` : undefined;

/** buildkit's suggest.WrapError: the closest name under 3 edits, in the typo's case. */
function suggest(word: string): string {
  const low = word.toLowerCase();
  let best = '';
  let min = 3;
  for (const n of NAMES) {
    const d = distance(low, n);
    if (d < min) [best, min] = [n, d];
  }
  if (!best) return '';
  return ` (did you mean ${word === word.toUpperCase() && word !== low ? best.toUpperCase() : best}?)`;
}

/** Words of a shell-form argument list: whitespace splits outside quotes, quotes kept. */
export function words(s: string): string[] {
  const out: string[] = [];
  let word = '';
  let quote = '';
  let started = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (!quote && /\s/.test(c)) {
      if (started) out.push(word);
      word = '';
      started = false;
      continue;
    }
    started = true;
    if (c === '\\' && i + 1 < s.length && quote !== "'") word += c + s[++i];
    else {
      if (quote === c) quote = '';
      else if (!quote && (c === '"' || c === "'")) quote = c;
      word += c;
    }
  }
  if (started) out.push(word);
  return out;
}

/** The exec (JSON array) form of an instruction's arguments, null for the shell form. */
export function jsonList(s: string): string[] | null {
  if (!s.startsWith('[')) return null;
  try {
    const v = JSON.parse(s);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;
  } catch {
    return null;
  }
}

/** The words after the leading `--flag[=value]` ones, as buildkit's extractBuilderFlags splits them. */
export const withoutFlags = (args: string): string => args.replace(/^(--\S+\s*)+/, '');

/** ENV and LABEL pairs, which the parser itself checks (a failed parse, before any instruction's check). */
function nameVal(ins: string, ws: string[], name: string): void {
  const noEq = /^(ENV|LABEL)$/.test(ins) && ws.length > 0 && (ws.length === 1 && !ws[0].includes('=') ? 1 : ws[0].includes('=') && ws.find((w) => !w.includes('=')));
  if (noEq) throw new ApiError(400, `failed to parse ${name}: ${noEq === 1 ? `${ins} must have two arguments` : `Syntax error - can't find = in ${JSON.stringify(noEq)}. Must be of the form: name=value`}`);
}

/** The per-instruction checks of buildkit's instructions.Parse on one joined line. */
export function parseStep(line: string, start: number, name = 'Dockerfile'): Step | null {
  const m = /^\s*(\S+)\s*([\s\S]*)$/.exec(line);
  if (!m) return null;
  const ins = m[1].toUpperCase();
  const args = m[2].trim();
  const fail = (why: string) => new ApiError(400, `dockerfile parse error on line ${start}: ${why}`);
  if (!NAMES.includes(m[1].toLowerCase())) throw fail(`unknown instruction: ${m[1]}${suggest(m[1])}`);
  const ws = words(withoutFlags(args));
  const operands = jsonList(withoutFlags(args)) ?? ws;
  nameVal(ins, ws, name);
  if (ins === 'FROM' && !(ws.length === 1 || (ws.length === 3 && ws[1].toLowerCase() === 'as'))) throw fail('FROM requires either one or three arguments');
  if (ins === 'FROM' && ws[2] && !/^[a-z][a-z0-9-_.]*$/.test(ws[2].toLowerCase())) throw fail(`invalid name for build stage: ${JSON.stringify(ws[2])}, name can't start with a number or contain symbols`);
  if ((ins === 'COPY' || ins === 'ADD') && operands.length < 2) throw fail(`${ins} requires at least two arguments, but only one was provided. Destination could not be determined`);
  const need = missingArgs(ins, ONE.includes(ins) ? !args : !ws.length);
  if (need) throw fail(need);
  if (ins === 'SHELL' && !jsonList(args)?.length) throw fail(jsonList(args) ? 'SHELL requires at least one argument' : 'SHELL requires the arguments to be in JSON form');
  const sub = ins === 'ONBUILD' && ws[0].toUpperCase();
  if (sub && /^(ONBUILD|FROM|MAINTAINER)$/.test(sub)) throw fail(sub[0] === 'O' ? 'Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed' : `${sub} isn't allowed as an ONBUILD trigger`);
  if (ins === 'HEALTHCHECK') {
    try {
      healthcheckOf(args);
    } catch (e) {
      throw fail((e as Error).message);
    }
  }
  return { ins, args, original: line.trim(), line: start };
}

/**
 * The steps of a Dockerfile; `warnings` are the parser's (empty continuation lines), which the
 * legacy builder prints before the first step.
 */
export function parseDockerfile(text: string, name = 'Dockerfile'): Step[] & { warnings: string[] } {
  const lines = text.replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, ''));
  // Parser directives (`# escape=`, `# syntax=`, `# check=`) only count above everything else.
  let esc = '\\';
  for (const l of lines) {
    const d = /^#\s*(syntax|escape|check)\s*=\s*(.+?)\s*$/i.exec(l.trimStart());
    if (!d) break;
    if (!/^e/i.test(d[1])) continue;
    if (d[2] !== '`' && d[2] !== '\\') throw new ApiError(400, `failed to parse ${name}: invalid escape token '${d[2]}' does not match \` or \\`);
    esc = d[2];
  }
  const cont = new RegExp(`(^|[^\\${esc}])\\${esc}[ \t]*$`);
  const isComment = (l: string) => l.trimStart().startsWith('#');
  const steps = Object.assign([] as Step[], { warnings: [] as string[] });
  // First the parser: joined lines, and the checks it makes itself.
  const raw: [string, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    let line = isComment(lines[i]) ? '' : lines[i].trimStart();
    let more = cont.test(line);
    line = line.replace(cont, '$1');
    if (!more && !line) continue;
    // Continuation lines join as they are (no space added, indentation kept); comment and
    // blank lines inside a continuation are skipped, blank ones with a warning.
    let blank = false;
    while (more && i + 1 < lines.length) {
      const next = lines[++i];
      if (isComment(next)) continue;
      if (!next.trim()) {
        blank = true;
        continue;
      }
      more = cont.test(next);
      line += next.replace(cont, '$1');
    }
    if (blank) steps.warnings.push(`Empty continuation line found in: ${line}`);
    const [, ins = '', rest = ''] = /^\s*(\S+)\s*([\s\S]*)$/.exec(line) ?? [];
    nameVal(ins.toUpperCase(), words(withoutFlags(rest.trim())), name);
    raw.push([line, start]);
  }
  if (!raw.length) throw new ApiError(400, `failed to parse ${name}: file with no instructions`);
  // Then instructions.Parse, in order: each instruction's checks, and a stage before anything but ARG.
  for (const [line, start] of raw) {
    const step = parseStep(line, start, name)!;
    if (!/^(ARG|FROM)$/.test(step.ins) && !steps.some((s) => s.ins === 'FROM')) throw new ApiError(400, 'no build stage in current context');
    steps.push(step);
  }
  return steps;
}
