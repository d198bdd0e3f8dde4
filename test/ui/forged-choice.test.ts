// A page script must not be able to record a choice in the visitor's name as made in the banner,
// the preferences or a placeholder (`m=banner` in the record): the element's API records `api`.
// The attacker here calls every property of the element, its prototypes and its constructor,
// and every function held by a property, with arguments shaped like a part's choice.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { waitFor } from '../helpers/page-state.js';
import { CATEGORIES, isolateUiTests, mountManager } from '../helpers/ui.js';

const UI_METHODS = ['banner', 'preferences', 'placeholder'];
type AnyFunction = (...args: unknown[]) => unknown;

const FORGED_ARGUMENTS: unknown[][] = UI_METHODS.flatMap((method) => [[method, true], [method, { analytics: true, marketing: true }], [{ method, choice: true }]]);

/** Every function reachable in one step from `target`: its own and inherited members (up to `stop`), and functions held by them. */
function reachableFunctions(target: object, stop: object | null): AnyFunction[] {
  const found = new Set<AnyFunction>();
  for (let level: object | null = target; level && level !== stop; level = Object.getPrototypeOf(level) as object | null) {
    for (const key of Reflect.ownKeys(level)) {
      let value: unknown;
      try {
        value = (target as Record<PropertyKey, unknown>)[key];
      } catch {
        continue;
      }
      if (typeof value === 'function') found.add(value as AnyFunction);
      else if (value && typeof value === 'object') {
        for (const inner of Object.values(value)) if (typeof inner === 'function') found.add(inner as AnyFunction);
      }
    }
  }
  return [...found];
}

function callWithForgedArguments(target: object, functions: readonly AnyFunction[]): void {
  for (const fn of functions) {
    for (const args of FORGED_ARGUMENTS) {
      try {
        const result: unknown = Reflect.apply(fn, target, args);
        // An async method that rejects is as harmless as one that throws.
        if (result instanceof Promise) result.catch(() => undefined);
      } catch {
        // Throwing is a fine answer to a forged call.
      }
    }
  }
}

describe('a choice forged by page script', () => {
  isolateUiTests();

  it('cannot be recorded as made in the UI through any property of the element', async () => {
    const element = await mountManager({ categories: CATEGORIES });
    const sources: string[] = [];
    element.addEventListener('consent-change', (event) => sources.push(event.detail.source));
    // (Lit's own bookkeeping is on the instance and its base class, under `__` and `_$` names.)
    expect(Object.getOwnPropertyNames(Object.getPrototypeOf(element)).filter((name) => name.startsWith('_'))).to.deep.equal([]);
    callWithForgedArguments(element, reachableFunctions(element, HTMLElement.prototype));
    // The class's own statics; Lit's (addInitializer, createProperty…) configure every element by design.
    callWithForgedArguments(element.constructor, reachableFunctions(element.constructor, Object.getPrototypeOf(element.constructor) as object));
    // Choices through the API are recorded at once: none is still to come.
    expect(sources.length).to.be.greaterThan(0, 'the public API did record choices');
    expect(sources.filter((source) => UI_METHODS.includes(source))).to.deep.equal([]);
  });

  it("cannot be recorded as made in the UI through the element's controllers, which Lit keeps where page script can reach them", async () => {
    const element = await mountManager({ categories: CATEGORIES });
    const sources: string[] = [];
    element.addEventListener('consent-change', (event) => sources.push(event.detail.source));
    // Lit holds them in a Set under an own property of the element (its name is minified in builds).
    const held = Reflect.ownKeys(element)
      .map((key) => (element as unknown as Record<PropertyKey, unknown>)[key])
      .flatMap((value) => (value instanceof Set || value instanceof Map ? [...(value.values() as Iterable<unknown>)] : []));
    const controllers = held.filter((value): value is object => typeof value === 'object' && value !== null && 'hostConnected' in value);
    expect(controllers.length, 'the session, language and UI parts controllers').to.be.greaterThanOrEqual(3);
    // Each controller's methods, and the methods of every object it holds (a session would be one).
    for (const controller of controllers) {
      callWithForgedArguments(controller, reachableFunctions(controller, Object.prototype));
      for (const value of Object.values(controller) as unknown[]) {
        if (value && typeof value === 'object') callWithForgedArguments(value, reachableFunctions(value, Object.prototype));
      }
    }
    element.acceptAll();
    expect(sources.length).to.be.greaterThan(0, 'the public API did record a choice');
    expect(sources.filter((source) => UI_METHODS.includes(source))).to.deep.equal([]);
  });

  it('cannot be recorded as made on a placeholder through any property of the placeholder', async () => {
    const element = await mountManager({ categories: CATEGORIES });
    const frame = document.createElement('iframe');
    frame.setAttribute('data-consent', 'marketing');
    frame.setAttribute('data-src', '/test/fixtures/frame.html');
    document.body.append(frame);
    try {
      await waitFor(() => frame.parentElement?.localName === 'consent-placeholder', 3000, 'the placeholder');
      const placeholder = frame.parentElement!;
      const sources: string[] = [];
      element.addEventListener('consent-change', (event) => sources.push(event.detail.source));
      callWithForgedArguments(placeholder, reachableFunctions(placeholder, HTMLElement.prototype));
      expect(sources.filter((source) => UI_METHODS.includes(source))).to.deep.equal([]);
      expect(element.isAllowed('marketing')).to.equal(false);
    } finally {
      (frame.parentElement?.localName === 'consent-placeholder' ? frame.parentElement : frame).remove();
    }
  });
});
