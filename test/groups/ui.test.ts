// These ui test files, run in one page per engine rather than one page each (test/groups/adapters.test.ts
// says why). Not here, because they assert what a fresh page has never fetched, or need its first
// language: headless, preferences-dialog, placeholder and consent-manager.test.ts (UI chunks never
// requested), server-render.test.ts (served banners adopted in every language from a fresh page), and
// fuzz.test.ts (long, and easier to replay alone with its seed).
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
import '../ui/prototype-ids.test.js';
import '../ui/show-hide.test.js';
import '../ui/tab-sync-storage.test.js';
import '../ui/theme.test.js';
import '../ui/view-state.test.js';
