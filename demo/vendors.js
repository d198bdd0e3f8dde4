// The vendors demo page: the consent events (adapter events included), the data layer, and a
// custom adapter given from code (demo/plausible-adapter.js, with a local stand-in script).
import { plausible } from './plausible-adapter.js';

const element = document.querySelector('consent-manager');
const log = document.getElementById('event-log');
const status = document.getElementById('consent-status');
const dataLayerList = document.getElementById('data-layer');

element.adapters = [plausible({ src: '/vendor/fake-analytics.js' })];

function addLogEntry(name, detail) {
  const item = document.createElement('li');
  const title = document.createElement('strong');
  title.textContent = name;
  const body = document.createElement('code');
  body.textContent = JSON.stringify(detail);
  item.append(title, ' ', body);
  log.prepend(item);
}

function describeEntry(entry) {
  const values = Object.prototype.toString.call(entry) === '[object Arguments]' ? ['gtag', ...Array.from(entry)] : [entry];
  return values.map((value) => (value instanceof Date ? 'new Date()' : JSON.stringify(value))).join(', ');
}

function show() {
  status.replaceChildren();
  for (const [category, allowed] of Object.entries(element.consent)) {
    const term = document.createElement('dt');
    term.textContent = category;
    const value = document.createElement('dd');
    value.textContent = allowed ? 'allowed' : 'denied';
    value.className = allowed ? 'allowed' : 'denied';
    status.append(term, value);
  }
  dataLayerList.replaceChildren(
    ...(window.dataLayer ?? []).map((entry) => {
      const item = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = describeEntry(entry);
      item.append(code);
      return item;
    }),
  );
}

for (const name of ['consent-ready', 'consent-change', 'consent-adapter-load', 'consent-adapter-error']) {
  window.addEventListener(name, (event) => {
    const { categories, source, changed, reloadRecommended, id, reason, src } = event.detail;
    addLogEntry(name, id ? { id, ...(reason ? { reason } : {}), src } : { categories, ...(source ? { source, changed, reloadRecommended } : {}) });
    // The adapters push to the data layer in the same task as the event; show it after them.
    setTimeout(show);
  });
}

const actions = {
  acceptAll: () => element.acceptAll(),
  rejectAll: () => element.rejectAll(),
  analyticsOnly: () => element.save({ analytics: true, marketing: false }),
  reset: () => element.reset(),
};
document.addEventListener('click', (event) => {
  const action = event.target instanceof Element ? event.target.closest('[data-action]')?.getAttribute('data-action') : null;
  if (action && actions[action]) actions[action]();
});
