
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `すべて許可`,
'cm.banner.change': str`後で選択を変更するには、このページの「${0}」をご利用ください。`,
'cm.banner.others.few': str`他${0}社`,
'cm.banner.others.many': str`他${0}社`,
'cm.banner.others.one': str`他${0}社`,
'cm.banner.others.other': str`他${0}社`,
'cm.banner.others.two': str`他${0}社`,
'cm.banner.others.zero': str`他${0}社`,
'cm.banner.partners': str`当サイトは次のパートナーと連携しています：${0}。`,
'cm.banner.policy': `Cookieポリシー`,
'cm.banner.text': `このサイトの動作には一部のCookieが必要です。同意いただいた場合は、訪問数の計測や設定の保存などのために任意のCookieも使用します。選択はいつでも変更できます。`,
'cm.banner.title': `このサイトはCookieを使用しています`,
'cm.category.always-on': `常に有効`,
'cm.category.analytics': `パフォーマンスと分析`,
'cm.category.analytics.description': `訪問数や流入元を集計し、サイトの動作の計測と改善に役立てます。`,
'cm.category.marketing': `マーケティング`,
'cm.category.marketing.description': `広告キャンペーンの効果を測定し、このサイトや他のサイトで興味に合った広告を表示します。`,
'cm.category.necessary': `必須`,
'cm.category.necessary.description': `サイトの動作に必要です（ログイン、セキュリティ、Cookieの選択の保存など）。無効にすることはできません。`,
'cm.category.payments': `支払い`,
'cm.category.payments.description': `支払いを安全に処理し、不正の検出と防止に役立てます。`,
'cm.category.preferences': `ユーザー設定`,
'cm.category.preferences.description': `言語やテーマなどの設定を記憶し、再設定の手間を省きます。`,
'cm.cookies.first-party': `ファーストパーティ`,
'cm.cookies.lifetime': `有効期間`,
'cm.cookies.name': `名前`,
'cm.cookies.none': `このカテゴリーに記載されたCookieはありません。`,
'cm.cookies.own-purpose': `Cookieに関する選択を記憶します。Cookieがブロックされている場合は、代わりにこのブラウザーのローカルストレージに保存されます。`,
'cm.cookies.party': `種類`,
'cm.cookies.provider': `提供元`,
'cm.cookies.purpose': `目的`,
'cm.cookies.summary': `このカテゴリーのCookie`,
'cm.cookies.third-party': `サードパーティ`,
'cm.cookies.this-site': `このサイト`,
'cm.customize': `カスタマイズ`,
'cm.gpc': `お使いのブラウザーはGlobal Privacy Controlシグナルを送信しており、当サイトはこれを尊重します。`,
'cm.placeholder.allow': `許可して読み込む`,
'cm.placeholder.also': str`「${0}」を許可すると、次も許可されます：${1}。`,
'cm.placeholder.text': str`このコンテンツは、「${0}」カテゴリーを許可するまでブロックされます。`,
'cm.placeholder.title': str`${0}のコンテンツ`,
'cm.preferences.close': `閉じる`,
'cm.preferences.save': `選択を保存`,
'cm.preferences.text': `このサイトが使用できる任意のCookieを選択してください。サイトの動作に必要なCookieは常に有効です。選択はいつでも変更できます。`,
'cm.preferences.title': `Cookie設定`,
'cm.reject-all': `すべて拒否`,
'cm.table.allowed': `あなたの選択：許可`,
'cm.table.change': `Cookie設定を変更`,
'cm.table.denied': `あなたの選択：不許可`,
    };
  