// The demo's own page script: shows the consent state and every consent event.
const element = document.querySelector('consent-manager');
const log = document.getElementById('event-log');
const status = document.getElementById('consent-status');

function addLogEntry(name, detail) {
  const item = document.createElement('li');
  const title = document.createElement('strong');
  title.textContent = name;
  const body = document.createElement('code');
  body.textContent = JSON.stringify(detail);
  item.append(title, ' ', body);
  log.prepend(item);
}

function showState() {
  status.replaceChildren();
  for (const [category, allowed] of Object.entries(element.consent)) {
    const term = document.createElement('dt');
    term.textContent = category;
    const value = document.createElement('dd');
    value.textContent = allowed ? 'allowed' : 'denied';
    value.className = allowed ? 'allowed' : 'denied';
    status.append(term, value);
  }
}

for (const name of ['consent-ready', 'consent-change', 'consent-ui-show', 'consent-ui-hide']) {
  window.addEventListener(name, (event) => {
    const { categories, source, changed, decided, reloadRecommended, view } = event.detail;
    addLogEntry(name, view ? { view } : { categories, decided, ...(source ? { source, changed, reloadRecommended } : {}) });
    showState();
  });
}

const actions = {
  acceptAll: () => element.acceptAll(),
  rejectAll: () => element.rejectAll(),
  analyticsOnly: () => element.save({ analytics: true, marketing: false }),
  reset: () => element.reset(),
  showBanner: () => element.showBanner(),
  showPreferences: () => element.showPreferences(),
};

// The element follows the page's language, theme and layout at run time.
document.getElementById('language')?.addEventListener('change', (event) => {
  document.documentElement.lang = event.target.value;
});
document.getElementById('theme')?.addEventListener('change', (event) => {
  element.theme = event.target.value;
});
document.getElementById('layout')?.addEventListener('change', (event) => {
  element.layout = event.target.value;
});
document.addEventListener('click', (event) => {
  const action = event.target instanceof Element ? event.target.closest('[data-action]')?.getAttribute('data-action') : null;
  if (action && actions[action]) actions[action]();
});

// No top-level await: the bundle after this module must not wait for it.
customElements
  .whenDefined('consent-manager')
  .then(() => element.ready)
  .then(showState)
  .catch((error) => console.error(error));
