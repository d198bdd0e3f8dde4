
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Priimti visus`,
'cm.banner.change': str`Norėdami vėliau pakeisti savo pasirinkimą, šiame puslapyje naudokite „${0}“.`,
'cm.banner.others.few': str`dar ${0}`,
'cm.banner.others.many': str`dar ${0}`,
'cm.banner.others.one': str`dar ${0}`,
'cm.banner.others.other': str`dar ${0}`,
'cm.banner.others.two': str`dar ${0}`,
'cm.banner.others.zero': str`dar ${0}`,
'cm.banner.partners': str`Bendradarbiaujame su šiais partneriais: ${0}.`,
'cm.banner.policy': `Slapukų politika`,
'cm.banner.text': `Kai kurie slapukai būtini, kad ši svetainė veiktų. Jums sutikus, naudojame ir pasirenkamus slapukus, pavyzdžiui, apsilankymams matuoti ar jūsų nustatymams įsiminti. Savo pasirinkimą galite bet kada pakeisti.`,
'cm.banner.title': `Ši svetainė naudoja slapukus`,
'cm.category.always-on': `Visada įjungti`,
'cm.category.analytics': `Našumas ir analitika`,
'cm.category.analytics.description': `Skaičiuoja apsilankymus ir srauto šaltinius, kad galėtume matuoti ir gerinti svetainės veikimą.`,
'cm.category.marketing': `Rinkodara`,
'cm.category.marketing.description': `Matuoja reklamos kampanijas ir rodo jūsų interesus atitinkančias reklamas čia ir kitose svetainėse.`,
'cm.category.necessary': `Būtinieji`,
'cm.category.necessary.description': `Būtini svetainės veikimui: prisijungimas, saugumas ir jūsų slapukų pasirinkimo įsiminimas. Jų negalima išjungti.`,
'cm.category.payments': `Mokėjimai`,
'cm.category.payments.description': `Saugiai apdoroja mokėjimus ir padeda aptikti sukčiavimą bei jo išvengti.`,
'cm.category.preferences': `Nuostatos`,
'cm.category.preferences.description': `Įsimena jūsų nustatymus, pavyzdžiui, kalbą ar temą, kad nereikėtų jų nustatyti iš naujo.`,
'cm.cookies.first-party': `Pirmosios šalies`,
'cm.cookies.lifetime': `Galiojimo laikas`,
'cm.cookies.name': `Pavadinimas`,
'cm.cookies.none': `Šiai kategorijai slapukų nenurodyta.`,
'cm.cookies.own-purpose': `Įsimena jūsų slapukų pasirinkimus. Jei slapukai užblokuoti, pasirinkimai saugomi šios naršyklės vietinėje saugykloje.`,
'cm.cookies.party': `Tipas`,
'cm.cookies.provider': `Teikėjas`,
'cm.cookies.purpose': `Paskirtis`,
'cm.cookies.summary': `Šios kategorijos slapukai`,
'cm.cookies.third-party': `Trečiosios šalies`,
'cm.cookies.this-site': `Ši svetainė`,
'cm.customize': `Tinkinti`,
'cm.gpc': `Jūsų naršyklė siunčia „Global Privacy Control“ signalą, ir mes jį gerbiame.`,
'cm.placeholder.allow': `Leisti ir įkelti`,
'cm.placeholder.also': str`Leisdami kategoriją „${0}“, taip pat leidžiate: ${1}.`,
'cm.placeholder.text': str`Šis turinys užblokuotas, kol leisite kategoriją „${0}“.`,
'cm.placeholder.title': str`Turinys iš ${0}`,
'cm.preferences.close': `Uždaryti`,
'cm.preferences.save': `Išsaugoti pasirinkimą`,
'cm.preferences.text': `Pasirinkite, kuriuos pasirenkamus slapukus ši svetainė gali naudoti. Slapukai, kurių reikia svetainės veikimui, visada įjungti. Savo pasirinkimą galite bet kada pakeisti.`,
'cm.preferences.title': `Slapukų nustatymai`,
'cm.reject-all': `Atmesti visus`,
'cm.table.allowed': `Jūsų pasirinkimas: leidžiama`,
'cm.table.change': `Keisti slapukų nustatymus`,
'cm.table.denied': `Jūsų pasirinkimas: neleidžiama`,
    };
  