/**
 * The `<consent-manager>` elements connected to a document. A page has one; a second one is
 * most likely markup injected into the page (with a config of its own, an opt-out one say), and
 * two elements gating the same page would each run what its own state allows. So while a
 * document has more than one, each of them allows nothing optional (see SECURITY.md).
 *
 * The list lives on the document under a registered symbol, so that every copy of the bundle on
 * the page (a theme's and a plugin's) shares it, and markup cannot reach it.
 */

import { report } from '../diagnostics/report.js';

const KEY = Symbol.for('consent-manager.connected-elements');

interface ConnectedElements {
  /** Each element, with what it does when the number of elements changes. */
  readonly members: Map<Element, () => void>;
  reported: boolean;
}

function connectedElements(doc: Document): ConnectedElements {
  const holder = doc as Document & { [KEY]?: ConnectedElements };
  return (holder[KEY] ??= { members: new Map(), reported: false });
}

function changed(list: ConnectedElements, tagName: string): void {
  // One error each time a page comes to have more than one.
  if (list.members.size <= 1) list.reported = false;
  else if (!list.reported) {
    list.reported = true;
    report('error', { code: 'duplicate-element', tagName });
  }
  for (const onChange of [...list.members.values()]) onChange();
}

/** Counts `element` in; `onChange` is called for every element whenever the count changes. */
export function joinDocument(element: Element, onChange: () => void): void {
  const list = connectedElements(element.ownerDocument);
  if (list.members.has(element)) return;
  list.members.set(element, onChange);
  changed(list, element.localName);
}

export function leaveDocument(element: Element): void {
  const list = connectedElements(element.ownerDocument);
  if (list.members.delete(element)) changed(list, element.localName);
}

/** Whether `element` is the only one in its document, so that it may allow what its visitor chose. */
export function isAloneInDocument(element: Element): boolean {
  const { members } = connectedElements(element.ownerDocument);
  return members.size <= 1;
}
