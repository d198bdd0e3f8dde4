// Records the element's events for the end-to-end tests, and sets reload-on-revoke when the URL asks.
window.events = [];
for (const name of ['consent-ready', 'consent-change', 'consent-adapter-load', 'consent-adapter-error']) {
  document.addEventListener(name, (event) => {
    const { instance, ...detail } = event.detail;
    window.events.push({ name, ...detail, ...(instance ? { instance: true } : {}) });
  });
}
if (new URLSearchParams(location.search).has('reload')) document.querySelector('consent-manager').setAttribute('reload-on-revoke', '');
