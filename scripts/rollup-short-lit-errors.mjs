// A rollup plugin that shortens the two error messages of Lit's `css` tag in the script-tag
// bundle. They only fire when a `css` template interpolates something that is not another `css`
// result, which none of this project's styles does (the tests render every style), yet their
// 220 characters reached every visitor's first load. Fails the build if Lit's wording changes, so
// the shortening cannot silently stop.
const CSS_TAG = /[\\/]@lit[\\/]reactive-element[\\/]css-tag\.js$/;
const MESSAGES = [
  [/"CSSResult is not constructable\. Use `unsafeCSS` or `css` instead\."/, '"lit: CSSResult: use css"'],
  [/"Value passed to 'css' function must be a 'css' function result: "\+(\w+)\+"\. Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security\."/, '"lit: not a css result: "+$1'],
];

export function shortLitErrors() {
  return {
    name: 'short-lit-errors',
    transform(code, id) {
      if (!CSS_TAG.test(id)) return null;
      let shortened = code;
      for (const [message, replacement] of MESSAGES) {
        if (!message.test(shortened)) this.error(`short-lit-errors: a message of ${id} changed; update scripts/rollup-short-lit-errors.mjs`);
        shortened = shortened.replace(message, replacement);
      }
      return { code: shortened, map: null };
    },
  };
}
