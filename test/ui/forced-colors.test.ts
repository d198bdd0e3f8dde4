/**
 * Forced colours (Windows High Contrast): the browser replaces the author's colours with a few
 * system colours, so anything told apart by colour alone (a switch's fill, a button's background)
 * looks the same. Emulated through Chrome's DevTools protocol; other engines skip.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { emulateForcedColorsWhereSupported } from '../helpers/browser-commands.js';
import { waitFor } from '../helpers/page-state.js';
import { deepActiveElement, isolateUiTests, mountManager, nextFrames, part, parts, shownPart } from '../helpers/ui.js';

const CONFIG = { categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }] };

async function openPreferences(element: ConsentManagerElement): Promise<HTMLDialogElement> {
  element.showPreferences();
  await waitFor(() => part<HTMLDialogElement>(element, 'preferences')?.open === true, 3000, 'the preferences dialog');
  return part<HTMLDialogElement>(element, 'preferences')!;
}

/** What a sighted visitor can tell of a switch: the track, and the knob on it. */
function switchLook(input: HTMLInputElement): { track: string; border: string; knob: string; knobBox: string } {
  const track = getComputedStyle(input);
  const knob = input.getBoundingClientRect();
  const knobStyle = getComputedStyle(input, '::before');
  return { track: track.backgroundColor, border: track.borderTopColor, knob: knobStyle.backgroundColor, knobBox: `${knobStyle.transform} in ${Math.round(knob.width)}` };
}

/** A border a visitor can see around a button on `surface`. */
function expectVisibleBorder(button: HTMLElement, surface: HTMLElement, name: string): void {
  const style = getComputedStyle(button);
  expect(style.borderTopStyle, `${name}: border style`).to.not.equal('none');
  expect(parseFloat(style.borderTopWidth), `${name}: border width`).to.be.at.least(1);
  expect(style.borderTopColor, `${name}: border colour against the surface`).to.not.equal(getComputedStyle(surface).backgroundColor);
  expect(style.borderTopColor, `${name}: border colour`).to.not.match(/rgba\(.*, 0\)$|transparent/);
}

describe('in forced colours (Windows High Contrast)', () => {
  isolateUiTests();

  beforeEach(async function () {
    if (!(await emulateForcedColorsWhereSupported(true))) this.skip();
    await nextFrames();
    expect(matchMedia('(forced-colors: active)').matches, 'forced colours are emulated').to.equal(true);
  });

  afterEach(async () => {
    await emulateForcedColorsWhereSupported(false);
  });

  it('shows a switch that is on differently from one that is off, with a visible knob', async () => {
    const element = await mountManager(CONFIG);
    // Chosen before opening, so no knob is still sliding when measured.
    element.save({ analytics: true, marketing: false });
    const dialog = await openPreferences(element);
    await nextFrames();
    const [analytics, marketing] = [...dialog.querySelectorAll<HTMLInputElement>('input[data-category="analytics"], input[data-category="marketing"]')];
    expect([analytics!.checked, marketing!.checked]).to.deep.equal([true, false]);
    const on = switchLook(analytics!);
    const off = switchLook(marketing!);
    expect(on.knob, 'the knob stands out from the track when on').to.not.equal(on.track);
    expect(off.knob, 'the knob stands out from the track when off').to.not.equal(off.track);
    expect(on.track, 'on and off fill the track differently').to.not.equal(off.track);
    expect(on.knobBox, 'the knob moves').to.not.equal(off.knobBox);
    // A required switch is on and locked: it looks on, in the colour the system gives disabled controls.
    const required = switchLook(dialog.querySelector<HTMLInputElement>('input[data-category="necessary"]')!);
    expect(required.knobBox, 'a required switch is on').to.equal(on.knobBox);
    expect(required.knob, 'its knob is visible').to.not.equal(required.track);
  });

  it('keeps a visible border around every button of the banner and the dialog', async () => {
    const element = await mountManager(CONFIG);
    const banner = await shownPart(element, 'banner');
    await nextFrames();
    for (const button of banner.querySelectorAll('button')) expectVisibleBorder(button, banner, `banner ${button.getAttribute('part')}`);
    const dialog = await openPreferences(element);
    await nextFrames();
    for (const button of dialog.querySelectorAll('button')) expectVisibleBorder(button, dialog, `dialog ${button.getAttribute('part') ?? button.className}`);
    expect(parts(element, 'toggle')).to.have.length(3);
  });

  it('shows a focus ring on a button reached with the keyboard', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.prepend(before);
    try {
      const element = await mountManager(CONFIG);
      const banner = await shownPart(element, 'banner');
      const accept = part(element, 'accept-all')!;
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement() === accept, 'Tab reaches Accept all').to.equal(true);
      const style = getComputedStyle(accept);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
      expect(style.outlineColor, 'the ring against the banner').to.not.equal(getComputedStyle(banner).backgroundColor);
    } finally {
      before.remove();
    }
  });
});
