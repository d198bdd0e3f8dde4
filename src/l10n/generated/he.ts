
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `לאשר הכול`,
'cm.banner.change': str`כדי לשנות את הבחירה בהמשך, אפשר להשתמש ב“${0}” בדף הזה.`,
'cm.banner.others.few': str`עוד ${0}`,
'cm.banner.others.many': str`עוד ${0}`,
'cm.banner.others.one': str`עוד ${0}`,
'cm.banner.others.other': str`עוד ${0}`,
'cm.banner.others.two': str`עוד ${0}`,
'cm.banner.others.zero': str`עוד ${0}`,
'cm.banner.partners': str`אנחנו עובדים עם השותפים האלה: ${0}.`,
'cm.banner.policy': `מדיניות העוגיות`,
'cm.banner.text': `חלק מהעוגיות נחוצות כדי שהאתר יפעל. בהסכמתך, אנחנו משתמשים גם בעוגיות אופציונליות, למשל כדי למדוד ביקורים או לזכור את ההגדרות שלך. אפשר לשנות את הבחירה בכל עת.`,
'cm.banner.title': `האתר הזה משתמש בעוגיות`,
'cm.category.always-on': `פעילות תמיד`,
'cm.category.analytics': `ביצועים וניתוח נתונים`,
'cm.category.analytics.description': `סופרות ביקורים ומקורות תנועה, כדי שנוכל למדוד ולשפר את פעולת האתר.`,
'cm.category.marketing': `שיווק`,
'cm.category.marketing.description': `מודדות קמפיינים פרסומיים ומציגות לך מודעות שמתאימות לתחומי העניין שלך, כאן ובאתרים אחרים.`,
'cm.category.necessary': `הכרחיות`,
'cm.category.necessary.description': `נחוצות לפעולת האתר: התחברות, אבטחה ושמירת הבחירה שלך לגבי עוגיות. אי אפשר לכבות אותן.`,
'cm.category.payments': `תשלומים`,
'cm.category.payments.description': `מעבדות תשלומים באופן מאובטח ועוזרות לזהות ולמנוע הונאות.`,
'cm.category.preferences': `העדפות`,
'cm.category.preferences.description': `זוכרות את ההגדרות שלך, כמו שפה או ערכת נושא, כדי שלא יהיה צורך להגדיר אותן שוב.`,
'cm.cookies.first-party': `צד ראשון`,
'cm.cookies.lifetime': `משך חיים`,
'cm.cookies.name': `שם`,
'cm.cookies.none': `לא צוינו עוגיות לקטגוריה הזו.`,
'cm.cookies.own-purpose': `שומרת את הבחירות שלך לגבי עוגיות. אם עוגיות חסומות, הבחירות נשמרות במקום זאת באחסון המקומי של הדפדפן הזה.`,
'cm.cookies.party': `סוג`,
'cm.cookies.provider': `ספק`,
'cm.cookies.purpose': `מטרה`,
'cm.cookies.summary': `עוגיות בקטגוריה הזו`,
'cm.cookies.third-party': `צד שלישי`,
'cm.cookies.this-site': `האתר הזה`,
'cm.customize': `התאמה אישית`,
'cm.gpc': `הדפדפן שלך שולח אות Global Privacy Control, ואנחנו מכבדים אותו.`,
'cm.placeholder.allow': `לאשר ולטעון`,
'cm.placeholder.also': str`אישור הקטגוריה “${0}” מאשר גם את: ${1}.`,
'cm.placeholder.text': str`התוכן הזה יישאר חסום עד שהקטגוריה “${0}” תאושר.`,
'cm.placeholder.title': str`תוכן מ-${0}`,
'cm.preferences.close': `סגירה`,
'cm.preferences.save': `שמירת הבחירות`,
'cm.preferences.text': `בחירת העוגיות האופציונליות שהאתר הזה רשאי להשתמש בהן. עוגיות שהאתר צריך כדי לפעול מופעלות תמיד. אפשר לשנות את הבחירה בכל עת.`,
'cm.preferences.title': `הגדרות עוגיות`,
'cm.reject-all': `לדחות הכול`,
'cm.table.allowed': `הבחירה שלך: מותר`,
'cm.table.change': `שינוי הגדרות העוגיות`,
'cm.table.denied': `הבחירה שלך: לא מותר`,
    };
  