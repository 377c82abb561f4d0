/**
 * The landing page's downloads area and the social preview image. The build writes empty slots
 * (marked with comments) and `npm run export` fills them once the files exist, so the static page
 * never links to a file that is not there: a fresh build shows only the share button; an export
 * adds the thumbnail, the PDF and the single-file HTML of each section and the whole course.
 */

export interface DeckFiles {
  pdf: boolean;
  notesPdf: boolean;
  html: boolean;
  png: boolean;
}

export interface CourseFiles {
  pdf: boolean;
  notesPdf: boolean;
  zip: boolean;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

function slot(key: string, inner: string): string {
  return `<!--aula-slot:${key}-->${inner}<!--/aula-slot:${key}-->`;
}

/** Replaces the content of slot `key`; returns null when the page has no such slot. */
export function fillSlot(html: string, key: string, inner: string): string | null {
  const open = `<!--aula-slot:${key}-->`;
  const close = `<!--/aula-slot:${key}-->`;
  const a = html.indexOf(open);
  const b = html.indexOf(close, a + open.length);
  if (a < 0 || b < 0) return null;
  return html.slice(0, a + open.length) + inner + html.slice(b);
}

export function deckDownloadsHtml(slug: string, title: string, files: DeckFiles | null): string {
  const s = esc(slug);
  const links: string[] = [];
  if (files?.pdf) links.push(`<a class="aula-dl aula-dl-pdf" href="export/${s}.pdf" download>PDF</a>`);
  if (files?.notesPdf) links.push(`<a class="aula-dl aula-dl-notes" href="export/${s}-notas.pdf" download>PDF con notas</a>`);
  if (files?.html) links.push(`<a class="aula-dl aula-dl-html" href="export/${s}.html" download>HTML (un archivo)</a>`);
  const thumb = files?.png ? `<img class="aula-thumb" src="export/${s}.png" alt="" loading="lazy" width="320" height="233">` : '';
  const share = `<button type="button" class="aula-share" data-share-path="${s}/index.html" aria-label="Compartir: copiar el enlace de «${esc(title)}»">Compartir</button>`;
  return `<div class="aula-downloads" data-deck="${s}">${thumb}<div class="aula-dl-links" role="group" aria-label="Descargas de «${esc(title)}»">${links.join('')}${share}</div></div>`;
}

export function courseDownloadsHtml(files: CourseFiles | null): string {
  const links: string[] = [];
  if (files?.pdf) links.push(`<a class="aula-dl aula-dl-pdf" href="export/curso.pdf" download>Curso completo en PDF</a>`);
  if (files?.notesPdf) links.push(`<a class="aula-dl aula-dl-notes" href="export/curso-notas.pdf" download>Curso con notas (PDF)</a>`);
  if (files?.zip) links.push(`<a class="aula-dl aula-dl-zip" href="export/curso.zip" download>Sitio completo (ZIP, sin conexión)</a>`);
  if (links.length === 0) return '';
  return `<section class="aula-course-downloads" aria-labelledby="aula-dl-heading"><h2 id="aula-dl-heading">Descargas</h2><div class="aula-dl-links">${links.join('')}</div></section>`;
}

/** Slot for one section's downloads and share button (inside its entry on the landing page). */
export function deckDownloadsSlot(slug: string, title: string): string {
  return slot(`deck:${slug}`, deckDownloadsHtml(slug, title, null));
}

/** Slot for the whole-course downloads (PDF, ZIP) on the landing page. */
export function courseDownloadsSlot(): string {
  return slot('course', '');
}

/** Slot in a page's <head> for `og:image` (the thumbnail exists only after an export). */
export function ogImageSlot(): string {
  return slot('og-image', '');
}

export function ogImageHtml(href: string): string {
  return `<meta property="og:image" content="${esc(href)}"><meta name="twitter:card" content="summary_large_image">`;
}

/** Styles and the share script of the landing page's downloads area (no external file, so file:// works). */
export function landingDownloadsAssets(): string {
  return `<style>
.aula-downloads{display:flex;flex-wrap:wrap;gap:12px 16px;align-items:center;margin:8px 4px 10px}
.aula-thumb{width:150px;height:auto;border:1px solid var(--border,#c9d1dc);border-radius:8px;background:#fff}
.aula-dl-links{display:flex;flex-wrap:wrap;gap:8px}
.aula-downloads a.aula-dl,.aula-course-downloads a.aula-dl,.aula-downloads .aula-share{display:inline-flex;align-items:center;min-height:44px;padding:0 16px;border:2px solid var(--accent,#0b4fa8);border-radius:999px;background:var(--card,#fff);color:var(--accent,#0b4fa8);font:inherit;font-size:16px;font-weight:700;line-height:1.2;text-decoration:none;cursor:pointer;box-shadow:none}
.aula-downloads a.aula-dl:hover,.aula-course-downloads a.aula-dl:hover,.aula-downloads .aula-share:hover{background:var(--accent,#0b4fa8);color:#fff}
.aula-downloads a.aula-dl:focus-visible,.aula-course-downloads a.aula-dl:focus-visible,.aula-downloads .aula-share:focus-visible{outline:4px solid #ffb000;outline-offset:2px}
.aula-course-downloads{margin:28px 0 8px}
.aula-course-downloads h2{font-size:24px;margin:0 0 12px}
.aula-share-status{position:fixed;left:50%;bottom:24px;transform:translateX(-50%);background:#111418;color:#fff;padding:10px 18px;border-radius:8px;font-size:16px;opacity:0;transition:opacity .2s;pointer-events:none;max-width:90vw;overflow-wrap:anywhere}
.aula-share-status.visible{opacity:1}
</style>
<div class="aula-share-status" role="status" aria-live="polite"></div>
<script>${LANDING_SHARE_SCRIPT}</script>`;
}

/** Copies the absolute URL of a deck (clipboard API, then a selection fallback, then a prompt). */
const LANDING_SHARE_SCRIPT = `(function(){
var status=document.querySelector('.aula-share-status');var timer=0;
function say(t){if(!status)return;status.textContent=t;status.classList.add('visible');clearTimeout(timer);timer=setTimeout(function(){status.classList.remove('visible')},2500)}
function fallback(text){var ta=document.createElement('textarea');ta.value=text;ta.setAttribute('readonly','');ta.style.position='fixed';ta.style.opacity='0';document.body.appendChild(ta);ta.select();var ok=false;try{ok=document.execCommand('copy')}catch(e){}document.body.removeChild(ta);return ok}
function copy(text){if(navigator.clipboard&&window.isSecureContext){return navigator.clipboard.writeText(text).then(function(){return true},function(){return fallback(text)})}return Promise.resolve(fallback(text))}
document.addEventListener('click',function(ev){var b=ev.target&&ev.target.closest&&ev.target.closest('.aula-share');if(!b)return;ev.preventDefault();var url=new URL(b.getAttribute('data-share-path')||'',location.href).href;
copy(url).then(function(ok){if(ok)say('Enlace copiado: '+url);else window.prompt('Copie este enlace:',url)})});
})();`;
