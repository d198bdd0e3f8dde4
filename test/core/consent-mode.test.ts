import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONSENT_MODE_TYPES, consentModeMap, consentModeState, grantedOrDenied } from '../../src/core/consent-mode.js';

describe('Consent Mode mapping', () => {
  it('states all seven types, from the default map: marketing to ads, analytics, preferences, security always granted', () => {
    assert.deepEqual(Object.keys(consentModeState({})), [...CONSENT_MODE_TYPES]);
    assert.deepEqual(consentModeState({ analytics: false, marketing: true, preferences: false }), {
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
    const { ad_storage, ad_personalization, security_storage, functionality_storage } = consentModeState({ marketing: true }, map);
    assert.deepEqual({ ad_storage, ad_personalization, security_storage, functionality_storage }, { ad_storage: 'granted', ad_personalization: 'denied', security_storage: 'denied', functionality_storage: 'granted' });
  });

  it('describes categories as tag managers read them', () => {
    assert.deepEqual(grantedOrDenied({ necessary: true, analytics: false }), { necessary: 'granted', analytics: 'denied' });
  });
});
