// The developers page: the site's config plus Google Tag Manager, a custom adapter given from
// code (demo/plausible-adapter.js, with a local stand-in script), the page's state, the API
// buttons, and the configuration and Content Security Policy the page runs under. Loaded after
// demo/site.js, so it extends the config site.js set before the element starts.
import { SITE_CONFIG } from './config.js';
import { plausible } from './plausible-adapter.js';

const manager = document.querySelector('consent-manager');
const config = { ...SITE_CONFIG, adapters: { ...SITE_CONFIG.adapters, 'google-tag-manager': { containerId: 'GTM-DEMO123' } } };
manager.config = config;
manager.adapters = [plausible({ src: '/vendor/fake-analytics.js' })];

document.getElementById('config-source').textContent = JSON.stringify(config, null, 2);

// The policy this very page was served with, as the server sent it.
fetch(location.href, { method: 'HEAD', cache: 'no-store' })
  .then((response) => {
    const policy = response.headers.get('content-security-policy');
    document.getElementById('csp-source').textContent = policy ? policy.split('; ').join(';\n') : '(none: this server sends no policy)';
  })
  .catch(() => {
    document.getElementById('csp-source').textContent = '(could not be read)';
  });

const status = document.getElementById('consent-status');

function showState() {
  status.replaceChildren();
  for (const [category, allowed] of Object.entries(manager.consent)) {
    const term = document.createElement('dt');
    term.textContent = category;
    const value = document.createElement('dd');
    value.textContent = allowed ? 'allowed' : 'denied';
    value.className = allowed ? 'allowed' : 'denied';
    status.append(term, value);
  }
}
window.addEventListener('consent-ready', showState);
window.addEventListener('consent-change', showState);

const actions = {
  acceptAll: () => manager.acceptAll(),
  rejectAll: () => manager.rejectAll(),
  analyticsOnly: () => manager.save({ analytics: true }),
  reset: () => manager.reset(),
  showBanner: () => manager.showBanner(),
  showPreferences: () => manager.showPreferences(),
};
document.addEventListener('click', (event) => {
  const action = event.target instanceof Element ? event.target.closest('[data-action]')?.getAttribute('data-action') : null;
  if (action && actions[action]) actions[action]();
});
