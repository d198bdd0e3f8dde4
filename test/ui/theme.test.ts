import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { emulateColorSchemeOrSkip, emulateMediaWhereSupported } from '../helpers/browser-commands.js';
import { bannerStyles } from '../../src/ui/banner.styles.js';
import { cookieTableStyles } from '../../src/ui/cookie-table.js';
import { ConsentPlaceholderElement } from '../../src/ui/placeholder.js';
import { preferencesStyles } from '../../src/ui/preferences-dialog.js';
import { themeStyles } from '../../src/ui/theme.styles.js';
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

describe('theming', () => {
  isolateUiTests();

  afterEach(async () => {
    document.documentElement.style.removeProperty('--consent-accent');
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

  it('uses exactly the custom properties the README documents', async () => {
    const readme = await (await fetch('/README.md')).text();
    const table = readme.slice(readme.indexOf('## Theming'), readme.indexOf('\n## ', readme.indexOf('## Theming') + 5));
    const documented = [...new Set(table.match(/`--consent-[a-z-]+`/g)?.map((name) => name.slice(1, -1)))].sort();
    expect(documented).to.deep.equal(customProperties());
  });
});
