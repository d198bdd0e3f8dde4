// A web-test-runner reporter for finding where the browser suites spend their time: with
// WTR_TIMINGS=<file> set, it writes each test file's wall time per browser (from the moment its
// page is being opened to the moment it is finished), slowest first. Prints nothing.
import { writeFileSync } from 'node:fs';

/** @returns {import('@web/test-runner').Reporter} */
export function timingsReporter(file) {
  const started = new Map();
  const rows = [];
  return {
    start({ sessions }) {
      sessions.on('session-status-updated', (session) => {
        if (session.status === 'INITIALIZING') started.set(session.id, Date.now());
        if (session.status === 'FINISHED' && started.has(session.id)) {
          rows.push({ browser: session.browser.name, file: session.testFile.replace(`${process.cwd()}/`, ''), ms: Date.now() - started.get(session.id), passed: session.passed });
        }
      });
    },
    stop() {
      rows.sort((a, b) => b.ms - a.ms);
      writeFileSync(file, `${JSON.stringify(rows, null, 1)}\n`);
    },
  };
}
