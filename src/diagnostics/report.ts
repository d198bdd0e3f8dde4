/**
 * Console diagnostics. Call sites record what happened as a small object; the sentences live in
 * `messages.ts`, a chunk loaded only when there is something to report, so sites with a correct
 * setup never download them. Messages print in the order they were reported.
 */

import type { AdapterOptionProblem } from '../core/adapter.js';
import type { ConfigError } from '../core/config.js';

export type Diagnostic =
  | { readonly code: 'config'; readonly errors: readonly ConfigError[] }
  | { readonly code: 'start-failed'; readonly error: unknown }
  | { readonly code: 'save-not-boolean' | 'save-unknown-category'; readonly category: string }
  | { readonly code: 'already-defined'; readonly tagName: string }
  | { readonly code: 'storage-local' | 'storage-memory' }
  | { readonly code: 'trusted-types-refused'; readonly error: unknown }
  | { readonly code: 'gate-unknown-category'; readonly category: string }
  | { readonly code: 'gate-not-inert' | 'gate-needs-nonce' | 'gate-script-type' | 'gate-unsupported' | 'gate-loads-ungated' | 'gate-shadow-late'; readonly element: string }
  | { readonly code: 'gate-plain-src'; readonly element: string; readonly attribute: string }
  | { readonly code: 'gate-script-url' | 'gate-script-source' | 'gate-frame-url'; readonly element: string; readonly url: string }
  | { readonly code: 'gate-inline'; readonly element: string; readonly hash: string }
  | { readonly code: 'duplicate-element'; readonly tagName: string }
  | { readonly code: 'gate-failed'; readonly error: unknown }
  | { readonly code: 'adapter-unknown'; readonly id: string; readonly known: readonly string[] }
  | { readonly code: 'adapter-options'; readonly id: string; readonly problems: readonly AdapterOptionProblem[] }
  | { readonly code: 'adapter-threw'; readonly id: string; readonly error: unknown }
  | { readonly code: 'adapter-global'; readonly id: string; readonly name: string }
  | { readonly code: 'consent-mode-unmapped'; readonly id: string; readonly gaps: readonly { readonly type: string; readonly category: string }[] }
  | { readonly code: 'language-failed'; readonly language: string; readonly error: unknown }
  | { readonly code: 'localize-configured-by-page' }
  | { readonly code: 'ui-load-failed'; readonly error: unknown }
  | { readonly code: 'cookie-table-no-manager'; readonly selector: string }
  | { readonly code: 'consent-log-memory' }
  | { readonly code: 'consent-log-dropped'; readonly count: number; readonly limit: number }
  | { readonly code: 'consent-log-refused'; readonly status: number; readonly count: number; readonly endpoint: string; readonly dropped: boolean }
  | { readonly code: 'consent-log-failed' | 'consent-log-unavailable'; readonly error: unknown };

export type DiagnosticLevel = 'error' | 'warn';

export const LOG_PREFIX = 'consent-manager:';

let queue: Promise<unknown> = Promise.resolve();

/** Prints one console message for `diagnostic`. Never throws. */
export function report(level: DiagnosticLevel, diagnostic: Diagnostic): void {
  queue = queue
    .then(() => import('./messages.js'))
    .then(
      ({ describeDiagnostic }) => console[level](`${LOG_PREFIX} ${describeDiagnostic(diagnostic)}`),
      // Offline or blocked: the code and its data still say what went wrong.
      () => console[level](`${LOG_PREFIX} ${diagnostic.code}`, diagnostic),
    );
}

/** Reports a lazily loaded chunk that failed to load (offline, or a deploy removed it). */
export const reportLoadFailure = (error: unknown): void => report('error', { code: 'ui-load-failed', error });

/** Resolves once every diagnostic reported so far has been printed (for tests and tools). */
export function reported(): Promise<unknown> {
  return queue;
}
