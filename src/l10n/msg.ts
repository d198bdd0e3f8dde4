/**
 * `msg`, `str` and the locale event, from the modules of @lit/localize that define them. The
 * package's main module also re-exports its runtime (`configureLocalization`), which has
 * top-level code and so would follow every chunk that shows text, English pages included.
 * Only `localization.ts` needs the runtime.
 */
export { msg } from '@lit/localize/init/install.js';
export { str } from '@lit/localize/internal/str-tag.js';
export { LOCALE_STATUS_EVENT } from '@lit/localize/internal/locale-status-event.js';
