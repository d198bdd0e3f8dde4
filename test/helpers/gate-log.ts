import { waitFor } from './page-state.js';

/** test/fixtures/gated/*.js push their name here when they run. */
declare global {
  interface Window {
    gateLog?: string[];
    gateSentinels?: number[];
  }
}

let sentinels = 0;

/**
 * Resolves once the gate has dealt with every gated script it had met before this call, the
 * proof that one which should not run did not: it adds an inline script gated on `category`
 * (one that is allowed) and waits for it to run. The gate runs scripts one at a time, in the
 * order it meets them, so any script met earlier has run or been refused by then. The element
 * must vouch for inline scripts (`script-sources="'unsafe-inline'"`).
 */
export async function gateSettled(category = 'necessary', parent: ParentNode = document.body): Promise<void> {
  const id = ++sentinels;
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.dataset.consent = category;
  script.text = `(window.gateSentinels ??= []).push(${id})`;
  parent.append(script);
  try {
    await waitFor(() => window.gateSentinels?.includes(id) === true, 3000, 'the gate to reach the sentinel script');
  } finally {
    script.remove();
  }
}
