
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Приемане на всички`,
'cm.banner.change': str`За да промените избора си по-късно, използвайте „${0}“ на тази страница.`,
'cm.banner.others.few': str`още ${0}`,
'cm.banner.others.many': str`още ${0}`,
'cm.banner.others.one': str`още ${0}`,
'cm.banner.others.other': str`още ${0}`,
'cm.banner.others.two': str`още ${0}`,
'cm.banner.others.zero': str`още ${0}`,
'cm.banner.partners': str`Работим с тези партньори: ${0}.`,
'cm.banner.policy': `Политика за бисквитките`,
'cm.banner.text': `Някои бисквитки са необходими, за да работи този сайт. С вашето съгласие използваме и незадължителни бисквитки, например за измерване на посещенията или за запомняне на настройките ви. Можете да промените избора си по всяко време.`,
'cm.banner.title': `Този сайт използва бисквитки`,
'cm.category.always-on': `Винаги включени`,
'cm.category.analytics': `Ефективност и анализ`,
'cm.category.analytics.description': `Отчитат посещенията и източниците на трафик, за да можем да измерваме и подобряваме работата на сайта.`,
'cm.category.marketing': `Маркетинг`,
'cm.category.marketing.description': `Измерват рекламните кампании и ви показват реклами според интересите ви – тук и на други сайтове.`,
'cm.category.necessary': `Строго необходими`,
'cm.category.necessary.description': `Необходими за работата на сайта: вписване, сигурност и запомняне на избора ви за бисквитките. Не могат да бъдат изключени.`,
'cm.category.payments': `Плащания`,
'cm.category.payments.description': `Обработват плащанията сигурно и помагат за откриване и предотвратяване на измами.`,
'cm.category.preferences': `Предпочитания`,
'cm.category.preferences.description': `Запомнят настройките ви, например език или тема, за да не се налага да ги задавате отново.`,
'cm.cookies.first-party': `Собствени`,
'cm.cookies.lifetime': `Срок на съхранение`,
'cm.cookies.name': `Име`,
'cm.cookies.none': `За тази категория не са посочени бисквитки.`,
'cm.cookies.own-purpose': `Запомня избора ви за бисквитките. Ако бисквитките са блокирани, изборът се пази в локалното хранилище на този браузър.`,
'cm.cookies.party': `Вид`,
'cm.cookies.provider': `Доставчик`,
'cm.cookies.purpose': `Цел`,
'cm.cookies.summary': `Бисквитки в тази категория`,
'cm.cookies.third-party': `На трети страни`,
'cm.cookies.this-site': `Този сайт`,
'cm.customize': `Персонализиране`,
'cm.gpc': `Браузърът ви изпраща сигнал Global Privacy Control и ние го спазваме.`,
'cm.placeholder.allow': `Разрешаване и зареждане`,
'cm.placeholder.also': str`Разрешаването на „${0}“ разрешава също: ${1}.`,
'cm.placeholder.text': str`Това съдържание остава блокирано, докато не разрешите категорията „${0}“.`,
'cm.placeholder.title': str`Съдържание от ${0}`,
'cm.preferences.close': `Затваряне`,
'cm.preferences.save': `Запазване на избора`,
'cm.preferences.text': `Изберете кои незадължителни бисквитки може да използва този сайт. Бисквитките, от които сайтът се нуждае, за да работи, са винаги включени. Можете да промените избора си по всяко време.`,
'cm.preferences.title': `Настройки за бисквитки`,
'cm.reject-all': `Отхвърляне на всички`,
'cm.table.allowed': `Вашият избор: разрешено`,
'cm.table.change': `Промяна на настройките за бисквитки`,
'cm.table.denied': `Вашият избор: неразрешено`,
    };
  