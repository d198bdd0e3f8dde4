// The adapter test files, run in one page per engine rather than one page each. Every one of them
// clears storage and vendor globals around each test (isolateAdapterTests in test/helpers/adapters.ts),
// so a fresh browser context adds nothing but its cost: about 2 s per file per engine on this
// 2-core machine, where the tests themselves take well under that (README, "Test suite").
// Not here: stripe.test.ts, because @stripe/stripe-js loads Stripe.js once per page. For the
// same reason clobbering.test.ts, which loads it too, stays first.
import '../adapters/clobbering.test.js';
import '../adapters/config-replacement.test.js';
import '../adapters/consent-mode-categories.test.js';
import '../adapters/custom-adapter.test.js';
import '../adapters/google-ads.test.js';
import '../adapters/google-analytics.test.js';
import '../adapters/google-tag-manager.test.js';
import '../adapters/hotjar.test.js';
import '../adapters/linkedin-insight.test.js';
import '../adapters/matomo.test.js';
import '../adapters/meta-pixel.test.js';
import '../adapters/microsoft-clarity.test.js';
import '../adapters/microsoft-uet.test.js';
import '../adapters/options.test.js';
import '../adapters/paddle.test.js';
import '../adapters/partners.test.js';
import '../adapters/posthog.test.js';
import '../adapters/tiktok-pixel.test.js';
