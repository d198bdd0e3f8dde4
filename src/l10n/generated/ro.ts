
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Acceptă tot`,
'cm.banner.change': str`Pentru a vă schimba alegerea mai târziu, folosiți „${0}” de pe această pagină.`,
'cm.banner.others.few': str`încă ${0}`,
'cm.banner.others.many': str`încă ${0}`,
'cm.banner.others.one': str`încă ${0}`,
'cm.banner.others.other': str`încă ${0}`,
'cm.banner.others.two': str`încă ${0}`,
'cm.banner.others.zero': str`încă ${0}`,
'cm.banner.partners': str`Colaborăm cu acești parteneri: ${0}.`,
'cm.banner.policy': `Politica privind cookie-urile`,
'cm.banner.text': `Unele cookie-uri sunt necesare pentru funcționarea acestui site. Cu acordul dumneavoastră, folosim și cookie-uri opționale, de exemplu pentru a măsura vizitele sau a reține setările dumneavoastră. Vă puteți schimba alegerea oricând.`,
'cm.banner.title': `Acest site folosește cookie-uri`,
'cm.category.always-on': `Mereu active`,
'cm.category.analytics': `Performanță și analiză`,
'cm.category.analytics.description': `Numără vizitele și sursele de trafic, ca să putem măsura și îmbunătăți funcționarea site-ului.`,
'cm.category.marketing': `Publicitate`,
'cm.category.marketing.description': `Măsoară campaniile publicitare și vă arată reclame potrivite intereselor dumneavoastră, aici și pe alte site-uri.`,
'cm.category.necessary': `Strict necesare`,
'cm.category.necessary.description': `Necesare pentru funcționarea site-ului: autentificare, securitate și reținerea alegerii privind cookie-urile. Nu pot fi dezactivate.`,
'cm.category.payments': `Plăți`,
'cm.category.payments.description': `Procesează plățile în siguranță și ajută la detectarea și prevenirea fraudelor.`,
'cm.category.preferences': `Preferințe`,
'cm.category.preferences.description': `Rețin setările dumneavoastră, cum ar fi limba sau tema, ca să nu trebuiască să le alegeți din nou.`,
'cm.cookies.first-party': `Proprii`,
'cm.cookies.lifetime': `Durată`,
'cm.cookies.name': `Nume`,
'cm.cookies.none': `Nu sunt enumerate cookie-uri pentru această categorie.`,
'cm.cookies.own-purpose': `Reține alegerile dvs. privind cookie-urile. Dacă cookie-urile sunt blocate, acestea sunt păstrate în stocarea locală a acestui browser.`,
'cm.cookies.party': `Tip`,
'cm.cookies.provider': `Furnizor`,
'cm.cookies.purpose': `Scop`,
'cm.cookies.summary': `Cookie-uri din această categorie`,
'cm.cookies.third-party': `Terță parte`,
'cm.cookies.this-site': `Acest site`,
'cm.customize': `Personalizează`,
'cm.gpc': `Browserul dumneavoastră trimite un semnal Global Privacy Control, iar noi îl respectăm.`,
'cm.placeholder.allow': `Permite și încarcă`,
'cm.placeholder.also': str`Dacă permiteți categoria „${0}”, permiteți și: ${1}.`,
'cm.placeholder.text': str`Acest conținut rămâne blocat până când permiteți categoria „${0}”.`,
'cm.placeholder.title': str`Conținut de la ${0}`,
'cm.preferences.close': `Închide`,
'cm.preferences.save': `Salvează alegerile`,
'cm.preferences.text': `Alegeți ce cookie-uri opționale poate folosi acest site. Cookie-urile de care site-ul are nevoie pentru a funcționa sunt mereu active. Vă puteți schimba alegerea oricând.`,
'cm.preferences.title': `Setări cookie-uri`,
'cm.reject-all': `Respinge tot`,
'cm.table.allowed': `Alegerea dumneavoastră: permis`,
'cm.table.change': `Modificați setările cookie-urilor`,
'cm.table.denied': `Alegerea dumneavoastră: nepermis`,
    };
  