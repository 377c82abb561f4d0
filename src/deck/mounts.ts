/**
 * Registry of mount functions: lazily loaded code registers how it attaches to the slides, and the
 * deck runs every mount again whenever reveal rebuilds the slide DOM (scroll view on and off).
 */
import type { MountFn } from './api';

export class Mounts {
  private readonly fns = new Map<string, MountFn>();

  constructor(private readonly root: () => HTMLElement | null) {}

  register(name: string, fn: MountFn): void {
    this.fns.set(name, fn);
    this.run(name, fn);
  }

  remount(): void {
    for (const [name, fn] of this.fns) this.run(name, fn);
  }

  private run(name: string, fn: MountFn): void {
    const root = this.root();
    if (!root) return;
    try {
      fn(root);
    } catch (e) {
      console.error(`Aula: falló el montaje de «${name}»`, e);
    }
  }
}

/** Calls `onChange` (once per frame at most) when the direct children of `el` are replaced. */
export function watchRebuilds(el: HTMLElement, onChange: () => void): MutationObserver {
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      onChange();
    });
  });
  observer.observe(el, { childList: true });
  return observer;
}
