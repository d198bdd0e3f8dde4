/**
 * Frames of this origin that load the built script-tag bundle (`dist/consent-manager.js`), for
 * tests of what its entry does before the element is defined (test/ui/first-layer.test.ts,
 * test/ui/early-gate.test.ts). They share this page's cookies and storage.
 */
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { waitFor } from './page-state.js';

export const BUNDLE_URL = new URL('/dist/consent-manager.js', location.href).href;

/**
 * For a frame's `<head>`: holds the element's definition back until the frame's
 * `releaseElement()` is called, as a slow network would hold its chunk, so that whatever runs
 * meanwhile is certainly the entry's doing.
 */
export const HOLD_ELEMENT = `<script>
const define = customElements.define.bind(customElements);
let released = false;
let held = () => undefined;
window.releaseElement = () => {
  released = true;
  held();
};
customElements.define = (name, constructor, options) => {
  if (released || name !== 'consent-manager') return define(name, constructor, options);
  held = () => define(name, constructor, options);
};
</script>`;

const opened: HTMLIFrameElement[] = [];

/** Adds a frame showing `srcdoc` and resolves once it has loaded; `removeFrames` takes it away. */
export async function openFrame(srcdoc: string, style = ''): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = style;
  frame.srcdoc = srcdoc;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  opened.push(frame);
  document.body.append(frame);
  await loaded;
  return frame;
}

/** Removes every frame `openFrame` added. */
export function removeFrames(): void {
  for (const frame of opened.splice(0)) frame.remove();
}

/** The frame's `<consent-manager>`, once its element is defined and has started. */
export async function elementStarted(frame: HTMLIFrameElement): Promise<ConsentManagerElement> {
  const win = frame.contentWindow!;
  await waitFor(() => win.customElements.get('consent-manager') !== undefined, 8000, 'the element to be defined');
  const element = frame.contentDocument!.querySelector<ConsentManagerElement>('consent-manager')!;
  await element.ready;
  await element.updateComplete;
  return element;
}
