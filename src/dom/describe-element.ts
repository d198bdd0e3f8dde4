/** How diagnostics name a gated element: its tag and categories. */
export function describeElement(element: Element): string {
  return `<${element.tagName.toLowerCase()} data-consent="${element.getAttribute('data-consent') ?? ''}">`;
}
