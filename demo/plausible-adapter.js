// A custom adapter: Plausible Analytics, which sets no cookies. The README shows this file, and
// test/adapters/custom-adapter.test.ts tests it.

/** @returns {import('consent-manager-element').ConsentAdapter} */
export function plausible({ category = 'analytics', src = 'https://plausible.io/js/script.js' } = {}) {
  let context = null;
  let loaded = false;
  return {
    id: 'plausible',
    cookies: [],
    start(given, consent) {
      context = given;
      if (consent.categories[category]) {
        loaded = true;
        context.loadScript(src);
      }
    },
    update(consent) {
      if (consent.categories[category] && !loaded) {
        loaded = true;
        context.loadScript(src);
      }
      // A script cannot be unloaded: ask for a reload when its category was withdrawn.
      return { reloadRecommended: loaded && !consent.categories[category] && consent.changed.includes(category) };
    },
  };
}
