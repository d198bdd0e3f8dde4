/**
 * `showBanner()`, `showPreferences()` and `hide()` called in any order, also in one task and while
 * the parts of the UI are still loading: the last call wins. This file has a page of its own, so
 * its first test runs before the banner's and the dialog's chunks have ever loaded.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { waitFor } from '../helpers/page-state.js';
import { isolateUiTests, mountManager, nextFrames, part } from '../helpers/ui.js';

type Call = 'showBanner' | 'showPreferences' | 'hide' | 'openLink';

interface Sequence {
  readonly calls: readonly Call[];
  /** Whether the visitor chose before the calls (the banner is then hidden unless asked for). */
  readonly decided: boolean;
  readonly banner: boolean;
  readonly preferences: boolean;
}

const SEQUENCES: readonly Sequence[] = [
  // First: in this page neither chunk has loaded yet.
  { calls: ['showPreferences', 'hide'], decided: true, banner: false, preferences: false },
  { calls: ['showPreferences', 'hide'], decided: true, banner: false, preferences: false },
  { calls: ['showPreferences', 'hide'], decided: false, banner: false, preferences: false },
  { calls: ['openLink', 'hide'], decided: true, banner: false, preferences: false },
  { calls: ['hide', 'showPreferences'], decided: true, banner: false, preferences: true },
  { calls: ['showPreferences', 'hide', 'showPreferences'], decided: true, banner: false, preferences: true },
  { calls: ['showBanner', 'showPreferences', 'hide'], decided: true, banner: false, preferences: false },
  { calls: ['showPreferences', 'hide', 'showBanner'], decided: true, banner: true, preferences: false },
  { calls: ['showBanner', 'hide'], decided: true, banner: false, preferences: false },
  { calls: ['hide', 'showBanner'], decided: true, banner: true, preferences: false },
  { calls: ['showBanner', 'showPreferences'], decided: true, banner: true, preferences: true },
];

describe('showBanner(), showPreferences() and hide(): the last call wins', () => {
  isolateUiTests();
  let link: HTMLAnchorElement;
  let outside: HTMLButtonElement;

  beforeEach(() => {
    link = document.createElement('a');
    link.href = '#settings';
    link.textContent = 'Cookie settings';
    link.setAttribute('data-consent-open', '');
    outside = document.createElement('button');
    outside.textContent = 'page button';
    document.body.append(link, outside);
  });

  afterEach(() => {
    link.remove();
    outside.remove();
  });

  /** Waits until both chunks have loaded (the same modules the element imports) and it rendered again. */
  async function settle(element: ConsentManagerElement): Promise<void> {
    await Promise.all([import('../../src/ui/banner.js'), import('../../src/ui/preferences-dialog.js')]);
    for (let round = 0; round < 3; round++) {
      await element.updateComplete;
      await nextFrames();
    }
  }

  for (const [index, { calls, decided, banner, preferences }] of SEQUENCES.entries()) {
    it(`${calls.map((call) => (call === 'openLink' ? 'a data-consent-open click' : `${call}()`)).join(', ')} in one task${decided ? '' : ' (undecided visitor)'}${index === 0 ? ', before the UI has loaded' : ''}: ${banner ? 'banner' : 'no banner'}, ${preferences ? 'dialog open' : 'no dialog'}`, async () => {
      const element = await mountManager();
      if (decided) {
        element.rejectAll();
        await element.updateComplete;
      }
      const views: string[] = [];
      element.addEventListener('consent-ui-show', (event) => views.push(event.detail.view));
      for (const call of calls) {
        if (call === 'openLink') link.click();
        else element[call]();
      }
      await settle(element);
      if (preferences) await waitFor(() => part<HTMLDialogElement>(element, 'preferences')?.open === true, 3000, 'the dialog');
      // An undecided visitor's banner stays after hide() only if the sequence ends showing it.
      expect(part(element, 'banner') !== null, 'banner shown').to.equal(banner);
      expect(part(element, 'preferences') !== null, 'dialog shown').to.equal(preferences);
      expect(element.shadowRoot!.querySelector('dialog:modal') !== null, 'a modal dialog is open').to.equal(preferences);
      // The same, in the page's DOM, for tools that watch it (README, "Finding the banner").
      expect(element.getAttribute('showing'), 'the showing attribute').to.equal([banner && 'banner', preferences && 'preferences'].filter(Boolean).join(' ') || null);
      if (!preferences) {
        expect(views, 'the dialog never showed').to.not.include('preferences');
        // A modal dialog left open makes the page inert: its controls cannot take the focus.
        outside.focus();
        expect(document.activeElement === outside, 'the page takes the focus').to.equal(true);
      }
    });
  }
});

describe('the showing attribute belongs to the element', () => {
  isolateUiTests();

  it('drops a showing attribute written in the markup at its first update, when nothing shows (a returning visitor)', async () => {
    const first = await mountManager();
    first.rejectAll();
    await first.updateComplete;
    first.remove();
    const element = await mountManager(undefined, 'showing="banner preferences"');
    await nextFrames();
    expect(part(element, 'banner'), 'no banner for a returning visitor').to.equal(null);
    expect(element.getAttribute('showing'), 'the forged attribute').to.equal(null);
  });

  it('replaces a forged showing="preferences" with what shows (a new visitor: the banner)', async () => {
    const element = await mountManager(undefined, 'showing="preferences"');
    await waitFor(() => part(element, 'banner') !== null, 3000, 'the banner');
    await element.updateComplete;
    expect(element.getAttribute('showing')).to.equal('banner');
  });
});
