
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Pieņemt visas`,
'cm.banner.change': str`Lai vēlāk mainītu savu izvēli, izmantojiet “${0}” šajā lapā.`,
'cm.banner.others.few': str`vēl ${0}`,
'cm.banner.others.many': str`vēl ${0}`,
'cm.banner.others.one': str`vēl ${0}`,
'cm.banner.others.other': str`vēl ${0}`,
'cm.banner.others.two': str`vēl ${0}`,
'cm.banner.others.zero': str`vēl ${0}`,
'cm.banner.partners': str`Mēs sadarbojamies ar šiem partneriem: ${0}.`,
'cm.banner.policy': `Sīkdatņu politika`,
'cm.banner.text': `Dažas sīkdatnes ir nepieciešamas, lai šī vietne darbotos. Ar jūsu piekrišanu mēs izmantojam arī neobligātas sīkdatnes, piemēram, lai mērītu apmeklējumus vai atcerētos jūsu iestatījumus. Jūs jebkurā laikā varat mainīt savu izvēli.`,
'cm.banner.title': `Šī vietne izmanto sīkdatnes`,
'cm.category.always-on': `Vienmēr ieslēgtas`,
'cm.category.analytics': `Veiktspēja un analītika`,
'cm.category.analytics.description': `Uzskaita apmeklējumus un datplūsmas avotus, lai mēs varētu novērtēt un uzlabot vietnes darbību.`,
'cm.category.marketing': `Mārketings`,
'cm.category.marketing.description': `Novērtē reklāmas kampaņas un rāda jums reklāmas atbilstoši jūsu interesēm gan šeit, gan citās vietnēs.`,
'cm.category.necessary': `Absolūti nepieciešamās`,
'cm.category.necessary.description': `Nepieciešamas vietnes darbībai: pieteikšanās, drošība un jūsu sīkdatņu izvēles saglabāšana. Tās nevar izslēgt.`,
'cm.category.payments': `Maksājumi`,
'cm.category.payments.description': `Droši apstrādā maksājumus un palīdz atklāt un novērst krāpšanu.`,
'cm.category.preferences': `Lietotāja izvēles`,
'cm.category.preferences.description': `Atceras jūsu iestatījumus, piemēram, valodu vai motīvu, lai jums tie nebūtu jāiestata no jauna.`,
'cm.cookies.first-party': `Pirmā puse`,
'cm.cookies.lifetime': `Glabāšanas ilgums`,
'cm.cookies.name': `Nosaukums`,
'cm.cookies.none': `Šai kategorijai nav norādītas sīkdatnes.`,
'cm.cookies.own-purpose': `Atceras jūsu sīkdatņu izvēles. Ja sīkdatnes ir bloķētas, izvēles tiek glabātas šīs pārlūkprogrammas lokālajā krātuvē.`,
'cm.cookies.party': `Veids`,
'cm.cookies.provider': `Nodrošinātājs`,
'cm.cookies.purpose': `Mērķis`,
'cm.cookies.summary': `Šīs kategorijas sīkdatnes`,
'cm.cookies.third-party': `Trešā puse`,
'cm.cookies.this-site': `Šī vietne`,
'cm.customize': `Pielāgot`,
'cm.gpc': `Jūsu pārlūkprogramma sūta Global Privacy Control signālu, un mēs to ievērojam.`,
'cm.placeholder.allow': `Atļaut un ielādēt`,
'cm.placeholder.also': str`Atļaujot kategoriju “${0}”, jūs atļaujat arī: ${1}.`,
'cm.placeholder.text': str`Šis saturs ir bloķēts, līdz jūs atļausiet kategoriju “${0}”.`,
'cm.placeholder.title': str`Saturs no ${0}`,
'cm.preferences.close': `Aizvērt`,
'cm.preferences.save': `Saglabāt izvēli`,
'cm.preferences.text': `Izvēlieties, kuras neobligātās sīkdatnes šī vietne drīkst izmantot. Sīkdatnes, kas vietnei nepieciešamas darbībai, vienmēr ir ieslēgtas. Jūs jebkurā laikā varat mainīt savu izvēli.`,
'cm.preferences.title': `Sīkdatņu iestatījumi`,
'cm.reject-all': `Noraidīt visas`,
'cm.table.allowed': `Jūsu izvēle: atļauts`,
'cm.table.change': `Mainīt sīkdatņu iestatījumus`,
'cm.table.denied': `Jūsu izvēle: nav atļauts`,
    };
  