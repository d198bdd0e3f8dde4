/**
 * A gate started before the element was defined, waiting for the element's session to take it
 * over: the script tag's entry starts one for a visitor whose stored choice allows something
 * (src/early-gate.ts), so that their allowed scripts wait for neither Lit nor the element. One
 * gate, not two: it knows which scripts ran (a withdrawal then recommends a reload) and which it
 * refused, so none runs twice and none is judged twice.
 *
 * The offer lives on the document under a registered symbol, as the list of connected elements
 * does (src/dom/connected-elements.ts), so that every copy of the bundle on the page sees it: a
 * second copy's entry starts no second gate, and a session that does not take the offered gate
 * (another copy's, or one offered for an element that left the page before it was defined)
 * stops it, rather than leaving it to run what a stored choice allowed after a withdrawal.
 */

import type { ConsentCategories } from '../core/store.js';
import type { ConsentGate } from './gating.js';

const KEY = Symbol.for('consent-manager.offered-gate');

/**
 * What an offer and its gate can be asked (`reconfigure`, `stop`), as this code knows them. The
 * same build can run as two module instances (a script tag whose URL carries a query, such as
 * WordPress's `?ver=`: the chunks import the entry without it), so the gate may be another
 * instance's `ConsentGate`; it is taken over when its offer speaks this version, and stopped
 * otherwise (another copy of the bundle that may not). Raise it when either changes.
 */
const OFFER_VERSION = 1;

interface Offer {
  readonly version: number;
  readonly host: Element;
  readonly gate: { stop(): void };
  readonly categories: ConsentCategories;
}

/** A gate taken over, and the categories it was started with (what it may already have run). */
export interface OfferedGate {
  readonly gate: ConsentGate;
  readonly categories: ConsentCategories;
}

type Holder = Document & { [KEY]?: Offer };

/** Whether a gate is waiting in `doc` for its element's session, from this copy of the bundle or another. */
export function hasOfferedGate(doc: Document): boolean {
  return (doc as Holder)[KEY] !== undefined;
}

/** Leaves `gate`, started for `host` with `categories`, for `host`'s session to take. */
export function offerGate(host: Element, gate: ConsentGate, categories: ConsentCategories): void {
  (host.ownerDocument as Holder)[KEY] = { version: OFFER_VERSION, host, gate, categories };
}

/**
 * The gate offered for `host`, once; `undefined` for any other element or a second call. A gate
 * offered for another element, or by another copy of the bundle, is stopped: only the session
 * that starts now follows the visitor's choice.
 */
export function takeOfferedGate(host: Element): OfferedGate | undefined {
  const holder = host.ownerDocument as Holder;
  const offered = holder[KEY];
  if (!offered) return undefined;
  delete holder[KEY];
  if (offered.host === host && offered.version === OFFER_VERSION) return { gate: offered.gate as ConsentGate, categories: offered.categories };
  offered.gate.stop();
  return undefined;
}
