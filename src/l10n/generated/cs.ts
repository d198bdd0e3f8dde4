
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Přijmout vše`,
'cm.banner.change': str`Svou volbu můžete později změnit pomocí „${0}“ na této stránce.`,
'cm.banner.others.few': str`${0} další`,
'cm.banner.others.many': str`${0} dalšího`,
'cm.banner.others.one': str`${0} další`,
'cm.banner.others.other': str`${0} dalších`,
'cm.banner.others.two': str`${0} dalších`,
'cm.banner.others.zero': str`${0} dalších`,
'cm.banner.partners': str`Spolupracujeme s těmito partnery: ${0}.`,
'cm.banner.policy': `Zásady používání souborů cookie`,
'cm.banner.text': `Některé soubory cookie jsou nezbytné pro fungování tohoto webu. S vaším souhlasem používáme také volitelné soubory cookie, například k měření návštěvnosti nebo k zapamatování vašeho nastavení. Svou volbu můžete kdykoli změnit.`,
'cm.banner.title': `Tento web používá soubory cookie`,
'cm.category.always-on': `Vždy zapnuto`,
'cm.category.analytics': `Výkon a analytika`,
'cm.category.analytics.description': `Počítají návštěvy a zdroje návštěvnosti, abychom mohli měřit a zlepšovat fungování webu.`,
'cm.category.marketing': `Marketingové`,
'cm.category.marketing.description': `Měří reklamní kampaně a zobrazují vám reklamy odpovídající vašim zájmům, zde i na jiných webech.`,
'cm.category.necessary': `Nezbytně nutné`,
'cm.category.necessary.description': `Nezbytné pro fungování webu: přihlášení, zabezpečení a zapamatování vaší volby souborů cookie. Nelze je vypnout.`,
'cm.category.payments': `Platby`,
'cm.category.payments.description': `Bezpečně zpracovávají platby a pomáhají odhalovat podvody a předcházet jim.`,
'cm.category.preferences': `Předvolby`,
'cm.category.preferences.description': `Pamatují si vaše nastavení, například jazyk nebo motiv, abyste je nemuseli nastavovat znovu.`,
'cm.cookies.first-party': `První strana`,
'cm.cookies.lifetime': `Doba platnosti`,
'cm.cookies.name': `Název`,
'cm.cookies.none': `Pro tuto kategorii nejsou uvedeny žádné soubory cookie.`,
'cm.cookies.own-purpose': `Pamatuje si vaši volbu souborů cookie. Pokud jsou soubory cookie blokovány, uloží se místo toho do místního úložiště tohoto prohlížeče.`,
'cm.cookies.party': `Typ`,
'cm.cookies.provider': `Poskytovatel`,
'cm.cookies.purpose': `Účel`,
'cm.cookies.summary': `Soubory cookie v této kategorii`,
'cm.cookies.third-party': `Třetí strana`,
'cm.cookies.this-site': `Tento web`,
'cm.customize': `Přizpůsobit`,
'cm.gpc': `Váš prohlížeč odesílá signál Global Privacy Control a my ho respektujeme.`,
'cm.placeholder.allow': `Povolit a načíst`,
'cm.placeholder.also': str`Povolením kategorie „${0}“ povolíte také: ${1}.`,
'cm.placeholder.text': str`Tento obsah zůstane blokován, dokud nepovolíte kategorii „${0}“.`,
'cm.placeholder.title': str`Obsah od ${0}`,
'cm.preferences.close': `Zavřít`,
'cm.preferences.save': `Uložit volbu`,
'cm.preferences.text': `Vyberte, které volitelné soubory cookie smí tento web používat. Soubory cookie, které web potřebuje ke svému fungování, jsou vždy zapnuté. Svou volbu můžete kdykoli změnit.`,
'cm.preferences.title': `Nastavení souborů cookie`,
'cm.reject-all': `Odmítnout vše`,
'cm.table.allowed': `Vaše volba: povoleno`,
'cm.table.change': `Změnit nastavení souborů cookie`,
'cm.table.denied': `Vaše volba: nepovoleno`,
    };
  