/**
 * The element's markup rendered on a server: for a visitor without a valid choice, the banner as
 * Declarative Shadow DOM, so that it paints with the page before any script runs. The element
 * adopts that banner when it upgrades (src/ui/banner.ts) only if it is node for node the banner
 * it would build itself, so this markup and the client's cannot drift apart unnoticed:
 * `test/ui/server-render.test.ts` renders both in real browsers for each variant and language.
 */

import { bannerMarkup, type BannerPage, escapeHtml } from './banner-markup.js';
import type { ConsentConfig } from './config.js';
import { cspDigest } from './csp-hash.js';
import { BANNER_MESSAGES } from './generated/banner-messages.js';
import { BANNER_STYLES, FIRST_PAINT_LOADER, FIRST_PAINT_LOADER_BY_ELEMENT } from './generated/inline-first-layer.js';
import { matchLanguageIn } from './language-match.js';
import { settingsLinkText, type PartnerSource } from './partners.js';
import { readConfig, readConsent } from './read-consent.js';

export { escapeHtml };

/** The languages the banner ships in, the source language (`en`) first. */
export const BANNER_LANGUAGES: readonly string[] = Object.freeze(Object.keys(BANNER_MESSAGES));

export interface RenderConsentManagerOptions {
  /** The config the page's element is given: an object or its JSON text. It is put in the markup as the element's JSON child. */
  readonly config: unknown;
  /** The request's `Cookie` header (or the cookie's value alone): with a valid choice in it, no banner is rendered. */
  readonly cookieHeader?: string | readonly string[] | null;
  /**
   * The request's language tags, most wanted first: the page's language, or the tags of its
   * `Accept-Language` header (`languagesFromHeader`). The first shipped one is used, else the
   * config's `language`, else English; the element gets it as its `lang`, so the script that
   * upgrades it speaks the same language.
   */
  readonly lang?: string | readonly string[] | null;
  /**
   * The URL of `consent-banner.css` (shipped in the package's `dist/`), served by the site: the
   * banner's only styles, linked so that `style-src 'self'` holds. Without it (or `inline`) no
   * banner is rendered (the element then shows its own once its script runs).
   */
  readonly stylesheet?: string | null;
  /**
   * The first layer with nothing of ours requested before it paints, for a page whose
   * Content-Security-Policy allows an inline style and script by `nonce`, by hash
   * (`inlineFirstLayerSources`), or that has no policy:
   * the banner's styles go into its shadow root as a `<style>` in place of the `stylesheet` link,
   * and a module script after the element imports `bundle` (the URL of `consent-manager.js`)
   * once the banner has been painted, in place of `consent-manager-ssr.js`; the page needs no
   * other script tag of ours. `nonce` is written on both; leave it out on a page that allows them
   * by hash, or that has no policy. Given, it is used in place of `stylesheet`; without a
   * `bundle` it is ignored.
   * Lighthouse's mobile LCP of such a page is the static banner's (BENCHMARKS.md).
   */
  readonly inline?: { readonly bundle: string; readonly nonce?: string | null } | null;
  /** Whether the request carries Global Privacy Control (`Sec-GPC: 1`). */
  readonly gpc?: boolean;
  /**
   * The element's attributes, as the site would write them: `layout`, `position`, `theme`,
   * `blocking`, `headless`, `script-sources`, `nonce`… `true` writes the attribute without a
   * value; `false`, `null` and `undefined` leave it out. `lang` is set from the language chosen;
   * names that are not plain attribute names, and event handlers (`on…`), are left out.
   */
  readonly attributes?: Readonly<Record<string, string | boolean | null | undefined>>;
  /**
   * The text of the page's settings link (`data-consent-open`), as the visitor reads it (its text,
   * else its `aria-label`), when the page has one: the element's banner then says to use it to
   * change the choice later, and so must the served one, or the element replaces it.
   */
  readonly settingsLabel?: string | null;
  /**
   * The adapters the page gives the element from code (`element.adapters`), as far as the partner
   * sentence names them: their ids and declared cookies. Without them a page that gives some gets
   * the element's banner (which names their companies) in place of the served one.
   */
  readonly adapters?: readonly PartnerSource[] | null;
  /** The time to judge the stored choice's expiry by (milliseconds or a `Date`); now by default, and instead of an invalid one. */
  readonly now?: number | Date;
  /**
   * `true`: render the element for a visitor known to hold a valid choice (no banner), whatever
   * `cookieHeader` says; for markup rendered ahead of time, in a variant with the banner and one
   * without, between which the server chooses per request (README, "PHP"). The element judges
   * the browser's own record either way, and shows its banner if that is not valid.
   */
  readonly decided?: boolean;
}

/**
 * JSON for the inside of a `<script type="application/json">`: `<`, `>` and `&` as `\u` escapes,
 * so that no string in it can close the script (`</script>`) or open a comment (`<!--`), and the
 * line and paragraph separators too. JSON.parse reads it back unchanged.
 */
export function jsonForScript(value: unknown): string | undefined {
  const json = JSON.stringify(value) as string | undefined;
  return json?.replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The language tags of an `Accept-Language` header, most wanted first (by `q`, then order);
 * tags with `q=0`, `*` and malformed entries are left out.
 */
export function languagesFromHeader(header: string | null | undefined): string[] {
  if (typeof header !== 'string') return [];
  return header
    .slice(0, 4096)
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...parameters] = entry.split(';').map((part) => part.trim());
      const q = parameters.find((parameter) => /^q=/i.test(parameter));
      return { tag, weight: q === undefined ? 1 : Number(q.slice(2)), index };
    })
    .filter(({ tag, weight }) => /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/i.test(tag) && weight > 0 && weight <= 1)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map(({ tag }) => tag);
}

/** The shipped language for `tags` (most wanted first), else the config's language, else English. */
export function bannerLanguage(tags: readonly (string | null | undefined)[], config: ConsentConfig): string {
  for (const tag of [...tags, config.language]) {
    const language = typeof tag === 'string' && tag !== '' ? matchLanguageIn(tag, BANNER_LANGUAGES) : undefined;
    if (language) return language;
  }
  return 'en';
}

const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;

/** The host's attributes the site gave, escaped; `lang` and `showing` are the renderer's, and names that are not plain attributes or are event handlers are left out. */
function attributeList(attributes: Readonly<Record<string, unknown>>): string {
  return Object.entries(attributes)
    .filter(([name, value]) => ATTRIBUTE_NAME.test(name) && !name.startsWith('on') && name !== 'lang' && name !== 'showing' && (typeof value === 'string' || value === true))
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(value as string)}"`))
    .join('');
}

/** An adapter given as an option, kept only with a string id and an array of cookies (if any), so that bad input names no partner rather than throwing. */
function isPartnerSource(value: unknown): value is PartnerSource {
  if (typeof value !== 'object' || value === null) return false;
  const { id, cookies } = value as { id?: unknown; cookies?: unknown };
  return typeof id === 'string' && (cookies === undefined || (Array.isArray(cookies) && cookies.every(isPartnerCookie)));
}

function isPartnerCookie(cookie: unknown): boolean {
  if (typeof cookie !== 'object' || cookie === null) return false;
  const { party, provider } = cookie as { party?: unknown; provider?: unknown };
  return typeof party === 'string' && (provider === undefined || typeof provider === 'string');
}

/** What a config that cannot be put in as JSON becomes: a JSON string, which the element rejects as a config. */
const INVALID_CONFIG = 'invalid config: not JSON data';

/**
 * The `<consent-manager>` element's markup for one request, to put in the page where the element
 * goes. Without a valid stored choice in `cookieHeader` (none, expired, from another revision,
 * missing a new category, edited or forged: the rules of `readConsent`), the banner is rendered
 * inside it as Declarative Shadow DOM (`<template shadowrootmode="open">`) in the request's
 * language, styled by a `<link rel="stylesheet">` to `stylesheet`: it paints with the page, and
 * the element adopts it when its script runs. With a valid choice, or `headless`, the element
 * comes without a banner. Either way it holds the config as its JSON child.
 *
 *     res.send(`…<body>${renderConsentManager({ config, cookieHeader: req.headers.cookie, lang: 'de', stylesheet: '/consent/consent-banner.css' })}…`);
 *
 * Every text and attribute is escaped. Never throws: a config that is not valid JSON data is
 * put in as one that the element reports as invalid (nothing optional granted, banner shown).
 * The markup depends on the request's cookies: send it with `Cache-Control: private` or `Vary: Cookie`.
 * With `inline`, the styles and the loader are inline instead, under the page's CSP nonce (or
 * its hashes: `inlineFirstLayerSources`):
 *
 *     renderConsentManager({ config, cookieHeader, lang, inline: { bundle: '/consent/consent-manager.js', nonce } });
 */
export function renderConsentManager(options: RenderConsentManagerOptions): string {
  const { config: given, cookieHeader, stylesheet, attributes, now } = options ?? ({} as Partial<RenderConsentManagerOptions>);
  let input = given;
  let json: string | undefined;
  try {
    json = input === undefined || input === null ? '' : jsonForScript(typeof input === 'string' ? JSON.parse(input) : input);
  } catch {
    json = undefined;
  }
  if (json === undefined) {
    // A config the element could not be given as JSON (a cycle, a BigInt, text that is not JSON)
    // goes in as a string: the element reports it as invalid and grants nothing optional.
    input = INVALID_CONFIG;
    json = jsonForScript(INVALID_CONFIG)!;
  }
  const { config } = readConfig(input);
  const lang = options?.lang;
  const tags: readonly unknown[] = typeof lang === 'string' ? [lang] : Array.isArray(lang) ? (lang as readonly unknown[]) : [];
  const language = bannerLanguage(
    tags.filter((item): item is string => typeof item === 'string'),
    config,
  );
  const gpc = options?.gpc === true;
  const shown: Readonly<Record<string, unknown>> = typeof attributes === 'object' && attributes !== null ? attributes : {};
  const present = (name: string): boolean => shown[name] === true || typeof shown[name] === 'string';
  const host = (showing: string): string => `<consent-manager lang="${escapeHtml(language)}"${attributeList(shown)}${showing}>`;
  const configScript = json === '' ? '' : `<script type="application/json">${json}</script>`;
  const decided = options?.decided === true || readConsent(cookieHeader, input, now === undefined ? { gpc } : { gpc, now }).categories !== null;
  const inline = inlineFirstLayer(options?.inline);
  const styles = inline ? `<style${inline.nonce}>${BANNER_STYLES}</style>` : typeof stylesheet === 'string' && stylesheet !== '' ? `<link rel="stylesheet" href="${escapeHtml(stylesheet)}">` : '';
  const loader = inline ? `<script type="module"${inline.nonce}>${inline.loader}</script>` : '';
  if (decided || present('headless') || styles === '') return `${host('')}${configScript}</consent-manager>${loader}`;
  const page: BannerPage = {
    settingsLabel: settingsLinkText(typeof options.settingsLabel === 'string' ? options.settingsLabel : undefined),
    adapters: Array.isArray(options.adapters) ? (options.adapters as readonly unknown[]).filter(isPartnerSource) : [],
  };
  const banner = bannerMarkup(config, language, BANNER_MESSAGES[language] ?? BANNER_MESSAGES.en!, gpc && config.gpcDenies.length > 0, present('blocking'), page);
  // `showing="banner"`, as the element sets once running (README, "Finding the banner"): true from the first paint.
  return `${host(' showing="banner"')}<template shadowrootmode="open">${styles}${banner}</template>${configScript}</consent-manager>${loader}`;
}

/** The `inline` option made safe to write: the loader's text with the bundle's URL as a script string, the nonce as an attribute (or nothing); null when it is unusable. */
function inlineFirstLayer(inline: unknown): { readonly loader: string; readonly nonce: string } | null {
  if (typeof inline !== 'object' || inline === null) return null;
  const { bundle, nonce } = inline as { bundle?: unknown; nonce?: unknown };
  if (typeof bundle !== 'string' || bundle === '') return null;
  const withNonce = typeof nonce === 'string' && nonce !== '';
  return { loader: loaderText(bundle, withNonce), nonce: withNonce ? ` nonce="${escapeHtml(nonce)}"` : '' };
}

/**
 * The inline loader's script text for `bundle`: what `renderConsentManager` writes and
 * `inlineFirstLayerSources` hashes, so the two cannot differ. ASCII only (the URL's other
 * characters as `\u` escapes), so a page in any ASCII-compatible encoding reads the text its hash
 * was taken of. Under a nonce the loader imports the bundle, and the import carries the nonce;
 * without one it inserts a script element, which a hash-based `'strict-dynamic'` policy allows
 * (src/first-paint-loader.ts).
 */
function loaderText(bundle: string, withNonce: boolean): string {
  const literal = jsonForScript(bundle)!.replace(/[\u0080-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const [before, after] = withNonce ? FIRST_PAINT_LOADER : FIRST_PAINT_LOADER_BY_ELEMENT;
  return `${before}${literal}${after}`;
}

/** The Content-Security-Policy sources that allow the inline first layer without a nonce: one for `script-src`, one for `style-src`. */
export interface InlineFirstLayerSources {
  /** `'sha256-…'` of the loader that imports this bundle, for `script-src`. */
  readonly script: string;
  /** `'sha256-…'` of the banner's styles, for `style-src`; the same for every page and bundle of this version. */
  readonly style: string;
}

/**
 * The hashes that let a fixed Content-Security-Policy allow the inline first layer
 * (`renderConsentManager({ inline: { bundle } })` without a nonce), for pages that cannot send a
 * fresh nonce with each response: markup rendered at deploy time and sent as it is, or cached in
 * two variants (with and without the banner). They depend only on `bundle` and this package's
 * version, so compute them once, at start or at build time, and put them in the policy:
 *
 *     const { script, style } = await inlineFirstLayerSources('/consent/consent-manager.js');
 *     // script-src 'self' ${script}; style-src 'self' ${style}
 *
 * `script-src 'strict-dynamic' ${script}` works as well: without a nonce the loader inserts a
 * module script for the bundle, its URL from the `consent-manager-loader` Trusted Types policy,
 * which a `trusted-types` allow-list must then name.
 *
 * A hash allows its exact text wherever it appears: markup injected into the page could repeat the
 * loader, which imports only this bundle, or the banner's styles, which restyle only what their
 * selectors name (SECURITY.md, 13).
 * Uses WebCrypto (Node 20, or a browser's secure context). Rejects with a TypeError when `bundle`
 * is not a non-empty string, or when WebCrypto is missing.
 */
export async function inlineFirstLayerSources(bundle: string): Promise<InlineFirstLayerSources> {
  if (typeof bundle !== 'string' || bundle === '') throw new TypeError('inlineFirstLayerSources: bundle must be the URL of consent-manager.js, as given to renderConsentManager({ inline: { bundle } })');
  const [script, style] = await Promise.all([cspDigest('sha256', loaderText(bundle, false)), cspDigest('sha256', BANNER_STYLES)]);
  if (script === null || style === null) throw new TypeError('inlineFirstLayerSources: WebCrypto (crypto.subtle) is not available here (a browser allows it only in a secure context)');
  return { script: `'sha256-${script}'`, style: `'sha256-${style}'` };
}
