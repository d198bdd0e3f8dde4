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

/** Why a script did not load. */
export class ScriptLoadError extends Error {
  constructor(
    readonly src: string,
    readonly reason: 'error' | 'timeout',
  ) {
    super(reason === 'timeout' ? `${src} did not load in time` : `${src} failed to load (blocked, missing or offline)`);
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
    const timer = setTimeout(() => finish(new ScriptLoadError(src, 'timeout')), options.timeoutMs ?? 15_000);
    function finish(error?: ScriptLoadError): void {
      clearTimeout(timer);
      script.removeEventListener('load', onLoad);
      script.removeEventListener('error', onError);
      if (error) reject(error);
      else resolve(script);
    }
    const onLoad = (): void => finish();
    const onError = (): void => finish(new ScriptLoadError(src, 'error'));
    script.addEventListener('load', onLoad);
    script.addEventListener('error', onError);
    try {
      script.src = trustedScriptURL(src);
      doc.head.append(script);
    } catch {
      // A Trusted Types or CSP refusal can throw at the sink.
      finish(new ScriptLoadError(src, 'error'));
    }
  });
}
