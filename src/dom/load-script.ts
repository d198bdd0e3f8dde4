import { trustedScriptURL } from './trusted-types.js';

export interface LoadScriptOptions {
  /** CSP nonce to carry over. */
  readonly nonce?: string | undefined;
  /** Extra attributes, for instance `{ id: 'stripe-js' }`. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** Gives up after this many milliseconds; 15 seconds by default. */
  readonly timeoutMs?: number;
  readonly document?: Document;
}

/**
 * Why a script did not load: `error` (missing, refused, or blocked by an extension or DNS: the
 * browser does not tell these apart), `timeout`, `offline`, or `blocked` by the page's Content
 * Security Policy or Trusted Types.
 */
export type ScriptLoadFailure = 'error' | 'timeout' | 'offline' | 'blocked';

/** Why a script did not load. */
export class ScriptLoadError extends Error {
  constructor(
    readonly src: string,
    readonly reason: ScriptLoadFailure,
  ) {
    super(reason === 'timeout' ? `${src} did not load in time` : `${src} failed to load (${reason})`);
    this.name = 'ScriptLoadError';
  }
}

/**
 * Inserts an external classic script and resolves once it has run. Rejects with a
 * `ScriptLoadError` when it fails to load or takes too long; never throws synchronously.
 */
export function loadScript(src: string, options: LoadScriptOptions = {}): Promise<HTMLScriptElement> {
  const doc = options.document ?? document;
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    for (const [name, value] of Object.entries(options.attributes ?? {})) script.setAttribute(name, value);
    if (options.nonce) script.nonce = options.nonce;
    script.async = true;
    let refusedByPolicy = false;
    const timer = setTimeout(() => finish(new ScriptLoadError(src, 'timeout')), options.timeoutMs ?? 15_000);
    function finish(error?: ScriptLoadError): void {
      clearTimeout(timer);
      script.removeEventListener('load', onLoad);
      script.removeEventListener('error', onError);
      doc.removeEventListener('securitypolicyviolation', onViolation);
      if (error) reject(error);
      else resolve(script);
    }
    const onLoad = (): void => finish();
    const onError = (): void => {
      // In case a browser queues the violation event after the error event.
      setTimeout(() => {
        const reason = refusedByPolicy ? 'blocked' : doc.defaultView?.navigator.onLine === false ? 'offline' : 'error';
        finish(new ScriptLoadError(src, reason));
      });
    };
    // Chromium fires the violation at the document, before the script's error event.
    const onViolation = (event: SecurityPolicyViolationEvent): void => {
      if (event.blockedURI && script.src.startsWith(event.blockedURI)) refusedByPolicy = true;
    };
    script.addEventListener('load', onLoad);
    script.addEventListener('error', onError);
    doc.addEventListener('securitypolicyviolation', onViolation);
    try {
      script.src = trustedScriptURL(src);
      doc.head.append(script);
    } catch {
      // A Trusted Types refusal throws at the sink.
      finish(new ScriptLoadError(src, 'blocked'));
    }
  });
}
