
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Accepter alle`,
'cm.banner.change': str`Du kan ændre dit valg senere med »${0}« på denne side.`,
'cm.banner.others.few': str`${0} andre`,
'cm.banner.others.many': str`${0} andre`,
'cm.banner.others.one': str`${0} anden`,
'cm.banner.others.other': str`${0} andre`,
'cm.banner.others.two': str`${0} andre`,
'cm.banner.others.zero': str`${0} andre`,
'cm.banner.partners': str`Vi samarbejder med disse partnere: ${0}.`,
'cm.banner.policy': `Cookiepolitik`,
'cm.banner.text': `Nogle cookies er nødvendige, for at dette websted kan fungere. Med dit samtykke bruger vi også valgfrie cookies, for eksempel til at måle besøg eller huske dine indstillinger. Du kan til enhver tid ændre dit valg.`,
'cm.banner.title': `Dette websted bruger cookies`,
'cm.category.always-on': `Altid slået til`,
'cm.category.analytics': `Ydeevne og statistik`,
'cm.category.analytics.description': `Tæller besøg og trafikkilder, så vi kan måle og forbedre, hvordan webstedet fungerer.`,
'cm.category.marketing': `Markedsføring`,
'cm.category.marketing.description': `Måler annoncekampagner og viser dig annoncer, der passer til dine interesser, her og på andre websteder.`,
'cm.category.necessary': `Strengt nødvendige`,
'cm.category.necessary.description': `Nødvendige for, at webstedet fungerer: login, sikkerhed og at huske dit cookievalg. De kan ikke slås fra.`,
'cm.category.payments': `Betalinger`,
'cm.category.payments.description': `Behandler betalinger sikkert og hjælper med at opdage og forhindre svindel.`,
'cm.category.preferences': `Præferencer`,
'cm.category.preferences.description': `Husker dine indstillinger, f.eks. sprog eller tema, så du ikke skal vælge dem igen.`,
'cm.cookies.first-party': `Førstepart`,
'cm.cookies.lifetime': `Levetid`,
'cm.cookies.name': `Navn`,
'cm.cookies.none': `Der er ikke angivet cookies for denne kategori.`,
'cm.cookies.own-purpose': `Husker dine valg om cookies. Hvis cookies er blokeret, gemmes valgene i stedet i denne browsers lokale lager.`,
'cm.cookies.party': `Part`,
'cm.cookies.provider': `Udbyder`,
'cm.cookies.purpose': `Formål`,
'cm.cookies.summary': `Cookies i denne kategori`,
'cm.cookies.third-party': `Tredjepart`,
'cm.cookies.this-site': `Dette websted`,
'cm.customize': `Tilpas`,
'cm.gpc': `Din browser sender et Global Privacy Control-signal, og det respekterer vi.`,
'cm.placeholder.allow': `Tillad og indlæs`,
'cm.placeholder.also': str`Når du tillader »${0}«, tillader du også: ${1}.`,
'cm.placeholder.text': str`Indholdet er blokeret, indtil du tillader kategorien »${0}«.`,
'cm.placeholder.title': str`Indhold fra ${0}`,
'cm.preferences.close': `Luk`,
'cm.preferences.save': `Gem valg`,
'cm.preferences.text': `Vælg, hvilke valgfrie cookies dette websted må bruge. Cookies, som webstedet skal bruge for at fungere, er altid slået til. Du kan til enhver tid ændre dit valg.`,
'cm.preferences.title': `Cookieindstillinger`,
'cm.reject-all': `Afvis alle`,
'cm.table.allowed': `Dit valg: tilladt`,
'cm.table.change': `Skift cookieindstillinger`,
'cm.table.denied': `Dit valg: ikke tilladt`,
    };
  