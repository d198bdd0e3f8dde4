/**
 * The banner's first layer, described once for the two that paint it before the element runs: the
 * server renderer (src/core/server-render.ts) writes it out as markup, and the script tag's first
 * layer (src/first-layer.ts) builds it as nodes. The element adopts it only if it is node for node
 * the banner it builds itself (src/ui/banner.ts); `test/ui/server-render.test.ts` and
 * `test/ui/first-layer.test.ts` hold the two to that in real browsers. No DOM here.
 */

import type { ConsentConfig } from './config.js';
import { type BannerMessages, ENGLISH_BANNER_MESSAGES } from './generated/banner-messages.js';
import { anyTextFor, textFor } from './localized-text.js';
import { partnerNames, partnerSentences, type PartnerSource } from './partners.js';

/** Escapes text for HTML text content and for double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * A node of the banner: text, or an element with its attributes (`null` leaves one out) and
 * children. One description, written out as markup by the server (`bannerMarkup`) and built as
 * nodes by the script tag's first layer (src/first-layer.ts), so that the two cannot differ.
 */
export type BannerNode = string | readonly [name: string, attributes: Readonly<Record<string, string | null>>, ...children: BannerNode[]];

const tag = (name: string, attributes: Readonly<Record<string, string | null>>, ...children: BannerNode[]): BannerNode => [name, attributes, ...children];

function toMarkup(node: BannerNode): string {
  if (typeof node === 'string') return escapeHtml(node);
  const [name, attributes, ...children] = node;
  const list = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([attribute, value]) => ` ${attribute}="${escapeHtml(value)}"`)
    .join('');
  return `<${name}${list}>${children.map(toMarkup).join('')}</${name}>`;
}

/** A built-in message in one language with its placeholders filled in, as msg() fills them. */
function message(builtIn: BannerMessages, id: string, ...values: string[]): string {
  const text = builtIn[id] ?? ENGLISH_BANNER_MESSAGES[id]!;
  return typeof text === 'string' ? text : text.map((part) => (typeof part === 'number' ? (values[part] ?? '') : part)).join('');
}

/** What the page adds to the banner that its config does not say: see `RenderConsentManagerOptions`. */
export interface BannerPage {
  readonly settingsLabel: string | undefined;
  readonly adapters: readonly PartnerSource[];
}

/**
 * The banner as `updateBanner` in src/ui/banner.ts builds it, in `language` with its built-in
 * messages `builtIn` (English for any missing), with the same elements, attributes,
 * texts and order; a blocking banner is a `<dialog open>` that the element makes modal on upgrade.
 * The texts follow `bannerTexts` there; the partner sentence is the same function (src/core/partners.ts).
 */
export function bannerTree(config: ConsentConfig, language: string, builtIn: BannerMessages, gpc: boolean, blocking: boolean, page: BannerPage): BannerNode[] {
  const { texts } = config;
  const url = anyTextFor(config.policyUrl, language, config.language);
  const siteDescription = textFor(texts.bannerDescription, language);
  const sitePartners = textFor(texts.bannerPartners, language);
  const words = {
    title: textFor(texts.bannerTitle, language) ?? message(builtIn, 'cm.banner.title'),
    description: siteDescription ?? message(builtIn, 'cm.banner.text'),
    // The site's own description is the site's to word, including how to change one's mind.
    settingsHint: siteDescription === undefined && page.settingsLabel ? message(builtIn, 'cm.banner.change', page.settingsLabel) : '',
    ...(sitePartners === undefined
      ? partnerSentences(partnerNames(config, page.adapters), language, {
          others: (category, count) => message(builtIn, `cm.banner.others.${category}`, count),
          partners: (companies) => message(builtIn, 'cm.banner.partners', companies),
        })
      : { partners: sitePartners, partnerList: '' }),
    policyLink: textFor(texts.policyLink, language) ?? message(builtIn, 'cm.banner.policy'),
  };
  const description = [
    words.description,
    words.settingsHint ? ` ${words.settingsHint}` : '',
    ...(url ? [' ', tag('a', { href: url, id: 'cookie-consent-policy', rel: 'privacy-policy' }, words.policyLink)] : []),
  ];
  const partners = words.partnerList
    ? [tag('details', { part: 'partners' }, tag('summary', {}, words.partners), tag('p', {}, words.partnerList))]
    : words.partners
      ? [tag('p', { part: 'partners' }, words.partners)]
      : [];
  const button = (part: string): BannerNode => tag('button', { part, id: `cookie-consent-${part}` }, message(builtIn, `cm.${part}`));
  const content = [
    tag('div', { class: 'content' }, tag('h2', { id: 'title', part: 'title' }, words.title), tag('p', { id: 'text' }, ...description), ...partners, ...(gpc ? [tag('p', {}, message(builtIn, 'cm.gpc'))] : [])),
    tag('div', { class: 'actions' }, button('accept-all'), button('reject-all'), button('customize')),
  ];
  const shared = {
    id: 'cookie-consent-banner',
    class: 'banner surface cookie-consent consent-banner',
    part: 'banner',
    lang: language,
    dir: language === 'ar' || language === 'he' ? 'rtl' : 'ltr',
    'aria-labelledby': 'title',
  };
  // The dialog's `open` makes it paint before the script; the element then reopens it as a modal.
  return blocking
    ? [tag('div', { 'aria-live': 'polite' }), tag('dialog', { ...shared, 'aria-describedby': 'text', open: '' }, ...content)]
    : [tag('div', { 'aria-live': 'polite' }, tag('section', { ...shared, role: 'region' }, ...content))];
}

/** The banner of `bannerTree` as markup, every text and attribute escaped. */
export function bannerMarkup(...args: Parameters<typeof bannerTree>): string {
  return bannerTree(...args)
    .map(toMarkup)
    .join('');
}
