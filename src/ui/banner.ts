import { msg } from '../l10n/msg.js';
import { anyTextFor, textFor } from '../core/localized-text.js';
import { isRightToLeft } from '../l10n/direction.js';
import type { CSSResult } from '@lit/reactive-element';
import { adoptStyles } from './adopt-styles.js';
import { bannerStyles } from './banner.styles.js';
import type { ConsentManagerElement } from './consent-manager.js';
import { themeStyles } from './theme.styles.js';

/** What the banner shows: the language it speaks, and whether to say that GPC is honoured. */
export interface BannerView {
  readonly language: string;
  readonly gpc: boolean;
}

/** The banner each element shows, and what it was built from, to rebuild only on a change. */
const shown = new WeakMap<ConsentManagerElement, { readonly node: HTMLElement; readonly key: string }>();

type Child = Node | string | null | false;

/** An element with attributes and children: the banner is a handful of nodes, built without a template engine. */
function element<Tag extends keyof HTMLElementTagNameMap>(doc: Document, tag: Tag, attributes: Readonly<Record<string, string>>, ...children: Child[]): HTMLElementTagNameMap[Tag] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children.filter((child): child is Node | string => child !== null && child !== false));
  return node;
}

/**
 * Shows, updates or (with `view` null) removes the first layer: title, a short text, the policy
 * link, and three buttons of equal prominence (the same markup and class, so the same size and
 * style). Texts are the site's own for the visitor's language where it gave them, else the
 * built-in translation. Escape in the banner, and the cancel (Escape) of the blocking variant,
 * mean "Reject all", as closing would. The non-blocking banner goes into `liveRegion`, so that it
 * announces itself without taking the focus.
 */
export function updateBanner(host: ConsentManagerElement, liveRegion: HTMLElement, view: BannerView | null): void {
  const current = shown.get(host);
  if (!view) {
    current?.node.remove();
    shown.delete(host);
    return;
  }
  adoptTheme(host.renderRoot, bannerStyles);
  const { language, gpc } = view;
  const { texts, policyUrl, language: defaultLanguage } = host.effectiveConfig;
  const url = anyTextFor(policyUrl, language, defaultLanguage);
  const title = textFor(texts.bannerTitle, language) ?? msg('This site uses cookies', { id: 'cm.banner.title' });
  const text =
    textFor(texts.bannerDescription, language) ??
    msg('Some cookies are needed for this site to work. With your consent, we also use optional cookies, for example to measure visits or remember your settings. You can change your choice at any time.', {
      id: 'cm.banner.text',
    });
  const policyLink = textFor(texts.policyLink, language) ?? msg('Cookie policy', { id: 'cm.banner.policy' });
  const gpcLine = gpc ? msg('Your browser sends a Global Privacy Control signal, and we respect it.', { id: 'cm.gpc' }) : '';
  const labels = [msg('Accept all', { id: 'cm.accept-all' }), msg('Reject all', { id: 'cm.reject-all' }), msg('Customize', { id: 'cm.customize' })] as const;
  const key = JSON.stringify([language, host.blocking, title, text, url, policyLink, gpcLine, labels]);
  if (current?.key === key) return;

  const doc = host.ownerDocument;
  const reject = (): void => host._choose('banner', false);
  const button = (part: string, label: string, action: () => void): HTMLButtonElement => {
    const node = element(doc, 'button', { part }, label);
    node.addEventListener('click', action);
    return node;
  };
  const content = [
    element(
      doc,
      'div',
      { class: 'content' },
      element(doc, 'h2', { id: 'title', part: 'title' }, title),
      element(doc, 'p', { id: 'text' }, text, url ? ' ' : null, url ? element(doc, 'a', { href: url }, policyLink) : null),
      gpcLine ? element(doc, 'p', {}, gpcLine) : null,
    ),
    element(
      doc,
      'div',
      { class: 'actions' },
      button('accept-all', labels[0], () => host._choose('banner', true)),
      button('reject-all', labels[1], reject),
      button('customize', labels[2], () => host.showPreferences()),
    ),
  ];
  const shared = { class: 'banner surface', part: 'banner', lang: language, dir: isRightToLeft(language) ? 'rtl' : 'ltr', 'aria-labelledby': 'title' };
  let node: HTMLElement;
  if (host.blocking) {
    node = element(doc, 'dialog', { ...shared, 'aria-describedby': 'text' }, ...content);
    node.addEventListener('cancel', reject);
    // Outside the live region: a modal dialog is announced as a dialog when it opens.
    host.renderRoot.append(node);
  } else {
    node = element(doc, 'section', { ...shared, role: 'region' }, ...content);
    node.addEventListener('keydown', (event) => event.key === 'Escape' && reject());
    liveRegion.append(node);
  }
  current?.node.remove();
  shown.set(host, { node, key });
}

/**
 * Gives a shadow root the theme and `styles`. The later parts of the UI (dialog, placeholders,
 * tables) take the theme through here rather than importing it, so that bundlers keep the theme
 * in the banner's chunk: the banner, which a new visitor waits for, then arrives in one file.
 */
export function adoptTheme(root: Element | ShadowRoot | DocumentFragment | null, ...styles: CSSResult[]): void {
  adoptStyles(root, themeStyles, ...styles);
}
