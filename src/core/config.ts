/**
 * The site's configuration: its categories in its own words, how the choice is stored, and how
 * consent defaults are decided. `parseConfig` never throws: it returns a usable configuration
 * together with every problem it found, each named by the path of the bad field.
 */

import { expectValue, fail, type FieldReader, fieldPath, hasField, INVALID, isPlainObject, readShape, type ReadFields, reject } from './field-reader.js';
import { DEFAULT_COOKIE_NAME, DEFAULT_EXPIRES_DAYS, DEFAULT_GPC_DENIES, DEFAULT_OPTIONAL_CATEGORY_IDS, DEFAULT_REQUIRED_CATEGORY_ID, DEFAULT_REVISION } from './defaults.js';
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
export { DEFAULT_EXPIRES_DAYS };
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
  { id: DEFAULT_REQUIRED_CATEGORY_ID, required: true, cookies: [] },
  ...DEFAULT_OPTIONAL_CATEGORY_IDS.map((id) => ({ id, required: false, cookies: [] })),
]);

export const DEFAULT_CONFIG: ConsentConfig = Object.freeze({
  categories: DEFAULT_CATEGORIES,
  revision: DEFAULT_REVISION,
  storage: Object.freeze({ cookieName: DEFAULT_COOKIE_NAME, path: '/', expiresDays: DEFAULT_EXPIRES_DAYS }),
  mode: 'opt-in',
  gpcDenies: Object.freeze([...DEFAULT_GPC_DENIES]),
  language: 'en',
  texts: Object.freeze({}),
});

/**
 * Top-level fields other parts of the product read. They are accepted here so that a config
 * written for the whole product validates; the parts that use them check their contents.
 */
const PASS_THROUGH = (value: unknown): unknown => value;

type Errors = ConfigError[];
type Reader<T> = FieldReader<T, ConfigProblem>;

const expect: <T>(test: (value: unknown) => value is T, problem: ConfigProblem, options?: readonly string[]) => Reader<T> = expectValue;

const matching = (pattern: RegExp, problem: ConfigProblem): Reader<string> => expect((value): value is string => typeof value === 'string' && pattern.test(value), problem);
const oneOf = <T extends string>(values: readonly T[]): Reader<T> => expect((value): value is T => (values as readonly unknown[]).includes(value), 'one-of', values);
const string: Reader<string> = expect((value) => typeof value === 'string', 'string');
const boolean: Reader<boolean> = expect((value) => typeof value === 'boolean', 'boolean');
const nonEmptyString: Reader<string> = expect((value): value is string => typeof value === 'string' && value !== '', 'non-empty-string');
const wholeNumber: Reader<number> = expect((value): value is number => Number.isSafeInteger(value) && (value as number) >= 0, 'whole-number');
const positiveNumber: Reader<number> = expect((value): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0, 'positive-number');
const domain = matching(DOMAIN_PATTERN, 'domain');

const localizedText: Reader<LocalizedText> = (value, path, errors) => {
  if (typeof value === 'string') return value;
  if (!isPlainObject(value)) return reject(errors, path, 'localized', value);
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

/** An object with known fields (see `readShape`): unknown fields are errors, so a misspelt option is reported. */
function shape<F extends Readonly<Record<string, Reader<unknown>>>>(fields: F, allOrNothing: boolean): Reader<ReadFields<F>> {
  return readShape<ConfigProblem, F>(fields, allOrNothing, 'unknown-field', 'object');
}

const readCookie: Reader<CookieDeclaration> = (value, path, errors) => {
  const before = errors.length;
  const cookie = shape(
    {
      name: nonEmptyString,
      pattern: (pattern, at, errs) => {
        const source = nonEmptyString(pattern, at, errs);
        if (source === INVALID) return INVALID;
        try {
          new RegExp(source);
          return source;
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
  if (!hasField(cookie, 'party')) return fail(errors, `${path}.party`, 'missing');
  return errors.length > before ? INVALID : Object.freeze(cookie);
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
  if (!hasField(category, 'id')) return fail(errors, `${path}.id`, 'missing');
  return Object.freeze({ required: false, cookies: Object.freeze([]), ...category });
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
    adapters: expect((value): value is AdapterConfigs => isPlainObject(value) && Object.values(value).every(isPlainObject), 'object'),
    dataLayer: (value, path, errors) => (value === false ? value : shape({ name: matching(IDENTIFIER_PATTERN, 'identifier'), event: nonEmptyString }, true)(value, path, errors)),
    texts: (value, path, errors) => {
      const texts = shape(Object.fromEntries(TEXT_KEYS.map((key) => [key, localizedText])), false)(value, path, errors);
      return texts === INVALID ? texts : Object.freeze(texts);
    },
    policyUrl: localizedUrl,
    consentLog: (value, path, errors) => {
      const log = shape({ endpoint: expect((url): url is string => typeof url === 'string' && isLinkTarget(url), 'url') }, true)(value, path, errors);
      return log === INVALID || hasField(log, 'endpoint') ? log : fail(errors, `${path}.endpoint`, 'missing');
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
  const fields = read;
  const categories = fields.categories?.length ? Object.freeze(fields.categories) : DEFAULT_CATEGORIES;
  const gpcDenies = (fields.gpcDenies ?? DEFAULT_CONFIG.gpcDenies).filter((id, index) => {
    const category = categories.find((candidate) => candidate.id === id);
    // The default names "marketing", which a site's own categories need not have.
    if (!fields.gpcDenies) return category !== undefined;
    if (!category) return reject(errors, `gpcDenies[${index}]`, 'category-reference', id) !== INVALID;
    if (category.required) return reject(errors, `gpcDenies[${index}]`, 'required-category', id) !== INVALID;
    return true;
  });
  const storage: StorageConfig = Object.freeze({ ...DEFAULT_CONFIG.storage, ...fields.storage });
  const revision = fields.revision ?? DEFAULT_CONFIG.revision;
  const fitting = categoriesThatFit(categories, revision, storage);
  if (fitting.length < categories.length) {
    const bytes = longestCookieLength(categories, revision, storage);
    errors.push({ path: 'categories', problem: 'record-too-long', got: `${bytes} bytes with ${categories.length} categories (the first ${fitting.length} fit)` });
  }
  const config: ConsentConfig = Object.freeze({
    ...DEFAULT_CONFIG,
    // Fields read without error; the rest keep their defaults.
    ...fields,
    categories: fitting.length < categories.length ? Object.freeze(fitting) : categories,
    storage,
    gpcDenies: Object.freeze(gpcDenies.filter((id) => fitting.some((category) => category.id === id))),
  });
  return { config, errors };
}
