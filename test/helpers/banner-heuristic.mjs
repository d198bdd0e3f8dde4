// TEST HELPER, not shipped: a consent-banner finder written for these tests in the manner of the
// compliance scanners and consent-automation tools that look for a cookie banner on any site. It
// uses the signals those tools commonly match, so that a test can tell whether such a tool finds
// our banner, and finds nothing else:
//
// - where: the document and every open shadow root (scanners driven by Playwright or Puppeteer
//   search open shadow roots; a closed one stays out of reach, so the element's root is open);
// - what looks like a banner: a visible element that is a dialog (`<dialog>`, `role="dialog"` or
//   `"alertdialog"`), a named `role="region"`, or fixed or sticky on screen, and that carries a
//   well-known name: an id or class containing "cookie", "consent" or "gdpr" (`#cookie-consent`,
//   `.consent-banner`, `[id*=cookie]` …), or an accessible name (`aria-label`, or the text that
//   `aria-labelledby` points at) containing "cookie" or "consent";
// - its buttons, by text in the common languages (accept / reject / settings) or by an id
//   containing accept, reject, decline, deny, settings or customize;
// - its policy link: `rel="privacy-policy"`, or a link whose text or address speaks of cookies or
//   privacy.
//
// The finder is one self-contained function so that the end-to-end tests can hand it to
// `page.evaluate` as it is.

/**
 * Every banner-like element of the page, best first, each with the signals that made it one, its
 * score, and its accept, reject and settings buttons and policy link where found.
 * @param {Document} doc
 */
export function findConsentBanners(doc) {
  const NAME = /cookie|consent|gdpr/i;
  const LABEL = /cookie|consent/i;
  const BUTTON_TEXT = {
    reject: /^(reject|decline|deny|refuse)( all)?( cookies)?$|^(alle )?ablehnen$|^tout refuser$|^rechazar( todo)?$|^only necessary|^necessary only|^nur notwendige/i,
    accept: /^(accept|allow|agree)( all)?( cookies)?$|^(alle )?akzeptieren$|^tout accepter$|^aceptar( todo)?$|^i agree$|^ok$/i,
    settings: /^(customi[sz]e|settings|cookie settings|manage( cookies| preferences)?|preferences|more options|einstellungen|personnaliser|configurar)$/i,
  };
  const BUTTON_ID = { reject: /reject|decline|deny/i, accept: /accept|allow/i, settings: /settings|customi[sz]e|preferences/i };

  /** Every element under `root`, through open shadow roots. */
  const all = (root) => {
    const found = [];
    const visit = (node) => {
      for (const child of node.querySelectorAll('*')) {
        found.push(child);
        if (child.shadowRoot) visit(child.shadowRoot);
      }
    };
    visit(root);
    return found;
  };
  const styleOf = (element) => doc.defaultView.getComputedStyle(element);
  const visible = (element) => {
    const style = styleOf(element);
    return element.getClientRects().length > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  /** The accessible name as scanners read it: `aria-labelledby`'s text first, else `aria-label`. */
  const accessibleName = (element) => {
    const ids = element.getAttribute('aria-labelledby');
    if (ids) {
      const scope = element.getRootNode();
      return ids
        .split(/\s+/)
        .map((id) => scope.getElementById?.(id)?.textContent ?? '')
        .join(' ')
        .trim();
    }
    return element.getAttribute('aria-label') ?? '';
  };
  const classify = (button) => {
    const text = (button.textContent ?? '').replace(/\s+/g, ' ').trim();
    for (const kind of ['reject', 'accept', 'settings']) if (BUTTON_TEXT[kind].test(text) || BUTTON_ID[kind].test(button.id)) return kind;
    return undefined;
  };

  const banners = [];
  for (const element of all(doc)) {
    if (!visible(element)) continue;
    const role = element.getAttribute('role');
    const position = styleOf(element).position;
    const dialog = element.localName === 'dialog' || role === 'dialog' || role === 'alertdialog';
    const name = accessibleName(element);
    const overlay = dialog || (role === 'region' && name !== '') || position === 'fixed' || position === 'sticky';
    if (!overlay) continue;
    const signals = [];
    if (NAME.test(element.id)) signals.push('id');
    if (NAME.test(element.getAttribute('class') ?? '')) signals.push('class');
    if (LABEL.test(name)) signals.push('name');
    if (signals.length === 0) continue;
    const buttons = {};
    for (const button of all(element)) {
      if (!(button.localName === 'button' || button.getAttribute('role') === 'button') || !visible(button)) continue;
      const kind = classify(button);
      if (kind && !buttons[kind]) buttons[kind] = button;
    }
    const policyLink =
      [...all(element)].find((node) => node.localName === 'a' && /(^|\s)privacy-policy(\s|$)/.test(node.getAttribute('rel') ?? '')) ??
      [...all(element)].find((node) => node.localName === 'a' && /cookie|privacy/i.test(`${node.textContent} ${node.getAttribute('href')}`));
    const score = signals.length * 2 + (dialog ? 1 : 0) + (buttons.reject ? 2 : 0) + (buttons.accept ? 1 : 0) + (buttons.settings ? 1 : 0);
    banners.push({ element, signals, score, buttons, policyLink });
  }
  // Outermost first among equals: a scanner takes the container, not a part of it.
  return banners.sort((a, b) => b.score - a.score || (a.element.contains(b.element) ? -1 : b.element.contains(a.element) ? 1 : 0));
}
