
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Aceptar todas`,
'cm.banner.change': str`Para cambiar tu elección más adelante, usa «${0}» en esta página.`,
'cm.banner.others.few': str`otros ${0}`,
'cm.banner.others.many': str`otros ${0}`,
'cm.banner.others.one': str`otro ${0}`,
'cm.banner.others.other': str`otros ${0}`,
'cm.banner.others.two': str`otros ${0}`,
'cm.banner.others.zero': str`otros ${0}`,
'cm.banner.partners': str`Trabajamos con estos socios: ${0}.`,
'cm.banner.policy': `Política de cookies`,
'cm.banner.text': `Algunas cookies son necesarias para que este sitio funcione. Con tu consentimiento, también usamos cookies opcionales, por ejemplo para medir las visitas o recordar tus ajustes. Puedes cambiar tu elección en cualquier momento.`,
'cm.banner.title': `Este sitio utiliza cookies`,
'cm.category.always-on': `Siempre activas`,
'cm.category.analytics': `Rendimiento y análisis`,
'cm.category.analytics.description': `Cuentan las visitas y las fuentes de tráfico para que podamos medir y mejorar el funcionamiento del sitio.`,
'cm.category.marketing': `Publicidad`,
'cm.category.marketing.description': `Miden las campañas publicitarias y te muestran anuncios acordes con tus intereses, aquí y en otros sitios.`,
'cm.category.necessary': `Estrictamente necesarias`,
'cm.category.necessary.description': `Necesarias para que el sitio funcione: inicio de sesión, seguridad y recordar tu elección sobre las cookies. No se pueden desactivar.`,
'cm.category.payments': `Pagos`,
'cm.category.payments.description': `Procesan los pagos de forma segura y ayudan a detectar y prevenir el fraude.`,
'cm.category.preferences': `Preferencias`,
'cm.category.preferences.description': `Recuerdan tus ajustes, como el idioma o el tema, para que no tengas que configurarlos de nuevo.`,
'cm.cookies.first-party': `Propias`,
'cm.cookies.lifetime': `Duración`,
'cm.cookies.name': `Nombre`,
'cm.cookies.none': `No hay cookies indicadas para esta categoría.`,
'cm.cookies.own-purpose': `Recuerda tus preferencias de cookies. Si las cookies están bloqueadas, se guardan en el almacenamiento local de este navegador.`,
'cm.cookies.party': `Tipo`,
'cm.cookies.provider': `Proveedor`,
'cm.cookies.purpose': `Finalidad`,
'cm.cookies.summary': `Cookies de esta categoría`,
'cm.cookies.third-party': `De terceros`,
'cm.cookies.this-site': `Este sitio`,
'cm.customize': `Personalizar`,
'cm.gpc': `Tu navegador envía una señal de Global Privacy Control y la respetamos.`,
'cm.placeholder.allow': `Permitir y cargar`,
'cm.placeholder.also': str`Al permitir «${0}» también permites: ${1}.`,
'cm.placeholder.text': str`Este contenido está bloqueado hasta que permitas la categoría «${0}».`,
'cm.placeholder.title': str`Contenido de ${0}`,
'cm.preferences.close': `Cerrar`,
'cm.preferences.save': `Guardar selección`,
'cm.preferences.text': `Elige qué cookies opcionales puede usar este sitio. Las cookies que el sitio necesita para funcionar están siempre activas. Puedes cambiar tu elección en cualquier momento.`,
'cm.preferences.title': `Configuración de cookies`,
'cm.reject-all': `Rechazar todas`,
'cm.table.allowed': `Tu elección: permitidas`,
'cm.table.change': `Cambiar la configuración de cookies`,
'cm.table.denied': `Tu elección: no permitidas`,
    };
  