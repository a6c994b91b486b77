/** Svelte action: move a node to the end of <body>, so the print stylesheet can hide everything else. */
export function portal(node: HTMLElement): { destroy(): void } {
  document.body.appendChild(node);
  document.body.classList.add('printing-summary');
  return {
    destroy() {
      document.body.classList.remove('printing-summary');
      node.remove();
    },
  };
}
