// Stands in for an analytics vendor: it announces that it ran, and sets the cookie such a vendor
// would. The developers page runs it twice (as gated markup and as the custom Plausible adapter's
// script): a block keeps its names out of the shared global scope of classic scripts.
{
  document.cookie = `_ga=GA1.1.${Math.floor(Math.random() * 1e9)}.${Math.floor(Date.now() / 1000)}; Path=/; Max-Age=600; SameSite=Lax`;
  const status = document.getElementById('analytics-status');
  if (status) status.textContent = 'The gated analytics script ran: “analytics” is allowed.';
  window.dispatchEvent(new CustomEvent('demo-analytics-ran'));
}
