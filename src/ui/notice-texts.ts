/**
 * The wording of the notice for the consent log: the texts the banner and the preferences show,
 * in the language active in @lit/localize, the site's own where it gave them for `language`.
 * The banner's come from banner.ts; the preferences' use the message ids of
 * preferences-dialog.ts, so lit-localize keeps each text one message with one translation, and
 * `test/ui/consent-log.test.ts` checks they are the texts the dialog renders.
 */

import { msg } from '../l10n/msg.js';
import type { ConsentConfig } from '../core/config.js';
import { textFor } from '../core/localized-text.js';
import { type BannerPage, bannerTexts } from './banner.js';

/** Every text of the banner and the preferences by name, those the banner does not show (empty) left out; `gpc` only when the Global Privacy Control line shows. */
export function noticeTexts(config: ConsentConfig, language: string, gpc: boolean, page: BannerPage = {}): Record<string, string> {
  const { texts } = config;
  const { gpc: gpcLine, ...banner } = bannerTexts(config, language, gpc && config.gpcDenies.length > 0, page);
  return {
    ...Object.fromEntries(Object.entries(banner).filter(([, text]) => text !== '')),
    preferencesTitle: textFor(texts.preferencesTitle, language) ?? msg('Cookie settings', { id: 'cm.preferences.title' }),
    preferencesDescription:
      textFor(texts.preferencesDescription, language) ??
      msg('Choose which optional cookies this site may use. Cookies the site needs in order to work are always on. You can change your choice at any time.', {
        id: 'cm.preferences.text',
      }),
    save: msg('Save choices', { id: 'cm.preferences.save' }),
    ...(gpcLine ? { gpc: gpcLine } : {}),
  };
}
