/**
 * The domains and paths a page can set, and so expire, a cookie on. In a module of its own,
 * small, because the first load needs it (the consent cookie) and vendor clean-up needs it too.
 */

/** `hostname` and its parent domains down to two labels: `a.b.example.com` gives itself, `b.example.com`, `example.com`. */
export function parentDomains(hostname: string): string[] {
  // IP addresses and single-label hosts (localhost) only have host-only cookies.
  if (!hostname.includes('.') || /^[\d.]+$/.test(hostname) || hostname.includes(':')) return [];
  const labels = hostname.split('.');
  const domains: string[] = [];
  for (let index = 0; index < labels.length - 1; index++) domains.push(labels.slice(index).join('.'));
  return domains;
}

/**
 * The cookie paths a page at `pathname` can see and so remove: `/`, each parent directory with and
 * without its trailing slash, and the path itself. `/shop/cart` gives `/`, `/shop`, `/shop/`,
 * `/shop/cart`. Deep paths stop at eight levels, to bound the writes.
 */
export function pathPrefixes(pathname: string): string[] {
  const paths = ['/'];
  const segments = pathname.split('/').filter(Boolean).slice(0, 8);
  let prefix = '';
  segments.forEach((segment, index) => {
    prefix += `/${segment}`;
    paths.push(prefix);
    if (index < segments.length - 1 || pathname.endsWith('/')) paths.push(`${prefix}/`);
  });
  return paths;
}
