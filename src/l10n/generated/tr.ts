
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.category.necessary': `Strictly necessary`,
'cm.category.necessary.description': `Needed for the site to work: signing in, security, and remembering your cookie choice. They cannot be turned off.`,
'cm.category.preferences': `Preferences`,
'cm.category.preferences.description': `Remember your settings, such as language or theme, so you do not have to set them again.`,
'cm.category.analytics': `Performance and analytics`,
'cm.category.analytics.description': `Count visits and traffic sources, so we can measure and improve how the site works.`,
'cm.category.marketing': `Marketing`,
'cm.category.marketing.description': `Measure advertising campaigns and show you ads that match your interests, here and on other sites.`,
'cm.category.payments': `Payments`,
'cm.category.payments.description': `Process payments securely and help detect and prevent fraud.`,
'cm.banner.title': `This site uses cookies`,
'cm.banner.text': `Some cookies are needed for this site to work. With your consent, we also use optional cookies, for example to measure visits or remember your settings. You can change your choice at any time.`,
'cm.banner.policy': `Cookie policy`,
'cm.gpc': `Your browser sends a Global Privacy Control signal, and we respect it.`,
'cm.accept-all': `Accept all`,
'cm.reject-all': `Reject all`,
'cm.customize': `Customize`,
'cm.placeholder.title': str`Content from ${0}`,
'cm.placeholder.text': str`It stays blocked until you allow the category “${0}”.`,
'cm.placeholder.allow': `Allow and load`,
'cm.cookies.none': `No cookies are listed for this category.`,
'cm.cookies.name': `Name`,
'cm.cookies.provider': `Provider`,
'cm.cookies.party': `Type`,
'cm.cookies.purpose': `Purpose`,
'cm.cookies.lifetime': `Lifetime`,
'cm.cookies.this-site': `This site`,
'cm.cookies.first-party': `First party`,
'cm.cookies.third-party': `Third party`,
'cm.preferences.title': `Cookie settings`,
'cm.preferences.close': `Close`,
'cm.preferences.text': `Choose which optional cookies this site may use. Cookies the site needs in order to work are always on. You can change your choice at any time.`,
'cm.category.always-on': `Always on`,
'cm.cookies.summary': `Cookies in this category`,
'cm.preferences.save': `Save choices`,
'cm.table.allowed': `Your choice: allowed`,
'cm.table.denied': `Your choice: not allowed`,
'cm.table.change': `Change cookie settings`,
    };
  