
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Nõustu kõigiga`,
'cm.banner.change': str`Oma valiku hiljem muutmiseks kasutage sellel lehel „${0}“.`,
'cm.banner.others.few': str`veel ${0}`,
'cm.banner.others.many': str`veel ${0}`,
'cm.banner.others.one': str`veel ${0}`,
'cm.banner.others.other': str`veel ${0}`,
'cm.banner.others.two': str`veel ${0}`,
'cm.banner.others.zero': str`veel ${0}`,
'cm.banner.partners': str`Teeme koostööd nende partneritega: ${0}.`,
'cm.banner.policy': `Küpsiste kasutamise põhimõtted`,
'cm.banner.text': `Mõned küpsised on vajalikud, et see veebisait töötaks. Teie nõusolekul kasutame ka valikulisi küpsiseid, näiteks külastuste mõõtmiseks või teie seadete meelespidamiseks. Saate oma valikut igal ajal muuta.`,
'cm.banner.title': `See veebisait kasutab küpsiseid`,
'cm.category.always-on': `Alati sees`,
'cm.category.analytics': `Jõudlus ja analüüs`,
'cm.category.analytics.description': `Loendavad külastusi ja liiklusallikaid, et saaksime mõõta ja parandada veebisaidi toimimist.`,
'cm.category.marketing': `Turundus`,
'cm.category.marketing.description': `Mõõdavad reklaamikampaaniaid ja näitavad teile teie huvidele vastavaid reklaame siin ja teistel veebisaitidel.`,
'cm.category.necessary': `Hädavajalikud`,
'cm.category.necessary.description': `Vajalikud veebisaidi toimimiseks: sisselogimine, turvalisus ja teie küpsisevaliku meelespidamine. Neid ei saa välja lülitada.`,
'cm.category.payments': `Maksed`,
'cm.category.payments.description': `Töötlevad makseid turvaliselt ning aitavad pettusi avastada ja ennetada.`,
'cm.category.preferences': `Eelistused`,
'cm.category.preferences.description': `Jätavad meelde teie seaded, näiteks keele või teema, et te ei peaks neid uuesti määrama.`,
'cm.cookies.first-party': `Esimene osapool`,
'cm.cookies.lifetime': `Kehtivusaeg`,
'cm.cookies.name': `Nimi`,
'cm.cookies.none': `Selle kategooria kohta pole küpsiseid loetletud.`,
'cm.cookies.own-purpose': `Jätab meelde teie küpsiste valikud. Kui küpsised on blokeeritud, hoitakse valikuid selle brauseri kohalikus salvestusruumis.`,
'cm.cookies.party': `Tüüp`,
'cm.cookies.provider': `Pakkuja`,
'cm.cookies.purpose': `Eesmärk`,
'cm.cookies.summary': `Selle kategooria küpsised`,
'cm.cookies.third-party': `Kolmas osapool`,
'cm.cookies.this-site': `See veebisait`,
'cm.customize': `Kohanda`,
'cm.gpc': `Teie brauser saadab Global Privacy Controli signaali ja me austame seda.`,
'cm.placeholder.allow': `Luba ja laadi`,
'cm.placeholder.also': str`Kategooria „${0}“ lubamine lubab ka: ${1}.`,
'cm.placeholder.text': str`See sisu on blokeeritud, kuni lubate kategooria „${0}“.`,
'cm.placeholder.title': str`Sisu pakkujalt ${0}`,
'cm.preferences.close': `Sulge`,
'cm.preferences.save': `Salvesta valikud`,
'cm.preferences.text': `Valige, milliseid valikulisi küpsiseid see veebisait tohib kasutada. Küpsised, mida veebisait toimimiseks vajab, on alati sees. Saate oma valikut igal ajal muuta.`,
'cm.preferences.title': `Küpsiste seaded`,
'cm.reject-all': `Keeldu kõigist`,
'cm.table.allowed': `Teie valik: lubatud`,
'cm.table.change': `Muuda küpsiste seadeid`,
'cm.table.denied': `Teie valik: keelatud`,
    };
  