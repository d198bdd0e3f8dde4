// --suggest-config: a `categories` fragment for the element's config that declares every cookie
// the audit saw, each filed under a category: the site's own declaration when there is one, else
// the category whose phase first showed it, else the Open Cookie Database's category. A cookie
// also set before any choice or after Reject all shows in every phase, so no category phase
// explains it: it is filed by the database, and a note says it is set without consent.
import { parseConfig } from 'consent-manager-element/core';

const DATABASE_TO_CATEGORY = { Functional: 'preferences', Personalization: 'preferences', Analytics: 'analytics', Marketing: 'marketing' };
/** Cookie names the config accepts as `name`; any other is declared by an anchored pattern. */
const PLAIN_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

function lifetimeOf(cookie) {
  if (cookie.lifetimeDays === null) return 'session';
  const days = Math.max(1, Math.round(cookie.lifetimeDays));
  if (days >= 365) return `${Math.round(days / 365)} year${days >= 548 ? 's' : ''}`;
  if (days >= 60) return `${Math.round(days / 30.4)} months`;
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** A declaration as the config writes it: without the category it is filed under. */
function withoutCategory(declaration) {
  return Object.fromEntries(Object.entries(declaration).filter(([key]) => key !== 'category' && key !== 'adapter'));
}

/**
 * The fragment `{ categories: [...] }`; `problems` lists anything the element's config parser
 * would reject (none expected); `notes`, the cookies whose category the audit could not tell.
 */
export function suggestConfig(report) {
  const notes = [];
  const withoutConsent = new Set(['before', 'reject'].flatMap((phase) => report.phases[phase]?.cookies.map((cookie) => cookie.name) ?? []));
  const siteCategories = report.pages.find((page) => page.categories?.length)?.categories ?? [];
  const requiredId = siteCategories.find((category) => category.required)?.id ?? 'necessary';
  const categories = new Map(siteCategories.map(({ id, required }) => [id, { id, ...(required ? { required: true } : {}), cookies: [] }]));
  if (!categories.has(requiredId)) categories.set(requiredId, { id: requiredId, required: true, cookies: [] });
  for (const declaration of report.declarations) {
    if (declaration.adapter) continue; // adapters declare their own cookies
    categories.get(declaration.category)?.cookies.push(withoutCategory(declaration));
  }

  const phaseOrder = (phase) => (phase.startsWith('category:') ? 0 : phase === 'accept' ? 1 : 2);
  const seen = new Map();
  for (const [phase, observed] of Object.entries(report.phases).sort(([a], [b]) => phaseOrder(a) - phaseOrder(b))) {
    for (const cookie of observed.cookies) if (!cookie.declared && !seen.has(cookie.name)) seen.set(cookie.name, { cookie, phase });
  }
  const consentCookieNames = new Set(report.pages.map((page) => page.consentCookie).filter(Boolean));
  for (const { cookie, phase } of seen.values()) {
    let id;
    if (consentCookieNames.has(cookie.name)) id = requiredId;
    else if (phase.startsWith('category:') && !withoutConsent.has(cookie.name)) id = phase.slice('category:'.length);
    else if (['Necessary', 'Security'].includes(cookie.database?.category)) id = requiredId;
    else id = DATABASE_TO_CATEGORY[cookie.database?.category] ?? 'unclassified';
    if (!categories.has(id)) categories.set(id, { id, cookies: [] });
    const entry = {
      ...(PLAIN_NAME.test(cookie.name) ? { name: cookie.name } : { pattern: `^${cookie.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` }),
      party: cookie.party,
      ...(cookie.party === 'third' ? { domain: cookie.domain.replace(/^\./, '') } : {}),
      ...(cookie.database?.platform ? { provider: cookie.database.platform } : {}),
      ...(cookie.database?.description ? { purpose: cookie.database.description } : {}),
      lifetime: lifetimeOf(cookie),
    };
    categories.get(id).cookies.push(entry);
    if (withoutConsent.has(cookie.name) && id !== requiredId) {
      notes.push(`${cookie.name} is set before any choice or after Reject all, so no category's phase explains it: filed under "${id}" ${id === 'unclassified' ? '(unknown to the Open Cookie Database)' : 'by the Open Cookie Database'}; declare it under "${requiredId}" only if it is strictly necessary, else it is set without consent (see the findings)`);
    }
  }
  const fragment = { categories: [...categories.values()] };
  const { errors } = parseConfig(fragment);
  return { fragment, problems: errors.map((error) => `${error.path}: ${error.problem}${error.got ? ` (got ${error.got})` : ''}`), notes };
}
