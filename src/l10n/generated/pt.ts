
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Aceitar todos`,
'cm.banner.change': str`Para alterar a sua escolha mais tarde, utilize «${0}» nesta página.`,
'cm.banner.others.few': str`mais ${0}`,
'cm.banner.others.many': str`mais ${0}`,
'cm.banner.others.one': str`mais ${0}`,
'cm.banner.others.other': str`mais ${0}`,
'cm.banner.others.two': str`mais ${0}`,
'cm.banner.others.zero': str`mais ${0}`,
'cm.banner.partners': str`Trabalhamos com estes parceiros: ${0}.`,
'cm.banner.policy': `Política de cookies`,
'cm.banner.text': `Alguns cookies são necessários para o funcionamento deste site. Com o seu consentimento, utilizamos também cookies opcionais, por exemplo para medir as visitas ou memorizar as suas definições. Pode alterar a sua escolha a qualquer momento.`,
'cm.banner.title': `Este site utiliza cookies`,
'cm.category.always-on': `Sempre ativos`,
'cm.category.analytics': `Desempenho e análise`,
'cm.category.analytics.description': `Contam as visitas e as origens do tráfego, para podermos medir e melhorar o funcionamento do site.`,
'cm.category.marketing': `Publicidade`,
'cm.category.marketing.description': `Medem as campanhas publicitárias e mostram-lhe anúncios adequados aos seus interesses, aqui e noutros sites.`,
'cm.category.necessary': `Estritamente necessários`,
'cm.category.necessary.description': `Necessários para o funcionamento do site: início de sessão, segurança e memorização da sua escolha sobre cookies. Não podem ser desativados.`,
'cm.category.payments': `Pagamentos`,
'cm.category.payments.description': `Processam pagamentos de forma segura e ajudam a detetar e prevenir fraudes.`,
'cm.category.preferences': `Preferências`,
'cm.category.preferences.description': `Memorizam as suas definições, como o idioma ou o tema, para que não tenha de as configurar novamente.`,
'cm.cookies.first-party': `Próprios`,
'cm.cookies.lifetime': `Duração`,
'cm.cookies.name': `Nome`,
'cm.cookies.none': `Não há cookies indicados para esta categoria.`,
'cm.cookies.own-purpose': `Memoriza as suas escolhas de cookies. Se os cookies estiverem bloqueados, são guardadas no armazenamento local deste navegador.`,
'cm.cookies.party': `Tipo`,
'cm.cookies.provider': `Fornecedor`,
'cm.cookies.purpose': `Finalidade`,
'cm.cookies.summary': `Cookies desta categoria`,
'cm.cookies.third-party': `De terceiros`,
'cm.cookies.this-site': `Este site`,
'cm.customize': `Personalizar`,
'cm.gpc': `O seu navegador envia um sinal Global Privacy Control e nós respeitamo-lo.`,
'cm.placeholder.allow': `Permitir e carregar`,
'cm.placeholder.also': str`Ao permitir «${0}», permite também: ${1}.`,
'cm.placeholder.text': str`Este conteúdo fica bloqueado até permitir a categoria «${0}».`,
'cm.placeholder.title': str`Conteúdo de ${0}`,
'cm.preferences.close': `Fechar`,
'cm.preferences.save': `Guardar escolhas`,
'cm.preferences.text': `Escolha os cookies opcionais que este site pode utilizar. Os cookies de que o site precisa para funcionar estão sempre ativos. Pode alterar a sua escolha a qualquer momento.`,
'cm.preferences.title': `Definições de cookies`,
'cm.reject-all': `Rejeitar todos`,
'cm.table.allowed': `A sua escolha: permitidos`,
'cm.table.change': `Alterar as definições de cookies`,
'cm.table.denied': `A sua escolha: não permitidos`,
    };
  