
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Tout accepter`,
'cm.banner.change': str`Pour modifier votre choix plus tard, utilisez « ${0} » sur cette page.`,
'cm.banner.others.few': str`${0} autres`,
'cm.banner.others.many': str`${0} autres`,
'cm.banner.others.one': str`${0} autre`,
'cm.banner.others.other': str`${0} autres`,
'cm.banner.others.two': str`${0} autres`,
'cm.banner.others.zero': str`${0} autres`,
'cm.banner.partners': str`Nous travaillons avec ces partenaires : ${0}.`,
'cm.banner.policy': `Politique relative aux cookies`,
'cm.banner.text': `Certains cookies sont nécessaires au fonctionnement de ce site. Avec votre accord, nous utilisons aussi des cookies facultatifs, par exemple pour mesurer la fréquentation ou mémoriser vos réglages. Vous pouvez modifier votre choix à tout moment.`,
'cm.banner.title': `Ce site utilise des cookies`,
'cm.category.always-on': `Toujours actifs`,
'cm.category.analytics': `Performance et mesure d’audience`,
'cm.category.analytics.description': `Comptent les visites et les sources de trafic, afin que nous puissions mesurer et améliorer le fonctionnement du site.`,
'cm.category.marketing': `Publicité`,
'cm.category.marketing.description': `Mesurent les campagnes publicitaires et vous montrent des publicités adaptées à vos centres d’intérêt, ici et sur d’autres sites.`,
'cm.category.necessary': `Strictement nécessaires`,
'cm.category.necessary.description': `Nécessaires au fonctionnement du site : connexion, sécurité et mémorisation de votre choix en matière de cookies. Ils ne peuvent pas être désactivés.`,
'cm.category.payments': `Paiements`,
'cm.category.payments.description': `Traitent les paiements en toute sécurité et aident à détecter et à prévenir la fraude.`,
'cm.category.preferences': `Préférences`,
'cm.category.preferences.description': `Mémorisent vos réglages, comme la langue ou le thème, pour que vous n’ayez pas à les refaire.`,
'cm.cookies.first-party': `Interne`,
'cm.cookies.lifetime': `Durée de conservation`,
'cm.cookies.name': `Nom`,
'cm.cookies.none': `Aucun cookie n’est répertorié pour cette catégorie.`,
'cm.cookies.own-purpose': `Mémorise vos choix en matière de cookies. Si les cookies sont bloqués, ils sont conservés dans le stockage local de ce navigateur.`,
'cm.cookies.party': `Origine`,
'cm.cookies.provider': `Fournisseur`,
'cm.cookies.purpose': `Finalité`,
'cm.cookies.summary': `Cookies de cette catégorie`,
'cm.cookies.third-party': `Tiers`,
'cm.cookies.this-site': `Ce site`,
'cm.customize': `Personnaliser`,
'cm.gpc': `Votre navigateur envoie un signal Global Privacy Control, et nous le respectons.`,
'cm.placeholder.allow': `Autoriser et charger`,
'cm.placeholder.also': str`Autoriser « ${0} » autorise aussi : ${1}.`,
'cm.placeholder.text': str`Ce contenu reste bloqué tant que vous n’autorisez pas la catégorie « ${0} ».`,
'cm.placeholder.title': str`Contenu de ${0}`,
'cm.preferences.close': `Fermer`,
'cm.preferences.save': `Enregistrer mes choix`,
'cm.preferences.text': `Choisissez les cookies facultatifs que ce site peut utiliser. Les cookies dont le site a besoin pour fonctionner sont toujours actifs. Vous pouvez modifier votre choix à tout moment.`,
'cm.preferences.title': `Paramètres des cookies`,
'cm.reject-all': `Tout refuser`,
'cm.table.allowed': `Votre choix : autorisé`,
'cm.table.change': `Modifier les paramètres des cookies`,
'cm.table.denied': `Votre choix : non autorisé`,
    };
  