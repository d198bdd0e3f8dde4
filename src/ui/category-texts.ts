/**
 * Labels and descriptions of categories in the visitor's language: the site's own wording for
 * that language first, then the built-in translation for the well-known ids, then the site's
 * wording in another language, then the id. Loaded with the dialog, placeholders and tables.
 */

import { msg } from '../l10n/msg.js';
import type { CategoryConfig, ConsentConfig } from '../core/config.js';
import { anyTextFor, textFor } from '../core/localized-text.js';
import { conjunctionList } from '../core/list-format.js';

type BuiltIn = Readonly<Record<string, readonly [label: () => string, description: () => string]>>;

// Functions, so each text is looked up in the language active when it is shown.
const BUILT_IN: BuiltIn = {
  necessary: [
    () => msg('Strictly necessary', { id: 'cm.category.necessary', desc: 'Label of the cookie category the site cannot work without.' }),
    () =>
      msg('Needed for the site to work: signing in, security, and remembering your cookie choice. They cannot be turned off.', {
        id: 'cm.category.necessary.description',
      }),
  ],
  preferences: [
    () => msg('Preferences', { id: 'cm.category.preferences', desc: 'Label of the cookie category that remembers settings.' }),
    () => msg('Remember your settings, such as language or theme, so you do not have to set them again.', { id: 'cm.category.preferences.description' }),
  ],
  analytics: [
    () => msg('Performance and analytics', { id: 'cm.category.analytics', desc: 'Label of the cookie category for audience measurement.' }),
    () => msg('Count visits and traffic sources, so we can measure and improve how the site works.', { id: 'cm.category.analytics.description' }),
  ],
  marketing: [
    () => msg('Marketing', { id: 'cm.category.marketing', desc: 'Label of the cookie category for advertising.' }),
    () => msg('Measure advertising campaigns and show you ads that match your interests, here and on other sites.', { id: 'cm.category.marketing.description' }),
  ],
  payments: [
    () => msg('Payments', { id: 'cm.category.payments', desc: 'Label of the cookie category set by payment providers.' }),
    () => msg('Process payments securely and help detect and prevent fraud.', { id: 'cm.category.payments.description' }),
  ],
};

function categoryText(category: CategoryConfig, field: 0 | 1, language: string, defaultLanguage: string): string | undefined {
  const given = field === 0 ? category.label : category.description;
  return textFor(given, language) ?? (Object.hasOwn(BUILT_IN, category.id) ? BUILT_IN[category.id]![field]() : anyTextFor(given, language, defaultLanguage));
}

/** The category's label in `language`; its id when nothing else is known. */
export function categoryLabel(category: CategoryConfig, language: string, config: ConsentConfig): string {
  return categoryText(category, 0, language, config.language) ?? category.id;
}

/** The category's description in `language`, or `undefined` when neither the site nor the component has one. */
export function categoryDescription(category: CategoryConfig, language: string, config: ConsentConfig): string | undefined {
  return categoryText(category, 1, language, config.language);
}

/** The labels of the categories `ids` (as `parseDataConsent` reads them from `data-consent`), as a list. */
export function categoryLabels(ids: readonly string[], language: string, config: ConsentConfig): string {
  const labels = ids.map((id) => {
    const category = config.categories.find((candidate) => candidate.id === id);
    return category ? categoryLabel(category, language, config) : id;
  });
  return conjunctionList(language, labels);
}

/** Said of a required category, which cannot be turned off. */
export function alwaysOn(): string {
  return msg('Always on', { id: 'cm.category.always-on', desc: 'Shown next to a category that cannot be turned off.' });
}
