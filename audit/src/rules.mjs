// The findings, rule by rule, from what one page showed in each phase. Each rule reports a cookie,
// key or URL once per page; a cookie already reported for an earlier cause (set before consent)
// is not reported again for its consequences (still there after rejecting or withdrawing).
import { MAX_EXPIRES_DAYS } from 'consent-manager-element/core';
import { CONSENT_ONLY_DATABASE_CATEGORIES } from './classify.mjs';

/** Every rule, with its default severity and what to do about a finding. */
export const RULES = Object.freeze({
  'request-before-consent': {
    severity: 'error',
    summary: 'A request to another host before any choice, other than hosts a required category declares.',
    advice: 'Gate the tag (type="text/plain" data-consent="…" on the script, data-src on frames and media) or load the vendor through an adapter, so that it loads only after consent. If the host is strictly necessary, declare it as the domain of a cookie under a required category.',
  },
  'cookie-before-consent': {
    severity: 'error',
    summary: 'A cookie set before any choice that is not declared under a required category.',
    advice: 'Find what sets it (a script or the server) and make it wait for its category; if it is strictly necessary, declare it under a required category.',
  },
  'storage-before-consent': {
    severity: 'warning',
    summary: 'A localStorage or sessionStorage key written before any choice that is not declared under a required category.',
    advice: 'Storage needs consent like cookies: gate the script that writes it, or declare the key under a required category if it is strictly necessary.',
  },
  'survives-reject': {
    severity: 'error',
    summary: 'A cookie of an optional category (or an undeclared one) present after rejecting everything and reloading.',
    advice: 'Something sets it whatever the choice: gate it behind its category, and check the server does not set it when the consent cookie denies its category.',
  },
  'not-removed-on-withdrawal': {
    severity: 'error',
    summary: 'A cookie still present after accepting, withdrawing through the preferences and reloading.',
    advice: 'Declare it under its category so that the element expires it on withdrawal; HttpOnly cookies and cookies on other paths or domains must be cleared by the server that set them.',
  },
  'undeclared-cookie': {
    severity: 'warning',
    summary: 'A cookie that appeared once a category was allowed, but that no category declares.',
    advice: 'Add it to the category\'s cookies (name or pattern, party, provider, purpose, lifetime) so that visitors see it in the cookie table and it is removed on withdrawal.',
  },
  'declared-not-seen': {
    severity: 'info',
    summary: 'A declared cookie that no phase showed on the pages visited.',
    advice: 'Check whether the vendor still sets it; if not, remove it from the declaration to keep the cookie table true.',
  },
  'category-mismatch': {
    severity: 'warning',
    summary: 'A cookie declared under a required category that the Open Cookie Database classifies as Marketing or Analytics.',
    advice: 'Move it to an optional category (analytics or marketing): required categories cannot be refused, so they may only hold what the site cannot work without.',
  },
  'lifetime-too-long': {
    severity: 'warning',
    summary: `A cookie that lives longer than 13 months (${MAX_EXPIRES_DAYS} days).`,
    advice: 'Shorten its expiry to 13 months at most (the CNIL\'s guidance for consent-based cookies), and update the declared lifetime.',
  },
});

export const SEVERITIES = ['info', 'warning', 'error'];

function finding(rule, page, phase, subject, category, detail) {
  return { rule, severity: RULES[rule].severity, page, phase, ...subject, category: category ?? null, detail, advice: RULES[rule].advice };
}

function describeDatabase(entry) {
  return entry ? ` The Open Cookie Database lists it as ${entry.category} (${entry.platform}${entry.retention ? `, ${entry.retention}` : ''}).` : '';
}

/** The findings for one page: `{ page, phases, classifier }` as the audit recorded them. */
export function evaluateRules({ page, phases, classifier }) {
  const findings = [];
  const reportedCookies = new Set();
  const before = phases.before ?? { cookies: [], storage: [], requests: [] };

  const seenUrls = new Set();
  for (const request of before.requests) {
    if (classifier.isDeclaredRequiredHost(request.host) || seenUrls.has(request.url)) continue;
    seenUrls.add(request.url);
    const outcome = request.failed ? ` It failed here (${request.failure}), but it was sent.` : '';
    findings.push(finding('request-before-consent', page, 'before', { url: request.url }, null, `${/^[aeiou]/i.test(request.resourceType) ? 'An' : 'A'} ${request.resourceType} request to ${request.host} before any choice.${outcome}`));
  }

  for (const cookie of before.cookies) {
    if (classifier.isRequired(cookie.name) || reportedCookies.has(cookie.name)) continue;
    reportedCookies.add(cookie.name);
    const declared = cookie.declared ? `It is declared under "${cookie.declared.category}", an optional category.` : 'No required category declares it.';
    findings.push(finding('cookie-before-consent', page, 'before', { name: cookie.name }, cookie.declared?.category, `Set on ${cookie.domain}${cookie.party === 'third' ? ' (a third party)' : ''} before any choice. ${declared}${describeDatabase(cookie.database)}`));
  }

  const reportedKeys = new Set();
  for (const item of before.storage) {
    const id = `${item.origin} ${item.area}:${item.key}`;
    if (classifier.isRequired(item.key) || reportedKeys.has(id)) continue;
    reportedKeys.add(id);
    const where = item.party === 'third' ? ` by ${item.origin}, a third party framed in the page,` : '';
    findings.push(finding('storage-before-consent', page, 'before', { name: item.key }, item.declared?.category, `${item.area} key written${where} before any choice.${describeDatabase(item.database)}`));
  }

  // `before` is recorded once the network has been quiet for a moment: a cookie a timer sets later,
  // with no request around it, is missed there and first seen after the refusal, and the audit
  // cannot tell which of the two set it. A cookie reported here was not reported in `before`, so
  // was not seen there: the finding names both causes.
  const mayBeLate = ' It was not there before any choice: if nothing sets it in answer to the refusal, a timer may set it after the audit stopped waiting in "before", whatever the visitor chooses, which would make it a cookie set before consent (look for a setTimeout in what sets it).';
  const afterNoToEverything = [
    ['reject', 'survives-reject', 'Present after rejecting everything and reloading.', mayBeLate],
    ['withdraw', 'not-removed-on-withdrawal', 'Still present after accepting, withdrawing through the preferences and reloading.', ''],
  ];
  const consentPhases = [...classifier.optionalCategories.map((id) => `category:${id}`), 'accept'];
  /** The category whose phase first showed `name` (null: only accepting everything did). */
  const letInBy = (name) => {
    const phase = consentPhases.find((candidate) => phases[candidate]?.cookies.some((cookie) => cookie.name === name));
    return phase?.startsWith('category:') ? phase.slice('category:'.length) : null;
  };
  for (const [phase, rule, sentence, otherCause] of afterNoToEverything) {
    for (const cookie of phases[phase]?.cookies ?? []) {
      if (classifier.isRequired(cookie.name) || reportedCookies.has(cookie.name)) continue;
      reportedCookies.add(cookie.name);
      // An undeclared cookie that stays after withdrawal is one finding, not two: it stays because
      // no category declares it, and this one names the category that let it in.
      const category = cookie.declared?.category ?? (phase === 'withdraw' && classifier.hasDeclarations ? letInBy(cookie.name) : null);
      const declared = cookie.declared ? ` Declared under "${cookie.declared.category}".` : category ? ` No category declares it; it appeared once only "${category}" was allowed: declare it there.` : ' No category declares it.';
      const httpOnly = cookie.httpOnly ? ' It is HttpOnly: no script can remove it, only the server.' : '';
      findings.push(finding(rule, page, phase, { name: cookie.name }, category, `${sentence}${declared}${httpOnly}${otherCause}`));
    }
  }

  if (classifier.hasDeclarations) {
    // A cookie there before any choice or after refusing everything did not appear because a
    // category was allowed, so blaming the first category's phase would be false; its finding above
    // already says whether a category declares it. This is what a late timer's cookie looks like.
    const presentWithoutConsent = new Set([...before.cookies, ...(phases.reject?.cookies ?? [])].map((cookie) => cookie.name));
    const reportedUndeclared = new Set();
    for (const phase of consentPhases) {
      for (const cookie of phases[phase]?.cookies ?? []) {
        if (cookie.declared || classifier.isRequired(cookie.name) || presentWithoutConsent.has(cookie.name) || reportedCookies.has(cookie.name) || reportedUndeclared.has(cookie.name)) continue;
        reportedUndeclared.add(cookie.name);
        const category = phase.startsWith('category:') ? phase.slice('category:'.length) : null;
        const when = category ? `once only "${category}" was allowed` : 'once everything was accepted';
        findings.push(finding('undeclared-cookie', page, phase, { name: cookie.name }, category, `Set on ${cookie.domain}${cookie.party === 'third' ? ' (a third party)' : ''} ${when}, but no category declares it.${describeDatabase(cookie.database)}`));
      }
    }

    const reportedMismatch = new Set();
    const allCookies = Object.values(phases).flatMap((observed) => observed.cookies);
    for (const cookie of allCookies) {
      const category = cookie.declared?.category;
      if (!category || !classifier.requiredCategories.has(category) || reportedMismatch.has(cookie.name)) continue;
      if (!cookie.database || !CONSENT_ONLY_DATABASE_CATEGORIES.has(cookie.database.category)) continue;
      reportedMismatch.add(cookie.name);
      findings.push(finding('category-mismatch', page, cookie.phase, { name: cookie.name }, category, `Declared under the required category "${category}", but the Open Cookie Database lists it as ${cookie.database.category} (${cookie.database.platform}).`));
    }
  }

  const reportedLifetime = new Set();
  for (const cookie of Object.values(phases).flatMap((observed) => observed.cookies)) {
    if (cookie.lifetimeDays === null || cookie.lifetimeDays <= MAX_EXPIRES_DAYS || reportedLifetime.has(cookie.name)) continue;
    reportedLifetime.add(cookie.name);
    findings.push(finding('lifetime-too-long', page, cookie.phase, { name: cookie.name }, cookie.declared?.category, `Expires in ${Math.round(cookie.lifetimeDays)} days (${cookie.expires}), more than 13 months.`));
  }
  return findings;
}

/** Whether any finding is at or above `failOn` (`error`, `warning`, `info`; `never` never fails). */
export function failsAt(findings, failOn) {
  if (failOn === 'never') return false;
  const threshold = SEVERITIES.indexOf(failOn);
  return findings.some((item) => SEVERITIES.indexOf(item.severity) >= threshold);
}
