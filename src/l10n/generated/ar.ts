
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `قبول الكل`,
'cm.banner.change': str`لتغيير اختيارك لاحقًا، استخدم «${0}» في هذه الصفحة.`,
'cm.banner.others.few': str`${0} من الشركاء الآخرين`,
'cm.banner.others.many': str`${0} من الشركاء الآخرين`,
'cm.banner.others.one': str`${0} من الشركاء الآخرين`,
'cm.banner.others.other': str`${0} من الشركاء الآخرين`,
'cm.banner.others.two': str`${0} من الشركاء الآخرين`,
'cm.banner.others.zero': str`${0} من الشركاء الآخرين`,
'cm.banner.partners': str`نتعاون مع هؤلاء الشركاء: ${0}.`,
'cm.banner.policy': `سياسة ملفات تعريف الارتباط`,
'cm.banner.text': `بعض ملفات تعريف الارتباط ضرورية لعمل هذا الموقع. وبموافقتك، نستخدم أيضًا ملفات تعريف ارتباط اختيارية، مثلًا لقياس الزيارات أو لتذكّر إعداداتك. يمكنك تغيير اختيارك في أي وقت.`,
'cm.banner.title': `يستخدم هذا الموقع ملفات تعريف الارتباط`,
'cm.category.always-on': `مفعّلة دائمًا`,
'cm.category.analytics': `الأداء والتحليلات`,
'cm.category.analytics.description': `تحصي الزيارات ومصادرها، لنتمكن من قياس أداء الموقع وتحسينه.`,
'cm.category.marketing': `التسويق`,
'cm.category.marketing.description': `تقيس الحملات الإعلانية وتعرض لك إعلانات تناسب اهتماماتك، هنا وعلى مواقع أخرى.`,
'cm.category.necessary': `ضرورية للغاية`,
'cm.category.necessary.description': `ضرورية لعمل الموقع: تسجيل الدخول والأمان وتذكّر اختيارك بشأن ملفات تعريف الارتباط. لا يمكن إيقافها.`,
'cm.category.payments': `المدفوعات`,
'cm.category.payments.description': `تعالج المدفوعات بأمان وتساعد على كشف الاحتيال ومنعه.`,
'cm.category.preferences': `التفضيلات`,
'cm.category.preferences.description': `تتذكّر إعداداتك، مثل اللغة أو المظهر، حتى لا تضطر إلى ضبطها من جديد.`,
'cm.cookies.first-party': `طرف أول`,
'cm.cookies.lifetime': `مدة الصلاحية`,
'cm.cookies.name': `الاسم`,
'cm.cookies.none': `لا توجد ملفات تعريف ارتباط مدرجة لهذه الفئة.`,
'cm.cookies.own-purpose': `يحفظ اختياراتك بشأن ملفات تعريف الارتباط. إذا كانت ملفات تعريف الارتباط محظورة، تُحفظ في التخزين المحلي لهذا المتصفح بدلًا منها.`,
'cm.cookies.party': `النوع`,
'cm.cookies.provider': `المزوّد`,
'cm.cookies.purpose': `الغرض`,
'cm.cookies.summary': `ملفات تعريف الارتباط في هذه الفئة`,
'cm.cookies.third-party': `طرف ثالث`,
'cm.cookies.this-site': `هذا الموقع`,
'cm.customize': `تخصيص`,
'cm.gpc': `يرسل متصفحك إشارة Global Privacy Control، ونحن نحترمها.`,
'cm.placeholder.allow': `السماح والتحميل`,
'cm.placeholder.also': str`السماح بفئة «${0}» يسمح أيضًا بـ: ${1}.`,
'cm.placeholder.text': str`يبقى هذا المحتوى محظورًا حتى تسمح بفئة «${0}».`,
'cm.placeholder.title': str`محتوى من ${0}`,
'cm.preferences.close': `إغلاق`,
'cm.preferences.save': `حفظ الاختيارات`,
'cm.preferences.text': `اختر ملفات تعريف الارتباط الاختيارية التي يمكن لهذا الموقع استخدامها. ملفات تعريف الارتباط التي يحتاجها الموقع ليعمل مفعّلة دائمًا. يمكنك تغيير اختيارك في أي وقت.`,
'cm.preferences.title': `إعدادات ملفات تعريف الارتباط`,
'cm.reject-all': `رفض الكل`,
'cm.table.allowed': `اختيارك: مسموح`,
'cm.table.change': `تغيير إعدادات ملفات تعريف الارتباط`,
'cm.table.denied': `اختيارك: غير مسموح`,
    };
  