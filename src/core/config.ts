/**
 * The site's configuration: its categories in its own words, how the choice is stored, and how
 * consent defaults are decided. `parseConfig` never throws: it returns a usable configuration
 * together with every problem it found, each named by the path of the bad field.
 */

export const CONSENT_MODES = ['opt-in', 'opt-out'] as const;
/** `opt-in`: optional categories start denied. `opt-out`: they start allowed until the visitor objects. */
export type ConsentMode = (typeof CONSENT_MODES)[number];

export const COOKIE_PARTIES = ['first', 'third'] as const;
export type CookieParty = (typeof COOKIE_PARTIES)[number];

/** A text given once for every language, or per language tag: `{ "en": "Analytics", "de": "Analyse" }`. */
export type LocalizedText = string | Readonly<Record<string, string>>;

/** One cookie (or storage key) a category sets, as shown to visitors in the cookie tables. */
export interface CookieDeclaration {
  /** The exact name, for instance `_ga`. Exactly one of `name` and `pattern` is given. */
  readonly name?: string;
  /** A regular expression source for families of names, for instance `^_ga_`. */
  readonly pattern?: string;
  /** The domain it is set on; the site's own host when omitted. */
  readonly domain?: string;
  /** Whether the site itself (`first`) or another company (`third`) sets it. */
  readonly party: CookieParty;
  /** Who sets it, for instance `Google Analytics`. */
  readonly provider?: string;
  readonly purpose?: LocalizedText;
  /** How long it lives, in the visitor's words: `2 years`, `session`. */
  readonly lifetime?: LocalizedText;
}

export interface CategoryConfig {
  /** Lowercase identifier used in markup (`data-consent="analytics"`), events and the stored record. */
  readonly id: string;
  /** Required categories are always on and cannot be refused. */
  readonly required: boolean;
  readonly label?: LocalizedText;
  readonly description?: LocalizedText;
  readonly cookies: readonly CookieDeclaration[];
}

export interface StorageConfig {
  /** Name of the first-party cookie (and localStorage key) that holds the record. */
  readonly cookieName: string;
  /** Set to the registrable domain (`example.com`) to share the choice across subdomains. */
  readonly domain?: string;
  readonly path: string;
  /** Days before the visitor is asked again; at most 395 (13 months). */
  readonly expiresDays: number;
}

export interface ConsentConfig {
  readonly categories: readonly CategoryConfig[];
  /** Raise it when the policy changes materially: records given under another revision ask again. */
  readonly revision: number;
  readonly storage: StorageConfig;
  readonly mode: ConsentMode;
  /** Categories that Global Privacy Control turns off. */
  readonly gpcDenies: readonly string[];
  /** The language used when neither the element, the page nor the browser names a shipped one. */
  readonly language: string;
}

/** One problem found in a configuration. */
export interface ConfigError {
  /** Where the bad field is, for instance `categories[1].cookies[0].party`. */
  readonly path: string;
  readonly message: string;
}

export interface ConfigResult {
  /** Always usable: invalid parts are replaced by their defaults or dropped. */
  readonly config: ConsentConfig;
  readonly errors: readonly ConfigError[];
}

export const MAX_EXPIRES_DAYS = 395;
export const DEFAULT_EXPIRES_DAYS = 182;
export const CATEGORY_ID_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;
const LANGUAGE_TAG_PATTERN = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/;

/** Whether `value` is a language tag the record can hold, such as `en`, `pt-BR` or `zh-Hans-CN`. */
export function isLanguageTag(value: unknown): value is string {
  return typeof value === 'string' && LANGUAGE_TAG_PATTERN.test(value);
}
// The characters RFC 6265 allows in a cookie name that are also safe as a localStorage key.
const COOKIE_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const DOMAIN_PATTERN = /^\.?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const PATH_PATTERN = /^\/[\x21-\x3a\x3c-\x7e]*$/;

/** The categories used when a configuration names none: the ones most cookie policies describe. */
export const DEFAULT_CATEGORIES: readonly CategoryConfig[] = Object.freeze([
  { id: 'necessary', required: true, cookies: [] },
  { id: 'preferences', required: false, cookies: [] },
  { id: 'analytics', required: false, cookies: [] },
  { id: 'marketing', required: false, cookies: [] },
]);

export const DEFAULT_CONFIG: ConsentConfig = Object.freeze({
  categories: DEFAULT_CATEGORIES,
  revision: 0,
  storage: Object.freeze({ cookieName: 'consent', path: '/', expiresDays: DEFAULT_EXPIRES_DAYS }),
  mode: 'opt-in',
  gpcDenies: Object.freeze(['marketing']),
  language: 'en',
});

/**
 * Top-level fields other parts of the product read. They are accepted here so that a config
 * written for the whole product validates; the parts that use them check their contents.
 */
const PASS_THROUGH_FIELDS = new Set(['$schema', 'adapters', 'texts', 'policyUrl']);

type UnknownRecord = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

class ErrorCollector {
  readonly errors: ConfigError[] = [];

  add(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  unknownFields(value: UnknownRecord, path: string, known: ReadonlySet<string>): void {
    for (const key of Object.keys(value)) {
      if (!known.has(key)) this.add(join(path, key), 'is not a known field');
    }
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function readLocalizedText(value: unknown, path: string, errors: ErrorCollector): LocalizedText | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (!isRecord(value)) {
    errors.add(path, `must be a string or an object of language tag to string, got ${describe(value)}`);
    return undefined;
  }
  const texts: Record<string, string> = {};
  let valid = true;
  for (const [language, text] of Object.entries(value)) {
    if (!LANGUAGE_TAG_PATTERN.test(language)) {
      errors.add(join(path, language), 'is not a language tag such as "en" or "pt-BR"');
      valid = false;
    } else if (typeof text !== 'string') {
      errors.add(join(path, language), `must be a string, got ${describe(text)}`);
      valid = false;
    } else {
      texts[language.toLowerCase()] = text;
    }
  }
  return valid ? Object.freeze(texts) : undefined;
}

const COOKIE_FIELDS = new Set(['name', 'pattern', 'domain', 'party', 'provider', 'purpose', 'lifetime']);

function readCookie(value: unknown, path: string, errors: ErrorCollector): CookieDeclaration | undefined {
  if (!isRecord(value)) {
    errors.add(path, `must be an object, got ${describe(value)}`);
    return undefined;
  }
  const before = errors.errors.length;
  errors.unknownFields(value, path, COOKIE_FIELDS);
  const { name, pattern, domain, party, provider } = value;
  if ((name === undefined) === (pattern === undefined)) {
    errors.add(path, 'needs exactly one of "name" and "pattern"');
  }
  if (name !== undefined && (typeof name !== 'string' || name === '')) {
    errors.add(join(path, 'name'), `must be a non-empty string, got ${describe(name)}`);
  }
  if (pattern !== undefined) {
    if (typeof pattern !== 'string' || pattern === '') {
      errors.add(join(path, 'pattern'), `must be a non-empty string, got ${describe(pattern)}`);
    } else {
      try {
        new RegExp(pattern);
      } catch {
        errors.add(join(path, 'pattern'), `is not a valid regular expression: ${describe(pattern)}`);
      }
    }
  }
  if (domain !== undefined && (typeof domain !== 'string' || !DOMAIN_PATTERN.test(domain))) {
    errors.add(join(path, 'domain'), `must be a domain name, got ${describe(domain)}`);
  }
  if (!COOKIE_PARTIES.includes(party as CookieParty)) {
    errors.add(join(path, 'party'), `must be "first" or "third", got ${describe(party)}`);
  }
  if (provider !== undefined && typeof provider !== 'string') {
    errors.add(join(path, 'provider'), `must be a string, got ${describe(provider)}`);
  }
  const purpose = readLocalizedText(value.purpose, join(path, 'purpose'), errors);
  const lifetime = readLocalizedText(value.lifetime, join(path, 'lifetime'), errors);
  if (errors.errors.length > before) return undefined;
  return Object.freeze({
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof pattern === 'string' ? { pattern } : {}),
    ...(typeof domain === 'string' ? { domain } : {}),
    party: party as CookieParty,
    ...(typeof provider === 'string' ? { provider } : {}),
    ...(purpose !== undefined ? { purpose } : {}),
    ...(lifetime !== undefined ? { lifetime } : {}),
  });
}

const CATEGORY_FIELDS = new Set(['id', 'required', 'label', 'description', 'cookies']);

function readCategory(value: unknown, path: string, errors: ErrorCollector): CategoryConfig | undefined {
  if (!isRecord(value)) {
    errors.add(path, `must be an object, got ${describe(value)}`);
    return undefined;
  }
  const before = errors.errors.length;
  errors.unknownFields(value, path, CATEGORY_FIELDS);
  const { id, required = false, cookies = [] } = value;
  if (typeof id !== 'string' || !CATEGORY_ID_PATTERN.test(id)) {
    errors.add(join(path, 'id'), `must be lowercase letters, digits, "-" or "_", starting with a letter, got ${describe(id)}`);
  }
  if (typeof required !== 'boolean') {
    errors.add(join(path, 'required'), `must be true or false, got ${describe(required)}`);
  }
  const label = readLocalizedText(value.label, join(path, 'label'), errors);
  const description = readLocalizedText(value.description, join(path, 'description'), errors);
  const declarations: CookieDeclaration[] = [];
  if (!Array.isArray(cookies)) {
    errors.add(join(path, 'cookies'), `must be an array, got ${describe(cookies)}`);
  } else {
    cookies.forEach((cookie, index) => {
      const declaration = readCookie(cookie, `${join(path, 'cookies')}[${index}]`, errors);
      if (declaration) declarations.push(declaration);
    });
  }
  if (errors.errors.length > before) return undefined;
  return Object.freeze({
    id: id as string,
    required: required as boolean,
    ...(label !== undefined ? { label } : {}),
    ...(description !== undefined ? { description } : {}),
    cookies: Object.freeze(declarations),
  });
}

function readCategories(value: unknown, errors: ErrorCollector): readonly CategoryConfig[] {
  if (value === undefined) return DEFAULT_CATEGORIES;
  if (!Array.isArray(value) || value.length === 0) {
    errors.add('categories', `must be a non-empty array, got ${describe(value)}`);
    return DEFAULT_CATEGORIES;
  }
  const categories: CategoryConfig[] = [];
  const seen = new Set<string>();
  value.forEach((item, index) => {
    const path = `categories[${index}]`;
    const category = readCategory(item, path, errors);
    if (!category) return;
    if (seen.has(category.id)) {
      errors.add(join(path, 'id'), `repeats the category id "${category.id}"`);
      return;
    }
    seen.add(category.id);
    categories.push(category);
  });
  return categories.length > 0 ? Object.freeze(categories) : DEFAULT_CATEGORIES;
}

const STORAGE_FIELDS = new Set(['cookieName', 'domain', 'path', 'expiresDays']);

function readStorage(value: unknown, errors: ErrorCollector): StorageConfig {
  const defaults = DEFAULT_CONFIG.storage;
  if (value === undefined) return defaults;
  if (!isRecord(value)) {
    errors.add('storage', `must be an object, got ${describe(value)}`);
    return defaults;
  }
  errors.unknownFields(value, 'storage', STORAGE_FIELDS);
  const { cookieName = defaults.cookieName, domain, path = defaults.path, expiresDays = defaults.expiresDays } = value;
  let storage: StorageConfig = defaults;
  if (typeof cookieName === 'string' && COOKIE_NAME_PATTERN.test(cookieName)) {
    storage = { ...storage, cookieName };
  } else {
    errors.add('storage.cookieName', `must be 1 to 64 letters, digits, ".", "-" or "_", got ${describe(cookieName)}`);
  }
  if (domain !== undefined) {
    if (typeof domain === 'string' && DOMAIN_PATTERN.test(domain)) {
      storage = { ...storage, domain: domain.replace(/^\./, '').toLowerCase() };
    } else {
      errors.add('storage.domain', `must be a domain name such as "example.com", got ${describe(domain)}`);
    }
  }
  if (typeof path === 'string' && PATH_PATTERN.test(path)) {
    storage = { ...storage, path };
  } else {
    errors.add('storage.path', `must start with "/" and contain no spaces or ";", got ${describe(path)}`);
  }
  if (typeof expiresDays === 'number' && Number.isFinite(expiresDays) && expiresDays > 0) {
    // Regulators expect consent to be renewed within about 13 months; browsers cap cookies at 400 days.
    storage = { ...storage, expiresDays: Math.min(Math.ceil(expiresDays), MAX_EXPIRES_DAYS) };
  } else {
    errors.add('storage.expiresDays', `must be a positive number of days, got ${describe(expiresDays)}`);
  }
  return Object.freeze(storage);
}

const TOP_LEVEL_FIELDS = new Set([
  'categories',
  'revision',
  'storage',
  'mode',
  'gpcDenies',
  'language',
  ...PASS_THROUGH_FIELDS,
]);

/**
 * Validates a configuration object (typically parsed from the element's JSON child).
 * Unknown fields are errors, so that a misspelt option is reported rather than silently ignored.
 */
export function parseConfig(input: unknown): ConfigResult {
  const errors = new ErrorCollector();
  if (input === undefined || input === null) return { config: DEFAULT_CONFIG, errors: [] };
  if (!isRecord(input)) {
    errors.add('(root)', `must be an object, got ${describe(input)}`);
    return { config: DEFAULT_CONFIG, errors: errors.errors };
  }
  errors.unknownFields(input, '', TOP_LEVEL_FIELDS);

  const categories = readCategories(input.categories, errors);
  const ids = new Set(categories.map((category) => category.id));

  let revision = DEFAULT_CONFIG.revision;
  if (input.revision !== undefined) {
    if (Number.isSafeInteger(input.revision) && (input.revision as number) >= 0) {
      revision = input.revision as number;
    } else {
      errors.add('revision', `must be a whole number of at least 0, got ${describe(input.revision)}`);
    }
  }

  let mode: ConsentMode = DEFAULT_CONFIG.mode;
  if (input.mode !== undefined) {
    if (CONSENT_MODES.includes(input.mode as ConsentMode)) mode = input.mode as ConsentMode;
    else errors.add('mode', `must be "opt-in" or "opt-out", got ${describe(input.mode)}`);
  }

  let gpcDenies: readonly string[] = DEFAULT_CONFIG.gpcDenies.filter((id) => ids.has(id));
  if (input.gpcDenies !== undefined) {
    if (!Array.isArray(input.gpcDenies)) {
      errors.add('gpcDenies', `must be an array of category ids, got ${describe(input.gpcDenies)}`);
    } else {
      const valid: string[] = [];
      input.gpcDenies.forEach((id: unknown, index) => {
        const path = `gpcDenies[${index}]`;
        const category = categories.find((candidate) => candidate.id === id);
        if (!category) errors.add(path, `is not one of the configured categories, got ${describe(id)}`);
        else if (category.required) errors.add(path, `names the required category "${category.id}", which cannot be turned off`);
        else valid.push(category.id);
      });
      gpcDenies = valid;
    }
  }

  let language = DEFAULT_CONFIG.language;
  if (input.language !== undefined) {
    if (typeof input.language === 'string' && LANGUAGE_TAG_PATTERN.test(input.language)) language = input.language;
    else errors.add('language', `must be a language tag such as "en" or "pt-BR", got ${describe(input.language)}`);
  }

  const config: ConsentConfig = Object.freeze({
    categories,
    revision,
    storage: readStorage(input.storage, errors),
    mode,
    gpcDenies: Object.freeze(gpcDenies),
    language,
  });
  return { config, errors: errors.errors };
}

/** Formats a parse result's errors as the single console message the element prints. */
export function formatConfigErrors(errors: readonly ConfigError[]): string {
  const lines = errors.map((error) => `  - ${error.path}: ${error.message}`);
  return `invalid config (${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}); every optional category stays denied until the visitor chooses:\n${lines.join('\n')}`;
}
