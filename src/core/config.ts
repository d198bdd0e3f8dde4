/**
 * The site's configuration: its categories in its own words, how the choice is stored, and how
 * consent defaults are decided. `parseConfig` never throws: it returns a usable configuration
 * together with every problem it found, each named by the path of the bad field.
 */

import { CATEGORY_ID_PATTERN, longestRecordLength } from './record.js';
import { MAX_COOKIE_BYTES, serializeCookie } from './storage.js';

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

/** Where the tag manager event goes: `dataLayer.push({ event, consent, consent_source })`. */
export interface DataLayerConfig {
  /** The global array, `dataLayer` by default. */
  readonly name?: string;
  /** The event name, `consent_update` by default: change it to keep a trigger from another CMP. */
  readonly event?: string;
}

/** Adapter options by adapter id, as written in the JSON config; each adapter checks its own. */
export type AdapterConfigs = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

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
  /** Vendor adapters loaded by id, with their options: `{ "google-analytics": { "measurementId": "G-…" } }`. */
  readonly adapters?: AdapterConfigs;
  /**
   * The tag manager event. When left out it is pushed if the page has a data layer or a Google
   * adapter is configured; `false` turns it off.
   */
  readonly dataLayer?: DataLayerConfig | false;
  /** The site's own wording for the banner and the preferences, overriding the built-in texts. */
  readonly texts: ConfigTexts;
  /** The site's cookie or privacy policy, linked from the banner: one URL, or one per language. */
  readonly policyUrl?: LocalizedText;
  /** Where each decision is sent as proof of consent (the `consent-manager-log` server); no log without it. */
  readonly consentLog?: ConsentLogConfig;
}

/** The consent log the element sends a record of each decision to. */
export interface ConsentLogConfig {
  /** The server's records URL: a path or an http(s) URL, such as `https://consent.example.com/v1/records`. */
  readonly endpoint: string;
}

/** The texts a site can word itself; each is a string for every language, or one per language. */
export const TEXT_KEYS = ['bannerTitle', 'bannerDescription', 'bannerPartners', 'policyLink', 'preferencesTitle', 'preferencesDescription'] as const;
export type TextKey = (typeof TEXT_KEYS)[number];
export type ConfigTexts = Readonly<Partial<Record<TextKey, LocalizedText>>>;

/**
 * What is wrong with a field. Most problems name the kind of value that was expected; the
 * sentences for them live in `src/diagnostics/messages.ts`, loaded only when there is something
 * to report.
 */
export type ConfigProblem =
  | 'boolean'
  | 'string'
  | 'non-empty-string'
  | 'whole-number'
  | 'positive-number'
  | 'domain'
  | 'language'
  | 'localized'
  | 'array'
  | 'non-empty-array'
  | 'object'
  | 'category-id'
  | 'cookie-name'
  | 'path'
  | 'one-of'
  | 'category-reference'
  | 'unknown-field'
  | 'missing'
  | 'regexp'
  | 'name-or-pattern'
  | 'duplicate-id'
  | 'required-category'
  | 'url'
  | 'json'
  | 'identifier'
  | 'record-too-long';

/** One problem found in a configuration. */
export interface ConfigError {
  /** Where the bad field is, for instance `categories[1].cookies[0].party`. */
  readonly path: string;
  readonly problem: ConfigProblem;
  /** A short description of the value found, for instance `"opt_in"` or `an array`. */
  readonly got?: string;
  /** The allowed values, for `one-of`. */
  readonly options?: readonly string[];
}

export interface ConfigResult {
  /** Always usable: invalid parts are replaced by their defaults or dropped. */
  readonly config: ConsentConfig;
  readonly errors: readonly ConfigError[];
}

export const MAX_EXPIRES_DAYS = 395;
export const DEFAULT_EXPIRES_DAYS = 182;
const LANGUAGE_TAG_PATTERN = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/;

/** Whether `value` is a language tag the record can hold, such as `en`, `pt-BR` or `zh-Hans-CN`. */
export function isLanguageTag(value: unknown): value is string {
  return typeof value === 'string' && LANGUAGE_TAG_PATTERN.test(value);
}
// The characters RFC 6265 allows in a cookie name that are also safe as a localStorage key.
const COOKIE_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const DOMAIN_PATTERN = /^\.?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const PATH_PATTERN = /^\/[\x21-\x3a\x3c-\x7e]*$/;
const IDENTIFIER_PATTERN = /^[A-Za-z_$][\w$]{0,63}$/;

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
  texts: Object.freeze({}),
});

/**
 * Top-level fields other parts of the product read. They are accepted here so that a config
 * written for the whole product validates; the parts that use them check their contents.
 */
const PASS_THROUGH = (value: unknown): unknown => value;

type Errors = ConfigError[];
/** Reads one field: returns its value, or `INVALID` after recording why. */
type Reader<T> = (value: unknown, path: string, errors: Errors) => T | typeof INVALID;

const INVALID = Symbol('invalid');

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
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

/** `storage.path`, `label.pt-BR`; a key that is not a plain name is quoted: `[""]`, `["a b"]`. */
function fieldPath(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

function fail(errors: Errors, path: string, problem: ConfigProblem): typeof INVALID {
  errors.push({ path, problem });
  return INVALID;
}

/** Like `fail`, for a problem with the value found at `path`. */
function reject(errors: Errors, path: string, problem: ConfigProblem, value: unknown, options?: readonly string[]): typeof INVALID {
  errors.push({ path, problem, got: describe(value), ...(options ? { options } : {}) });
  return INVALID;
}

function expect<T>(test: (value: unknown) => boolean, problem: ConfigProblem, options?: readonly string[]): Reader<T> {
  return (value, path, errors) => (test(value) ? (value as T) : reject(errors, path, problem, value, options));
}

const matching = (pattern: RegExp, problem: ConfigProblem): Reader<string> => expect((value) => typeof value === 'string' && pattern.test(value), problem);
const oneOf = <T extends string>(values: readonly T[]): Reader<T> => expect((value) => values.includes(value as T), 'one-of', values);
const string: Reader<string> = expect((value) => typeof value === 'string', 'string');
const boolean: Reader<boolean> = expect((value) => typeof value === 'boolean', 'boolean');
const nonEmptyString: Reader<string> = expect((value) => typeof value === 'string' && value !== '', 'non-empty-string');
const wholeNumber: Reader<number> = expect((value) => Number.isSafeInteger(value) && (value as number) >= 0, 'whole-number');
const positiveNumber: Reader<number> = expect((value) => typeof value === 'number' && Number.isFinite(value) && value > 0, 'positive-number');
const domain = matching(DOMAIN_PATTERN, 'domain');

const localizedText: Reader<LocalizedText> = (value, path, errors) => {
  if (typeof value === 'string') return value;
  if (!isRecord(value)) return reject(errors, path, 'localized', value);
  const texts: Record<string, string> = {};
  let valid = true;
  for (const [language, text] of Object.entries(value)) {
    const at = fieldPath(path, language);
    if (!LANGUAGE_TAG_PATTERN.test(language)) {
      valid = false;
      fail(errors, at, 'language');
    } else if (typeof text !== 'string') {
      valid = false;
      reject(errors, at, 'string', text);
    } else {
      texts[language.toLowerCase()] = text;
    }
  }
  return valid ? Object.freeze(texts) : INVALID;
};

/**
 * A link target: a path or an http(s) URL. Other schemes (`javascript:`, `data:`) are refused,
 * because the value ends up in an `href`. Judged by the URL parser, as the browser will follow
 * the link: it drops leading control characters and inner tabs and newlines, so a scheme test on
 * the raw text would let `\u0001javascript:` through. Paths resolve to the placeholder base's https.
 */
export const isLinkTarget = (value: string): boolean => {
  if (!/^\S+$/.test(value)) return false;
  try {
    return /^https?:$/.test(new URL(value, 'https://base.invalid/').protocol);
  } catch {
    return false;
  }
};

const localizedUrl: Reader<LocalizedText> = (value, path, errors) => {
  const text = localizedText(value, path, errors);
  if (text === INVALID) return text;
  const bad = typeof text === 'string' ? (isLinkTarget(text) ? [] : [[path, text]]) : Object.entries(text).filter(([, url]) => !isLinkTarget(url)).map(([language, url]) => [`${path}.${language}`, url]);
  for (const [at, url] of bad) reject(errors, at!, 'url', url);
  return bad.length > 0 ? INVALID : text;
};

/** An array of items; invalid items are reported and dropped. */
function list<T>(item: Reader<T>): Reader<T[]> {
  return (value, path, errors) => {
    if (!Array.isArray(value)) return reject(errors, path, 'array', value);
    const items: T[] = [];
    value.forEach((entry: unknown, index) => {
      const read = item(entry, `${path}[${index}]`, errors);
      if (read !== INVALID) items.push(read);
    });
    return items;
  };
}

/**
 * An object with known fields. Unknown fields are errors, so a misspelt option is reported. When
 * `allOrNothing`, any error drops the whole object (a half-read category could gate the wrong
 * thing); otherwise invalid fields are left out and take their defaults.
 */
function shape(fields: Readonly<Record<string, Reader<unknown>>>, allOrNothing: boolean): Reader<Record<string, unknown>> {
  return (value, path, errors) => {
    if (!isRecord(value)) return reject(errors, path || '(root)', 'object', value);
    const before = errors.length;
    const result: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      const at = fieldPath(path, key);
      const reader = Object.hasOwn(fields, key) ? fields[key] : undefined;
      if (!reader) fail(errors, at, 'unknown-field');
      else if (field !== undefined) {
        const read = reader(field, at, errors);
        if (read !== INVALID) result[key] = read;
      }
    }
    return allOrNothing && errors.length > before ? INVALID : result;
  };
}

const readCookie: Reader<CookieDeclaration> = (value, path, errors) => {
  const before = errors.length;
  const cookie = shape(
    {
      name: nonEmptyString,
      pattern: (pattern, at, errs) => {
        if (nonEmptyString(pattern, at, errs) === INVALID) return INVALID;
        try {
          new RegExp(pattern as string);
          return pattern;
        } catch {
          return reject(errs, at, 'regexp', pattern);
        }
      },
      domain,
      party: oneOf(COOKIE_PARTIES),
      provider: string,
      purpose: localizedText,
      lifetime: localizedText,
    },
    true,
  )(value, path, errors);
  if (cookie === INVALID) return INVALID;
  if (('name' in cookie) === ('pattern' in cookie)) fail(errors, path, 'name-or-pattern');
  if (!('party' in cookie)) fail(errors, `${path}.party`, 'missing');
  return errors.length > before ? INVALID : (Object.freeze(cookie) as unknown as CookieDeclaration);
};

const readCategory: Reader<CategoryConfig> = (value, path, errors) => {
  const category = shape(
    {
      id: matching(CATEGORY_ID_PATTERN, 'category-id'),
      required: boolean,
      label: localizedText,
      description: localizedText,
      cookies: (cookies, at, errs) => Object.freeze(list(readCookie)(cookies, at, errs)),
    },
    true,
  )(value, path, errors);
  if (category === INVALID) return INVALID;
  if (!('id' in category)) return fail(errors, `${path}.id`, 'missing');
  return Object.freeze({ required: false, cookies: Object.freeze([]), ...category }) as unknown as CategoryConfig;
};

const readStorage = shape(
  {
    cookieName: matching(COOKIE_NAME_PATTERN, 'cookie-name'),
    domain: (value, path, errors) => {
      const read = domain(value, path, errors);
      return read === INVALID ? read : read.replace(/^\./, '').toLowerCase();
    },
    path: matching(PATH_PATTERN, 'path'),
    // Regulators expect consent to be renewed within about 13 months; browsers cap cookies at 400 days.
    expiresDays: (value, path, errors) => {
      const read = positiveNumber(value, path, errors);
      return read === INVALID ? read : Math.min(Math.ceil(read), MAX_EXPIRES_DAYS);
    },
  },
  false,
);

const readTopLevel = shape(
  {
    categories: (value, path, errors) => {
      if (!Array.isArray(value) || value.length === 0) return reject(errors, path, 'non-empty-array', value);
      const seen = new Set<string>();
      const categories: CategoryConfig[] = [];
      value.forEach((item: unknown, index) => {
        const category = readCategory(item, `${path}[${index}]`, errors);
        if (category === INVALID) return;
        if (seen.has(category.id)) {
          reject(errors, `${path}[${index}].id`, 'duplicate-id', category.id);
        } else {
          seen.add(category.id);
          categories.push(category);
        }
      });
      return categories;
    },
    revision: wholeNumber,
    storage: readStorage,
    mode: oneOf(CONSENT_MODES),
    gpcDenies: list(string),
    language: matching(LANGUAGE_TAG_PATTERN, 'language'),
    $schema: PASS_THROUGH,
    // An object of objects: ids are checked against the shipped adapters, and options by each adapter, when they load.
    adapters: expect((value) => isRecord(value) && Object.values(value).every(isRecord), 'object'),
    dataLayer: (value, path, errors) => (value === false ? value : shape({ name: matching(IDENTIFIER_PATTERN, 'identifier'), event: nonEmptyString }, true)(value, path, errors)),
    texts: (value, path, errors) => {
      const texts = shape(Object.fromEntries(TEXT_KEYS.map((key) => [key, localizedText])), false)(value, path, errors);
      return texts === INVALID ? texts : Object.freeze(texts);
    },
    policyUrl: localizedUrl,
    consentLog: (value, path, errors) => {
      const log = shape({ endpoint: expect((url) => typeof url === 'string' && isLinkTarget(url), 'url') }, true)(value, path, errors);
      return log === INVALID || 'endpoint' in log ? log : fail(errors, `${path}.endpoint`, 'missing');
    },
  },
  false,
);

/**
 * The longest `document.cookie` assignment that can store a choice for these categories: the
 * longest record (`longestRecordLength`) with the cookie's name and every attribute it is written with.
 */
export function longestCookieLength(categories: readonly CategoryConfig[], revision: number, storage: StorageConfig): number {
  const value = 'x'.repeat(longestRecordLength(categories.map(({ id }) => id), revision));
  return serializeCookie(storage.cookieName, value, { path: storage.path, domain: storage.domain, maxAge: storage.expiresDays * 86_400, secure: true }).length;
}

/**
 * The leading categories whose choice fits in one cookie (`MAX_COOKIE_BYTES`). A choice that
 * does not fit could not be stored, and the visitor would be asked again on every page.
 */
function categoriesThatFit(categories: readonly CategoryConfig[], revision: number, storage: StorageConfig): readonly CategoryConfig[] {
  // Each category adds its id and a `.` to a record that lists none; counted so, not encoded 10,000 times.
  let length = longestCookieLength([], revision, storage) - 1;
  let count = 0;
  while (count < categories.length && length + categories[count]!.id.length + 1 <= MAX_COOKIE_BYTES) length += categories[count++]!.id.length + 1;
  return count === categories.length ? categories : categories.slice(0, Math.max(count, 1));
}

/**
 * Validates a configuration object (typically parsed from the element's JSON child).
 * Unknown fields are errors, so that a misspelt option is reported rather than silently ignored.
 */
export function parseConfig(input: unknown): ConfigResult {
  const errors: Errors = [];
  if (input === undefined || input === null) return { config: DEFAULT_CONFIG, errors };
  const read = readTopLevel(input, '', errors);
  if (read === INVALID) return { config: DEFAULT_CONFIG, errors };
  const fields = read as Partial<Record<keyof ConsentConfig, unknown>>;
  const readCategories = fields.categories as CategoryConfig[] | undefined;
  const categories = readCategories?.length ? Object.freeze(readCategories) : DEFAULT_CATEGORIES;
  const gpcDenies = ((fields.gpcDenies as string[] | undefined) ?? DEFAULT_CONFIG.gpcDenies).filter((id, index) => {
    const category = categories.find((candidate) => candidate.id === id);
    // The default names "marketing", which a site's own categories need not have.
    if (!fields.gpcDenies) return category !== undefined;
    if (!category) return reject(errors, `gpcDenies[${index}]`, 'category-reference', id) !== INVALID;
    if (category.required) return reject(errors, `gpcDenies[${index}]`, 'required-category', id) !== INVALID;
    return true;
  });
  const storage: StorageConfig = Object.freeze({ ...DEFAULT_CONFIG.storage, ...(fields.storage as Partial<StorageConfig> | undefined) });
  const revision = (fields.revision as number | undefined) ?? DEFAULT_CONFIG.revision;
  const fitting = categoriesThatFit(categories, revision, storage);
  if (fitting.length < categories.length) {
    const bytes = longestCookieLength(categories, revision, storage);
    errors.push({ path: 'categories', problem: 'record-too-long', got: `${bytes} bytes with ${categories.length} categories (the first ${fitting.length} fit)` });
  }
  const config: ConsentConfig = Object.freeze({
    ...DEFAULT_CONFIG,
    // Fields read without error; the rest keep their defaults.
    ...(fields as Partial<ConsentConfig>),
    categories: fitting.length < categories.length ? Object.freeze(fitting) : categories,
    storage,
    gpcDenies: Object.freeze(gpcDenies.filter((id) => fitting.some((category) => category.id === id))),
  });
  return { config, errors };
}
