/**
 * The fence line after the language: `key=value`, `key="quoted value"` (or single quotes) and bare
 * `flag` words. Shared by every fence plugin so authors learn one syntax.
 */
export interface ParsedFenceInfo {
  lang: string;
  options: Record<string, string>;
  /** Problems in the option syntax itself (unclosed quote, empty key). */
  problems: string[];
}

export function parseFenceInfo(info: string): ParsedFenceInfo {
  const text = info.trim();
  const m = /^(\S*)\s*([\s\S]*)$/.exec(text);
  const lang = m ? m[1] : '';
  const { options, problems } = parseFenceOptions(m ? m[2] : '');
  return { lang, options, problems };
}

export function parseFenceOptions(text: string): { options: Record<string, string>; problems: string[] } {
  const options: Record<string, string> = {};
  const problems: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && /\s/.test(text[i])) i++;
    if (i >= n) break;
    const keyStart = i;
    while (i < n && !/[\s=]/.test(text[i])) i++;
    const key = text.slice(keyStart, i);
    if (key === '') {
      problems.push(`opción sin nombre en «${text.slice(keyStart).trim()}»`);
      while (i < n && !/\s/.test(text[i])) i++;
      continue;
    }
    if (text[i] !== '=') {
      options[key] = 'true';
      continue;
    }
    i++; // '='
    const quote = text[i];
    if (quote === '"' || quote === "'") {
      i++;
      let value = '';
      let closed = false;
      while (i < n) {
        const c = text[i];
        if (c === '\\' && i + 1 < n && (text[i + 1] === quote || text[i + 1] === '\\')) {
          value += text[i + 1];
          i += 2;
          continue;
        }
        if (c === quote) {
          closed = true;
          i++;
          break;
        }
        value += c;
        i++;
      }
      if (!closed) problems.push(`falta cerrar las comillas de la opción «${key}»`);
      options[key] = value;
    } else {
      const valueStart = i;
      while (i < n && !/\s/.test(text[i])) i++;
      options[key] = text.slice(valueStart, i);
    }
  }
  return { options, problems };
}
