// Stands for a site's own Tag Manager snippet: records what the data layer held when it ran.
window.dataLayerAtSnippet = (window.dataLayer || []).map((entry) => JSON.parse(JSON.stringify(Array.from(entry))));
