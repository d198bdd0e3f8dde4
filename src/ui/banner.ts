import { msg } from '../l10n/msg.js';
import { anyTextFor, textFor } from '../core/localized-text.js';
import { isRightToLeft } from '../l10n/direction.js';
import type { ConsentConfig } from '../core/config.js';
import type { CSSResult } from '@lit/reactive-element';
import { adoptStyles } from './adopt-styles.js';
import { bannerStyles } from './banner.styles.js';
import type { ConsentManagerElement } from './consent-manager.js';
import type { ChoiceRecorder } from './part-host.js';
import { themeStyles } from './theme.styles.js';
import { partnerNames, type PartnerSource } from '../core/partners.js';
import { settingsLabel } from '../dom/page.js';
import { partnerTexts, settingsHint } from './partner-texts.js';

/** What the banner shows: the language it speaks, and whether to say that GPC is honoured. */
export interface BannerView {
  readonly language: string;
  readonly gpc: boolean;
  /** Records the visitor's choice made in the banner. */
  readonly recorder: ChoiceRecorder;
}

/** A banner on screen, and what it was built from, to rebuild only on a change. */
export interface ShownBanner {
  readonly node: HTMLElement;
  readonly key: string;
}

type Child = Node | string | null | false;

/** An element with attributes and children: the banner is a handful of nodes, built without a template engine. */
function element<Tag extends keyof HTMLElementTagNameMap>(doc: Document, tag: Tag, attributes: Readonly<Record<string, string>>, ...children: Child[]): HTMLElementTagNameMap[Tag] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children.filter((child): child is Node | string => child !== null && child !== false));
  return node;
}

/** What the page adds to the banner's texts: adapters given from code, and the text of its settings link (`data-consent-open`). */
export interface BannerPage {
  readonly adapters?: readonly PartnerSource[];
  readonly settingsLabel?: string | undefined;
}

/**
 * The banner's texts in the language active in @lit/localize, the site's own where it gave them
 * for `language`: title, description, where to change the choice later (only with the built-in
 * description and a settings link on the page), the partners (`partnerList`: all of them, when
 * the sentence counts some), policy link, the Global Privacy Control line (when `gpc`, else
 * empty), and the three buttons. Empty texts are not shown. The consent log proves what was shown with them.
 */
export function bannerTexts(config: ConsentConfig, language: string, gpc: boolean, page: BannerPage = {}) {
  const { texts } = config;
  const description = textFor(texts.bannerDescription, language);
  const partners = textFor(texts.bannerPartners, language);
  return {
    bannerTitle: textFor(texts.bannerTitle, language) ?? msg('This site uses cookies', { id: 'cm.banner.title' }),
    // The site's own description is the site's to word, including how to change one's mind.
    settingsHint: description === undefined && page.settingsLabel ? settingsHint(page.settingsLabel) : '',
    ...(partners === undefined ? partnerTexts(partnerNames(config, page.adapters), language) : { partners, partnerList: '' }),
    bannerDescription:
      description ??
      msg('Some cookies are needed for this site to work. With your consent, we also use optional cookies, for example to measure visits or remember your settings. You can change your choice at any time.', {
        id: 'cm.banner.text',
      }),
    policyLink: textFor(texts.policyLink, language) ?? msg('Cookie policy', { id: 'cm.banner.policy' }),
    gpc: gpc ? msg('Your browser sends a Global Privacy Control signal, and we respect it.', { id: 'cm.gpc' }) : '',
    acceptAll: msg('Accept all', { id: 'cm.accept-all' }),
    rejectAll: msg('Reject all', { id: 'cm.reject-all' }),
    customize: msg('Customize', { id: 'cm.customize' }),
  };
}

/**
 * Shows, updates or (with `view` null) removes the first layer: title, a short text, the policy
 * link, and three buttons of equal prominence (the same markup and class, so the same size and
 * style). Texts are the site's own for the visitor's language where it gave them, else the
 * built-in translation. Escape in the banner, and the cancel (Escape) of the blocking variant,
 * mean "Reject all", as closing would. The non-blocking banner goes into `liveRegion`, so that it
 * announces itself without taking the focus. `current` is what the last call returned; the
 * result is the banner now on screen, if any.
 */
export function updateBanner(host: ConsentManagerElement, liveRegion: HTMLElement, view: BannerView | null, current: ShownBanner | undefined): ShownBanner | undefined {
  if (!view) {
    current?.node.remove();
    return undefined;
  }
  adoptTheme(host.renderRoot, bannerStyles);
  const { language, gpc } = view;
  const config = host.effectiveConfig;
  const url = anyTextFor(config.policyUrl, language, config.language);
  const words = bannerTexts(config, language, gpc, { adapters: host.adapters, settingsLabel: settingsLabel(host.ownerDocument) });
  const key = JSON.stringify([words, url, language, host.blocking]);
  if (current?.key === key) return current;

  const doc = host.ownerDocument;
  const reject = (): void => view.recorder.decide('banner', false);
  const actions: Readonly<Record<string, () => void>> = {
    'accept-all': () => view.recorder.decide('banner', true),
    'reject-all': reject,
    customize: () => host.showPreferences(),
  };
  // The ids and classes named `cookie-consent…` (and the policy link's standard `rel`) are for the
  // scanners and consent-automation tools that look for a banner by such names (README "Finding
  // the banner"): stable API, styled by nothing, and scoped to this shadow root.
  const button = (part: string, label: string): HTMLButtonElement => element(doc, 'button', { part, id: `cookie-consent-${part}` }, label);
  const content = [
    element(
      doc,
      'div',
      { class: 'content' },
      element(doc, 'h2', { id: 'title', part: 'title' }, words.bannerTitle),
      element(doc, 'p', { id: 'text' }, words.bannerDescription, words.settingsHint && ` ${words.settingsHint}`, url ? ' ' : null, url ? element(doc, 'a', { href: url, id: 'cookie-consent-policy', rel: 'privacy-policy' }, words.policyLink) : null),
      // Named partners in a sentence; when some are only counted, the sentence opens the full list.
      words.partnerList
        ? element(doc, 'details', { part: 'partners' }, element(doc, 'summary', {}, words.partners), element(doc, 'p', {}, words.partnerList))
        : words.partners && element(doc, 'p', { part: 'partners' }, words.partners),
      words.gpc ? element(doc, 'p', {}, words.gpc) : null,
    ),
    element(doc, 'div', { class: 'actions' }, button('accept-all', words.acceptAll), button('reject-all', words.rejectAll), button('customize', words.customize)),
  ];
  const shared = { id: 'cookie-consent-banner', class: 'banner surface cookie-consent consent-banner', part: 'banner', lang: language, dir: isRightToLeft(language) ? 'rtl' : 'ltr', 'aria-labelledby': 'title' };
  let node: HTMLElement = host.blocking ? element(doc, 'dialog', { ...shared, 'aria-describedby': 'text' }, ...content) : element(doc, 'section', { ...shared, role: 'region' }, ...content);
  const served = current ? null : serverRendered(host.renderRoot, node);
  if (served) {
    node = served;
  } else if (host.blocking) {
    // Outside the live region: a modal dialog is announced as a dialog when it opens.
    host.renderRoot.append(node);
  } else {
    liveRegion.append(node);
  }
  // Only the three buttons above have these parts: the served banner was checked to be the same nodes.
  node.addEventListener('click', (event) => actions[(event.target as Element).closest('button')?.getAttribute('part') ?? '']?.());
  if (host.blocking) node.addEventListener('cancel', reject);
  else node.addEventListener('keydown', (event) => event.key === 'Escape' && reject());
  current?.node.remove();
  // For the first-paint loader (src/first-paint-loader.ts), which replays a click the visitor made
  // on the served banner before this: the buttons work from now on.
  if (served) served.dispatchEvent(new Event(SERVED_BANNER_ADOPTED));
  return { node, key };
}

/** The event a served banner gets once the element has adopted it and its buttons work (not bubbling). */
export const SERVED_BANNER_ADOPTED = 'consent-banner-adopted';

/**
 * The banner a server rendered into the shadow root (Declarative Shadow DOM, see
 * src/core/server-render.ts) if it is node for node the one `built` here: then it is kept, so
 * nothing flashes or moves, and only its behaviour is added. One that differs (another language,
 * changed texts) is removed for the built one. Its blocking variant is painted as an open
 * dialog, which only `showModal()` makes modal: it is closed here (the built one, not open yet,
 * has no `open` to compare) and, if kept, reopened here as a modal; a built one is opened by the
 * element's `updated()`.
 */
function serverRendered(root: Element | ShadowRoot | DocumentFragment, built: HTMLElement): HTMLElement | null {
  const served = root.querySelector<HTMLElement>('.banner');
  if (!served) return null;
  const open = served.matches('[open]:not(:modal)');
  // A visitor may have tabbed onto a button of the painted dialog already: showModal() would move
  // their focus to the dialog's first focusable element, so it goes back where it was. Focusing
  // whatever else had it does nothing: it is inert behind the modal, or (no dialog) still focused.
  const focused = (root as ShadowRoot).activeElement as HTMLElement | null;
  if (open) (served as HTMLDialogElement).close();
  built.normalize();
  if (served.isEqualNode(built)) {
    if (open) (served as HTMLDialogElement).showModal();
    focused?.focus();
    return served;
  }
  served.remove();
  return null;
}

/**
 * Gives a shadow root the theme and `styles`. The later parts of the UI (dialog, placeholders,
 * tables) take the theme through here rather than importing it, so that bundlers keep the theme
 * in the banner's chunk: the banner, which a new visitor waits for, then arrives in one file.
 */
export function adoptTheme(root: Element | ShadowRoot | DocumentFragment | null, ...styles: CSSResult[]): void {
  adoptStyles(root, themeStyles, ...styles);
}
