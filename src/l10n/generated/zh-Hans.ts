
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `全部接受`,
'cm.banner.change': str`如需稍后更改您的选择，请使用本页面上的“${0}”。`,
'cm.banner.others.few': str`其他${0}家`,
'cm.banner.others.many': str`其他${0}家`,
'cm.banner.others.one': str`其他${0}家`,
'cm.banner.others.other': str`其他${0}家`,
'cm.banner.others.two': str`其他${0}家`,
'cm.banner.others.zero': str`其他${0}家`,
'cm.banner.partners': str`我们与以下合作伙伴合作：${0}。`,
'cm.banner.policy': `Cookie 政策`,
'cm.banner.text': `本网站的运行需要某些 Cookie。在征得您同意后，我们还会使用可选 Cookie，例如用于统计访问量或记住您的设置。您可以随时更改您的选择。`,
'cm.banner.title': `本网站使用 Cookie`,
'cm.category.always-on': `始终开启`,
'cm.category.analytics': `性能与分析`,
'cm.category.analytics.description': `统计访问量和流量来源，以便我们衡量并改进网站的运行。`,
'cm.category.marketing': `营销`,
'cm.category.marketing.description': `衡量广告活动的效果，并在本网站及其他网站上向您展示符合您兴趣的广告。`,
'cm.category.necessary': `绝对必要`,
'cm.category.necessary.description': `网站运行所必需：用于登录、安全保障以及记住您的 Cookie 选择。无法关闭。`,
'cm.category.payments': `支付`,
'cm.category.payments.description': `安全处理付款，并帮助发现和防范欺诈。`,
'cm.category.preferences': `偏好设置`,
'cm.category.preferences.description': `记住您的设置（例如语言或主题），让您无需重新设置。`,
'cm.cookies.first-party': `第一方`,
'cm.cookies.lifetime': `有效期`,
'cm.cookies.name': `名称`,
'cm.cookies.none': `此类别未列出任何 Cookie。`,
'cm.cookies.own-purpose': `记住您的 Cookie 选择。如果 Cookie 被阻止，则改为保存在此浏览器的本地存储中。`,
'cm.cookies.party': `类型`,
'cm.cookies.provider': `提供方`,
'cm.cookies.purpose': `用途`,
'cm.cookies.summary': `此类别中的 Cookie`,
'cm.cookies.third-party': `第三方`,
'cm.cookies.this-site': `本网站`,
'cm.customize': `自定义`,
'cm.gpc': `您的浏览器发送了全球隐私控制（Global Privacy Control）信号，我们会予以遵守。`,
'cm.placeholder.allow': `允许并加载`,
'cm.placeholder.also': str`允许“${0}”类别也会允许：${1}。`,
'cm.placeholder.text': str`在您允许“${0}”类别之前，此内容将保持屏蔽。`,
'cm.placeholder.title': str`来自 ${0} 的内容`,
'cm.preferences.close': `关闭`,
'cm.preferences.save': `保存选择`,
'cm.preferences.text': `请选择本网站可以使用哪些可选 Cookie。网站运行所需的 Cookie 始终开启。您可以随时更改您的选择。`,
'cm.preferences.title': `Cookie 设置`,
'cm.reject-all': `全部拒绝`,
'cm.table.allowed': `您的选择：已允许`,
'cm.table.change': `更改 Cookie 设置`,
'cm.table.denied': `您的选择：未允许`,
    };
  