/**
 * The storage a test file can leave behind, for test/isolation-*.test.ts: each of those files
 * first checks that none of it is there, then leaves some of each kind. Whichever runs second
 * fails if the test runner lets one file's storage reach the next (scripts/webkit-launcher.mjs
 * reuses one browser for every file; Chromium and Firefox give each file a fresh context).
 */
const PROBE = 'storage-isolation-probe';
/** A directory the test page is not in: its cookie reaches only pages under it. */
const DEEP_PATH = '/test/fixtures/';

/** Resolves with the same-origin frame's document once it has loaded. */
async function frameUnder(path: string): Promise<{ document: Document; remove: () => void }> {
  const frame = document.createElement('iframe');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `${path}frame.html`;
  document.body.append(frame);
  await loaded;
  const frameDocument = frame.contentDocument;
  if (!frameDocument) throw new Error(`the frame under ${path} did not load`);
  return { document: frameDocument, remove: () => frame.remove() };
}

function hasCookie(cookies: string): boolean {
  return cookies.split('; ').some((entry) => entry.startsWith(`${PROBE}=`));
}

/** Each kind of storage in which another file's probe is found: [] when this file starts clean. */
export async function probesFound(): Promise<string[]> {
  const found: string[] = [];
  if (hasCookie(document.cookie)) found.push('cookie');
  const deep = await frameUnder(DEEP_PATH);
  if (hasCookie(deep.document.cookie)) found.push(`cookie with Path=${DEEP_PATH}`);
  deep.remove();
  if (localStorage.getItem(PROBE) !== null) found.push('localStorage');
  if (sessionStorage.getItem(PROBE) !== null) found.push('sessionStorage');
  if ((await indexedDB.databases()).some(({ name }) => name === PROBE)) found.push('IndexedDB');
  if (cachesAvailable() && (await caches.keys()).includes(PROBE)) found.push('Cache Storage');
  return found;
}

/** Leaves a probe in every kind of storage `probesFound` checks, and reads each back. */
export async function leaveProbes(): Promise<string[]> {
  document.cookie = `${PROBE}=1; Path=/; Max-Age=600`;
  document.cookie = `${PROBE}=1; Path=${DEEP_PATH}; Max-Age=600`;
  localStorage.setItem(PROBE, '1');
  sessionStorage.setItem(PROBE, '1');
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(PROBE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('probe');
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
  });
  if (cachesAvailable()) await caches.open(PROBE);
  return probesFound();
}

/** Cache Storage exists only in secure contexts; 127.0.0.1 is one, where the engine agrees. */
function cachesAvailable(): boolean {
  return window.isSecureContext && 'caches' in window;
}
