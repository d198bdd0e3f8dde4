/**
 * Reading a vendor's global (`window.analytics`, `fbq`, `dataLayer`, `Stripe`) safely. Markup can
 * put anything under those names: an element with `id="analytics"` or `name="fbq"`, a form whose
 * named inputs look like methods (DOM clobbering). Such named properties live on the window's
 * prototype chain, never on the window itself, so only the window's own property is the
 * vendor's; a DOM node or frame assigned there by a snippet (`window.dataLayer = window.dataLayer
 * || []` on a page with `id="dataLayer"`) is not the vendor's either.
 */

/** Whether `value` is part of the document (an element, a collection of them, or a frame's window). */
function isFromMarkup(value: unknown, win: Window & typeof globalThis): boolean {
  if (typeof value !== 'object' && typeof value !== 'function') return false;
  if (value === null) return false;
  return value instanceof win.Node || value instanceof win.HTMLCollection || (value as { window?: unknown }).window === value;
}

/**
 * The page's own value of the global `name`, or `undefined` when there is none or it comes from
 * markup. Assigning the global then shadows whatever markup put there.
 */
export function vendorGlobal(win: Window & typeof globalThis, name: string): unknown {
  if (!Object.hasOwn(win, name)) return undefined;
  const value = (win as unknown as Record<string, unknown>)[name];
  return isFromMarkup(value, win) ? undefined : value;
}

/** Whether `value` is an object (or function) with a function under each of `methods`. */
export function hasMethods(value: unknown, methods: readonly string[]): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  return methods.every((method) => typeof (value as Record<string, unknown>)[method] === 'function');
}
