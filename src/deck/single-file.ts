/**
 * The one-file HTML export travels alone (an e-mail attachment, a USB stick): the course index and
 * the other sections are not next to it. Links to them would lead nowhere, so the way back to the
 * index is hidden and links to other pages say they live in the full course instead.
 */
const UNAVAILABLE = 'Solo en el curso completo: este archivo tiene una sección';

/** A link that leaves this file for a sibling page of the site (not an anchor, not the web). */
function leavesFile(href: string): boolean {
  const h = href.trim();
  return h !== '' && !h.startsWith('#') && !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(h);
}

export function markSingleFile(doc: Document = document): void {
  doc.documentElement.classList.add('aula-single-file');
  for (const a of Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    if (!leavesFile(a.getAttribute('href')!)) continue;
    a.dataset.href = a.getAttribute('href')!;
    a.removeAttribute('href');
    a.classList.add('aula-link-unavailable');
    a.setAttribute('aria-disabled', 'true');
    a.title = UNAVAILABLE;
  }
}
