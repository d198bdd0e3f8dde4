
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Alles accepteren`,
'cm.banner.change': str`Om uw keuze later te wijzigen, gebruikt u “${0}” op deze pagina.`,
'cm.banner.others.few': str`${0} andere`,
'cm.banner.others.many': str`${0} andere`,
'cm.banner.others.one': str`${0} andere`,
'cm.banner.others.other': str`${0} andere`,
'cm.banner.others.two': str`${0} andere`,
'cm.banner.others.zero': str`${0} andere`,
'cm.banner.partners': str`We werken samen met deze partners: ${0}.`,
'cm.banner.policy': `Cookiebeleid`,
'cm.banner.text': `Sommige cookies zijn nodig om deze website te laten werken. Met uw toestemming gebruiken we ook optionele cookies, bijvoorbeeld om bezoeken te meten of uw instellingen te onthouden. U kunt uw keuze op elk moment wijzigen.`,
'cm.banner.title': `Deze website gebruikt cookies`,
'cm.category.always-on': `Altijd aan`,
'cm.category.analytics': `Prestaties en analyse`,
'cm.category.analytics.description': `Tellen bezoeken en verkeersbronnen, zodat we kunnen meten en verbeteren hoe de website werkt.`,
'cm.category.marketing': `Advertenties`,
'cm.category.marketing.description': `Meten advertentiecampagnes en tonen u advertenties die aansluiten bij uw interesses, hier en op andere websites.`,
'cm.category.necessary': `Strikt noodzakelijk`,
'cm.category.necessary.description': `Nodig om de website te laten werken: inloggen, beveiliging en het onthouden van uw cookiekeuze. Ze kunnen niet worden uitgeschakeld.`,
'cm.category.payments': `Betalingen`,
'cm.category.payments.description': `Verwerken betalingen veilig en helpen fraude op te sporen en te voorkomen.`,
'cm.category.preferences': `Voorkeuren`,
'cm.category.preferences.description': `Onthouden uw instellingen, zoals taal of thema, zodat u ze niet opnieuw hoeft in te stellen.`,
'cm.cookies.first-party': `Eigen`,
'cm.cookies.lifetime': `Bewaartermijn`,
'cm.cookies.name': `Naam`,
'cm.cookies.none': `Voor deze categorie zijn geen cookies vermeld.`,
'cm.cookies.own-purpose': `Onthoudt uw cookiekeuzes. Als cookies geblokkeerd zijn, worden ze in plaats daarvan in de lokale opslag van deze browser bewaard.`,
'cm.cookies.party': `Soort`,
'cm.cookies.provider': `Aanbieder`,
'cm.cookies.purpose': `Doel`,
'cm.cookies.summary': `Cookies in deze categorie`,
'cm.cookies.third-party': `Derde partij`,
'cm.cookies.this-site': `Deze website`,
'cm.customize': `Aanpassen`,
'cm.gpc': `Uw browser stuurt een Global Privacy Control-signaal en dat respecteren we.`,
'cm.placeholder.allow': `Toestaan en laden`,
'cm.placeholder.also': str`Als u “${0}” toestaat, staat u ook toe: ${1}.`,
'cm.placeholder.text': str`Deze inhoud blijft geblokkeerd tot u de categorie “${0}” toestaat.`,
'cm.placeholder.title': str`Inhoud van ${0}`,
'cm.preferences.close': `Sluiten`,
'cm.preferences.save': `Keuzes opslaan`,
'cm.preferences.text': `Kies welke optionele cookies deze website mag gebruiken. Cookies die de website nodig heeft om te werken, staan altijd aan. U kunt uw keuze op elk moment wijzigen.`,
'cm.preferences.title': `Cookie-instellingen`,
'cm.reject-all': `Alles weigeren`,
'cm.table.allowed': `Uw keuze: toegestaan`,
'cm.table.change': `Cookie-instellingen wijzigen`,
'cm.table.denied': `Uw keuze: niet toegestaan`,
    };
  