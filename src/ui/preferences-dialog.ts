/**
 * The second layer, loaded on demand: a native modal `<dialog>` with a switch per category, its
 * description and its cookie table, and Accept all / Reject all / Save choices. The browser
 * keeps the focus inside while it is open and closes it on Escape. Whether it is open is the
 * element's view state; when the element leaves it, the focus goes back to its opener.
 */

import { msg } from '../l10n/msg.js';
import { css, html, nothing, render, type TemplateResult } from 'lit';
import { textFor } from '../core/localized-text.js';
import { isRightToLeft } from '../l10n/direction.js';
import { alwaysOn, categoryDescription, categoryLabel } from './category-texts.js';
import type { ConsentManagerElement } from './consent-manager.js';
import { cookieTableStyles, declaredCookies, renderCookieTable } from './cookie-table.js';
import { adoptTheme } from './banner.js';
import type { ChoiceRecorder, PartChoice } from './part-host.js';

function choiceIn(dialog: Element): Record<string, boolean> {
  const switches = dialog.querySelectorAll<HTMLInputElement>('input[data-category]');
  return Object.fromEntries([...switches].map((input) => [input.dataset.category!, input.checked]));
}

/** What the open dialog shows, how it records the visitor's choice, and how it asks to close. */
export interface PreferencesView {
  readonly language: string;
  /** Whether to say that the Global Privacy Control signal is honoured. */
  readonly gpc: boolean;
  readonly recorder: ChoiceRecorder;
  /** Leaves the preferences (the visitor chose, pressed Escape or the close button); the element puts the focus back. */
  readonly close: () => void;
}

/**
 * Keeps Tab and Shift+Tab cycling inside the dialog. A modal `<dialog>` makes the page inert, but
 * browsers still let the focus leave for their own toolbar after the last control; a visitor
 * using the keyboard then loses their place. The key is also recognised by its `code`: WebKitGTK
 * reports Shift+Tab (GTK's ISO_Left_Tab) with `key` "Unidentified".
 */
function keepFocusInside(event: KeyboardEvent): void {
  if (event.key !== 'Tab' && event.code !== 'Tab') return;
  const dialog = event.currentTarget as HTMLDialogElement;
  const focusable = [...dialog.querySelectorAll<HTMLElement>('button, input:not(:disabled), summary, a[href], [tabindex="0"]')].filter((candidate) => candidate.checkVisibility());
  const edge = event.shiftKey ? focusable[0] : focusable.at(-1);
  if (edge && (dialog.getRootNode() as ShadowRoot).activeElement === edge) {
    event.preventDefault();
    (event.shiftKey ? focusable.at(-1) : focusable[0])?.focus();
  }
}

/**
 * Renders the dialog of `host` into `place` (made in its shadow root on the first call, and
 * returned for the next), or with `view` null closes it at once (until it is gone the page stays
 * inert) and gives the focus back to `opener`, where it was when the dialog opened.
 */
export function updatePreferences(host: ConsentManagerElement, place: HTMLElement | undefined, view: PreferencesView | null, opener?: Element | null): HTMLElement {
  if (!place) {
    place = host.ownerDocument.createElement('div');
    place.className = 'preferences-place';
    host.renderRoot.append(place);
  }
  if (view) adoptTheme(host.renderRoot, preferencesStyles);
  else place.querySelector('dialog')?.close();
  render(view ? renderPreferences(host, view) : nothing, place, { host });
  if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  return place;
}

/** The open dialog of `host`. */
function renderPreferences(host: ConsentManagerElement, { language, gpc, recorder, close }: PreferencesView): TemplateResult {
  const config = host.effectiveConfig;
  const consent = host.consent;
  const { texts } = config;
  const decide = (choice: PartChoice): void => {
    recorder.decide('preferences', choice);
    close();
  };
  return html`
    <dialog
      class="preferences surface"
      part="preferences"
      lang=${language}
      dir=${isRightToLeft(language) ? 'rtl' : 'ltr'}
      aria-labelledby="preferences-title"
      aria-describedby="preferences-text"
      @keydown=${keepFocusInside}
      @close=${(event: Event) => {
        // A dialog closed by code is replaced at the next render, and its late close event must
        // not close the one that may have opened since.
        if ((event.target as Element).isConnected) close();
      }}
    >
      <div class="head">
        <h2 id="preferences-title">${textFor(texts.preferencesTitle, language) ?? msg('Cookie settings', { id: 'cm.preferences.title' })}</h2>
        <button class="close" aria-label=${msg('Close', { id: 'cm.preferences.close', desc: 'Closes the cookie settings without saving.' })} @click=${() => close()}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <p id="preferences-text">
        ${textFor(texts.preferencesDescription, language) ??
        msg('Choose which optional cookies this site may use. Cookies the site needs in order to work are always on. You can change your choice at any time.', {
          id: 'cm.preferences.text',
        })}
      </p>
      ${gpc ? html`<p>${msg('Your browser sends a Global Privacy Control signal, and we respect it.', { id: 'cm.gpc' })}</p>` : nothing}
      <ul class="categories">
        ${config.categories.map((category) => {
          const { id, required } = category;
          const label = categoryLabel(category, language, config);
          const description = categoryDescription(category, language, config);
          // Each "Cookies in this category" is named with its category too: read as a list of
          // controls, they would otherwise be the same words once per category.
          return html`
            <li class="category" part="category">
              <div class="category-head">
                <label id="label-${id}" for="toggle-${id}">${label}</label>
                ${required ? html`<span>${alwaysOn()}</span>` : nothing}
                <input
                  id="toggle-${id}"
                  type="checkbox"
                  role="switch"
                  part="toggle"
                  data-category=${id}
                  .checked=${required || consent[id] === true}
                  ?disabled=${required}
                  aria-describedby=${description ? `description-${id}` : nothing}
                />
              </div>
              ${description ? html`<p class="description" id="description-${id}">${description}</p>` : nothing}
              <details>
                <summary id="cookies-${id}" aria-labelledby="cookies-${id} label-${id}">${msg('Cookies in this category', { id: 'cm.cookies.summary' })}</summary>
                ${renderCookieTable(declaredCookies(config, host.adapters, id, language), language, config, label)}
              </details>
            </li>
          `;
        })}
      </ul>
      <div class="actions">
        <button part="accept-all" @click=${() => decide(true)}>${msg('Accept all', { id: 'cm.accept-all' })}</button>
        <button part="reject-all" @click=${() => decide(false)}>${msg('Reject all', { id: 'cm.reject-all' })}</button>
        <button part="save" @click=${(event: Event) => decide(choiceIn((event.target as Element).closest('dialog')!))}>
          ${msg('Save choices', { id: 'cm.preferences.save' })}
        </button>
      </div>
    </dialog>
  `;
}

/**
 * The dialog's styles. It shares the element's shadow root with the banner, so every rule is
 * scoped to `.preferences`: a bare `.actions` here restyled the banner's buttons once opened.
 */
export const preferencesStyles = css`
  ${cookieTableStyles}
  .preferences {
    inline-size: min(var(--consent-dialog-width, 42rem), calc(100vw - 2rem));
    max-inline-size: none;
    max-block-size: calc(100dvh - 2rem);
    padding: 0;
    box-shadow: var(--consent-shadow, 0 0.5rem 2rem #0004);
  }
  .preferences .head {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space);
    padding: var(--_space) var(--_space) 0;
  }
  .preferences .head h2 {
    margin: 0;
    font-size: 1.25em;
  }
  .preferences .close {
    min-inline-size: 2.75rem;
    padding: 0.25rem;
    border-color: transparent;
    background: transparent;
    color: var(--_fg);
    font-weight: normal;
  }
  .preferences > p {
    margin: 0.5rem 0 0;
    padding-inline: var(--_space);
  }
  .preferences .categories {
    margin: 0;
    padding: var(--_space);
    list-style: none;
  }
  .preferences .category {
    padding-block: 0.75rem;
    border-block-start: 1px solid var(--_line);
  }
  .preferences .category-head {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }
  .preferences .category-head label {
    flex: 1;
    font-weight: 600;
  }
  .preferences .description {
    margin: 0.25rem 0 0.5rem;
  }
  .preferences summary {
    cursor: pointer;
    inline-size: fit-content;
  }
  .preferences details[open] summary {
    margin-block-end: 0.5rem;
  }
  .preferences input[role='switch'] {
    appearance: none;
    position: relative;
    flex: none;
    inline-size: 2.75rem;
    block-size: 1.5rem;
    margin: 0;
    border: 2px solid var(--_line);
    border-radius: 1rem;
    background: var(--_bg);
    cursor: pointer;
  }
  .preferences input[role='switch']::before {
    content: '';
    position: absolute;
    inset-block: 2px;
    inset-inline-start: 2px;
    aspect-ratio: 1;
    border-radius: 50%;
    background: var(--_line);
    transition: transform 0.15s;
  }
  .preferences input[role='switch']:checked {
    border-color: var(--_accent);
    background: var(--_accent);
  }
  .preferences input[role='switch']:checked::before {
    background: var(--_on-accent);
    transform: translateX(1.25rem);
  }
  .preferences[dir='rtl'] input[role='switch']:checked::before {
    transform: translateX(-1.25rem);
  }
  .preferences input[role='switch']:disabled {
    cursor: not-allowed;
  }
  .preferences .actions {
    position: sticky;
    inset-block-end: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr));
    grid-auto-rows: 1fr;
    gap: 0.5rem;
    padding: var(--_space);
    border-block-start: 1px solid var(--_line);
    background: var(--_bg);
  }
  @media (prefers-reduced-motion: reduce) {
    .preferences input[role='switch']::before {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    /*
     * Forced colours would paint track and knob alike, on or off. The switch keeps its own
     * colours, taken from the system's: on is filled with Highlight, off is an outline.
     */
    .preferences input[role='switch'] {
      forced-color-adjust: none;
      border-color: ButtonText;
      background: Canvas;
    }
    .preferences input[role='switch']::before {
      background: ButtonText;
    }
    .preferences input[role='switch']:checked {
      border-color: Highlight;
      background: Highlight;
    }
    .preferences input[role='switch']:checked::before {
      background: HighlightText;
    }
    .preferences input[role='switch']:disabled {
      border-color: GrayText;
      background: GrayText;
    }
    .preferences input[role='switch']:disabled::before {
      background: Canvas;
    }
    .preferences input[role='switch']:focus-visible {
      outline-color: Highlight;
    }
    .preferences .close {
      border-color: ButtonText;
    }
  }
`;
