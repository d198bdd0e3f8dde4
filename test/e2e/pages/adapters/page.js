// Records the element's events for the end-to-end tests, and sets reload-on-revoke when the URL asks.
window.events = [];
for (const name of ['consent-ready', 'consent-change', 'consent-adapter-load', 'consent-adapter-error']) {
  document.addEventListener(name, (event) => {
    const { instance, ...detail } = event.detail;
    window.events.push({ name, ...detail, ...(instance ? { instance: true } : {}) });
  });
}
const params = new URLSearchParams(location.search);
if (params.has('reload')) document.querySelector('consent-manager').setAttribute('reload-on-revoke', '');

// The Segment adapter with its default ids (the site's `analytics` and `marketing`), which the
// fixture's workspace (`Analytics`, `Advertising`) does not have.
if (params.has('segment-unmapped')) {
  const json = document.querySelector('consent-manager script[type="application/json"]');
  const config = JSON.parse(json.textContent);
  delete config.adapters.segment.categoryPreferences;
  json.textContent = JSON.stringify(config);
}

// Records every analytics.reset() call, and on which object. The spy sits on the window property
// rather than on one object: analytics.js replaces the snippet's buffer with its own instance,
// whose methods are bound copies on the instance, so a spy on the buffer or on the prototype
// would never see the call that matters.
if (params.has('spy-segment-reset')) {
  window.segmentResets = [];
  let analytics;
  Object.defineProperty(window, 'analytics', {
    configurable: true,
    get: () => analytics,
    set(value) {
      analytics = value;
      if (typeof value?.reset !== 'function') return;
      const reset = value.reset;
      value.reset = function (...args) {
        window.segmentResets.push(Array.isArray(this) ? 'buffer' : 'analytics.js');
        return reset.apply(this, args);
      };
    },
  });
}
