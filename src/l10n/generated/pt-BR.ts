
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Aceitar todos`,
'cm.banner.change': str`Para mudar sua escolha depois, use “${0}” nesta página.`,
'cm.banner.others.few': str`mais ${0}`,
'cm.banner.others.many': str`mais ${0}`,
'cm.banner.others.one': str`mais ${0}`,
'cm.banner.others.other': str`mais ${0}`,
'cm.banner.others.two': str`mais ${0}`,
'cm.banner.others.zero': str`mais ${0}`,
'cm.banner.partners': str`Trabalhamos com estes parceiros: ${0}.`,
'cm.banner.policy': `Política de cookies`,
'cm.banner.text': `Alguns cookies são necessários para o funcionamento deste site. Com o seu consentimento, também usamos cookies opcionais, por exemplo, para medir as visitas ou lembrar suas configurações. Você pode mudar sua escolha a qualquer momento.`,
'cm.banner.title': `Este site usa cookies`,
'cm.category.always-on': `Sempre ativos`,
'cm.category.analytics': `Desempenho e análise`,
'cm.category.analytics.description': `Contam as visitas e as origens de tráfego, para que possamos medir e melhorar o funcionamento do site.`,
'cm.category.marketing': `Publicidade`,
'cm.category.marketing.description': `Medem campanhas publicitárias e mostram anúncios de acordo com seus interesses, aqui e em outros sites.`,
'cm.category.necessary': `Estritamente necessários`,
'cm.category.necessary.description': `Necessários para o funcionamento do site: login, segurança e registro da sua escolha sobre cookies. Não podem ser desativados.`,
'cm.category.payments': `Pagamentos`,
'cm.category.payments.description': `Processam pagamentos com segurança e ajudam a detectar e evitar fraudes.`,
'cm.category.preferences': `Preferências`,
'cm.category.preferences.description': `Lembram suas configurações, como idioma ou tema, para que você não precise defini-las novamente.`,
'cm.cookies.first-party': `Próprios`,
'cm.cookies.lifetime': `Duração`,
'cm.cookies.name': `Nome`,
'cm.cookies.none': `Nenhum cookie listado para esta categoria.`,
'cm.cookies.own-purpose': `Lembra suas escolhas de cookies. Se os cookies estiverem bloqueados, elas ficam guardadas no armazenamento local deste navegador.`,
'cm.cookies.party': `Tipo`,
'cm.cookies.provider': `Fornecedor`,
'cm.cookies.purpose': `Finalidade`,
'cm.cookies.summary': `Cookies desta categoria`,
'cm.cookies.third-party': `De terceiros`,
'cm.cookies.this-site': `Este site`,
'cm.customize': `Personalizar`,
'cm.gpc': `Seu navegador envia um sinal Global Privacy Control, e nós o respeitamos.`,
'cm.placeholder.allow': `Permitir e carregar`,
'cm.placeholder.also': str`Ao permitir “${0}”, você também permite: ${1}.`,
'cm.placeholder.text': str`Este conteúdo fica bloqueado até você permitir a categoria “${0}”.`,
'cm.placeholder.title': str`Conteúdo de ${0}`,
'cm.preferences.close': `Fechar`,
'cm.preferences.save': `Salvar escolhas`,
'cm.preferences.text': `Escolha quais cookies opcionais este site pode usar. Os cookies de que o site precisa para funcionar estão sempre ativos. Você pode mudar sua escolha a qualquer momento.`,
'cm.preferences.title': `Configurações de cookies`,
'cm.reject-all': `Rejeitar todos`,
'cm.table.allowed': `Sua escolha: permitidos`,
'cm.table.change': `Alterar configurações de cookies`,
'cm.table.denied': `Sua escolha: não permitidos`,
    };
  