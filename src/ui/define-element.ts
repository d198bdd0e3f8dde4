import { report } from '../diagnostics/report.js';

/**
 * Registers `constructor` as `tagName`. A name that is already taken gets a console warning
 * instead of the exception `customElements.define` throws, so two copies of the script coexist.
 */
export function defineElement(tagName: string, constructor: CustomElementConstructor, registry: CustomElementRegistry): boolean {
  const existing = registry.get(tagName);
  if (!existing) registry.define(tagName, constructor);
  else if (existing !== constructor) report('warn', { code: 'already-defined', tagName });
  return registry.get(tagName) === constructor;
}
