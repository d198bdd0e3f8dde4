import { css } from '@lit/reactive-element';

/**
 * The first layer. It is `position: fixed`, so showing it moves nothing on the page (no layout
 * shift), and it covers only the corner or edge it sits on unless the site sets `blocking`.
 * Positions are logical (`start`/`end`), so they follow right-to-left languages.
 */
export const bannerStyles = css`
  .banner {
    position: fixed;
    z-index: var(--consent-z-index, 2147483000);
    inset: auto var(--_space) var(--_space) auto;
    inset-block: auto var(--_space);
    inset-inline: auto var(--_space);
    inline-size: min(var(--consent-banner-width, 28rem), 100vw - 2 * var(--_space));
    max-inline-size: none;
    max-block-size: calc(100dvh - 2 * var(--_space));
    overflow: auto;
    margin: 0;
    padding: var(--_space);
    box-shadow: var(--consent-shadow, 0 0.5rem 2rem #0004);
  }
  :host([position^='top']) .banner {
    inset-block: var(--_space) auto;
  }
  :host([position$='start']) .banner {
    inset-inline: var(--_space) auto;
  }
  :host([position='top']) .banner,
  :host([position='bottom']) .banner,
  :host([blocking]) .banner {
    inset-inline: 0;
    margin-inline: auto;
  }
  :host([blocking]:not([layout='bar'])) .banner {
    inset-block: 0;
    margin-block: auto;
    block-size: fit-content;
  }
  :host([layout='bar']) .banner {
    inset-block: auto 0;
    inset-inline: 0;
    inline-size: auto;
    border-width: 1px 0;
    border-radius: 0;
  }
  :host([layout='bar'][position^='top']) .banner {
    inset-block: 0 auto;
  }
  .banner h2 {
    margin: 0 0 0.5rem;
    font-size: 1.125em;
  }
  .banner p,
  .banner details {
    margin: 0 0 0.75rem;
  }
  .banner summary {
    cursor: pointer;
  }
  /* Scoped: the dialog's styles join the same shadow root. */
  .banner .actions {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 7.5rem), 1fr));
    grid-auto-rows: 1fr;
    gap: 0.5rem;
  }
  @media (min-width: 48rem) {
    :host([layout='bar']) .banner {
      display: flex;
      align-items: center;
      gap: 2rem;
    }
    :host([layout='bar']) .banner .actions {
      /* minmax(0, …): equal thirds even when the bar is tight, never sized by each label. */
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
  }
`;
