
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Alle akzeptieren`,
'cm.banner.change': str`Um Ihre Auswahl später zu ändern, nutzen Sie „${0}“ auf dieser Seite.`,
'cm.banner.others.few': str`${0} weitere`,
'cm.banner.others.many': str`${0} weitere`,
'cm.banner.others.one': str`${0} weiterer`,
'cm.banner.others.other': str`${0} weitere`,
'cm.banner.others.two': str`${0} weitere`,
'cm.banner.others.zero': str`${0} weitere`,
'cm.banner.partners': str`Wir arbeiten mit diesen Partnern zusammen: ${0}.`,
'cm.banner.policy': `Cookie-Richtlinie`,
'cm.banner.text': `Einige Cookies sind für den Betrieb dieser Website erforderlich. Mit Ihrer Einwilligung verwenden wir außerdem optionale Cookies, zum Beispiel um Besuche zu messen oder Ihre Einstellungen zu speichern. Sie können Ihre Auswahl jederzeit ändern.`,
'cm.banner.title': `Diese Website verwendet Cookies`,
'cm.category.always-on': `Immer aktiv`,
'cm.category.analytics': `Leistung und Analyse`,
'cm.category.analytics.description': `Zählen Besuche und Zugriffsquellen, damit wir messen und verbessern können, wie die Website funktioniert.`,
'cm.category.marketing': `Marketing`,
'cm.category.marketing.description': `Messen Werbekampagnen und zeigen Ihnen Werbung, die Ihren Interessen entspricht – hier und auf anderen Websites.`,
'cm.category.necessary': `Unbedingt erforderlich`,
'cm.category.necessary.description': `Für den Betrieb der Website erforderlich: Anmeldung, Sicherheit und das Speichern Ihrer Cookie-Auswahl. Sie können nicht deaktiviert werden.`,
'cm.category.payments': `Zahlungen`,
'cm.category.payments.description': `Wickeln Zahlungen sicher ab und helfen, Betrug zu erkennen und zu verhindern.`,
'cm.category.preferences': `Präferenzen`,
'cm.category.preferences.description': `Speichern Ihre Einstellungen, etwa Sprache oder Design, damit Sie sie nicht erneut vornehmen müssen.`,
'cm.cookies.first-party': `Erstanbieter`,
'cm.cookies.lifetime': `Speicherdauer`,
'cm.cookies.name': `Name`,
'cm.cookies.none': `Für diese Kategorie sind keine Cookies aufgeführt.`,
'cm.cookies.own-purpose': `Speichert Ihre Cookie-Auswahl. Sind Cookies blockiert, wird sie stattdessen im lokalen Speicher dieses Browsers abgelegt.`,
'cm.cookies.party': `Art`,
'cm.cookies.provider': `Anbieter`,
'cm.cookies.purpose': `Zweck`,
'cm.cookies.summary': `Cookies in dieser Kategorie`,
'cm.cookies.third-party': `Drittanbieter`,
'cm.cookies.this-site': `Diese Website`,
'cm.customize': `Anpassen`,
'cm.gpc': `Ihr Browser sendet ein Global-Privacy-Control-Signal, und wir respektieren es.`,
'cm.placeholder.allow': `Erlauben und laden`,
'cm.placeholder.also': str`Wenn Sie „${0}“ erlauben, erlauben Sie auch: ${1}.`,
'cm.placeholder.text': str`Dieser Inhalt bleibt blockiert, bis Sie die Kategorie „${0}“ erlauben.`,
'cm.placeholder.title': str`Inhalt von ${0}`,
'cm.preferences.close': `Schließen`,
'cm.preferences.save': `Auswahl speichern`,
'cm.preferences.text': `Wählen Sie, welche optionalen Cookies diese Website verwenden darf. Cookies, die für den Betrieb der Website nötig sind, sind immer aktiv. Sie können Ihre Auswahl jederzeit ändern.`,
'cm.preferences.title': `Cookie-Einstellungen`,
'cm.reject-all': `Alle ablehnen`,
'cm.table.allowed': `Ihre Auswahl: erlaubt`,
'cm.table.change': `Cookie-Einstellungen ändern`,
'cm.table.denied': `Ihre Auswahl: nicht erlaubt`,
    };
  