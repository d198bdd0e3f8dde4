/**
 * A gate started before the element was defined, waiting for the element's session to take it
 * over: the script tag's entry starts one for a visitor whose stored choice allows something
 * (src/early-gate.ts), so that their allowed scripts wait for neither Lit nor the element. One
 * gate, not two: it knows which scripts ran (a withdrawal then recommends a reload) and which it
 * refused, so none runs twice and none is judged twice.
 */

import type { ConsentGate } from './gating.js';

let offered: { readonly host: Element; readonly gate: ConsentGate } | undefined;

/** Leaves `gate`, started for `host`, for `host`'s session to take. */
export function offerGate(host: Element, gate: ConsentGate): void {
  offered = { host, gate };
}

/** The gate offered for `host`, once; `undefined` for any other element or a second call. */
export function takeOfferedGate(host: Element): ConsentGate | undefined {
  if (offered?.host !== host) return undefined;
  const { gate } = offered;
  offered = undefined;
  return gate;
}
