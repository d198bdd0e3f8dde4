// The fixture sites for the audit's tests, on 127.0.0.1 with a free port: each folder of
// audit/fixtures is one site with one defect. Requests for tracker.test (mapped to this
// server by Chromium's --host-resolver-rules) play another company's host, and so does the
// server's other name (localhost for 127.0.0.1 and back), which is another site to the browser.
// Five fixtures need the server itself: one sets a cookie whatever the visitor chose, one answers
// a script with an HttpOnly cookie, one answers a cross-site frame with a cookie, one opens
// WebSockets, one posts to a consent log (on tracker.test, which keeps what it received).
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repository = resolve(here, '..', '..');
const MOUNTS = [
  ['/dist/', join(repository, 'dist')],
  ['/vendor/cookieconsent/', join(repository, 'node_modules', 'vanilla-cookieconsent', 'dist')],
  ['/', join(here, '..', 'fixtures')],
];
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** The host name of the simulated third party. */
export const TRACKER_HOST = 'tracker.test';

async function staticFile(pathname) {
  const [prefix, folder] = MOUNTS.find(([candidate]) => pathname.startsWith(candidate));
  let file = normalize(join(folder, decodeURIComponent(pathname.slice(prefix.length))));
  if (!file.startsWith(folder + sep)) return null;
  if (pathname.endsWith('/')) file = join(file, 'index.html');
  const body = await readFile(file).catch(() => null);
  return body && { body, type: TYPES[extname(file)] ?? 'application/octet-stream' };
}

/** The consent log's records endpoint, on the third party's host. */
export const CONSENT_LOG_PATH = '/v1/records';

/**
 * Starts the server: `{ url, port, consentLogBodies, close }`. `consentLogBodies` holds the body
 * of every POST the consent log at `http://tracker.test/v1/records` received, in order.
 */
export async function startFixtureServer() {
  const consentLogBodies = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const headers = { 'Cache-Control': 'no-store' };
    if ((request.headers.host ?? '').split(':')[0] === TRACKER_HOST && url.pathname === CONSENT_LOG_PATH) {
      // The consent log, as far as its clients see it: CORS for any page, 202 for records.
      const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'content-type' };
      if (request.method === 'POST') {
        const chunks = [];
        for await (const chunk of request) chunks.push(chunk);
        consentLogBodies.push(Buffer.concat(chunks).toString('utf8'));
      }
      response.writeHead(request.method === 'POST' ? 202 : 204, { ...headers, ...cors, 'Content-Type': 'application/json' });
      response.end(request.method === 'POST' ? '{"accepted":1,"duplicates":0}' : '');
      return;
    }
    if ((request.headers.host ?? '').split(':')[0] === TRACKER_HOST) {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' });
      response.end('window.trackerLoaded = true;\n');
      return;
    }
    if (url.pathname === '/survives-reject/' && /(?:^|; )consent=/.test(request.headers.cookie ?? '')) {
      // The defect: a choice was made, so the server sets its marketing cookie without reading which
      // (HttpOnly, so the element's clean-up of declared cookies cannot undo it).
      headers['Set-Cookie'] = 'mkt_id=1; Path=/; HttpOnly';
    }
    if (url.pathname === '/withdrawal/track.js') {
      headers['Set-Cookie'] = 'srv_visit=1; Path=/; HttpOnly';
    }
    if (url.pathname === '/third-party-frame/frame.html') {
      // Sent to a cross-site frame, so SameSite=None, which needs Secure (Chromium takes it over
      // http from localhost and 127.0.0.1).
      headers['Set-Cookie'] = 'frame_hdr=1; Max-Age=2592000; Path=/; SameSite=None; Secure';
    }
    const file = await staticFile(url.pathname).catch(() => null);
    if (!file) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      response.end('not found');
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Type': file.type });
    response.end(file.body);
  });
  // WebSockets to tracker.test: the handshake, then the socket stays open until the server closes.
  const webSockets = new Set();
  server.on('upgrade', (request, socket) => {
    const key = request.headers['sec-websocket-key'];
    if (!key) {
      socket.destroy();
      return;
    }
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket.on('error', () => undefined);
    socket.on('close', () => webSockets.delete(socket));
    webSockets.add(socket);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  const close = () => {
    for (const socket of webSockets) socket.destroy();
    return new Promise((done) => server.close(done));
  };
  return { url: `http://127.0.0.1:${port}`, port, consentLogBodies, close };
}

/**
 * Chromium flags for the tests: tracker.test reaches the fixture server, every other host but
 * this machine resolves to nothing, so no test reaches the internet.
 */
export function resolverArgs(port) {
  return [`--host-resolver-rules=MAP ${TRACKER_HOST} 127.0.0.1:${port}, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1`];
}
