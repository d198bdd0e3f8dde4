
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Hyväksy kaikki`,
'cm.banner.change': str`Voit muuttaa valintaasi myöhemmin tämän sivun kohdasta ”${0}”.`,
'cm.banner.others.few': str`${0} muuta`,
'cm.banner.others.many': str`${0} muuta`,
'cm.banner.others.one': str`${0} muu`,
'cm.banner.others.other': str`${0} muuta`,
'cm.banner.others.two': str`${0} muuta`,
'cm.banner.others.zero': str`${0} muuta`,
'cm.banner.partners': str`Teemme yhteistyötä näiden kumppanien kanssa: ${0}.`,
'cm.banner.policy': `Evästekäytäntö`,
'cm.banner.text': `Osa evästeistä on välttämättömiä, jotta sivusto toimii. Suostumuksellasi käytämme myös valinnaisia evästeitä esimerkiksi käyntien mittaamiseen tai asetustesi muistamiseen. Voit muuttaa valintaasi milloin tahansa.`,
'cm.banner.title': `Tämä sivusto käyttää evästeitä`,
'cm.category.always-on': `Aina käytössä`,
'cm.category.analytics': `Suorituskyky ja analytiikka`,
'cm.category.analytics.description': `Laskevat käynnit ja liikenteen lähteet, jotta voimme mitata ja parantaa sivuston toimintaa.`,
'cm.category.marketing': `Markkinointi`,
'cm.category.marketing.description': `Mittaavat mainoskampanjoita ja näyttävät kiinnostuksen kohteitasi vastaavia mainoksia täällä ja muilla sivustoilla.`,
'cm.category.necessary': `Välttämättömät`,
'cm.category.necessary.description': `Välttämättömiä sivuston toiminnalle: kirjautuminen, tietoturva ja evästevalintasi muistaminen. Niitä ei voi poistaa käytöstä.`,
'cm.category.payments': `Maksut`,
'cm.category.payments.description': `Käsittelevät maksut turvallisesti ja auttavat havaitsemaan ja estämään petoksia.`,
'cm.category.preferences': `Mieltymykset`,
'cm.category.preferences.description': `Muistavat asetuksesi, kuten kielen tai teeman, jotta sinun ei tarvitse valita niitä uudelleen.`,
'cm.cookies.first-party': `Ensimmäinen osapuoli`,
'cm.cookies.lifetime': `Voimassaoloaika`,
'cm.cookies.name': `Nimi`,
'cm.cookies.none': `Tälle luokalle ei ole lueteltu evästeitä.`,
'cm.cookies.own-purpose': `Muistaa evästevalintasi. Jos evästeet on estetty, valinnat tallennetaan sen sijaan tämän selaimen paikalliseen tallennustilaan.`,
'cm.cookies.party': `Tyyppi`,
'cm.cookies.provider': `Palveluntarjoaja`,
'cm.cookies.purpose': `Käyttötarkoitus`,
'cm.cookies.summary': `Tämän luokan evästeet`,
'cm.cookies.third-party': `Kolmas osapuoli`,
'cm.cookies.this-site': `Tämä sivusto`,
'cm.customize': `Mukauta`,
'cm.gpc': `Selaimesi lähettää Global Privacy Control -signaalin, ja noudatamme sitä.`,
'cm.placeholder.allow': `Salli ja lataa`,
'cm.placeholder.also': str`Kun sallit luokan ”${0}”, sallit myös: ${1}.`,
'cm.placeholder.text': str`Sisältö on estetty, kunnes sallit luokan ”${0}”.`,
'cm.placeholder.title': str`Sisältöä palvelusta ${0}`,
'cm.preferences.close': `Sulje`,
'cm.preferences.save': `Tallenna valinnat`,
'cm.preferences.text': `Valitse, mitä valinnaisia evästeitä tämä sivusto saa käyttää. Evästeet, joita sivusto tarvitsee toimiakseen, ovat aina käytössä. Voit muuttaa valintaasi milloin tahansa.`,
'cm.preferences.title': `Evästeasetukset`,
'cm.reject-all': `Hylkää kaikki`,
'cm.table.allowed': `Valintasi: sallittu`,
'cm.table.change': `Muuta evästeasetuksia`,
'cm.table.denied': `Valintasi: ei sallittu`,
    };
  