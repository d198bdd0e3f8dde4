// A small static server for the demo (`npm start`) and the end-to-end tests. Every HTML page is
// served with a strict Content Security Policy, to show the component needs nothing looser; the
// demo's pages add exactly the hosts of the vendors they configure (DEMO_CSP).
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xlf': 'application/xml; charset=utf-8',
};

/** The strictest policy the component supports: no inline script or style, Trusted Types enforced. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types consent-manager lit-html',
].join('; ');

/**
 * The hosts the demo's vendors use, by directive, as each vendor's Content Security Policy guide
 * lists them: Google Analytics 4 (https://developers.google.com/tag-platform/security/guides/csp),
 * Meta Pixel (fbevents.js, and its beacon to www.facebook.com/tr), Segment (analytics.js from its
 * CDN, settings from the CDN, events to api.segment.io) and Stripe.js (its script, its card
 * iframes, its API). Nothing else: no wildcard wider than a vendor documents.
 */
export const DEMO_VENDOR_SOURCES = {
  'script-src': ['https://*.googletagmanager.com', 'https://connect.facebook.net', 'https://cdn.segment.com', 'https://js.stripe.com', 'https://*.js.stripe.com'],
  'img-src': ['https://*.google-analytics.com', 'https://*.googletagmanager.com', 'https://www.facebook.com'],
  'connect-src': [
    'https://*.google-analytics.com',
    'https://*.analytics.google.com',
    'https://*.googletagmanager.com',
    'https://www.facebook.com',
    'https://cdn.segment.com',
    'https://api.segment.io',
    'https://api.stripe.com',
  ],
  'frame-src': ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
};

/** The consent log `npm start` runs beside the demo, which demo/config.js sends each decision to. */
export const DEMO_CONSENT_LOG = 'http://localhost:8787';

/**
 * The demo's policy: the strict one, plus the vendors' hosts, plus a `default` Trusted Types
 * policy. Vendor loaders insert scripts of their own (Stripe's loader inserts Stripe.js, Segment
 * and Meta fetch more of their code); on a page that enforces Trusted Types, only a `default`
 * policy can let those through, and the demo's (demo/trusted-types.js) passes exactly the
 * script-src hosts above.
 */
export const DEMO_CSP = [
  "default-src 'self'",
  `script-src 'self' ${DEMO_VENDOR_SOURCES['script-src'].join(' ')}`,
  "style-src 'self'",
  `img-src 'self' data: ${DEMO_VENDOR_SOURCES['img-src'].join(' ')}`,
  `connect-src 'self' ${DEMO_CONSENT_LOG} ${DEMO_VENDOR_SOURCES['connect-src'].join(' ')}`,
  `frame-src 'self' ${DEMO_VENDOR_SOURCES['frame-src'].join(' ')}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types consent-manager lit-html default',
].join('; ');

/** The policy of each demo page: the vendors' hosts where the consent manager runs, the strict policy for the embedded tour. */
export function demoCsp(pathname) {
  return pathname === '/embed.html' ? STRICT_CSP : DEMO_CSP;
}

/** The same, with scripts allowed by a per-response nonce instead of by origin. */
export function nonceCsp(nonce) {
  return STRICT_CSP.replace("script-src 'self'", `script-src 'nonce-${nonce}'`);
}

const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

/**
 * Serves `mounts` (URL prefix to folder). `csp(pathname, nonce)` returns the policy for an HTML
 * page, or null for none; `{{nonce}}` in HTML is replaced by a fresh nonce per response. Text is
 * sent gzip-compressed to clients that accept it, as a production server or CDN would.
 * `cacheControl(pathname)` gives each response's Cache-Control; `no-store` by default, which also
 * keeps pages out of the back/forward cache. `rewrite(pathname, text)` may change a script's text
 * before it is sent (the demo's config names the consent log where it actually listens).
 */
export function startStaticServer({ port = 0, host = '127.0.0.1', mounts, csp = () => STRICT_CSP, cacheControl = () => 'no-store', rewrite } = {}) {
  const roots = Object.entries(mounts)
    .map(([prefix, folder]) => [prefix, resolve(folder)])
    .sort(([a], [b]) => b.length - a.length);

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const pathname = decodeURIComponent(url.pathname);
      const mount = roots.find(([prefix]) => pathname.startsWith(prefix));
      if (!mount) return notFound(response);
      const [prefix, folder] = mount;
      let file = normalize(join(folder, pathname.slice(prefix.length)));
      if (file !== folder && !file.startsWith(folder + sep)) return notFound(response);
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file).catch(() => null);
      if (!body) return notFound(response);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers = { 'Content-Type': type, 'Cache-Control': cacheControl(pathname), 'X-Content-Type-Options': 'nosniff' };
      if (type.startsWith('text/html')) {
        const nonce = randomBytes(16).toString('base64');
        body = Buffer.from(body.toString('utf8').replaceAll('{{nonce}}', nonce));
        const policy = csp(pathname, nonce, url);
        if (policy) headers['Content-Security-Policy'] = policy;
      } else if (rewrite && type.startsWith('text/javascript')) {
        body = Buffer.from(rewrite(pathname, body.toString('utf8')));
      }
      if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 9 });
        headers['Content-Encoding'] = 'gzip';
        headers.Vary = 'Accept-Encoding';
      }
      response.writeHead(200, headers);
      response.end(body);
    } catch {
      response.writeHead(500);
      response.end('server error');
    }
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({ server, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

function notFound(response) {
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end('not found');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 8000);
  try {
    await stat('dist/consent-manager.js');
  } catch {
    console.error('dist/ is missing: run `npm run build` first (`npm start` does both).');
    process.exit(1);
  }
  // Where the consent log listens once started: CONSENT_LOG_PORT can move it from the port that
  // demo/config.js and the demo's policy name, and both are served to follow it.
  let logOrigin = DEMO_CONSENT_LOG;
  const { url } = await startStaticServer({
    port,
    host: process.env.HOST ?? 'localhost',
    mounts: { '/': 'demo', '/dist/': 'dist' },
    csp: (pathname) => demoCsp(pathname).replace(DEMO_CONSENT_LOG, logOrigin),
    rewrite: (pathname, text) => (pathname === '/config.js' ? text.replaceAll(DEMO_CONSENT_LOG, logOrigin) : text),
  });
  console.log(`Demo running at ${url} (Ctrl+C to stop)`);
  // The consent log beside it, in development mode, taking records from the demo's origin.
  try {
    const { createConsentLog, readSettings } = await import('../consent-log/src/server.mjs');
    const demoPort = new URL(url).port;
    const settings = readSettings({
      ...process.env,
      PORT: process.env.CONSENT_LOG_PORT ?? '8787',
      HOST: process.env.HOST ?? 'localhost',
      CONSENT_LOG_DEVELOPMENT: '1',
      CONSENT_LOG_ORIGINS: `http://localhost:${demoPort},http://127.0.0.1:${demoPort}`,
      CONSENT_LOG_ADMIN_TOKEN: process.env.CONSENT_LOG_ADMIN_TOKEN ?? randomBytes(18).toString('base64url'),
    });
    const { app } = await createConsentLog(settings);
    const logUrl = await app.listen({ port: settings.port, host: settings.host });
    const reachableAs = ['0.0.0.0', '::'].includes(settings.host) ? 'localhost' : settings.host.includes(':') ? `[${settings.host}]` : settings.host;
    logOrigin = `http://${reachableAs}:${app.server.address().port}`;
    console.log(`Consent log taking records at ${logUrl}/v1/records; its dashboard: ${logUrl}/#token=${settings.adminToken}`);
    // Ctrl+C: let the embedded database write what it holds before the process ends.
    for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void app.close().finally(() => process.exit(0)));
  } catch (error) {
    console.warn(`The consent log did not start (${error.message}); the demo runs without it.`);
  }
}
