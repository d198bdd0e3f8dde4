
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Tümünü kabul et`,
'cm.banner.change': str`Seçiminizi daha sonra değiştirmek için bu sayfadaki “${0}” seçeneğini kullanın.`,
'cm.banner.others.few': str`diğer ${0} iş ortağı`,
'cm.banner.others.many': str`diğer ${0} iş ortağı`,
'cm.banner.others.one': str`diğer ${0} iş ortağı`,
'cm.banner.others.other': str`diğer ${0} iş ortağı`,
'cm.banner.others.two': str`diğer ${0} iş ortağı`,
'cm.banner.others.zero': str`diğer ${0} iş ortağı`,
'cm.banner.partners': str`Şu iş ortaklarıyla çalışıyoruz: ${0}.`,
'cm.banner.policy': `Çerez politikası`,
'cm.banner.text': `Bazı çerezler bu sitenin çalışması için gereklidir. İzninizle, örneğin ziyaretleri ölçmek veya ayarlarınızı hatırlamak için isteğe bağlı çerezler de kullanırız. Seçiminizi istediğiniz zaman değiştirebilirsiniz.`,
'cm.banner.title': `Bu site çerez kullanıyor`,
'cm.category.always-on': `Her zaman açık`,
'cm.category.analytics': `Performans ve analiz`,
'cm.category.analytics.description': `Sitenin işleyişini ölçüp iyileştirebilmemiz için ziyaretleri ve trafik kaynaklarını sayar.`,
'cm.category.marketing': `Pazarlama`,
'cm.category.marketing.description': `Reklam kampanyalarını ölçer ve burada ve diğer sitelerde ilgi alanlarınıza uygun reklamlar gösterir.`,
'cm.category.necessary': `Kesinlikle gerekli`,
'cm.category.necessary.description': `Sitenin çalışması için gereklidir: oturum açma, güvenlik ve çerez seçiminizin hatırlanması. Kapatılamazlar.`,
'cm.category.payments': `Ödemeler`,
'cm.category.payments.description': `Ödemeleri güvenle işler ve dolandırıcılığın tespit edilip önlenmesine yardımcı olur.`,
'cm.category.preferences': `Tercihler`,
'cm.category.preferences.description': `Dil veya tema gibi ayarlarınızı hatırlar, böylece bunları yeniden ayarlamanız gerekmez.`,
'cm.cookies.first-party': `Birinci taraf`,
'cm.cookies.lifetime': `Saklama süresi`,
'cm.cookies.name': `Ad`,
'cm.cookies.none': `Bu kategori için listelenmiş çerez yok.`,
'cm.cookies.own-purpose': `Çerez tercihlerinizi hatırlar. Çerezler engellenmişse tercihleriniz bunun yerine bu tarayıcının yerel depolamasında tutulur.`,
'cm.cookies.party': `Tür`,
'cm.cookies.provider': `Sağlayıcı`,
'cm.cookies.purpose': `Amaç`,
'cm.cookies.summary': `Bu kategorideki çerezler`,
'cm.cookies.third-party': `Üçüncü taraf`,
'cm.cookies.this-site': `Bu site`,
'cm.customize': `Özelleştir`,
'cm.gpc': `Tarayıcınız Global Privacy Control sinyali gönderiyor ve biz buna uyuyoruz.`,
'cm.placeholder.allow': `İzin ver ve yükle`,
'cm.placeholder.also': str`“${0}” kategorisine izin verdiğinizde şunlara da izin vermiş olursunuz: ${1}.`,
'cm.placeholder.text': str`Bu içerik, “${0}” kategorisine izin verene kadar engelli kalır.`,
'cm.placeholder.title': str`${0} içeriği`,
'cm.preferences.close': `Kapat`,
'cm.preferences.save': `Seçimleri kaydet`,
'cm.preferences.text': `Bu sitenin hangi isteğe bağlı çerezleri kullanabileceğini seçin. Sitenin çalışması için gereken çerezler her zaman açıktır. Seçiminizi istediğiniz zaman değiştirebilirsiniz.`,
'cm.preferences.title': `Çerez ayarları`,
'cm.reject-all': `Tümünü reddet`,
'cm.table.allowed': `Seçiminiz: izin verildi`,
'cm.table.change': `Çerez ayarlarını değiştir`,
'cm.table.denied': `Seçiminiz: izin verilmedi`,
    };
  