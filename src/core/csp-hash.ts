/**
 * The base64 digest of `text` (UTF-8) as Content-Security-Policy hashes it (`sha256`, `sha384`,
 * `sha512`), or `null` where Web Crypto is missing (a browser's insecure origin). Shared by the
 * gate, which compares inline gated scripts with the site's hashes, and by
 * `inlineFirstLayerSources`, which gives the hashes of the server-rendered inline first layer.
 */
export async function cspDigest(algorithm: string, text: string): Promise<string | null> {
  const subtle = (globalThis.crypto as Crypto | undefined)?.subtle;
  if (!subtle) return null;
  const bytes = new Uint8Array(await subtle.digest(algorithm.replace('sha', 'SHA-'), new TextEncoder().encode(text)));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
