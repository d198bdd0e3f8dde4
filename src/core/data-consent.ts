/**
 * The one reader of `data-consent` (`<script type="text/plain" data-consent="analytics marketing">`)
 * and of what `isAllowed()` takes in the same form: category ids separated by whitespace, all of
 * which must be allowed. Every consumer (the gate, placeholders, the session) reads it here, so
 * they cannot disagree on what a value names.
 */

/**
 * The category ids named by a `data-consent` value, in order. Nothing is dropped or corrected: a
 * token that is no category (`Analytics`, `__proto__`) stays, so that what it gates waits for a
 * category that never comes rather than running under the others. `null` (no attribute) and a
 * value of only whitespace name none.
 */
export function parseDataConsent(value: string | null | undefined): string[] {
  return (value ?? '').split(/\s+/).filter(Boolean);
}
