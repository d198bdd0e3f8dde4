import { expect } from '@open-wc/testing';
import { cookieNames, forgetVendorData, parentDomains } from '../../src/dom/cookies.js';
import { clearBrowserStorage } from '../helpers/page-state.js';

describe('forgetVendorData', () => {
  afterEach(clearBrowserStorage);

  it('names every parent domain down to the registrable one, and none for IPs and single-label hosts', () => {
    expect(parentDomains('shop.eu.example.co.uk')).to.deep.equal(['shop.eu.example.co.uk', 'eu.example.co.uk', 'example.co.uk', 'co.uk']);
    expect(parentDomains('example.com')).to.deep.equal(['example.com']);
    expect(parentDomains('localhost')).to.deep.equal([]);
    expect(parentDomains('127.0.0.1')).to.deep.equal([]);
  });

  it('expires matching cookies and removes matching localStorage keys, by name or pattern, and nothing else', () => {
    for (const name of ['_ga', '_ga_ABC', '_gab', 'ajs_user_id', 'session']) document.cookie = `${name}=1; Path=/`;
    localStorage.setItem('ajs_user_traits', '{}');
    localStorage.setItem('theme', 'dark');
    forgetVendorData(['_ga', /^_ga_/, /^ajs_/]);
    expect(cookieNames(document).sort()).to.deep.equal(['_gab', 'session']);
    expect(Object.keys(localStorage)).to.deep.equal(['theme']);
  });
});
