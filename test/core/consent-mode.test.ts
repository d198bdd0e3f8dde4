import { expect } from '@open-wc/testing';
import { CONSENT_MODE_TYPES, consentModeMap, consentModeState, grantedOrDenied } from '../../src/core/consent-mode.js';

describe('Consent Mode mapping', () => {
  it('states all seven types, from the default map: marketing to ads, analytics, preferences, security always granted', () => {
    expect(Object.keys(consentModeState({}))).to.deep.equal([...CONSENT_MODE_TYPES]);
    expect(consentModeState({ analytics: false, marketing: true, preferences: false })).to.deep.equal({
      ad_storage: 'granted',
      ad_user_data: 'granted',
      ad_personalization: 'granted',
      analytics_storage: 'denied',
      functionality_storage: 'denied',
      personalization_storage: 'denied',
      security_storage: 'granted',
    });
  });

  it("takes the site's overrides, and counts a category the site lacks as denied", () => {
    const map = consentModeMap({ ad_personalization: 'personalised-ads', security_storage: false, functionality_storage: true });
    expect(consentModeState({ marketing: true }, map)).to.include({ ad_storage: 'granted', ad_personalization: 'denied', security_storage: 'denied', functionality_storage: 'granted' });
  });

  it('describes categories as tag managers read them', () => {
    expect(grantedOrDenied({ necessary: true, analytics: false })).to.deep.equal({ necessary: 'granted', analytics: 'denied' });
  });
});
