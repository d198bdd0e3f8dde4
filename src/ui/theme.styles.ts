import { css } from '@lit/reactive-element';

/**
 * The theme shared by every element of the UI. Colours and measures are read from the site's
 * `--consent-*` custom properties, with the default theme as fallback: custom properties inherit,
 * so a site can set them on `:root`. `theme="dark"` (or `auto` with a dark system preference)
 * swaps only the fallbacks (`light-dark()` follows the color-scheme the theme sets), so a colour
 * the site sets wins in every theme. Links take the text colour and are underlined, so they meet
 * the text contrast too.
 *
 * The default colours give at least 4.5:1 for text in both themes (a test checks them). In
 * forced colours (Windows High Contrast) the system's colours win; buttons then get a border.
 */
export const themeStyles = css`
  :host {
    color-scheme: light;
    /* Each default colour as a light and a dark pair: the theme only sets color-scheme. */
    --_bg: var(--consent-background, light-dark(#fff, #111827));
    --_fg: var(--consent-color, light-dark(#1f2933, #f3f4f6));
    --_accent: var(--consent-accent, light-dark(#1e40af, #bfdbfe));
    --_on-accent: var(--consent-on-accent, light-dark(#fff, #111827));
    --_line: var(--consent-border-color, light-dark(#6b7280, #9ca3af));
    --_space: var(--consent-spacing, 1rem);
    --_radius: var(--consent-radius, 0.5rem);
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  .surface {
    box-sizing: border-box;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: var(--consent-font-size, 0.9375rem) / 1.5 var(--consent-font-family, system-ui, sans-serif);
  }
  a {
    color: inherit;
  }
  button {
    min-block-size: 2.75rem;
    padding: 0.5rem 1rem;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button:hover {
    text-decoration: underline;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  ::backdrop {
    background: var(--consent-backdrop, #0008);
  }
  @media (forced-colors: active) {
    /* Forced colours drop the fill that marks a button out from text: a border takes its place. */
    button {
      border: 1px solid ButtonText;
    }
  }
`;
