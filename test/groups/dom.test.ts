// These dom test files, run in one page per engine rather than one page each: each test clears the
// storage and removes the elements it made, so a fresh browser context per file adds only its
// cost (test/groups/adapters.test.ts says why that matters).
// Not here, because they assert what a fresh page has never fetched or run: declared-cookies.test.ts
// (the adapter runner chunk is never requested) and gating-trust.test.ts (the first script of the page).
import '../dom/adapter-runner.test.js';
import '../dom/browser-storage.test.js';
import '../dom/consent-defaults.test.js';
import '../dom/consent-log-client.test.js';
import '../dom/cookies.test.js';
import '../dom/core-storage.test.js';
import '../dom/gating.test.js';
import '../dom/load-script.test.js';
import '../dom/tab-sync.test.js';
