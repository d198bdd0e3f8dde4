
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Godkänn alla`,
'cm.banner.change': str`Om du vill ändra ditt val senare använder du ”${0}” på den här sidan.`,
'cm.banner.others.few': str`${0} andra`,
'cm.banner.others.many': str`${0} andra`,
'cm.banner.others.one': str`${0} annan`,
'cm.banner.others.other': str`${0} andra`,
'cm.banner.others.two': str`${0} andra`,
'cm.banner.others.zero': str`${0} andra`,
'cm.banner.partners': str`Vi samarbetar med dessa partner: ${0}.`,
'cm.banner.policy': `Kakpolicy`,
'cm.banner.text': `Vissa kakor behövs för att webbplatsen ska fungera. Med ditt samtycke använder vi även valfria kakor, till exempel för att mäta besök eller komma ihåg dina inställningar. Du kan när som helst ändra ditt val.`,
'cm.banner.title': `Den här webbplatsen använder kakor`,
'cm.category.always-on': `Alltid på`,
'cm.category.analytics': `Prestanda och statistik`,
'cm.category.analytics.description': `Räknar besök och trafikkällor så att vi kan mäta och förbättra hur webbplatsen fungerar.`,
'cm.category.marketing': `Marknadsföring`,
'cm.category.marketing.description': `Mäter annonskampanjer och visar annonser som passar dina intressen, här och på andra webbplatser.`,
'cm.category.necessary': `Strikt nödvändiga`,
'cm.category.necessary.description': `Behövs för att webbplatsen ska fungera: inloggning, säkerhet och att komma ihåg ditt val av kakor. De kan inte stängas av.`,
'cm.category.payments': `Betalningar`,
'cm.category.payments.description': `Hanterar betalningar säkert och hjälper till att upptäcka och förhindra bedrägerier.`,
'cm.category.preferences': `Preferenser`,
'cm.category.preferences.description': `Kommer ihåg dina inställningar, till exempel språk eller tema, så att du inte behöver göra dem igen.`,
'cm.cookies.first-party': `Förstapart`,
'cm.cookies.lifetime': `Livslängd`,
'cm.cookies.name': `Namn`,
'cm.cookies.none': `Inga kakor finns angivna för den här kategorin.`,
'cm.cookies.own-purpose': `Kommer ihåg dina val om kakor. Om kakor är blockerade sparas valen i stället i den här webbläsarens lokala lagring.`,
'cm.cookies.party': `Typ`,
'cm.cookies.provider': `Leverantör`,
'cm.cookies.purpose': `Syfte`,
'cm.cookies.summary': `Kakor i den här kategorin`,
'cm.cookies.third-party': `Tredjepart`,
'cm.cookies.this-site': `Den här webbplatsen`,
'cm.customize': `Anpassa`,
'cm.gpc': `Din webbläsare skickar en Global Privacy Control-signal, och vi respekterar den.`,
'cm.placeholder.allow': `Tillåt och läs in`,
'cm.placeholder.also': str`Om du tillåter ”${0}” tillåter du också: ${1}.`,
'cm.placeholder.text': str`Innehållet är blockerat tills du tillåter kategorin ”${0}”.`,
'cm.placeholder.title': str`Innehåll från ${0}`,
'cm.preferences.close': `Stäng`,
'cm.preferences.save': `Spara val`,
'cm.preferences.text': `Välj vilka valfria kakor webbplatsen får använda. Kakor som webbplatsen behöver för att fungera är alltid på. Du kan när som helst ändra ditt val.`,
'cm.preferences.title': `Inställningar för kakor`,
'cm.reject-all': `Avvisa alla`,
'cm.table.allowed': `Ditt val: tillåtet`,
'cm.table.change': `Ändra inställningar för kakor`,
'cm.table.denied': `Ditt val: inte tillåtet`,
    };
  