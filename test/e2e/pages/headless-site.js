// The site's own consent UI for headless.html: it shows its banner when the element says there is
// no choice or is asked to, and its buttons call the element's API. `ready`, not `consent-ready`:
// the element may start before this script runs.
const element = document.querySelector('consent-manager');
const banner = document.getElementById('site-banner');
window.siteLog = [];
for (const type of ['consent-change', 'consent-ui-request', 'consent-ui-show']) {
  element.addEventListener(type, (event) => {
    window.siteLog.push(`${type}:${event.detail.view ?? event.detail.decided}`);
    if (type === 'consent-ui-request' || event.detail.decided === false) banner.hidden = false;
    else if (event.detail.decided) banner.hidden = true;
  });
}
await customElements.whenDefined('consent-manager');
const state = await element.ready;
window.siteLog.unshift(`ready:${state.decided}`);
banner.hidden = state.decided;
document.getElementById('site-accept').addEventListener('click', () => element.acceptAll());
document.getElementById('site-reject').addEventListener('click', () => element.rejectAll());
