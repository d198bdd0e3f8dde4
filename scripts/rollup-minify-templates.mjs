// A rollup plugin that takes the indentation out of Lit's `css` and `html` tagged templates in
// our own modules. Template text is kept as written by terser, so without this every newline and
// indentation space of the styles and markup would reach the visitor.
//
// CSS: comments go (they explain the source to its readers, not to the browser), runs of
// whitespace become one space, and none is kept around `{`, `}`, `;` and `,` or after `:`;
// numbers lose a leading zero.
// HTML: whitespace that contains a line break becomes one space, which keeps the space between
// inline content (`text <a>`) and drops only the indentation.
//
// msg(): the `desc` option is a note for translators, read by lit-localize's extractor from the
// source; the runtime ignores it, so it is dropped from the bundle.

function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    // `0.5rem` is `.5rem`: the zero goes wherever a number starts (after a space, `:`, `,` or `(`).
    .replace(/([\s:,(])0\.(\d)/g, '$1.$2');
}

function minifyHtml(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
    else if (value && typeof value === 'object') walk(value, visit);
  }
}

export function minifyTemplates({ include = /[\\/]lib[\\/]src[\\/]/ } = {}) {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!include.test(id) || !/\b(css|html|msg)\s*[`(]/.test(code)) return null;
      const edits = [];
      walk(this.parse(code), (node) => {
        const options = node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'msg' ? node.arguments[1] : null;
        if (options?.type === 'ObjectExpression') {
          const properties = options.properties;
          const index = properties.findIndex((property) => property.type === 'Property' && !property.computed && (property.key.name ?? property.key.value) === 'desc');
          // Removed with the comma before it, or else the one after it.
          if (index > 0) edits.push([properties[index - 1].end, properties[index].end, '']);
          else if (index === 0) edits.push([properties[0].start, properties[1]?.start ?? properties[0].end, '']);
        }
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
        const minify = node.tag.name === 'css' ? minifyCss : node.tag.name === 'html' ? minifyHtml : null;
        if (!minify) return;
        const { quasis } = node.quasi;
        quasis.forEach((quasi, index) => {
          if (code.slice(quasi.start, quasi.end) !== quasi.value.raw) this.error(`minify-templates: unexpected template positions in ${id}`);
          let text = minify(quasi.value.raw);
          // Stylesheets ignore the space before the first rule and after the last.
          if (node.tag.name === 'css' && index === 0) text = text.trimStart();
          if (node.tag.name === 'css' && index === quasis.length - 1) text = text.trimEnd();
          edits.push([quasi.start, quasi.end, text]);
        });
      });
      let result = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) result = result.slice(0, start) + text + result.slice(end);
      return { code: result, map: null };
    },
  };
}
