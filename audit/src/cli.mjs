// The command line: parses the arguments, runs the audit with progress on stderr, prints the
// summary, writes the requested files, and turns the outcome into the exit code.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AuditError, runAudit, TOOL } from './audit.mjs';
import { formatHtml } from './report-html.mjs';
import { formatText } from './report-text.mjs';
import { failsAt } from './rules.mjs';
import { suggestConfig } from './suggest.mjs';

/** Exit codes: nothing at or above --fail-on, a finding at or above it, the site could not be audited. */
export const EXIT = Object.freeze({ ok: 0, findings: 1, notAudited: 2 });

export const USAGE = `Usage: consent-manager-audit <url> [options]

Audits what a site sets and sends before and after consent, in the system Chromium.

Options:
  --pages N            also visit up to N same-site links of the page (default 0)
  --json FILE          write the full report as JSON
  --html FILE          write a self-contained HTML report
  --suggest-config     print a "categories" config fragment declaring every cookie seen
                       (on stdout; the summary then goes to stderr)
  --fail-on LEVEL      exit 1 on a finding of this severity or worse: error (default), warning, never
  --browser PATH       the Chrome or Chromium to use (default: CHROME_PATH, then the installed one)
  --browser-arg=FLAG   an extra Chromium flag, for instance --browser-arg=--proxy-server=HOST:PORT
                       (repeatable; write it with "=", as the flag starts with a dash)
  --first-party HOST   a host that belongs to the site besides the page's own (repeatable)
  --send-consent-log   let the element's consent-log requests reach the site's log (by default
                       the audit answers them itself, so its choices are not recorded as consents)
  --help, --version

Exit codes: 0 no finding at or above --fail-on, 1 at least one, 2 the site could not be audited.`;

const FAIL_ON = ['error', 'warning', 'never'];

/** Reads the arguments: `{ options }`, or `{ problem }` (one sentence), or `{ help }`/`{ version }`. */
export function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        pages: { type: 'string' },
        json: { type: 'string' },
        html: { type: 'string' },
        'suggest-config': { type: 'boolean' },
        'fail-on': { type: 'string' },
        browser: { type: 'string' },
        'browser-arg': { type: 'string', multiple: true },
        'first-party': { type: 'string', multiple: true },
        'send-consent-log': { type: 'boolean' },
        help: { type: 'boolean' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    return { problem: error.message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (values.version) return { version: true };
  if (positionals.length !== 1) return { problem: positionals.length ? `Give one URL, not ${positionals.length}.` : 'Give the URL to audit.' };
  const pages = values.pages === undefined ? 0 : /^\d{1,3}$/.test(values.pages) ? Number(values.pages) : NaN;
  if (!(pages >= 0 && pages <= 100)) return { problem: `--pages must be a whole number from 0 to 100, not ${values.pages}.` };
  const failOn = values['fail-on'] ?? 'error';
  if (!FAIL_ON.includes(failOn)) return { problem: `--fail-on must be one of ${FAIL_ON.join(', ')}, not ${failOn}.` };
  return {
    options: {
      url: positionals[0],
      pages,
      json: values.json,
      html: values.html,
      suggestConfig: values['suggest-config'] ?? false,
      failOn,
      browserPath: values.browser,
      browserArgs: values['browser-arg'] ?? [],
      firstPartyHosts: values['first-party'] ?? [],
      sendConsentLog: values['send-consent-log'] ?? false,
    },
  };
}

/** Runs the command; resolves the exit code. `io` holds `stdout` and `stderr` writers (for tests). */
export async function main(argv, io = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) }) {
  const command = parseCommandLine(argv);
  if (command.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (command.version) {
    io.stdout(`${TOOL.version}\n`);
    return EXIT.ok;
  }
  if (command.problem) {
    io.stderr(`consent-manager-audit: ${command.problem}\n\n${USAGE}\n`);
    return EXIT.notAudited;
  }
  const { options } = command;
  let report;
  try {
    report = await runAudit({ ...options, progress: (line) => io.stderr(`${line}\n`) });
  } catch (error) {
    const sentence = error instanceof AuditError ? error.message : `unexpected failure: ${error?.stack ?? error}`;
    io.stderr(`consent-manager-audit: the site could not be audited: ${sentence}\n`);
    return EXIT.notAudited;
  }
  const summary = formatText(report);
  if (options.suggestConfig) {
    const { fragment, problems, notes } = suggestConfig(report);
    io.stderr(summary);
    for (const problem of problems) io.stderr(`suggested config: ${problem}\n`);
    for (const note of notes) io.stderr(`suggested config: ${note}\n`);
    io.stdout(`${JSON.stringify(fragment, null, 2)}\n`);
  } else {
    io.stdout(summary);
  }
  try {
    if (options.json) {
      // Screenshots are for people: the HTML report has them; the JSON keeps their labels only.
      await writeFile(options.json, `${JSON.stringify(report, (key, value) => (key === 'dataUrl' ? undefined : value), 2)}\n`);
      io.stderr(`JSON report written to ${options.json}\n`);
    }
    if (options.html) {
      await writeFile(options.html, formatHtml(report));
      io.stderr(`HTML report written to ${options.html}\n`);
    }
  } catch (error) {
    io.stderr(`consent-manager-audit: could not write the report: ${error.message}\n`);
    return EXIT.notAudited;
  }
  return failsAt(report.findings, options.failOn) ? EXIT.findings : EXIT.ok;
}
