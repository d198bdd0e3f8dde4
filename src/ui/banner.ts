import { msg } from '../l10n/msg.js';
import { html, nothing, type TemplateResult } from 'lit';
import { anyTextFor, textFor } from '../core/localized-text.js';
import { isRightToLeft } from '../l10n/direction.js';
import type { CSSResult } from 'lit';
import { adoptStyles } from './adopt-styles.js';
import { bannerStyles } from './banner.styles.js';
import type { ConsentManagerElement } from './consent-manager.js';
import { themeStyles } from './theme.styles.js';

/**
 * The first layer: title, a short text, the policy link, and three buttons of equal prominence
 * (the same markup and class, so the same size and style). Texts are the site's own for the
 * visitor's language where it gave them, else the built-in translation. Escape in the banner,
 * and the cancel (Escape) of the blocking variant, mean "Reject all", as closing would.
 */
export function renderBanner(host: ConsentManagerElement, language: string, gpc: boolean): TemplateResult {
  adoptTheme(host.renderRoot, bannerStyles);
  const { texts, policyUrl, language: defaultLanguage } = host.effectiveConfig;
  const url = anyTextFor(policyUrl, language, defaultLanguage);
  const reject = (): void => host._choose('banner', false);
  const content = html`
    <div class="content">
      <h2 id="title" part="title">${textFor(texts.bannerTitle, language) ?? msg('This site uses cookies', { id: 'cm.banner.title' })}</h2>
      <p id="text">
        ${textFor(texts.bannerDescription, language) ??
        msg('Some cookies are needed for this site to work. With your consent, we also use optional cookies, for example to measure visits or remember your settings. You can change your choice at any time.', {
          id: 'cm.banner.text',
        })}
        ${url ? html`<a href=${url}>${textFor(texts.policyLink, language) ?? msg('Cookie policy', { id: 'cm.banner.policy' })}</a>` : nothing}
      </p>
      ${gpc ? html`<p>${msg('Your browser sends a Global Privacy Control signal, and we respect it.', { id: 'cm.gpc' })}</p>` : nothing}
    </div>
    <div class="actions">
      <button part="accept-all" @click=${() => host._choose('banner', true)}>${msg('Accept all', { id: 'cm.accept-all' })}</button>
      <button part="reject-all" @click=${reject}>${msg('Reject all', { id: 'cm.reject-all' })}</button>
      <button part="customize" @click=${() => host.showPreferences()}>${msg('Customize', { id: 'cm.customize' })}</button>
    </div>
  `;
  const dir = isRightToLeft(language) ? 'rtl' : 'ltr';
  return host.blocking
    ? html`<dialog class="banner surface" part="banner" lang=${language} dir=${dir} aria-labelledby="title" aria-describedby="text" @cancel=${reject}>${content}</dialog>`
    : html`<section
        class="banner surface"
        part="banner"
        role="region"
        lang=${language}
        dir=${dir}
        aria-labelledby="title"
        @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && reject()}
      >
        ${content}
      </section>`;
}


/**
 * Gives a shadow root the theme and `styles`. The later parts of the UI (dialog, placeholders,
 * tables) take the theme through here rather than importing it, so that bundlers keep the theme
 * in the banner's chunk: the banner, which a new visitor waits for, then arrives in one file.
 */
export function adoptTheme(root: Element | ShadowRoot | DocumentFragment | null, ...styles: CSSResult[]): void {
  adoptStyles(root, themeStyles, ...styles);
}
