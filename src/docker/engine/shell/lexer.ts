/**
 * The POSIX shell grammar the container shells understand: words with '…', "…" and \ quoting,
 * $VAR / ${VAR} / $? expansions, redirections (> >> < 2> 2>> 2>&1 &>), pipelines (|) and lists
 * (; && ||), # comments. Words keep their quoting so expansion can run at execution time.
 */

/** A piece of a word: `q` is 0 unquoted, 1 single-quoted (or escaped), 2 double-quoted. */
export interface Part { text: string; q: 0 | 1 | 2 }
export type Word = Part[];

export interface Redirect { fd: 1 | 2 | 0; op: '>' | '>>' | '<' | '>&1' | '&>'; target?: Word }
export interface Simple { words: Word[]; redirects: Redirect[] }
export interface Pipeline { cmds: Simple[] }
/** `op` joins this pipeline to the previous one. */
export interface ListItem { op: ';' | '&&' | '||'; pipeline: Pipeline }

export class Incomplete extends Error {}
export class SyntaxError extends Error {
  constructor(public token: string) {
    super(token);
  }
}

type Tok = { w: Word } | { op: string };

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let word: Word | null = null;
  const push = (text: string, q: 0 | 1 | 2) => {
    word ??= [];
    const last = word[word.length - 1];
    if (last && last.q === q) last.text += text;
    else word.push({ text, q });
  };
  const end = () => {
    if (word) toks.push({ w: word });
    word = null;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      end();
      i++;
    } else if (c === '#' && !word) {
      break;
    } else if (c === "'") {
      const j = src.indexOf("'", i + 1);
      if (j < 0) throw new Incomplete();
      push(src.slice(i + 1, j), 1);
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= src.length) throw new Incomplete();
        const d = src[j];
        if (d === '"') break;
        if (d === '\\' && j + 1 < src.length && '$`"\\\n'.includes(src[j + 1])) {
          // An escaped $ must not expand: keep it apart as a quoted literal.
          if (text) push(text, 2);
          text = '';
          push(src[j + 1], 1);
          j += 2;
          continue;
        }
        text += d;
        j++;
      }
      push(text, 2);
      if (!text) word ??= [{ text: '', q: 2 }];
      i = j + 1;
    } else if (c === '\\') {
      if (i + 1 >= src.length) throw new Incomplete();
      push(src[i + 1], 1);
      i += 2;
    } else if ('|&;<>'.includes(c)) {
      const two = src.slice(i, i + 2);
      const op = ['&&', '||', '>>', '&>', '>&'].includes(two) ? two : c;
      end();
      toks.push({ op });
      i += op.length;
    } else if (c === '2' && !word && (src[i + 1] === '>')) {
      const op = src.startsWith('2>&1', i) ? '2>&1' : src.startsWith('2>>', i) ? '2>>' : '2>';
      toks.push({ op });
      i += op.length;
    } else {
      push(c, 0);
      i++;
    }
  }
  end();
  return toks;
}

/** Parses a line into a list of pipelines; throws Incomplete (open quote) or SyntaxError. */
export function parse(src: string): ListItem[] {
  const toks = tokenize(src);
  const items: ListItem[] = [];
  let op: ListItem['op'] = ';';
  let cmds: Simple[] = [];
  let cur: Simple = { words: [], redirects: [] };
  const endCmd = (tok: string) => {
    if (!cur.words.length && !cur.redirects.length) throw new SyntaxError(tok);
    cmds.push(cur);
    cur = { words: [], redirects: [] };
  };
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if ('w' in t) {
      cur.words.push(t.w);
      continue;
    }
    switch (t.op) {
      case '|':
        endCmd('|');
        break;
      case ';': case '&&': case '||': case '&':
        if (!cur.words.length && !cur.redirects.length && !cmds.length) {
          if (t.op === ';' && !items.length && k === toks.length - 1) throw new SyntaxError(';');
          throw new SyntaxError(t.op);
        }
        endCmd(t.op);
        items.push({ op, pipeline: { cmds } });
        cmds = [];
        op = t.op === '&' ? ';' : (t.op as ListItem['op']);
        if (t.op === '&&' || t.op === '||') {
          if (k === toks.length - 1) throw new Incomplete();
        }
        break;
      case '2>&1':
        cur.redirects.push({ fd: 2, op: '>&1' });
        break;
      default: {
        const next = toks[k + 1];
        if (!next || !('w' in next)) throw new SyntaxError(next && 'op' in next ? next.op : 'newline');
        k++;
        const map: Record<string, Redirect> = {
          '>': { fd: 1, op: '>' }, '>>': { fd: 1, op: '>>' }, '<': { fd: 0, op: '<' },
          '2>': { fd: 2, op: '>' }, '2>>': { fd: 2, op: '>>' }, '&>': { fd: 1, op: '&>' }, '>&': { fd: 1, op: '&>' },
        };
        const r = map[t.op];
        if (!r) throw new SyntaxError(t.op);
        cur.redirects.push({ ...r, target: next.w });
      }
    }
  }
  if (cur.words.length || cur.redirects.length) cmds.push(cur);
  else if (cmds.length) throw new Incomplete();
  if (cmds.length) items.push({ op, pipeline: { cmds } });
  return items;
}
