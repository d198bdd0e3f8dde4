// The one consent configuration of the whole Parley site. Every page's script sets it as the
// element's `config` before the element starts (demo/site.js), so the pages cannot drift apart.
// The vendor ids and keys are obviously fake test values: nothing is ever sent to a real account.

export const SITE_CONFIG = {
  revision: 1,
  policyUrl: '/cookies.html',
  // Each decision goes to the consent log that `npm start` runs beside the demo (its dashboard shows them).
  consentLog: { endpoint: 'http://localhost:8787/v1/records' },
  categories: [
    {
      id: 'necessary',
      required: true,
      label: { en: 'Strictly necessary' },
      description: { en: 'Sign-in, security, and remembering this choice. The site cannot work without them, so they are always on.' },
      cookies: [
        { name: 'parley_session', party: 'first', purpose: 'Keeps you signed in to the Parley app', lifetime: 'session' },
        { name: 'consent', party: 'first', purpose: 'Remembers the cookie choice you make here', lifetime: '6 months' },
      ],
    },
    {
      id: 'analytics',
      label: { en: 'Performance and analytics' },
      description: { en: 'Counts visits and where they come from, so we can see which pages help and which pages are slow (Google Analytics, Segment).' },
    },
    {
      id: 'marketing',
      description: { en: 'Measures whether our ads work and lets us show Parley ads to people who visited us (Meta Pixel).' },
    },
    {
      id: 'preferences',
      description: { en: 'Remembers the theme and the language you pick in the header, for your next visit.' },
      cookies: [
        { name: 'parley_theme', party: 'first', purpose: 'Remembers light, dark or automatic theme', lifetime: '1 year' },
        { name: 'parley_lang', party: 'first', purpose: 'Remembers the language of the cookie notice', lifetime: '1 year' },
      ],
    },
    {
      id: 'payments',
      description: { en: 'Loads Stripe, our card processor, which sets cookies to detect fraud. Only the checkout needs it.' },
    },
  ],
  adapters: {
    'google-analytics': { measurementId: 'G-PARLEYDEMO0' },
    'meta-pixel': { pixelId: '000000000000001' },
    // Segment's consent category ids, as its Consent Management names them, to ours.
    segment: { writeKey: 'parleyDemoWriteKey0000', categoryPreferences: { Analytics: 'analytics', Advertising: 'marketing' } },
    stripe: { publishableKey: 'pk_test_parleyDemoOnly0000', category: 'payments' },
  },
};
