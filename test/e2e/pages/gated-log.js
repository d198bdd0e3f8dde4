(window.e2eLog ??= []).push(document.currentScript?.getAttribute('data-name') ?? 'unnamed');
