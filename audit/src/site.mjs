// Which hosts belong to the audited site. Without a public suffix list the audit takes the page's
// host (less a leading `www.`), its subdomains, and the hosts given with --first-party; every other host is another party.

/** A matcher for the site's own hosts: the start page's host, hosts under it, and `extraHosts`. */
export function firstPartyMatcher(startUrl, extraHosts = []) {
  const own = [new URL(startUrl).hostname.replace(/^www\./, ''), ...extraHosts.map((host) => host.toLowerCase().replace(/^\./, ''))];
  return (host) => {
    const bare = host.toLowerCase().replace(/^\./, '');
    return own.some((site) => bare === site || bare.endsWith(`.${site}`));
  };
}

/** Whether a cookie's domain is the site's: set by or for one of its hosts, or a parent domain of the page's host. */
export function cookieParty(cookieDomain, pageHost, isFirstParty) {
  const bare = cookieDomain.toLowerCase().replace(/^\./, '');
  if (isFirstParty(bare)) return 'first';
  return pageHost === bare || pageHost.endsWith(`.${bare}`) ? 'first' : 'third';
}
