import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { emulateColorSchemeOrSkip, emulateMediaWhereSupported } from '../helpers/browser-commands.js';
import { bannerStyles } from '../../src/ui/banner.styles.js';
import { cookieTableStyles } from '../../src/ui/cookie-table.js';
import { ConsentPlaceholderElement } from '../../src/ui/placeholder.js';
import { preferencesStyles } from '../../src/ui/preferences-dialog.js';
import { themeStyles } from '../../src/ui/theme.styles.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { isolateUiTests, mountManager, nextFrames, part, shownPart } from '../helpers/ui.js';

/** WCAG relative luminance of an `rgb(…)` colour. */
function luminance(color: string): number {
  const [r, g, b] = color.match(/[\d.]+/g)!.slice(0, 3).map((channel) => {
    const value = Number(channel) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/**
 * Whether a colour reads as dark: luminance below that of mid grey. Asserted as a band rather
 * than exact values, so a retuned palette still passes while a theme that renders the wrong
 * scheme fails.
 */
function isDark(color: string): boolean {
  return luminance(color) < luminance('rgb(128, 128, 128)');
}

function contrast(foreground: string, background: string): number {
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

/** Every `--consent-*` custom property the styles read. */
function customProperties(): string[] {
  const text = [themeStyles, bannerStyles, preferencesStyles, cookieTableStyles, ConsentPlaceholderElement.placeholderStyles].map((style) => style.cssText).join('\n');
  return [...new Set(text.match(/--consent-[a-z-]+/g))].sort();
}

/** How the engine computes `value` for `property`, so the expectation is in each engine's own serialization. */
function computedAs(property: string, value: string): string {
  const probe = document.createElement('div');
  probe.style.setProperty(property, value);
  document.body.append(probe);
  const computed = getComputedStyle(probe).getPropertyValue(property);
  probe.remove();
  return computed;
}

interface PropertyCheck {
  /** A value unlike the default, so that a property the styles ignore cannot pass. */
  readonly value: string;
  /** The standard property whose computed value the custom property should become. */
  readonly as: string;
  readonly attributes?: string;
  /** What shows the property: one computed value per place it is meant for. */
  readonly read: (element: ConsentManagerElement) => Promise<string[]>;
}

async function banner(element: ConsentManagerElement): Promise<CSSStyleDeclaration> {
  return getComputedStyle(await shownPart(element, 'banner'));
}

const px = (value: number): string => `${Math.round(value)}px`;

/** Each documented custom property, and the part it is meant to change. */
const PROPERTY_CHECKS: Record<string, PropertyCheck> = {
  '--consent-background': { value: 'rgb(250, 240, 200)', as: 'background-color', read: async (element) => [(await banner(element)).backgroundColor] },
  '--consent-color': { value: 'rgb(60, 10, 80)', as: 'color', read: async (element) => [(await banner(element)).color, getComputedStyle(part(element, 'title')!).color] },
  '--consent-accent': { value: 'rgb(120, 0, 60)', as: 'background-color', read: async (element) => [getComputedStyle(await shownPart(element, 'accept-all')).backgroundColor] },
  '--consent-on-accent': { value: 'rgb(255, 250, 200)', as: 'color', read: async (element) => [getComputedStyle(await shownPart(element, 'accept-all')).color] },
  '--consent-border-color': { value: 'rgb(200, 0, 0)', as: 'border-top-color', read: async (element) => [(await banner(element)).borderTopColor] },
  '--consent-backdrop': {
    value: 'rgba(0, 80, 0, 0.5)',
    as: 'background-color',
    attributes: 'blocking',
    read: async (element) => [getComputedStyle(await shownPart(element, 'banner'), '::backdrop').backgroundColor],
  },
  '--consent-radius': {
    value: '7px',
    as: 'border-top-left-radius',
    read: async (element) => [(await banner(element)).borderTopLeftRadius, getComputedStyle(part(element, 'reject-all')!).borderTopLeftRadius],
  },
  '--consent-font-family': { value: 'Georgia, serif', as: 'font-family', read: async (element) => [(await banner(element)).fontFamily, getComputedStyle(part(element, 'customize')!).fontFamily] },
  '--consent-font-size': { value: '20px', as: 'font-size', read: async (element) => [(await banner(element)).fontSize] },
  '--consent-spacing': {
    value: '1.5rem',
    as: 'padding-top',
    read: async (element) => {
      const box = await shownPart(element, 'banner');
      // Also the distance from the viewport's edges the box sits on (bottom and end).
      const rect = box.getBoundingClientRect();
      return [getComputedStyle(box).paddingTop, px(document.documentElement.clientWidth - rect.right), px(document.documentElement.clientHeight - rect.bottom)];
    },
  },
  '--consent-shadow': { value: '1px 2px 3px rgb(1, 2, 3)', as: 'box-shadow', read: async (element) => [(await banner(element)).boxShadow] },
  '--consent-z-index': { value: '7', as: 'z-index', read: async (element) => [(await banner(element)).zIndex] },
  '--consent-banner-width': { value: '20rem', as: 'width', read: async (element) => [px((await shownPart(element, 'banner')).getBoundingClientRect().width)] },
  '--consent-dialog-width': {
    value: '30rem',
    as: 'width',
    read: async (element) => {
      element.showPreferences();
      return [px((await shownPart(element, 'preferences')).getBoundingClientRect().width)];
    },
  },
};

describe('theming', () => {
  isolateUiTests();

  afterEach(async () => {
    for (const name of [...document.documentElement.style].filter((property) => property.startsWith('--consent-'))) document.documentElement.style.removeProperty(name);
    await emulateMediaWhereSupported({ colorScheme: 'light' });
  });

  for (const theme of ['light', 'dark']) {
    it(`gives text at least 4.5:1 contrast in the default ${theme} theme`, async () => {
      const element = await mountManager({ categories: [{ id: 'necessary', required: true }, { id: 'marketing' }], policyUrl: '/cookies' }, `theme="${theme}"`);
      const banner = await shownPart(element, 'banner');
      await nextFrames();
      const background = getComputedStyle(banner).backgroundColor;
      // Contrast alone would pass if the dark theme fell back to the light colours.
      expect(isDark(background), `a ${theme} banner background (${background})`).to.equal(theme === 'dark');
      for (const text of [part(element, 'title')!, banner.querySelector('p')!, banner.querySelector('a')!]) {
        expect(contrast(getComputedStyle(text).color, background), text.localName).to.be.at.least(4.5);
      }
      const button = part(element, 'reject-all')!;
      expect(contrast(getComputedStyle(button).color, getComputedStyle(button).backgroundColor), 'button').to.be.at.least(4.5);
      expect(contrast(getComputedStyle(button).backgroundColor, background), 'button against the banner').to.be.at.least(3);
    });
  }

  for (const [theme, scheme, expected] of [
    ['dark', 'light', 'dark'],
    ['auto', 'dark', 'dark'],
    ['auto', 'light', 'light'],
    ['light', 'dark', 'light'],
  ] as const) {
    it(`renders ${expected} colours for theme="${theme}" under a ${scheme} system preference`, async function () {
      await emulateColorSchemeOrSkip(this, scheme);
      const element = await mountManager(undefined, `theme="${theme}"`);
      const banner = await shownPart(element, 'banner');
      await nextFrames();
      const { backgroundColor, color } = getComputedStyle(banner);
      expect(isDark(backgroundColor), `background ${backgroundColor}`).to.equal(expected === 'dark');
      expect(isDark(color), `text ${color}`).to.equal(expected !== 'dark');
      const button = getComputedStyle(part(element, 'accept-all')!);
      expect(isDark(button.color), `button text ${button.color}`).to.equal(expected === 'dark');
    });
  }

  it('reads custom properties a site sets on :root', async () => {
    document.documentElement.style.setProperty('--consent-accent', 'rgb(120, 0, 60)');
    const element = await mountManager();
    await shownPart(element, 'banner');
    expect(getComputedStyle(part(element, 'accept-all')!).backgroundColor).to.equal('rgb(120, 0, 60)');
  });

  it('has a check below for every custom property the styles read', () => {
    expect(Object.keys(PROPERTY_CHECKS).sort()).to.deep.equal(customProperties());
  });

  for (const [name, check] of Object.entries(PROPERTY_CHECKS)) {
    it(`applies ${name} set on :root to the part it is meant for`, async () => {
      const element = await mountManager(undefined, check.attributes ?? '');
      await nextFrames();
      const expected = computedAs(check.as, check.value);
      const before = await check.read(element);
      // The default must differ, or the check below could not tell the property was read.
      for (const [index, value] of before.entries()) expect(value, `default ${index}`).to.not.equal(expected);
      document.documentElement.style.setProperty(name, check.value);
      await nextFrames();
      const after = await check.read(element);
      expect(after).to.deep.equal(before.map(() => expected));
    });
  }

  it('uses exactly the custom properties the README documents', async () => {
    const readme = await (await fetch('/README.md')).text();
    const table = readme.slice(readme.indexOf('## Theming'), readme.indexOf('\n## ', readme.indexOf('## Theming') + 5));
    const documented = [...new Set(table.match(/`--consent-[a-z-]+`/g)?.map((name) => name.slice(1, -1)))].sort();
    expect(documented).to.deep.equal(customProperties());
  });
});
