import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import type { ConsentConfig } from '../../core/config.js';
import type { ConsentSession } from '../../session/consent-session.js';
import { wantedLanguageTags } from '../../dom/page.js';
import { report } from '../../diagnostics/report.js';
import type * as Localization from '../../l10n/localization.js';

/**
 * The localization module, once any element on the page has needed it. @lit/localize keeps one
 * language per page, so once it is loaded even English has to be set through it.
 */
let localization: Promise<typeof Localization> | undefined;

/** Resolves the language of an element's UI (see `languageController`). */
export interface LanguageController extends ReactiveController {
  /** The shipped language the UI speaks, `undefined` until its texts are loaded. */
  readonly language: string | undefined;
  /** The tags the visitor wants under `config`, most wanted first. */
  wantedTags(config: ConsentConfig): string[];
  /** Called when some UI is about to show: resolves once the language is decided and its texts are loaded. */
  need(): Promise<unknown>;
  /** Resolves the language again, if some UI needed it and what is wanted changed. */
  update(): void;
}

/**
 * A controller resolving the language an element's UI speaks: the `lang` of the element (or an
 * ancestor), else the page's, else the browser's, else the config's (once `session` has started).
 * English needs nothing more; any other tag loads the localization module, which picks the best
 * shipped language and its texts. Nothing is loaded until some UI is needed; from then on it
 * follows `lang` changes in the page. The language the UI settles on, once its texts are in
 * place, is the one `session` keeps in the records of later choices.
 */
export function languageController(host: ReactiveControllerHost & HTMLElement, session: ConsentSession): LanguageController {
  let language: string | undefined;
  /** The tags wanted, joined, last time they were read; `undefined` until some UI is needed. */
  let wanted: string | undefined;
  /** Resolves once the UI language's texts are in place. */
  let loaded: Promise<unknown> | undefined;
  let observer: MutationObserver | undefined;
  const controller: LanguageController = {
    get language() {
      return language;
    },
    wantedTags(config) {
      return wantedLanguageTags(host, config.language);
    },
    need() {
      wanted ??= '';
      controller.update();
      return loaded ?? Promise.resolve();
    },
    update() {
      // A removed element (a single-page site left the page that had it) picks no language: the
      // texts it would load are the ones every element of the page shows, and a served banner
      // that arrived since would no longer match them and be replaced.
      if (!host.isConnected || !session.state || wanted === undefined) return;
      const tags = controller.wantedTags(session.config);
      const now = tags.join();
      if (now === wanted) return;
      wanted = now;
      const show = (shipped: string): void => {
        if (wanted !== now) return;
        session.language = language = shipped;
        host.requestUpdate();
      };
      loaded =
        /^en\b/i.test(tags[0]!) && !localization
          ? Promise.resolve(show('en'))
          : (localization ??= import('../../l10n/localization.js')).then((l10n) => l10n.useLanguage(tags)).then(show, (error: unknown) => {
              report('warn', { code: 'language-failed', language: tags[0]!, error });
              // The UI still shows, in the language that is loaded.
              language ??= 'en';
              host.requestUpdate();
            });
    },
    hostConnected() {
      // The language follows `lang` on the element or any ancestor, also when a page switches it.
      observer ??= new MutationObserver(() => controller.update());
      observer.observe(host.ownerDocument.documentElement, { attributeFilter: ['lang'], subtree: true });
      // Back in a page, whose `lang` may have changed meanwhile.
      controller.update();
    },
    hostDisconnected() {
      observer?.disconnect();
    },
  };
  host.addController(controller);
  return controller;
}
