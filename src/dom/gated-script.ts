/**
 * Judging and running one gated script: whether the site vouched for it (its nonce, or its URL
 * or hash in the site's list; never a URL that is not http(s)), and replacing it with a live copy
 * of exactly what was judged. Part of the script tag's entry rather than a chunk of its own: a
 * returning visitor's allowed scripts would otherwise wait for a round trip and for the page's
 * first render before the chunk ran (issue 15; BENCHMARKS.md).
 */

import { cspDigest } from '../core/csp-hash.js';
import type { Diagnostic } from '../diagnostics/report.js';
import { describeElement } from './describe-element.js';
import { scriptUrl } from './script-url.js';
import { trustedScript, trustedScriptURL } from './trusted-types.js';

/** Not copied as they are: the type and the source change, and the nonce is hidden from attributes. */
const SCRIPT_ATTRIBUTES_NOT_COPIED = new Set(['type', 'data-type', 'src', 'data-src', 'nonce', 'data-consent']);
/** What `data-type` may turn a gated script into: a module, or a classic script. */
const EXECUTABLE_TYPE = /^(module|text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript)$/i;
const HASH_ENTRY = /^'(sha256|sha384|sha512)-([A-Za-z0-9+/_-]+={0,2})'$/;

export type ScriptRefusal = 'gate-script-url' | 'gate-needs-nonce' | 'gate-script-source' | 'gate-script-type' | 'gate-inline';

/** What a gated script is, read once: the gate judges these values and runs exactly them. */
export interface ScriptSnapshot {
  readonly src: string | null;
  readonly url: URL | null;
  readonly text: string;
  readonly nonce: string;
  readonly type: string | null;
}

export function snapshotScript(script: HTMLScriptElement): ScriptSnapshot {
  const src = script.getAttribute('data-src') ?? script.getAttribute('src');
  return { src, url: src === null ? null : scriptUrl(src, script.baseURI), text: script.text, nonce: script.nonce ?? '', type: script.getAttribute('data-type') };
}

/**
 * Whether `url` is one of `sources` (see `ConsentGateOptions.scriptSources`). Entries are
 * read like CSP source expressions, by the URL parser, relative to `page`, the document's own
 * address (`pageAddress`): `'self'` is its origin, whatever `<base>` the markup sets.
 */
export function isListedSource(url: URL, sources: readonly string[], page: string): boolean {
  return sources.some((entry) => {
    // Other quoted keywords and hashes are for inline scripts.
    const listed = entry === "'self'" ? scriptUrl('/', page) : entry.startsWith("'") ? null : scriptUrl(entry, page);
    if (listed?.origin !== url.origin) return false;
    return listed.pathname.endsWith('/') ? url.pathname.startsWith(listed.pathname) : url.pathname === listed.pathname;
  });
}

/**
 * Why the gate will not run `script`, or `null` when the site vouches for it: it carries the
 * trusted `nonce`, or its URL (external) or its hash (inline) is in `sources`, read against the
 * document's address `page`. Never a URL that is not http(s), whatever the nonce or the list say.
 */
export async function judgeScript(script: ScriptSnapshot, nonce: string | undefined, sources: readonly string[], page: string): Promise<{ code: ScriptRefusal; hash?: string } | null> {
  if (script.type !== null && !EXECUTABLE_TYPE.test(script.type.trim())) return { code: 'gate-script-type' };
  if (script.src !== null && !script.url) return { code: 'gate-script-url' };
  if (nonce && script.nonce === nonce) return null;
  if (script.url) {
    if (isListedSource(script.url, sources, page)) return null;
    return { code: nonce ? 'gate-needs-nonce' : 'gate-script-source' };
  }
  if (!nonce && sources.includes("'unsafe-inline'")) return null;
  for (const entry of sources) {
    const [, algorithm = '', value = ''] = HASH_ENTRY.exec(entry) ?? [];
    if (algorithm && (await cspDigest(algorithm, script.text)) === value.replaceAll('-', '+').replaceAll('_', '/')) return null;
  }
  const hash = await cspDigest('sha256', script.text);
  return { code: nonce ? 'gate-needs-nonce' : 'gate-inline', ...(hash ? { hash: `'sha256-${hash}'` } : {}) };
}

/** The console diagnostic for `refusal` of `original`, judged as `snapshot`: here, so that only pages with gated scripts download it. */
export function describeRefusal(original: Element, snapshot: ScriptSnapshot, { code, hash }: { code: ScriptRefusal; hash?: string }): Diagnostic {
  const element = describeElement(original);
  if (code === 'gate-script-url' || code === 'gate-script-source') return { code, element, url: (snapshot.src ?? '').slice(0, 200) };
  return code === 'gate-inline' ? { code, element, hash: hash ?? '' } : { code, element };
}

/**
 * Replaces `original`, judged as `snapshot`, with a live script built from the snapshot; calls
 * `ran` once it is in the page, and resolves once the next script may run: when an external
 * script without `async` loaded, failed or took longer than `timeoutMs`. Throws if a sink refuses.
 */
export async function activateScript(original: HTMLScriptElement, snapshot: ScriptSnapshot, timeoutMs: number, ran: () => void): Promise<void> {
  // The Trusted Types policy asks again at each sink: only what was judged, and only now.
  let judged = true;
  const vouched = (): boolean => judged;
  const script = original.ownerDocument.createElement('script');
  let loaded: Promise<void> = Promise.resolve();
  try {
    for (const { name, value } of original.attributes) {
      if (SCRIPT_ATTRIBUTES_NOT_COPIED.has(name)) continue;
      // Event handler attributes are script sinks under Trusted Types.
      script.setAttribute(name, name.startsWith('on') ? trustedScript(value, vouched) : value);
    }
    script.setAttribute('data-consent-ran', original.getAttribute('data-consent') ?? '');
    if (snapshot.type) script.type = snapshot.type.trim();
    if (snapshot.nonce) script.nonce = snapshot.nonce;
    if (snapshot.url) {
      if (!original.hasAttribute('async')) loaded = settle(script, timeoutMs);
      const judgedUrl = snapshot.url.href;
      script.src = trustedScriptURL(judgedUrl, (url) => vouched() && url.href === judgedUrl);
    } else {
      script.text = trustedScript(snapshot.text, vouched);
    }
    original.replaceWith(script);
    ran();
  } finally {
    judged = false;
  }
  await loaded;
}

/** Resolves when the script loads, fails, or takes longer than the timeout. */
function settle(script: HTMLScriptElement, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    function done(): void {
      clearTimeout(timer);
      resolve();
    }
    script.addEventListener('load', done, { once: true });
    script.addEventListener('error', done, { once: true });
  });
}
