import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { type ConfigError, type ConsentConfig, DEFAULT_CONFIG, parseConfig } from '../../core/config.js';
import type { ConsentRecord } from '../../core/record.js';
import type { ConsentChange, ConsentState } from '../../core/store.js';
import { report } from '../../diagnostics/report.js';
import { isAloneInDocument, joinDocument, leaveDocument } from '../../dom/connected-elements.js';
import { ConsentChangeEvent, ConsentReadyEvent } from '../../events/consent-events.js';
import type { ConsentSession, SessionChange, SessionHost } from '../../session/consent-session.js';
import type { LanguageController } from './language-controller.js';

/** The element a session controller runs for: its `config` property is read on start and followed afterwards. */
export interface SessionControllerHost extends ReactiveControllerHost, SessionHost {
  readonly config: unknown;
}

/**
 * Whether two `config` values say the same. Frameworks that re-render with an inline object
 * assign a new but equal one each time, which must not restart the element.
 */
function sameConfig(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  try {
    const content = (value: unknown): string => JSON.stringify(typeof value === 'string' ? JSON.parse(value) : value);
    return content(a) === content(b);
  } catch {
    return false;
  }
}

/** Connects an element to its session (see `sessionController`). */
export interface SessionController extends ReactiveController {
  /** Resolves with the applied state once the stored choice (or the defaults) is in effect. */
  readonly ready: Promise<ConsentState>;
}

/**
 * A controller connecting an element to its `ConsentSession`: it starts the session from the
 * element's configuration once the page is parsed (and again when `config` is replaced), pauses
 * and resumes it with the element, and turns its changes into updates and `consent-ready` /
 * `consent-change` events. It holds the session where no one else can reach it: Lit keeps
 * controllers where page script can find them, and the session records choices in any method's name.
 *
 * Until the UI settles on a shipped language, records keep the tag the visitor wants most
 * (`language`). `started` runs after each start (the first, and after `config` was replaced);
 * `changed` on every change, before `consent-change` is dispatched.
 */
export function sessionController(
  host: SessionControllerHost,
  session: ConsentSession,
  language: LanguageController,
  started: (state: ConsentState, gpcChange: ConsentChange | null) => void,
  changed: (change: SessionChange, before?: ConsentRecord | null) => void,
): SessionController {
  let resolveReady!: (state: ConsentState) => void;
  let running = false;
  let startScheduled = false;
  /** The `config` value the running session was started from, to notice when it is replaced. */
  let appliedConfig: unknown;

  /** The `config` property, else the element's child `<script type="application/json">`, parsed and validated. */
  const readConfig = (): { config: ConsentConfig; errors: readonly ConfigError[] } => {
    let input = host.config;
    /** Where the JSON came from, as a parse error names it in place of a path. */
    let path = '(config property)';
    if (input === undefined) {
      const script = host.querySelector<HTMLScriptElement>(':scope > script[type="application/json"]');
      if (!script) return parseConfig(undefined);
      input = script.text;
      path = '(JSON config script)';
    }
    if (typeof input === 'string') {
      try {
        input = JSON.parse(input);
      } catch (error) {
        // JSON.parse of a string throws only errors (a SyntaxError, or a RangeError when too deep).
        return { config: DEFAULT_CONFIG, errors: [{ path, problem: 'json', got: (error as Error).message }] };
      }
    }
    return parseConfig(input);
  };

  /** Starts the session (again, after a config change) from the current configuration. */
  const build = (): ConsentState => {
    const input = host.config;
    const { config, errors } = readConfig();
    if (errors.length > 0) report('error', { code: 'config', errors });
    const { state, gpcChange } = session.start(config, language.wantedTags(config)[0]!, errors.length > 0);
    running = true;
    appliedConfig = input;
    started(state, gpcChange);
    language.update();
    host.requestUpdate();
    return state;
  };

  const start = (): void => {
    try {
      resolveReady(build());
      host.dispatchEvent(new ConsentReadyEvent({ ...session.state! }));
    } catch (error) {
      // Nothing here is expected to throw; if it does, the page goes on with nothing optional allowed.
      report('error', { code: 'start-failed', error });
      resolveReady(Object.freeze({ categories: {}, decided: false, record: null, gpc: false }));
    }
  };

  const controller: SessionController = {
    ready: new Promise((resolve) => {
      resolveReady = resolve;
    }),
    hostConnected() {
      // Another element came or went: what this one allows may change with it.
      joinDocument(host, () => session.setAlone(isAloneInDocument(host)));
      if (running) return session.resume();
      if (startScheduled) return;
      startScheduled = true;
      // Frameworks set properties right after creating the element; they are in place one microtask
      // later. A script defining the element early can upgrade it before its JSON child is parsed,
      // or before a second <consent-manager> later in the page is: it starts once the page is parsed.
      queueMicrotask(() => {
        const doc = host.ownerDocument;
        if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start, { once: true });
        else start();
      });
    },
    hostDisconnected() {
      leaveDocument(host);
      session.pause();
    },
    hostUpdated() {
      const config = host.config;
      if (!running || config === appliedConfig) return;
      if (sameConfig(config, appliedConfig)) appliedConfig = config;
      else build();
    },
  };
  session.subscribe((change, before) => {
    changed(change, before);
    host.requestUpdate();
    // A copy: the consent log reads `change` later, whatever a listener does to the event's detail.
    host.dispatchEvent(new ConsentChangeEvent({ ...change }));
  });
  host.addController(controller);
  return controller;
}
