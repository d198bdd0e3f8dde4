/** What the component reads from the page it runs on. */

/**
 * Whether the browser sends Global Privacy Control. Only `true` counts: the property exists
 * with `false` in browsers that support GPC but where the visitor has not turned it on.
 */
export function readGlobalPrivacyControl(navigatorLike: Navigator = navigator): boolean {
  return (navigatorLike as Navigator & { globalPrivacyControl?: unknown }).globalPrivacyControl === true;
}

/**
 * The CSP nonce for scripts this component inserts: the element's own `nonce`, else the nonce of
 * the first script on the page that has one. Browsers hide the nonce attribute after parsing,
 * so it is read from the `nonce` property.
 */
export function pageNonce(element: HTMLElement): string | undefined {
  if (element.nonce) return element.nonce;
  for (const script of element.ownerDocument.querySelectorAll('script')) {
    if (script.nonce) return script.nonce;
  }
  return undefined;
}
