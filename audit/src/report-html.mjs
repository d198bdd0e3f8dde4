// The report for a data protection officer: one self-contained HTML file (styles inline,
// screenshots as data: URLs, no script), with a verdict, the banner, the findings and what to do,
// and tables per phase and per category. Everything the site controls is escaped.
import { declarationMatches } from 'consent-manager-element/core';
import { countBySeverity, verdict } from './report-text.mjs';
import { RULES } from './rules.mjs';

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and quoted attribute values. */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

function tableHtml(headers, rows, empty) {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const head = headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((value) => `<td>${escapeHtml(value ?? '–')}</td>`).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

const PHASE_TITLES = {
  before: 'Before any choice',
  reject: 'After "Reject all" and a reload',
  accept: 'After "Accept all" and a reload',
  withdraw: 'After accepting, then withdrawing in the preferences, and a reload',
};

function phaseTitle(phase) {
  return PHASE_TITLES[phase] ?? (phase.startsWith('category:') ? `Only "${phase.slice('category:'.length)}" allowed, and a reload` : phase);
}

function pageLabel(report, url) {
  return report.pages.length > 1 ? new URL(url).pathname : null;
}

function phaseSection(report, phase, observed) {
  const multi = report.pages.length > 1;
  const pageHeader = multi ? ['Page'] : [];
  const pageCell = (item) => (multi ? [pageLabel(report, item.page)] : []);
  return `<section><h3>${escapeHtml(phaseTitle(phase))} <code>${escapeHtml(phase)}</code></h3>
<h4>Cookies</h4>
${tableHtml(
  [...pageHeader, 'Name', 'Domain', 'Party', 'Expires', 'Secure', 'HttpOnly', 'SameSite', 'Declared under', 'Open Cookie Database'],
  observed.cookies.map((cookie) => [
    ...pageCell(cookie),
    cookie.name,
    cookie.domain,
    cookie.party,
    cookie.expires ? `${cookie.expires.slice(0, 10)} (${Math.round(cookie.lifetimeDays)} days)` : 'end of session',
    cookie.secure ? 'yes' : 'no',
    cookie.httpOnly ? 'yes' : 'no',
    cookie.sameSite,
    cookie.declared?.category ?? 'not declared',
    cookie.database ? `${cookie.database.category}: ${cookie.database.platform}. ${cookie.database.description}` : 'not listed',
  ]),
  'No cookies.',
)}
<h4>Local and session storage</h4>
${tableHtml([...pageHeader, 'Area', 'Key', 'Origin', 'Party', 'Declared under', 'Open Cookie Database'], observed.storage.map((item) => [...pageCell(item), item.area, item.key, item.origin, item.party, item.declared?.category ?? 'not declared', item.database ? `${item.database.category}: ${item.database.platform}` : 'not listed']), 'No keys.')}
<h4>Requests to other hosts</h4>
${tableHtml([...pageHeader, 'Host', 'Path', 'Type', 'Outcome'], observed.requests.map((request) => [...pageCell(request), request.host, request.path, request.resourceType, request.failed ? `failed (${request.failure})` : 'loaded']), 'None.')}
</section>`;
}

function categorySections(report) {
  const categories = report.pages.find((page) => page.categories?.length)?.categories ?? [];
  if (categories.length === 0) return '<p class="empty">The site has no &lt;consent-manager&gt;: it declares no categories the audit could read.</p>';
  const allCookies = Object.values(report.phases).flatMap((observed) => observed.cookies);
  return categories
    .map(({ id, required }) => {
      const declared = report.declarations.filter((declaration) => declaration.category === id);
      const rows = declared.map((declaration) => {
        const label = declaration.name ?? `pattern ${declaration.pattern}`;
        const seen = allCookies.filter((cookie) => cookie.declared?.category === id && declarationMatches(declaration, cookie.name));
        const phases = [...new Set(seen.map((cookie) => cookie.phase))];
        return [label, declaration.provider ?? declaration.adapter ?? '', declaration.party, typeof declaration.lifetime === 'string' ? declaration.lifetime : '', phases.length ? phases.join(', ') : 'not seen'];
      });
      const phase = report.phases[`category:${id}`];
      const consentCookies = new Set(report.pages.map((page) => page.consentCookie));
      const undeclared = (phase?.cookies ?? []).filter((cookie) => !cookie.declared && !consentCookies.has(cookie.name)).map((cookie) => cookie.name);
      return `<section><h3>${escapeHtml(id)}${required ? ' (required)' : ''}</h3>
${tableHtml(['Declared cookie', 'Provider', 'Party', 'Declared lifetime', 'Seen in phases'], rows, 'Declares no cookies.')}
${undeclared.length ? `<p>Seen with only this category allowed but not declared by it: ${escapeHtml([...new Set(undeclared)].join(', '))}</p>` : ''}
</section>`;
    })
    .join('\n');
}

/** The report as one HTML document. */
export function formatHtml(report) {
  const counts = countBySeverity(report.findings);
  const status = counts.error > 0 ? 'fail' : counts.warning > 0 ? 'warn' : 'pass';
  const screenshots = report.pages.flatMap((page) => page.screenshots ?? []);
  const findingsRows = report.findings.map((item) => [item.severity, item.rule, pageLabel(report, item.page) ?? item.page, item.phase, item.name ?? item.url, item.category, item.detail, item.advice]);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Consent audit of ${escapeHtml(report.url)}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 75rem; padding: 0 1rem; color: #1b1b1b; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: 13px; }
th, td { border: 1px solid #c8c8c8; padding: .25rem .5rem; text-align: start; vertical-align: top; overflow-wrap: break-word; }
.scroll { overflow-x: auto; }
th { background: #f0f0f0; }
.verdict { padding: 1rem; border: 2px solid; font-weight: 600; font-size: 1.1rem; }
.verdict.fail { border-color: #b00020; background: #fde8eb; }
.verdict.warn { border-color: #8a5a00; background: #fff4dc; }
.verdict.pass { border-color: #1d6b2f; background: #e6f4ea; }
figure { margin: 1rem 0; } figure img { max-width: 100%; border: 1px solid #c8c8c8; }
.empty { color: #555; font-style: italic; }
</style>
</head>
<body>
<h1>Consent audit</h1>
<p>Site: <strong>${escapeHtml(report.url)}</strong><br>Audited ${escapeHtml(report.startedAt)} to ${escapeHtml(report.finishedAt)} with ${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)} in ${escapeHtml(report.browser)}.</p>
<p class="verdict ${status}" role="status">${escapeHtml(verdict(report))}</p>
<p>${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} for information.</p>

<h2>How the site was tested</h2>
<p>Each page was opened in a fresh browser profile once per phase: before any choice, after rejecting everything, after accepting everything, with each optional category alone, and after accepting then withdrawing. In each, the audit recorded the cookies, the local and session storage keys, and every request to another host.</p>
${tableHtml(['Page', 'Consent manager', 'Phases', 'Notes'], report.pages.map((page) => [page.url, page.error ? `could not be audited: ${page.error}` : page.consentManager.detail, page.phases.join(', '), page.notes.join(' ')]), 'No page.')}

<h2>What visitors see</h2>
${screenshots.length ? screenshots.map((shot) => `<figure><img src="${escapeHtml(shot.dataUrl)}" alt="${escapeHtml(shot.label)}"><figcaption>${escapeHtml(shot.label)}</figcaption></figure>`).join('\n') : '<p class="empty">No screenshot.</p>'}

<h2>Findings and what to do</h2>
${tableHtml(['Severity', 'Rule', 'Page', 'Phase', 'Cookie, key or URL', 'Category', 'What was found', 'What to do'], findingsRows, 'No findings.')}

<h2>By category</h2>
${categorySections(report)}

<h2>By phase</h2>
${Object.entries(report.phases).map(([phase, observed]) => phaseSection(report, phase, observed)).join('\n')}

<h2>The rules</h2>
${tableHtml(['Rule', 'Severity', 'Checks'], Object.entries(RULES).map(([id, rule]) => [id, rule.severity, rule.summary]), '')}
<p>Cookie classifications come from the Open Cookie Database (Apache-2.0, https://github.com/jkwakman/Open-Cookie-Database).</p>
</body>
</html>
`;
}
