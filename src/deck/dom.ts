/** Building small pieces of interface: an element with its class, text, attributes and children. */
export interface ElementProps {
  className?: string;
  text?: string;
  /** attributes (`role`, `aria-label`, `id`…) */
  attrs?: Record<string, string>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A `type="button"` button (inside a form it would otherwise submit). */
export function button(props: ElementProps, onClick?: (e: MouseEvent) => void): HTMLButtonElement {
  const b = el('button', props);
  b.type = 'button';
  if (onClick) b.addEventListener('click', onClick);
  return b;
}
