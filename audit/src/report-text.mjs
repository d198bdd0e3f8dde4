// The terminal summary: plain text tables, readable without colour and in a CI log.
import { SEVERITIES } from './rules.mjs';

const MAX_CELL = 64;

function cell(value) {
  const text = value === null || value === undefined ? '-' : String(value).replace(/\s+/g, ' ');
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

/** A table with a header row and a rule under it; columns padded to their widest cell. */
export function table(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map(cell));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row) => row.map((value, column) => value.padEnd(widths[column])).join('  ').trimEnd();
  return [line(cells[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Counts of findings by severity: `{ error, warning, info }`. */
export function countBySeverity(findings) {
  return Object.fromEntries(SEVERITIES.map((severity) => [severity, findings.filter((item) => item.severity === severity).length]));
}

/** The verdict in one sentence. */
export function verdict(report) {
  const counts = countBySeverity(report.findings);
  if (counts.error > 0) return `FAIL: ${counts.error} error(s): the site sets or sends something without consent, or keeps it after a refusal.`;
  if (counts.warning > 0) return `PASS WITH WARNINGS: no error, ${counts.warning} warning(s) to review.`;
  const notes = counts.info > 0 ? ` ${counts.info} note(s) for information.` : '';
  return `PASS: nothing was set or sent before consent, nothing outlived a refusal, and nothing undeclared was found.${notes}`;
}

/** The whole summary as text. */
export function formatText(report) {
  const out = [];
  const multiplePages = report.pages.length > 1;
  out.push(`consent-manager-audit ${report.tool.version}: ${report.url}`, `Started ${report.startedAt}, ${report.browser}`, '');
  for (const page of report.pages) {
    out.push(`Page ${page.url}`);
    if (page.error) out.push(`  could not be audited: ${page.error}`);
    else {
      out.push(`  consent manager: ${page.consentManager.detail}`, `  phases: ${page.phases.join(', ')}`);
      for (const note of page.notes) out.push(`  note: ${note}`);
    }
  }
  for (const [phase, observed] of Object.entries(report.phases)) {
    out.push('', `== Phase ${phase} ==`);
    const pageColumn = (item) => (multiplePages ? [new URL(item.page).pathname] : []);
    const pageHeader = multiplePages ? ['page'] : [];
    out.push(
      observed.cookies.length
        ? table(
            [...pageHeader, 'cookie', 'domain', 'party', 'expires', 'flags', 'declared', 'database'],
            observed.cookies.map((cookie) => [
              ...pageColumn(cookie),
              cookie.name,
              cookie.domain,
              cookie.party,
              cookie.expires ? `${Math.round(cookie.lifetimeDays)} days` : 'session',
              [cookie.secure && 'Secure', cookie.httpOnly && 'HttpOnly', cookie.sameSite].filter(Boolean).join(' '),
              cookie.declared?.category,
              cookie.database && `${cookie.database.category} (${cookie.database.platform})`,
            ]),
          )
        : 'cookies: none',
    );
    out.push(
      observed.storage.length
        ? table([...pageHeader, 'storage', 'key', 'origin', 'party', 'declared', 'database'], observed.storage.map((item) => [...pageColumn(item), item.area, item.key, item.origin, item.party, item.declared?.category, item.database?.category]))
        : 'storage: none',
    );
    out.push(
      observed.requests.length
        ? table([...pageHeader, 'other host', 'path', 'type', 'outcome'], observed.requests.map((request) => [...pageColumn(request), request.host, request.path, request.resourceType, request.failed ? `failed: ${request.failure}` : 'loaded']))
        : 'requests to other hosts: none',
    );
  }
  out.push('', '== Findings ==');
  out.push(
    report.findings.length
      ? table(
          ['severity', 'rule', ...(multiplePages ? ['page'] : []), 'phase', 'cookie, key or URL', 'detail'],
          report.findings.map((item) => [item.severity.toUpperCase(), item.rule, ...(multiplePages ? [new URL(item.page).pathname] : []), item.phase, item.name ?? item.url, item.detail]),
        )
      : 'none',
  );
  const counts = countBySeverity(report.findings);
  out.push('', `${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info`, verdict(report), '');
  return out.join('\n');
}
