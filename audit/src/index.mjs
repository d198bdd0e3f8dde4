// The audit as a library: run it from code and format its report.
export { AuditError, runAudit, TOOL } from './audit.mjs';
export { main, parseCommandLine, EXIT } from './cli.mjs';
export { formatHtml, escapeHtml } from './report-html.mjs';
export { formatText } from './report-text.mjs';
export { RULES, evaluateRules, failsAt } from './rules.mjs';
export { suggestConfig } from './suggest.mjs';
export { locateBrowser, browserVersion } from './find-browser.mjs';
export { launchAuditBrowser } from './launch-browser.mjs';
