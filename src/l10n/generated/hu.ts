
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Az összes elfogadása`,
'cm.banner.change': str`Ha később módosítani szeretné döntését, használja az oldalon a(z) „${0}” lehetőséget.`,
'cm.banner.others.few': str`további ${0}`,
'cm.banner.others.many': str`további ${0}`,
'cm.banner.others.one': str`további ${0}`,
'cm.banner.others.other': str`további ${0}`,
'cm.banner.others.two': str`további ${0}`,
'cm.banner.others.zero': str`további ${0}`,
'cm.banner.partners': str`Ezekkel a partnerekkel dolgozunk együtt: ${0}.`,
'cm.banner.policy': `Sütikre vonatkozó szabályzat`,
'cm.banner.text': `Egyes sütik szükségesek a webhely működéséhez. Az Ön hozzájárulásával nem kötelező sütiket is használunk, például a látogatások méréséhez vagy a beállításai megjegyzéséhez. Döntését bármikor megváltoztathatja.`,
'cm.banner.title': `Ez a webhely sütiket használ`,
'cm.category.always-on': `Mindig bekapcsolva`,
'cm.category.analytics': `Teljesítmény és elemzés`,
'cm.category.analytics.description': `Megszámolják a látogatásokat és a forgalmi forrásokat, hogy mérhessük és javíthassuk a webhely működését.`,
'cm.category.marketing': `Marketingcélú`,
'cm.category.marketing.description': `Mérik a hirdetési kampányokat, és az érdeklődésének megfelelő hirdetéseket jelenítenek meg itt és más webhelyeken.`,
'cm.category.necessary': `Feltétlenül szükséges`,
'cm.category.necessary.description': `A webhely működéséhez szükségesek: bejelentkezés, biztonság és a sütikkel kapcsolatos döntésének megjegyzése. Nem kapcsolhatók ki.`,
'cm.category.payments': `Fizetés`,
'cm.category.payments.description': `Biztonságosan kezelik a fizetéseket, és segítenek a csalások felderítésében és megelőzésében.`,
'cm.category.preferences': `Preferenciák`,
'cm.category.preferences.description': `Megjegyzik a beállításait, például a nyelvet vagy a témát, hogy ne kelljen újra megadnia őket.`,
'cm.cookies.first-party': `Saját`,
'cm.cookies.lifetime': `Élettartam`,
'cm.cookies.name': `Név`,
'cm.cookies.none': `Ehhez a kategóriához nincsenek sütik felsorolva.`,
'cm.cookies.own-purpose': `Megjegyzi a sütikkel kapcsolatos döntéseit. Ha a sütik le vannak tiltva, a böngésző helyi tárhelyén tárolódnak.`,
'cm.cookies.party': `Típus`,
'cm.cookies.provider': `Szolgáltató`,
'cm.cookies.purpose': `Cél`,
'cm.cookies.summary': `A kategória sütijei`,
'cm.cookies.third-party': `Harmadik fél`,
'cm.cookies.this-site': `Ez a webhely`,
'cm.customize': `Testreszabás`,
'cm.gpc': `Böngészője Global Privacy Control jelzést küld, és mi ezt tiszteletben tartjuk.`,
'cm.placeholder.allow': `Engedélyezés és betöltés`,
'cm.placeholder.also': str`A(z) „${0}” kategória engedélyezésével ezeket is engedélyezi: ${1}.`,
'cm.placeholder.text': str`Ez a tartalom le van tiltva, amíg nem engedélyezi a(z) „${0}” kategóriát.`,
'cm.placeholder.title': str`Tartalom innen: ${0}`,
'cm.preferences.close': `Bezárás`,
'cm.preferences.save': `Döntések mentése`,
'cm.preferences.text': `Válassza ki, mely nem kötelező sütiket használhat ez a webhely. A webhely működéséhez szükséges sütik mindig be vannak kapcsolva. Döntését bármikor megváltoztathatja.`,
'cm.preferences.title': `Sütibeállítások`,
'cm.reject-all': `Az összes elutasítása`,
'cm.table.allowed': `Az Ön döntése: engedélyezve`,
'cm.table.change': `Sütibeállítások módosítása`,
'cm.table.denied': `Az Ön döntése: nincs engedélyezve`,
    };
  