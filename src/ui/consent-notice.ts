/**
 * What the visitor was shown, for the consent log: the notice's texts in the visitor's language
 * after the site's overrides, the categories with their labels and descriptions, and the policy
 * link, as the banner and the preferences render them. Its hash is what each record carries.
 */

import type { ConsentNoticeContent } from '../core/consent-log-record.js';
import { anyTextFor } from '../core/localized-text.js';
import { categoryDescription, categoryLabel } from './category-texts.js';
import type { ConsentManagerElement } from './consent-manager.js';
import { noticeTexts } from './notice-texts.js';
import { settingsLabel } from '../dom/page.js';

/**
 * The notice `host` shows in its current language. `gpc`: whether the Global Privacy Control
 * line is shown (the browser sends it and the site honours it), which makes it part of the notice.
 * The policy link is resolved against the page, as the visitor's browser follows it.
 */
export function noticeContent(host: ConsentManagerElement, gpc: boolean): ConsentNoticeContent {
  const config = host.effectiveConfig;
  const language = host.language;
  const policy = anyTextFor(config.policyUrl, language, config.language);
  return {
    language,
    texts: noticeTexts(config, language, gpc, { adapters: host.adapters, settingsLabel: settingsLabel(host.ownerDocument) }),
    categories: config.categories.map((category) => ({
      id: category.id,
      required: category.required,
      label: categoryLabel(category, language, config),
      description: categoryDescription(category, language, config) ?? '',
    })),
    policyUrl: policy === undefined ? null : new URL(policy, host.ownerDocument.baseURI).href,
  };
}
