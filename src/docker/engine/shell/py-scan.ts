/**
 * python's source as its tokenizer reads it before any parsing: strings (any prefix, quoted once
 * or thrice) and comments hide the brackets, quotes, `#` and `;` in them, so that one scanner
 * says where statements end, which bracket is left open and whether a string goes on.
 */
export interface Scan {
  /** The source with its comments blanked, columns kept. */
  code: string;
  /** The brackets still open at the end: offset and character, innermost last. */
  open: [number, string][];
  /** The offset of a triple-quoted string still open at the end, and its quote. */
  triple?: [number, string];
  /** Where statements end: `;` and line feeds outside brackets and strings, but a backslash's. */
  cuts: number[];
  /** The last line goes on in the next: an open bracket or triple quote, or a backslash at its end (and no string left open at a line's end). */
  more: boolean;
}

export function pyScan(src: string): Scan {
  const open: [number, string][] = [];
  const cuts: number[] = [];
  let code = '';
  let from = 0;
  let triple: [number, string] | undefined;
  let tail = false;
  // a string its line ends in is the tokenizer's error, whatever is open
  let broken = false;
  for (let k = 0; k < src.length; k++) {
    const c = src[k];
    tail = false;
    if (c === '#') {
      const end = src.indexOf('\n', k) < 0 ? src.length : src.indexOf('\n', k);
      code += src.slice(from, k) + ' '.repeat(end - k);
      from = end;
      k = end - 1;
    } else if (c === '"' || c === "'") {
      const q = src.startsWith(c + c + c, k) ? c + c + c : c;
      let j = k + q.length;
      // (a one-quote string ends at its line's end, closed or not)
      for (; j < src.length && !src.startsWith(q, j) && (q.length > 1 || src[j] !== '\n'); j++) if (src[j] === '\\') j++;
      if (j >= src.length && q.length > 1) triple = [k, q];
      else if (!src.startsWith(q, j)) broken = true;
      k = src.startsWith(q, j) ? j + q.length - 1 : j - 1;
    } else if (c === '\\' && (src[k + 1] === '\n' || k === src.length - 1)) [k, tail] = [k + 1, true];
    else if ('([{'.includes(c)) open.push([k, c]);
    else if (')]}'.includes(c)) open.pop();
    else if ((c === ';' || c === '\n') && !open.length) cuts.push(k);
  }
  return { code: code + src.slice(from), open, triple, cuts, more: !broken && (!!open.length || !!triple || tail) };
}
