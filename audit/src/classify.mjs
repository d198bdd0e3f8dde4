// What a cookie or storage key is: by the site's own declarations (through the element's config
// and its adapters) and by the Open Cookie Database.
import { readFileSync } from 'node:fs';
import { categorizedDeclarations, findDeclaration, ownStorageKeys } from 'consent-manager-element/core';

let database;

/** The Open Cookie Database, loaded once: exact names by name, prefixes (wildcard rows) longest first. */
function openCookieDatabase() {
  if (database) return database;
  const { columns, entries } = JSON.parse(readFileSync(new URL('../data/open-cookie-database.json', import.meta.url), 'utf8'));
  const rows = entries.map((values) => Object.fromEntries(columns.map((column, index) => [column, values[index]])));
  const exact = new Map();
  for (const row of rows) if (!row.wildcard && !exact.has(row.name)) exact.set(row.name, row);
  const prefixes = rows.filter((row) => row.wildcard).sort((a, b) => b.name.length - a.name.length);
  database = { exact, prefixes };
  return database;
}

/**
 * The Open Cookie Database's entry for a cookie or key name: `{ platform, category, description,
 * retention, controller }`, or null. An exact name wins over the longest matching prefix.
 */
export function lookUpDatabase(name) {
  const { exact, prefixes } = openCookieDatabase();
  const row = exact.get(name) ?? prefixes.find((candidate) => name.startsWith(candidate.name));
  if (!row) return null;
  return { platform: row.platform, category: row.category, description: row.description, retention: row.retention, controller: row.controller };
}

/** The database's categories that may be set without consent when a site declares nothing. */
const EXEMPT_DATABASE_CATEGORIES = new Set(['Necessary', 'Security', 'Functional']);
/** The database's categories that never belong under a required category. */
export const CONSENT_ONLY_DATABASE_CATEGORIES = new Set(['Marketing', 'Analytics']);

/** Consent managers' own cookies that the database does not list: a choice needs to be stored. */
const KNOWN_CONSENT_COOKIES = new Set(['cc_cookie', 'klaro', 'cookieyes-consent']);

/**
 * How to read one page's cookies: with `<consent-manager>`, its configuration and its adapters'
 * declarations; without, only the database. `manager` is what the page reported, or null.
 */
export function createClassifier(manager) {
  const config = manager?.config ?? null;
  const declarations = config ? categorizedDeclarations(config, manager.adapterCookies ?? []) : [];
  const required = new Set(config ? config.categories.filter((category) => category.required).map((category) => category.id) : []);
  const consentCookie = config?.storage?.cookieName;
  // The element's own cookie and the localStorage keys it names, declared as its cookie tables
  // declare them: under the first required category, unless the site declared them itself.
  const ownNames = new Set(consentCookie ? [consentCookie, ...ownStorageKeys(consentCookie)] : []);
  const firstRequired = config?.categories.find((category) => category.required)?.id;
  const choiceCookies = new Set();

  return {
    hasDeclarations: Boolean(config),
    declarations,
    requiredCategories: required,
    optionalCategories: config ? config.categories.filter((category) => !category.required).map((category) => category.id) : [],
    /** The declaration describing `name`, with its category, or undefined. */
    declarationOf: (name) => findDeclaration(declarations, name) ?? (ownNames.has(name) && firstRequired ? { name, party: 'first', category: firstRequired, provider: 'consent-manager' } : undefined),
    /**
     * Whether `name` may be there without consent: declared under a required category, or the
     * consent manager's own record. Without declarations, the database decides.
     */
    isRequired(name) {
      if (config) {
        if (name === consentCookie) return true;
        const declaration = findDeclaration(declarations, name);
        return declaration === undefined ? ownNames.has(name) : required.has(declaration.category);
      }
      if (KNOWN_CONSENT_COOKIES.has(name) || choiceCookies.has(name)) return true;
      const entry = lookUpDatabase(name);
      return entry !== null && EXEMPT_DATABASE_CATEGORIES.has(entry.category);
    },
    /** Names another consent manager was seen storing the visitor's choice in: they may stay after a refusal. */
    addConsentCookies(names) {
      for (const name of names) choiceCookies.add(name);
    },
    /** Hosts the required categories declare (`domain` of their cookies), which may be contacted before consent. */
    isDeclaredRequiredHost(host) {
      return declarations.some(({ category, domain }) => {
        if (!domain || !required.has(category)) return false;
        const bare = domain.replace(/^\./, '').toLowerCase();
        return host === bare || host.endsWith(`.${bare}`);
      });
    },
  };
}
