/** test/fixtures/gated/*.js push their name here when they run. */
declare global {
  interface Window {
    gateLog?: string[];
  }
}
export {};
