// Every page of the Parley demo loads this module before the consent manager's bundle, so that
// all of it is in place when the element starts: the site's config, the Trusted Types policy the
// vendors' loaders need, the event panel's listeners, and the visitor's remembered theme and
// language. (No top-level await: the bundle after this module must not wait for it.)
import { SITE_CONFIG } from './config.js';
import { createEventPanel, watchDataLayer } from './event-panel.js';
import { createDefaultPolicy } from './trusted-types.js';

createDefaultPolicy();

const manager = document.querySelector('consent-manager');
// The element is not upgraded yet: it picks the property up when it is, before it starts.
manager.config = SITE_CONFIG;

const panel = createEventPanel();

watchDataLayer((entry) => panel.addDataLayerEntry(entry));

// ---- Theme and language: switchers in the header, remembered only with "preferences" -------

const THEMES = ['light', 'dark', 'auto'];
const RIGHT_TO_LEFT = /^(ar|he)\b/;
const PREFERENCE_COOKIES = { theme: 'parley_theme', language: 'parley_lang' };
const YEAR_IN_SECONDS = 365 * 24 * 60 * 60;

function readCookie(name) {
  const prefix = `${name}=`;
  const found = document.cookie.split('; ').find((part) => part.startsWith(prefix));
  return found ? decodeURIComponent(found.slice(prefix.length)) : null;
}

function writeCookie(name, value) {
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${YEAR_IN_SECONDS}; SameSite=Lax${secure}`;
}

/** The languages the switcher offers, each named in itself. */
const SWITCHER_LANGUAGES = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español', pl: 'Polski', ar: 'العربية', he: 'עברית', ja: '日本語' };
const SWITCHER_THEMES = { auto: 'Automatic', light: 'Light', dark: 'Dark' };

/** A labelled `<select>`; `lang` marks each option written in its own language. */
function switcher(label, id, options, { lang = false } = {}) {
  const select = document.createElement('select');
  select.id = id;
  for (const [value, text] of Object.entries(options)) {
    const option = new Option(text, value);
    if (lang) option.lang = value;
    select.append(option);
  }
  const wrapper = document.createElement('label');
  wrapper.append(`${label} `, select);
  return wrapper;
}

document
  .querySelector('.site-settings')
  ?.append(switcher('Consent language', 'language-switcher', SWITCHER_LANGUAGES, { lang: true }), switcher('Theme', 'theme-switcher', SWITCHER_THEMES));

const themeSwitcher = document.getElementById('theme-switcher');
const languageSwitcher = document.getElementById('language-switcher');
const languages = new Set(Array.from(languageSwitcher?.options ?? [], (option) => option.value));

function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
  // Cookie tables and embed placeholders follow the element's theme.
  manager.setAttribute('theme', theme);
  if (themeSwitcher) themeSwitcher.value = theme;
}

/** The consent UI's language: the element's own `lang`. The site's pages themselves stay English. */
function applyLanguage(language) {
  manager.setAttribute('lang', language);
  if (languageSwitcher) languageSwitcher.value = language;
  // The banner sits at the inline end of its own direction; the panel keeps to the other corner.
  panel.dockAt(RIGHT_TO_LEFT.test(language) ? 'end' : 'start');
}

/** Whether the visitor allowed "preferences"; false until the element has applied the stored choice. */
const preferencesAllowed = () => typeof manager.isAllowed === 'function' && manager.isAllowed('preferences');

/** Writes the current theme and language, when allowed; a default value is written only over an earlier choice. */
function remember() {
  if (!preferencesAllowed()) return;
  const current = { theme: [document.documentElement.dataset.theme, 'auto'], language: [manager.getAttribute('lang'), 'en'] };
  for (const [key, [value, fallback]] of Object.entries(current)) {
    const name = PREFERENCE_COOKIES[key];
    if (value !== fallback || readCookie(name) !== null) writeCookie(name, value ?? fallback);
  }
}

// A cookie is there only if "preferences" was allowed when it was written: the element expires
// the category's declared cookies when the visitor withdraws it.
const storedTheme = readCookie(PREFERENCE_COOKIES.theme);
const storedLanguage = readCookie(PREFERENCE_COOKIES.language);
applyTheme(THEMES.includes(storedTheme) ? storedTheme : 'auto');
applyLanguage(languages.has(storedLanguage) ? storedLanguage : 'en');

themeSwitcher?.addEventListener('change', () => {
  applyTheme(themeSwitcher.value);
  remember();
});
languageSwitcher?.addEventListener('change', () => {
  applyLanguage(languageSwitcher.value);
  remember();
});

// Allowing "preferences" after choosing a theme keeps that theme for the next visit.
window.addEventListener('consent-change', (event) => {
  if (event.detail.changed.includes('preferences') && event.detail.categories.preferences) remember();
});
