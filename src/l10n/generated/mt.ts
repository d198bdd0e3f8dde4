
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Aċċetta kollox`,
'cm.banner.change': str`Biex tibdel l-għażla tiegħek aktar tard, uża “${0}” f'din il-paġna.`,
'cm.banner.others.few': str`${0} oħrajn`,
'cm.banner.others.many': str`${0} oħrajn`,
'cm.banner.others.one': str`${0} ieħor`,
'cm.banner.others.other': str`${0} oħrajn`,
'cm.banner.others.two': str`${0} oħrajn`,
'cm.banner.others.zero': str`${0} oħrajn`,
'cm.banner.partners': str`Naħdmu ma' dawn is-sħab: ${0}.`,
'cm.banner.policy': `Politika dwar il-cookies`,
'cm.banner.text': `Xi cookies huma meħtieġa biex dan is-sit jaħdem. Bil-kunsens tiegħek, nużaw ukoll cookies mhux obbligatorji, pereżempju biex inkejlu ż-żjarat jew biex niftakru s-settings tiegħek. Tista' tibdel l-għażla tiegħek fi kwalunkwe ħin.`,
'cm.banner.title': `Dan is-sit juża l-cookies`,
'cm.category.always-on': `Dejjem attivi`,
'cm.category.analytics': `Prestazzjoni u analitika`,
'cm.category.analytics.description': `Jgħoddu ż-żjarat u s-sorsi tat-traffiku, biex inkunu nistgħu nkejlu u ntejbu kif jaħdem is-sit.`,
'cm.category.marketing': `Kummerċjalizzazzjoni`,
'cm.category.marketing.description': `Ikejlu l-kampanji tar-reklamar u juruk reklami li jaqblu mal-interessi tiegħek, hawn u f'siti oħra.`,
'cm.category.necessary': `Strettament meħtieġa`,
'cm.category.necessary.description': `Meħtieġa biex is-sit jaħdem: id-dħul fil-kont, is-sigurtà, u biex niftakru l-għażla tiegħek dwar il-cookies. Ma jistgħux jintfew.`,
'cm.category.payments': `Pagamenti`,
'cm.category.payments.description': `Jipproċessaw il-pagamenti b'mod sigur u jgħinu biex tinqabad u tiġi evitata l-frodi.`,
'cm.category.preferences': `Preferenzi`,
'cm.category.preferences.description': `Jiftakru s-settings tiegħek, bħall-lingwa jew it-tema, biex ma jkollokx terġa' tagħżilhom.`,
'cm.cookies.first-party': `L-ewwel parti`,
'cm.cookies.lifetime': `Tul ta' żmien`,
'cm.cookies.name': `Isem`,
'cm.cookies.none': `M'hemm l-ebda cookie elenkat għal din il-kategorija.`,
'cm.cookies.own-purpose': `Jiftakar l-għażliet tiegħek dwar il-cookies. Jekk il-cookies huma mblukkati, jinżammu fil-ħażna lokali ta’ dan il-browser minflok.`,
'cm.cookies.party': `Tip`,
'cm.cookies.provider': `Fornitur`,
'cm.cookies.purpose': `Skop`,
'cm.cookies.summary': `Cookies f'din il-kategorija`,
'cm.cookies.third-party': `Parti terza`,
'cm.cookies.this-site': `Dan is-sit`,
'cm.customize': `Personalizza`,
'cm.gpc': `Il-browser tiegħek jibgħat sinjal Global Privacy Control, u aħna nirrispettawh.`,
'cm.placeholder.allow': `Ippermetti u tella'`,
'cm.placeholder.also': str`Jekk tippermetti “${0}”, tippermetti wkoll: ${1}.`,
'cm.placeholder.text': str`Dan il-kontenut jibqa' imblukkat sakemm tippermetti l-kategorija “${0}”.`,
'cm.placeholder.title': str`Kontenut minn ${0}`,
'cm.preferences.close': `Agħlaq`,
'cm.preferences.save': `Issejvja l-għażliet`,
'cm.preferences.text': `Agħżel liema cookies mhux obbligatorji jista' juża dan is-sit. Il-cookies li s-sit jeħtieġ biex jaħdem huma dejjem attivi. Tista' tibdel l-għażla tiegħek fi kwalunkwe ħin.`,
'cm.preferences.title': `Settings tal-cookies`,
'cm.reject-all': `Irrifjuta kollox`,
'cm.table.allowed': `L-għażla tiegħek: permess`,
'cm.table.change': `Ibdel is-settings tal-cookies`,
'cm.table.denied': `L-għażla tiegħek: mhux permess`,
    };
  