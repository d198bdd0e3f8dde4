
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Zaakceptuj wszystkie`,
'cm.banner.change': str`Aby później zmienić swój wybór, użyj „${0}” na tej stronie.`,
'cm.banner.others.few': str`jeszcze ${0}`,
'cm.banner.others.many': str`jeszcze ${0}`,
'cm.banner.others.one': str`jeszcze ${0}`,
'cm.banner.others.other': str`jeszcze ${0}`,
'cm.banner.others.two': str`jeszcze ${0}`,
'cm.banner.others.zero': str`jeszcze ${0}`,
'cm.banner.partners': str`Współpracujemy z tymi partnerami: ${0}.`,
'cm.banner.policy': `Polityka plików cookie`,
'cm.banner.text': `Niektóre pliki cookie są niezbędne do działania tej strony. Za Twoją zgodą używamy też opcjonalnych plików cookie, na przykład do mierzenia odwiedzin lub zapamiętywania Twoich ustawień. Możesz w każdej chwili zmienić swój wybór.`,
'cm.banner.title': `Ta strona używa plików cookie`,
'cm.category.always-on': `Zawsze włączone`,
'cm.category.analytics': `Wydajność i analityka`,
'cm.category.analytics.description': `Zliczają odwiedziny i źródła ruchu, abyśmy mogli mierzyć i ulepszać działanie strony.`,
'cm.category.marketing': `Marketingowe`,
'cm.category.marketing.description': `Mierzą kampanie reklamowe i wyświetlają reklamy dopasowane do Twoich zainteresowań, tutaj i na innych stronach.`,
'cm.category.necessary': `Niezbędne`,
'cm.category.necessary.description': `Niezbędne do działania strony: logowanie, bezpieczeństwo i zapamiętanie Twojego wyboru dotyczącego plików cookie. Nie można ich wyłączyć.`,
'cm.category.payments': `Płatności`,
'cm.category.payments.description': `Bezpiecznie obsługują płatności i pomagają wykrywać oszustwa oraz im zapobiegać.`,
'cm.category.preferences': `Preferencje`,
'cm.category.preferences.description': `Zapamiętują Twoje ustawienia, takie jak język lub motyw, abyś nie musiał ustawiać ich ponownie.`,
'cm.cookies.first-party': `Własne`,
'cm.cookies.lifetime': `Okres przechowywania`,
'cm.cookies.name': `Nazwa`,
'cm.cookies.none': `Dla tej kategorii nie wymieniono plików cookie.`,
'cm.cookies.own-purpose': `Zapamiętuje Twoje wybory dotyczące plików cookie. Jeśli pliki cookie są zablokowane, wybory są przechowywane w pamięci lokalnej tej przeglądarki.`,
'cm.cookies.party': `Rodzaj`,
'cm.cookies.provider': `Dostawca`,
'cm.cookies.purpose': `Cel`,
'cm.cookies.summary': `Pliki cookie w tej kategorii`,
'cm.cookies.third-party': `Podmiotów zewnętrznych`,
'cm.cookies.this-site': `Ta strona`,
'cm.customize': `Dostosuj`,
'cm.gpc': `Twoja przeglądarka wysyła sygnał Global Privacy Control, a my go respektujemy.`,
'cm.placeholder.allow': `Zezwól i wczytaj`,
'cm.placeholder.also': str`Zezwalając na kategorię „${0}”, zezwalasz też na: ${1}.`,
'cm.placeholder.text': str`Ta treść pozostaje zablokowana, dopóki nie zezwolisz na kategorię „${0}”.`,
'cm.placeholder.title': str`Treść z ${0}`,
'cm.preferences.close': `Zamknij`,
'cm.preferences.save': `Zapisz wybór`,
'cm.preferences.text': `Wybierz, których opcjonalnych plików cookie może używać ta strona. Pliki cookie potrzebne do działania strony są zawsze włączone. Możesz w każdej chwili zmienić swój wybór.`,
'cm.preferences.title': `Ustawienia plików cookie`,
'cm.reject-all': `Odrzuć wszystkie`,
'cm.table.allowed': `Twój wybór: dozwolone`,
'cm.table.change': `Zmień ustawienia plików cookie`,
'cm.table.denied': `Twój wybór: niedozwolone`,
    };
  