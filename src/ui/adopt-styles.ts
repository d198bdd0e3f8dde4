import type { CSSResult } from '@lit/reactive-element';

/**
 * Adds constructable stylesheets to a shadow root that lacks them. The parts of the UI load
 * separately, and each brings its styles into the element's shadow root when it first renders.
 * Constructable stylesheets are what `style-src 'self'` allows: no `<style>`, no `style=""`.
 */
export function adoptStyles(root: Element | ShadowRoot | DocumentFragment | null, ...styles: CSSResult[]): void {
  const shadow = root as ShadowRoot;
  const missing = styles.map((style) => style.styleSheet!).filter((sheet) => !shadow.adoptedStyleSheets.includes(sheet));
  if (missing.length > 0) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, ...missing];
}
