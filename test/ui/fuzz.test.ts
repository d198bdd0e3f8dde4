/**
 * Property-based test of the element as a visitor and a page use it: random sequences of API
 * calls, clicks in the banner and the preferences, messages from another tab (honest ones, which
 * store their choice first, as a real tab does, and forged ones) and reloads. After every step
 * nothing has thrown or been logged, the state is valid, nothing is allowed that the visitor's
 * latest choice did not allow, and the stored record agrees with what the element applies.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define.js';
import { parseConfig } from '../../src/core/config.js';
import { decodeRecord, encodeRecord } from '../../src/core/record.js';
import { copyKey } from '../../src/core/storage.js';
import { reported } from '../../src/diagnostics/report.js';
import { createBrowserStorage } from '../../src/dom/browser-storage.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { captureConsole } from '../helpers/console.js';
import { clearBrowserStorage, storedCookieValue, waitFor } from '../helpers/page-state.js';
import { mountManager, part, shownPart } from '../helpers/ui.js';

/** Sequences tried in each engine: FUZZ_RUNS when web-test-runner starts (web-test-runner.config.mjs), else 10. */
declare const __FUZZ_RUNS__: number;

const OPTIONAL = ['analytics', 'marketing', 'preferences'] as const;
type Optional = (typeof OPTIONAL)[number];
type Choice = Partial<Record<Optional, boolean>>;
const CATEGORIES = [{ id: 'necessary', required: true }, ...OPTIONAL.map((id) => ({ id }))];

type Step =
  | { readonly kind: 'api-accept' | 'api-reject' | 'api-reset' | 'banner-accept' | 'banner-reject' | 'reload' }
  | { readonly kind: 'api-save'; readonly choice: Choice }
  | { readonly kind: 'preferences'; readonly switches: Choice; readonly finish: 'save' | 'accept' | 'reject' | 'close' }
  | { readonly kind: 'other-tab'; readonly choice: Choice }
  | { readonly kind: 'forged-message'; readonly value: string | null };

const choice = fc.record({ analytics: fc.boolean(), marketing: fc.boolean(), preferences: fc.boolean() }, { requiredKeys: [] });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom<Step>({ kind: 'api-accept' }, { kind: 'api-reject' }, { kind: 'api-reset' }, { kind: 'banner-accept' }, { kind: 'banner-reject' }, { kind: 'reload' }),
  choice.map((value): Step => ({ kind: 'api-save', choice: value })),
  fc.record({ switches: choice, finish: fc.constantFrom('save', 'accept', 'reject', 'close' as const) }).map((value): Step => ({ kind: 'preferences', ...value })),
  choice.map((value): Step => ({ kind: 'other-tab', choice: value })),
  fc.oneof(fc.string({ maxLength: 80 }), fc.constant(null), fc.constant('v=1&id=AAAAAAAAAAAAAAAAAAAAAA&g=analytics')).map((value): Step => ({ kind: 'forged-message', value })),
);

function storedRecord(cookieName: string) {
  const raw = storedCookieValue(cookieName);
  return raw === null ? null : decodeRecord(raw);
}

describe('fuzzing the element', () => {
  it('never allows what the visitor did not allow, never throws, and keeps storage and state in agreement', async function () {
    // Each run mounts elements and waits for real rendering: about a second per run. The waits
    // below are hang limits, generous for WebKit on a busy machine, never measures.
    this.timeout(120_000);
    const errors: string[] = [];
    const onError = (event: ErrorEvent | PromiseRejectionEvent) => errors.push(String('reason' in event ? event.reason : event.message));
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onError);
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
          clearBrowserStorage();
          // Each run stores under its own name: WebKit was seen answering, a moment after
          // clearBrowserStorage, the record an earlier run had written under the same name.
          const cookieName = `consent-run-${run++}`;
          const CONFIG = { categories: CATEGORIES, storage: { cookieName } };
          const channel = new BroadcastChannel(`consent-manager:${cookieName}`);
          const output = captureConsole();
          /** What the visitor last chose, in this tab or another; null: nothing, or forgotten. */
          let allowed: Set<Optional> | null = null;
          let element: ConsentManagerElement = await mountManager(CONFIG);
          const decide = (values: Record<Optional, boolean>) => {
            allowed = new Set(OPTIONAL.filter((id) => values[id]));
          };
          const current = (): Record<Optional, boolean> => Object.fromEntries(OPTIONAL.map((id) => [id, element.isAllowed(id)])) as Record<Optional, boolean>;
          try {
            for (const [index, action] of steps.entries()) {
              try {
                switch (action.kind) {
                  case 'api-accept':
                    element.acceptAll();
                    decide({ analytics: true, marketing: true, preferences: true });
                    break;
                  case 'api-reject':
                    element.rejectAll();
                    decide({ analytics: false, marketing: false, preferences: false });
                    break;
                  case 'api-reset':
                    element.reset();
                    allowed = null;
                    break;
                  case 'api-save': {
                    const next = { ...current(), ...action.choice };
                    element.save(action.choice);
                    decide(next);
                    break;
                  }
                  case 'banner-accept':
                  case 'banner-reject': {
                    element.showBanner();
                    const button = await shownPart<HTMLButtonElement>(element, action.kind === 'banner-accept' ? 'accept-all' : 'reject-all', 10_000);
                    button.click();
                    const value = action.kind === 'banner-accept';
                    decide({ analytics: value, marketing: value, preferences: value });
                    break;
                  }
                  case 'preferences': {
                    element.showPreferences();
                    await waitFor(() => part<HTMLDialogElement>(element, 'preferences')?.open === true, 10_000, 'the preferences');
                    const dialog = part<HTMLDialogElement>(element, 'preferences')!;
                    const switches = Object.fromEntries(OPTIONAL.map((id) => [id, dialog.querySelector<HTMLInputElement>(`input[data-category="${id}"]`)!])) as Record<Optional, HTMLInputElement>;
                    for (const [id, value] of Object.entries(action.switches) as [Optional, boolean][]) if (switches[id].checked !== value) switches[id].click();
                    const shownState = Object.fromEntries(OPTIONAL.map((id) => [id, switches[id].checked])) as Record<Optional, boolean>;
                    if (action.finish === 'close') {
                      element.hide();
                    } else {
                      const button = { save: 'save', accept: 'accept-all', reject: 'reject-all' }[action.finish];
                      dialog.querySelector<HTMLButtonElement>(`[part~="${button}"]`)!.click();
                      const value = action.finish === 'accept';
                      decide(action.finish === 'save' ? shownState : { analytics: value, marketing: value, preferences: value });
                    }
                    await waitFor(() => part<HTMLDialogElement>(element, 'preferences') === null, 10_000, 'the preferences to close');
                    break;
                  }
                  case 'other-tab': {
                    // Another tab stores the visitor's choice, then says so.
                    const values = { ...current(), ...action.choice };
                    const now = Math.floor(Date.now() / 1000);
                    const record = encodeRecord({ version: 1, id: 'BBBBBBBBBBBBBBBBBBBBBB', revision: 0, createdAt: now, updatedAt: now, granted: ['necessary', ...OPTIONAL.filter((id) => values[id])], denied: OPTIONAL.filter((id) => !values[id]), method: 'banner', gpc: false, language: 'en' });
                    // As another tab's element stores it: the cookie, and its copy in localStorage.
                    createBrowserStorage(parseConfig(CONFIG).config.storage).write(record);
                    channel.postMessage({ type: 'consent-changed', value: record });
                    decide(values);
                    await waitFor(() => element.record !== null && encodeRecord(element.record) === record, 10_000, "the other tab's choice");
                    break;
                  }
                  case 'forged-message': {
                    // Nothing to observe when it is ignored. A channel opened after the element's gets
                    // each message after it (the HTML standard delivers in the order channels were
                    // created), so once this one has it, the element has handled it.
                    const witness = new BroadcastChannel(`consent-manager:${cookieName}`);
                    const delivered = new Promise((resolve) => witness.addEventListener('message', resolve, { once: true }));
                    channel.postMessage({ type: 'consent-changed', value: action.value });
                    await delivered;
                    witness.close();
                    break;
                  }
                  case 'reload':
                    fixtureCleanup();
                    element = await mountManager(CONFIG);
                    break;
                }
                await element.updateComplete;
                const label = JSON.stringify(action);
                expect(element.isAllowed('necessary'), label).to.equal(true);
                for (const id of OPTIONAL) {
                  if (element.isAllowed(id)) expect(allowed === null ? false : (allowed as Set<Optional>).has(id), `${id} allowed after ${label}`).to.equal(true);
                }
                if (action.kind !== 'forged-message' && element.decided) {
                  const record = storedRecord(cookieName);
                  expect(record, `a decided element has a stored record after ${label}`).to.not.equal(null);
                  for (const id of OPTIONAL) expect(record!.granted.includes(id), `${id} stored as applied after ${label}`).to.equal(element.isAllowed(id));
                  const copy = decodeRecord(localStorage.getItem(copyKey(cookieName)) ?? '');
                  for (const id of OPTIONAL) expect(copy?.granted.includes(id), `${id} in the localStorage copy as applied after ${label}`).to.equal(element.isAllowed(id));
                }
              } catch (error) {
                // fast-check reports only the input: which step failed, and in what state, is said here.
                const state = { applied: current(), expected: allowed === null ? null : [...(allowed as Set<Optional>)], stored: storedCookieValue(cookieName), record: element.record && encodeRecord(element.record), storedAfterASecond: '' };
                // Whether storage itself settles: WebKit was seen answering an older value just after a write.
                await new Promise((resolve) => setTimeout(resolve, 1500));
                state.storedAfterASecond = storedCookieValue(cookieName) ?? 'none';
                const failure = new Error(`step ${index} (${JSON.stringify(action)}): ${error instanceof Error ? error.message : String(error)}; state ${JSON.stringify(state)}`);
                // fast-check prints the stack, and WebKit's stack does not include the message.
                if (!failure.stack?.includes(failure.message)) failure.stack = `${failure.message}\n${failure.stack ?? ''}`;
                throw failure;
              }
            }
            await reported();
            expect(output.error, 'no console error').to.deep.equal([]);
            expect(errors, 'no uncaught error').to.deep.equal([]);
          } finally {
            output.restore();
            channel.close();
            fixtureCleanup();
          }
        }),
        { numRuns: __FUZZ_RUNS__, includeErrorInReport: true },
      );
    } finally {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onError);
      clearBrowserStorage();
    }
  });
});
