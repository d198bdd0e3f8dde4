import { expect } from '@open-wc/testing';
import '../../src/define.js';
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

  afterEach(() => {
    document.documentElement.style.removeProperty('--consent-accent');
  });

  for (const theme of ['light', 'dark']) {
    it(`gives text at least 4.5:1 contrast in the default ${theme} theme`, async () => {
      const element = await mountManager({ categories: [{ id: 'necessary', required: true }, { id: 'marketing' }], policyUrl: '/cookies' }, `theme="${theme}"`);
      const banner = await shownPart(element, 'banner');
      await nextFrames();
      const background = getComputedStyle(banner).backgroundColor;
      for (const text of [part(element, 'title')!, banner.querySelector('p')!, banner.querySelector('a')!]) {
        expect(contrast(getComputedStyle(text).color, background), text.localName).to.be.at.least(4.5);
      }
      const button = part(element, 'reject-all')!;
      expect(contrast(getComputedStyle(button).color, getComputedStyle(button).backgroundColor), 'button').to.be.at.least(4.5);
      expect(contrast(getComputedStyle(button).backgroundColor, background), 'button against the banner').to.be.at.least(3);
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
