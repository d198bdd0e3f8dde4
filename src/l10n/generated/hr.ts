
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Prihvati sve`,
'cm.banner.change': str`Da biste kasnije promijenili svoj odabir, upotrijebite „${0}” na ovoj stranici.`,
'cm.banner.others.few': str`još ${0}`,
'cm.banner.others.many': str`još ${0}`,
'cm.banner.others.one': str`još ${0}`,
'cm.banner.others.other': str`još ${0}`,
'cm.banner.others.two': str`još ${0}`,
'cm.banner.others.zero': str`još ${0}`,
'cm.banner.partners': str`Surađujemo s ovim partnerima: ${0}.`,
'cm.banner.policy': `Pravila o kolačićima`,
'cm.banner.text': `Neki su kolačići potrebni za rad ove web-stranice. Uz vašu privolu koristimo i neobavezne kolačiće, primjerice za mjerenje posjeta ili pamćenje vaših postavki. Svoj odabir možete promijeniti u bilo kojem trenutku.`,
'cm.banner.title': `Ova web-stranica koristi kolačiće`,
'cm.category.always-on': `Uvijek uključeno`,
'cm.category.analytics': `Performanse i analitika`,
'cm.category.analytics.description': `Broje posjete i izvore prometa kako bismo mogli mjeriti i poboljšavati rad web-stranice.`,
'cm.category.marketing': `Marketinški`,
'cm.category.marketing.description': `Mjere oglašivačke kampanje i prikazuju vam oglase u skladu s vašim interesima, ovdje i na drugim web-stranicama.`,
'cm.category.necessary': `Nužni`,
'cm.category.necessary.description': `Potrebni za rad web-stranice: prijava, sigurnost i pamćenje vašeg odabira kolačića. Ne mogu se isključiti.`,
'cm.category.payments': `Plaćanja`,
'cm.category.payments.description': `Sigurno obrađuju plaćanja i pomažu u otkrivanju i sprječavanju prijevara.`,
'cm.category.preferences': `Preferencije`,
'cm.category.preferences.description': `Pamte vaše postavke, poput jezika ili teme, kako ih ne biste morali ponovno postavljati.`,
'cm.cookies.first-party': `Prve strane`,
'cm.cookies.lifetime': `Trajanje`,
'cm.cookies.name': `Naziv`,
'cm.cookies.none': `Za ovu kategoriju nisu navedeni kolačići.`,
'cm.cookies.own-purpose': `Pamti vaše odabire kolačića. Ako su kolačići blokirani, odabiri se umjesto toga čuvaju u lokalnoj pohrani ovog preglednika.`,
'cm.cookies.party': `Vrsta`,
'cm.cookies.provider': `Pružatelj`,
'cm.cookies.purpose': `Svrha`,
'cm.cookies.summary': `Kolačići u ovoj kategoriji`,
'cm.cookies.third-party': `Treće strane`,
'cm.cookies.this-site': `Ova web-stranica`,
'cm.customize': `Prilagodi`,
'cm.gpc': `Vaš preglednik šalje signal Global Privacy Control i mi ga poštujemo.`,
'cm.placeholder.allow': `Dopusti i učitaj`,
'cm.placeholder.also': str`Dopuštanjem kategorije „${0}” dopuštate i: ${1}.`,
'cm.placeholder.text': str`Ovaj sadržaj ostaje blokiran dok ne dopustite kategoriju „${0}”.`,
'cm.placeholder.title': str`Sadržaj s ${0}`,
'cm.preferences.close': `Zatvori`,
'cm.preferences.save': `Spremi odabir`,
'cm.preferences.text': `Odaberite koje neobavezne kolačiće ova web-stranica smije koristiti. Kolačići potrebni za rad web-stranice uvijek su uključeni. Svoj odabir možete promijeniti u bilo kojem trenutku.`,
'cm.preferences.title': `Postavke kolačića`,
'cm.reject-all': `Odbij sve`,
'cm.table.allowed': `Vaš odabir: dopušteno`,
'cm.table.change': `Promijeni postavke kolačića`,
'cm.table.denied': `Vaš odabir: nije dopušteno`,
    };
  