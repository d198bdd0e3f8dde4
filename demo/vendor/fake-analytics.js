// Stands in for an analytics vendor: it announces that it ran, and sets the cookie such a vendor would.
document.cookie = `_ga=GA1.1.${Math.floor(Math.random() * 1e9)}.${Math.floor(Date.now() / 1000)}; Path=/; Max-Age=600; SameSite=Lax`;
const status = document.getElementById('analytics-status');
if (status) status.textContent = 'The analytics script ran: "analytics" is allowed.';
window.dispatchEvent(new CustomEvent('demo-analytics-ran'));
