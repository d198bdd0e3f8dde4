
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Prijať všetky`,
'cm.banner.change': str`Svoju voľbu môžete neskôr zmeniť pomocou „${0}“ na tejto stránke.`,
'cm.banner.others.few': str`${0} ďalší`,
'cm.banner.others.many': str`${0} ďalšieho`,
'cm.banner.others.one': str`${0} ďalší`,
'cm.banner.others.other': str`${0} ďalších`,
'cm.banner.others.two': str`${0} ďalších`,
'cm.banner.others.zero': str`${0} ďalších`,
'cm.banner.partners': str`Spolupracujeme s týmito partnermi: ${0}.`,
'cm.banner.policy': `Zásady používania súborov cookie`,
'cm.banner.text': `Niektoré súbory cookie sú nevyhnutné na fungovanie tejto stránky. S vaším súhlasom používame aj voliteľné súbory cookie, napríklad na meranie návštevnosti alebo zapamätanie vašich nastavení. Svoju voľbu môžete kedykoľvek zmeniť.`,
'cm.banner.title': `Táto stránka používa súbory cookie`,
'cm.category.always-on': `Vždy zapnuté`,
'cm.category.analytics': `Výkon a analytika`,
'cm.category.analytics.description': `Počítajú návštevy a zdroje návštevnosti, aby sme mohli merať a zlepšovať fungovanie stránky.`,
'cm.category.marketing': `Marketingové`,
'cm.category.marketing.description': `Merajú reklamné kampane a zobrazujú vám reklamy zodpovedajúce vašim záujmom, tu aj na iných stránkach.`,
'cm.category.necessary': `Nevyhnutne potrebné`,
'cm.category.necessary.description': `Nevyhnutné na fungovanie stránky: prihlásenie, zabezpečenie a zapamätanie vašej voľby súborov cookie. Nedajú sa vypnúť.`,
'cm.category.payments': `Platby`,
'cm.category.payments.description': `Bezpečne spracúvajú platby a pomáhajú odhaľovať podvody a predchádzať im.`,
'cm.category.preferences': `Preferencie`,
'cm.category.preferences.description': `Pamätajú si vaše nastavenia, napríklad jazyk alebo motív, aby ste ich nemuseli nastavovať znova.`,
'cm.cookies.first-party': `Prvá strana`,
'cm.cookies.lifetime': `Doba platnosti`,
'cm.cookies.name': `Názov`,
'cm.cookies.none': `Pre túto kategóriu nie sú uvedené žiadne súbory cookie.`,
'cm.cookies.own-purpose': `Pamätá si vaše voľby súborov cookie. Ak sú súbory cookie blokované, uložia sa namiesto toho do lokálneho úložiska tohto prehliadača.`,
'cm.cookies.party': `Typ`,
'cm.cookies.provider': `Poskytovateľ`,
'cm.cookies.purpose': `Účel`,
'cm.cookies.summary': `Súbory cookie v tejto kategórii`,
'cm.cookies.third-party': `Tretia strana`,
'cm.cookies.this-site': `Táto stránka`,
'cm.customize': `Prispôsobiť`,
'cm.gpc': `Váš prehliadač odosiela signál Global Privacy Control a my ho rešpektujeme.`,
'cm.placeholder.allow': `Povoliť a načítať`,
'cm.placeholder.also': str`Povolením kategórie „${0}“ povolíte aj: ${1}.`,
'cm.placeholder.text': str`Tento obsah zostane zablokovaný, kým nepovolíte kategóriu „${0}“.`,
'cm.placeholder.title': str`Obsah od ${0}`,
'cm.preferences.close': `Zavrieť`,
'cm.preferences.save': `Uložiť voľbu`,
'cm.preferences.text': `Vyberte, ktoré voliteľné súbory cookie môže táto stránka používať. Súbory cookie, ktoré stránka potrebuje na fungovanie, sú vždy zapnuté. Svoju voľbu môžete kedykoľvek zmeniť.`,
'cm.preferences.title': `Nastavenia súborov cookie`,
'cm.reject-all': `Odmietnuť všetky`,
'cm.table.allowed': `Vaša voľba: povolené`,
'cm.table.change': `Zmeniť nastavenia súborov cookie`,
'cm.table.denied': `Vaša voľba: nepovolené`,
    };
  