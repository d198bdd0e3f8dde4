// Stands for a site's own Tag Manager snippet: records what the data layer held when it ran, and
// the type of each entry, since gtag.js and Tag Manager skip an array where they expect `arguments`.
window.dataLayerAtSnippet = (window.dataLayer || []).map((entry) => ({
  type: Object.prototype.toString.call(entry),
  args: JSON.parse(JSON.stringify(Array.from(entry))),
}));
