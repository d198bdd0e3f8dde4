
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Sprejmi vse`,
'cm.banner.change': str`Če želite svojo izbiro pozneje spremeniti, uporabite »${0}« na tej strani.`,
'cm.banner.others.few': str`še ${0}`,
'cm.banner.others.many': str`še ${0}`,
'cm.banner.others.one': str`še ${0}`,
'cm.banner.others.other': str`še ${0}`,
'cm.banner.others.two': str`še ${0}`,
'cm.banner.others.zero': str`še ${0}`,
'cm.banner.partners': str`Sodelujemo s temi partnerji: ${0}.`,
'cm.banner.policy': `Pravilnik o piškotkih`,
'cm.banner.text': `Nekateri piškotki so potrebni za delovanje tega spletnega mesta. Z vašo privolitvijo uporabljamo tudi izbirne piškotke, na primer za merjenje obiskov ali pomnjenje vaših nastavitev. Svojo izbiro lahko kadar koli spremenite.`,
'cm.banner.title': `To spletno mesto uporablja piškotke`,
'cm.category.always-on': `Vedno vklopljeno`,
'cm.category.analytics': `Učinkovitost in analitika`,
'cm.category.analytics.description': `Štejejo obiske in vire prometa, da lahko merimo in izboljšujemo delovanje spletnega mesta.`,
'cm.category.marketing': `Trženje`,
'cm.category.marketing.description': `Merijo oglaševalske akcije in vam prikazujejo oglase, ki ustrezajo vašim zanimanjem, tukaj in na drugih spletnih mestih.`,
'cm.category.necessary': `Nujno potrebni`,
'cm.category.necessary.description': `Potrebni za delovanje spletnega mesta: prijava, varnost in pomnjenje vaše izbire piškotkov. Ni jih mogoče izklopiti.`,
'cm.category.payments': `Plačila`,
'cm.category.payments.description': `Varno obdelujejo plačila ter pomagajo odkrivati in preprečevati goljufije.`,
'cm.category.preferences': `Prednostne nastavitve`,
'cm.category.preferences.description': `Zapomnijo si vaše nastavitve, na primer jezik ali temo, da jih ni treba znova nastavljati.`,
'cm.cookies.first-party': `Prve osebe`,
'cm.cookies.lifetime': `Trajanje`,
'cm.cookies.name': `Ime`,
'cm.cookies.none': `Za to kategorijo ni navedenih piškotkov.`,
'cm.cookies.own-purpose': `Zapomni si vaše izbire piškotkov. Če so piškotki blokirani, se izbire namesto tega hranijo v lokalni shrambi tega brskalnika.`,
'cm.cookies.party': `Vrsta`,
'cm.cookies.provider': `Ponudnik`,
'cm.cookies.purpose': `Namen`,
'cm.cookies.summary': `Piškotki v tej kategoriji`,
'cm.cookies.third-party': `Tretje osebe`,
'cm.cookies.this-site': `To spletno mesto`,
'cm.customize': `Prilagodi`,
'cm.gpc': `Vaš brskalnik pošilja signal Global Privacy Control in ga upoštevamo.`,
'cm.placeholder.allow': `Dovoli in naloži`,
'cm.placeholder.also': str`Če dovolite kategorijo »${0}«, dovolite tudi: ${1}.`,
'cm.placeholder.text': str`Ta vsebina ostane blokirana, dokler ne dovolite kategorije »${0}«.`,
'cm.placeholder.title': str`Vsebina ponudnika ${0}`,
'cm.preferences.close': `Zapri`,
'cm.preferences.save': `Shrani izbiro`,
'cm.preferences.text': `Izberite, katere izbirne piškotke lahko uporablja to spletno mesto. Piškotki, ki jih spletno mesto potrebuje za delovanje, so vedno vklopljeni. Svojo izbiro lahko kadar koli spremenite.`,
'cm.preferences.title': `Nastavitve piškotkov`,
'cm.reject-all': `Zavrni vse`,
'cm.table.allowed': `Vaša izbira: dovoljeno`,
'cm.table.change': `Spremeni nastavitve piškotkov`,
'cm.table.denied': `Vaša izbira: ni dovoljeno`,
    };
  