
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Accetta tutti`,
'cm.banner.change': str`Per modificare la tua scelta in seguito, usa «${0}» in questa pagina.`,
'cm.banner.others.few': str`altri ${0}`,
'cm.banner.others.many': str`altri ${0}`,
'cm.banner.others.one': str`${0} altro`,
'cm.banner.others.other': str`altri ${0}`,
'cm.banner.others.two': str`altri ${0}`,
'cm.banner.others.zero': str`altri ${0}`,
'cm.banner.partners': str`Collaboriamo con questi partner: ${0}.`,
'cm.banner.policy': `Informativa sui cookie`,
'cm.banner.text': `Alcuni cookie sono necessari per il funzionamento di questo sito. Con il tuo consenso utilizziamo anche cookie facoltativi, ad esempio per misurare le visite o ricordare le tue impostazioni. Puoi modificare la tua scelta in qualsiasi momento.`,
'cm.banner.title': `Questo sito utilizza i cookie`,
'cm.category.always-on': `Sempre attivi`,
'cm.category.analytics': `Prestazioni e statistiche`,
'cm.category.analytics.description': `Contano le visite e le fonti di traffico, per permetterci di misurare e migliorare il funzionamento del sito.`,
'cm.category.marketing': `Pubblicità`,
'cm.category.marketing.description': `Misurano le campagne pubblicitarie e ti mostrano annunci in linea con i tuoi interessi, qui e su altri siti.`,
'cm.category.necessary': `Strettamente necessari`,
'cm.category.necessary.description': `Necessari per il funzionamento del sito: accesso, sicurezza e memorizzazione della tua scelta sui cookie. Non possono essere disattivati.`,
'cm.category.payments': `Pagamenti`,
'cm.category.payments.description': `Elaborano i pagamenti in modo sicuro e aiutano a individuare e prevenire le frodi.`,
'cm.category.preferences': `Preferenze`,
'cm.category.preferences.description': `Ricordano le tue impostazioni, come la lingua o il tema, così non devi impostarle di nuovo.`,
'cm.cookies.first-party': `Prima parte`,
'cm.cookies.lifetime': `Durata`,
'cm.cookies.name': `Nome`,
'cm.cookies.none': `Nessun cookie è elencato per questa categoria.`,
'cm.cookies.own-purpose': `Ricorda le tue scelte sui cookie. Se i cookie sono bloccati, vengono conservate nella memoria locale di questo browser.`,
'cm.cookies.party': `Tipo`,
'cm.cookies.provider': `Fornitore`,
'cm.cookies.purpose': `Finalità`,
'cm.cookies.summary': `Cookie di questa categoria`,
'cm.cookies.third-party': `Terza parte`,
'cm.cookies.this-site': `Questo sito`,
'cm.customize': `Personalizza`,
'cm.gpc': `Il tuo browser invia un segnale Global Privacy Control e noi lo rispettiamo.`,
'cm.placeholder.allow': `Consenti e carica`,
'cm.placeholder.also': str`Consentendo «${0}» consenti anche: ${1}.`,
'cm.placeholder.text': str`Questo contenuto resta bloccato finché non consenti la categoria «${0}».`,
'cm.placeholder.title': str`Contenuto da ${0}`,
'cm.preferences.close': `Chiudi`,
'cm.preferences.save': `Salva le scelte`,
'cm.preferences.text': `Scegli quali cookie facoltativi può utilizzare questo sito. I cookie necessari al funzionamento del sito sono sempre attivi. Puoi modificare la tua scelta in qualsiasi momento.`,
'cm.preferences.title': `Impostazioni dei cookie`,
'cm.reject-all': `Rifiuta tutti`,
'cm.table.allowed': `La tua scelta: consentiti`,
'cm.table.change': `Modifica le impostazioni dei cookie`,
'cm.table.denied': `La tua scelta: non consentiti`,
    };
  