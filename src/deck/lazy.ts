/** Classic <script>/<link> injection: works from file://, where module scripts and fetch do not. */
export function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.async = true;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`no se pudo cargar ${src}`));
    document.body.appendChild(s);
  });
}

export function loadStyle(href: string): void {
  if (document.querySelector(`link[data-aula-style="${CSS.escape(href)}"]`)) return;
  const l = document.createElement('link');
  l.rel = 'stylesheet';
  l.href = href;
  l.dataset.aulaStyle = href;
  document.head.appendChild(l);
}

/** Resolves after the browser has painted the current frame (the first slide is on screen). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
