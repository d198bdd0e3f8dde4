
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Glac le gach ceann`,
'cm.banner.change': str`Chun do rogha a athrú níos déanaí, úsáid “${0}” ar an leathanach seo.`,
'cm.banner.others.few': str`${0} eile`,
'cm.banner.others.many': str`${0} eile`,
'cm.banner.others.one': str`${0} eile`,
'cm.banner.others.other': str`${0} eile`,
'cm.banner.others.two': str`${0} eile`,
'cm.banner.others.zero': str`${0} eile`,
'cm.banner.partners': str`Oibrímid leis na comhpháirtithe seo: ${0}.`,
'cm.banner.policy': `Beartas fianán`,
'cm.banner.text': `Tá roinnt fianán riachtanach chun go n-oibreoidh an suíomh seo. Le do thoiliú, úsáidimid fianáin roghnacha freisin, mar shampla chun cuairteanna a thomhas nó chun do shocruithe a mheabhrú. Is féidir leat do rogha a athrú am ar bith.`,
'cm.banner.title': `Úsáideann an suíomh seo fianáin`,
'cm.category.always-on': `Ar siúl i gcónaí`,
'cm.category.analytics': `Feidhmíocht agus anailísíocht`,
'cm.category.analytics.description': `Comhaireann siad cuairteanna agus foinsí tráchta, ionas gur féidir linn feidhmiú an tsuímh a thomhas agus a fheabhsú.`,
'cm.category.marketing': `Margaíocht`,
'cm.category.marketing.description': `Tomhaiseann siad feachtais fógraíochta agus taispeánann siad fógraí a oireann do do spéiseanna, anseo agus ar shuíomhanna eile.`,
'cm.category.necessary': `Fíor-riachtanach`,
'cm.category.necessary.description': `Riachtanach chun go n-oibreoidh an suíomh: síniú isteach, slándáil, agus do rogha fianán a mheabhrú. Ní féidir iad a mhúchadh.`,
'cm.category.payments': `Íocaíochtaí`,
'cm.category.payments.description': `Próiseálann siad íocaíochtaí go slán agus cabhraíonn siad le calaois a bhrath agus a chosc.`,
'cm.category.preferences': `Sainroghanna`,
'cm.category.preferences.description': `Meabhraíonn siad do shocruithe, amhail teanga nó téama, ionas nach gá duit iad a shocrú arís.`,
'cm.cookies.first-party': `Céadpháirtí`,
'cm.cookies.lifetime': `Saolré`,
'cm.cookies.name': `Ainm`,
'cm.cookies.none': `Níl aon fhianáin liostaithe don chatagóir seo.`,
'cm.cookies.own-purpose': `Meabhraíonn sé do roghanna fianán. Má tá fianáin bactha, coinnítear iad i stóras logánta an bhrabhsálaí seo ina ionad sin.`,
'cm.cookies.party': `Cineál`,
'cm.cookies.provider': `Soláthraí`,
'cm.cookies.purpose': `Cuspóir`,
'cm.cookies.summary': `Fianáin sa chatagóir seo`,
'cm.cookies.third-party': `Tríú páirtí`,
'cm.cookies.this-site': `An suíomh seo`,
'cm.customize': `Saincheap`,
'cm.gpc': `Seolann do bhrabhsálaí comhartha Global Privacy Control, agus urramaímid é.`,
'cm.placeholder.allow': `Ceadaigh agus lódáil`,
'cm.placeholder.also': str`Má cheadaíonn tú “${0}”, ceadaíonn tú freisin: ${1}.`,
'cm.placeholder.text': str`Fanann an t-ábhar seo blocáilte go dtí go gceadaíonn tú an chatagóir “${0}”.`,
'cm.placeholder.title': str`Ábhar ó ${0}`,
'cm.preferences.close': `Dún`,
'cm.preferences.save': `Sábháil roghanna`,
'cm.preferences.text': `Roghnaigh na fianáin roghnacha is féidir leis an suíomh seo a úsáid. Bíonn na fianáin a theastaíonn ón suíomh chun oibriú ar siúl i gcónaí. Is féidir leat do rogha a athrú am ar bith.`,
'cm.preferences.title': `Socruithe fianán`,
'cm.reject-all': `Diúltaigh do gach ceann`,
'cm.table.allowed': `Do rogha: ceadaithe`,
'cm.table.change': `Athraigh socruithe fianán`,
'cm.table.denied': `Do rogha: gan cheadú`,
    };
  