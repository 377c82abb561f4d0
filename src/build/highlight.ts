/** Build-time syntax highlighting: the browser gets classes and a small stylesheet, not highlight.js. */
import hljs from 'highlight.js/lib/common';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import nginx from 'highlight.js/lib/languages/nginx';
import powershell from 'highlight.js/lib/languages/powershell';
import { escapeHtml } from './html';

hljs.registerLanguage('dockerfile', dockerfile);
hljs.registerLanguage('nginx', nginx);
hljs.registerLanguage('powershell', powershell);

const ALIASES: Record<string, string> = { sh: 'bash', console: 'bash', terminal: 'bash', containerfile: 'dockerfile', yml: 'yaml', compose: 'yaml' };

/** Highlighted HTML for the inside of <code>, and the language name for its class. */
export function highlight(code: string, lang: string): { html: string; lang: string } {
  const name = ALIASES[lang] ?? lang;
  if (name && hljs.getLanguage(name)) {
    return { html: hljs.highlight(code, { language: name, ignoreIllegals: true }).value, lang: name };
  }
  return { html: escapeHtml(code), lang: name || 'text' };
}
