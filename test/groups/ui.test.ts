// These ui test files, run in one page per engine rather than one page each (test/groups/adapters.test.ts
// says why). Not here: headless, preferences-dialog and placeholder.test.ts, which assert that a
// fresh page never requested a UI chunk; show-hide.test.ts, whose first test runs before the UI's
// chunks have ever loaded; consent-manager.test.ts, whose blocked-storage test
// failed in WebKit after the others; and fuzz.test.ts, long, and easier to replay alone with its
// seed. server-render.test.ts is here since a removed element no longer picks the page's language
// (src/ui/controllers/language-controller.ts): in one page with hostile-text.test.ts, whose cookie
// table and manager were gone, it found that bug.
import '../ui/banner-partners.test.js';
import '../ui/banner.test.js';
import '../ui/consent-cookie-table.test.js';
import '../ui/consent-log.test.js';
import '../ui/cookie-declarations.test.js';
import '../ui/discoverable-banner.test.js';
import '../ui/forced-colors.test.js';
import '../ui/forged-choice.test.js';
import '../ui/gating-element.test.js';
import '../ui/hostile-text.test.js';
import '../ui/large-config.test.js';
import '../ui/list-format.test.js';
import '../ui/prototype-ids.test.js';
import '../ui/tab-sync-storage.test.js';
import '../ui/theme.test.js';
import '../ui/view-state.test.js';
import '../ui/server-render.test.js';
